// Compiles words into the layout of dictionary_format.h.
#include <algorithm>
#include <cstring>
#include <deque>
#include <map>

#include <unicode/uchar.h>
#include <utf8.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_split.h"
#include "dictionary_format.h"
#include "model.h"
#include "model_text.h"
#include "string_view_util.h"
#include "vnseg/dictionary.h"
#include "vnseg/dictionary_builder.h"
#include "vnseg/syllable_key.h"
#include "vnseg/tokenizer.h"

namespace vnseg {

struct DictionaryBuilder::Impl {
  absl::flat_hash_map<std::string, uint32_t> words;  // canonical key -> WordFlags
  size_t skipped = 0;
  std::vector<Token> tokens;  // scratch
  model::ModelTable model;    // empty dense: no model
};

DictionaryBuilder::DictionaryBuilder() : impl_(std::make_unique<Impl>()) {}
DictionaryBuilder::~DictionaryBuilder() = default;

bool DictionaryBuilder::Add(std::string_view word, uint32_t flags) {
  // Tokenize the word as written, '_' read as a space, the way the
  // segmenter will see it in text: it must be syllables separated by white
  // space, and its capitals tell whether it is spelled lower-then-Capital
  // or as a name.
  std::string spaced(word);
  std::replace(spaced.begin(), spaced.end(), '_', ' ');
  std::vector<Token>& tokens = impl_->tokens;
  tokens.clear();
  PreTokenize(spaced, &tokens);
  if (!tokens.empty() && tokens.front().kind == TokenKind::kSpace) tokens.erase(tokens.begin());
  if (!tokens.empty() && tokens.back().kind == TokenKind::kSpace) tokens.pop_back();
  bool matchable = !tokens.empty();
  bool previous_lower = false;
  // A list word spelled with every syllable Capitalised is a name (a corpus
  // word's capitals may be only a sentence's first letter).
  bool all_capitalised = (flags & (kFromBaseList | kFromNameList | kFromUserList)) != 0;
  for (size_t i = 0; i < tokens.size() && matchable; ++i) {
    TokenKind expected = i % 2 == 0 ? TokenKind::kSyllable : TokenKind::kSpace;
    matchable = tokens[i].kind == expected;
    if (!matchable || expected != TokenKind::kSyllable) continue;
    const char* p = spaced.data() + tokens[i].begin;
    char32_t first = utf8::unchecked::next(p);
    if (previous_lower && u_isupper(first)) flags |= kLowerThenUpper;
    previous_lower = u_islower(first);
    all_capitalised = all_capitalised && u_isupper(first);
  }
  if (all_capitalised) flags |= kProperName;
  if (!matchable) {
    ++impl_->skipped;
    return false;
  }
  impl_->words[WordKey(word)] |= flags & kAllWordFlags;
  return true;
}

absl::Status DictionaryBuilder::SetModel(std::string_view model_text, std::string_view origin) {
  auto table = model::ParseModelText(model_text, origin);
  if (!table.ok()) return table.status();
  impl_->model = *std::move(table);
  return absl::OkStatus();
}

size_t DictionaryBuilder::size() const { return impl_->words.size(); }
size_t DictionaryBuilder::skipped() const { return impl_->skipped; }

namespace {

// The syllables of a canonical word key (WordKey: one space between them).
auto SplitKey(const std::string& key) { return absl::StrSplit(ToAbsl(key), ' '); }

template <typename T>
void AppendSection(std::string* image, FileHeader* header, Section s, const T* data, size_t count) {
  while (image->size() % 8 != 0) image->push_back('\0');
  header->sections[s] = SectionRef{image->size(), count * sizeof(T)};
  if (count > 0) image->append(reinterpret_cast<const char*>(data), count * sizeof(T));
}

}  // namespace

std::string DictionaryBuilder::Build(std::string_view source) const {
  // Deterministic output: words in key order, syllable ids in key order.
  std::vector<const std::pair<const std::string, uint32_t>*> sorted;
  sorted.reserve(impl_->words.size());
  for (const auto& kv : impl_->words) sorted.push_back(&kv);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });

  std::map<std::string_view, uint32_t> syllable_ids;
  uint32_t max_syllables = 0;
  for (auto* kv : sorted) {
    uint32_t syllables = 0;
    for (absl::string_view p : SplitKey(kv->first)) {
      syllable_ids.emplace(ToStd(p), 0);
      ++syllables;
    }
    max_syllables = std::max(max_syllables, syllables);
  }
  std::vector<uint32_t> offsets;
  std::string syllable_bytes;
  uint32_t next_id = 0;
  for (auto& [syl, id] : syllable_ids) {
    id = next_id++;
    offsets.push_back(static_cast<uint32_t>(syllable_bytes.size()));
    syllable_bytes.append(syl);
  }
  offsets.push_back(static_cast<uint32_t>(syllable_bytes.size()));

  uint32_t slot_count = 16;
  while (slot_count < 2 * syllable_ids.size() + 1) slot_count *= 2;
  std::vector<uint32_t> slots(slot_count, 0);
  for (auto& [syl, id] : syllable_ids) {
    uint32_t slot = static_cast<uint32_t>(KeyHash(syl)) & (slot_count - 1);
    while (slots[slot] != 0) slot = (slot + 1) & (slot_count - 1);
    slots[slot] = id + 1;
  }

  // A pointer trie first, then laid out breadth-first so that each node's
  // edges are contiguous and sorted by syllable id.
  struct BuildNode {
    std::map<uint32_t, uint32_t> children;
    bool is_word = false;
    uint32_t flags = 0;
  };
  std::vector<BuildNode> trie(1);
  for (auto* kv : sorted) {
    uint32_t node = 0;
    for (absl::string_view p : SplitKey(kv->first)) {
      uint32_t id = syllable_ids[ToStd(p)];
      auto it = trie[node].children.find(id);
      if (it == trie[node].children.end()) {
        trie[node].children.emplace(id, static_cast<uint32_t>(trie.size()));
        node = static_cast<uint32_t>(trie.size());
        trie.emplace_back();
      } else {
        node = it->second;
      }
    }
    trie[node].is_word = true;
    trie[node].flags = kv->second;
  }
  std::vector<TrieNode> nodes;
  std::vector<TrieEdge> edges;
  std::vector<uint32_t> new_index(trie.size());
  std::deque<uint32_t> queue = {0};
  new_index[0] = 0;
  uint32_t assigned = 1;
  while (!queue.empty()) {
    uint32_t old = queue.front();
    queue.pop_front();
    nodes.push_back(TrieNode{static_cast<uint32_t>(edges.size()),
                             static_cast<uint32_t>(trie[old].children.size()), trie[old].flags,
                             trie[old].is_word ? 1u : 0u});
    for (auto [id, child] : trie[old].children) {
      new_index[child] = assigned++;
      edges.push_back(TrieEdge{id, new_index[child]});
      queue.push_back(child);
    }
  }

  // The model's n-grams in key order (a deterministic layout), in a table
  // at most half full so that probes stay short and always end.
  std::vector<model::Entry> model_slots;
  if (!impl_->model.dense.empty() && !impl_->model.ngrams.empty()) {
    std::vector<model::Entry> entries;
    for (const auto& [key, w] : impl_->model.ngrams) {
      entries.push_back(model::Entry{key, {w[0], w[1], w[2], w[3]}});
    }
    std::sort(entries.begin(), entries.end(),
              [](const model::Entry& a, const model::Entry& b) { return a.key < b.key; });
    uint32_t count = 16;
    while (count < 2 * entries.size()) count *= 2;
    model_slots.assign(count, model::Entry{});
    for (const model::Entry& e : entries) {
      uint32_t slot = static_cast<uint32_t>(e.key) & (count - 1);
      while (model_slots[slot].key != 0) slot = (slot + 1) & (count - 1);
      model_slots[slot] = e;
    }
  }

  FileHeader header{};
  std::memcpy(header.magic, kMagic, sizeof(kMagic));
  header.format_version = kFormatVersion;
  header.byte_order = kByteOrderMark;
  header.word_count = static_cast<uint32_t>(sorted.size());
  header.syllable_count = static_cast<uint32_t>(syllable_ids.size());
  header.node_count = static_cast<uint32_t>(nodes.size());
  header.edge_count = static_cast<uint32_t>(edges.size());
  header.hash_slot_count = slot_count;
  header.max_word_syllables = max_syllables;
  header.model_slot_count = static_cast<uint32_t>(model_slots.size());
  header.model_dense_count = static_cast<uint32_t>(impl_->model.dense.size());
  header.model_feature_version = impl_->model.dense.empty() ? 0 : model::kFeatureVersion;

  std::string image(sizeof(FileHeader), '\0');
  std::string source_text(source);
  source_text.push_back('\0');
  AppendSection(&image, &header, kSource, source_text.data(), source_text.size());
  AppendSection(&image, &header, kHashSlots, slots.data(), slots.size());
  AppendSection(&image, &header, kSyllableOffsets, offsets.data(), offsets.size());
  AppendSection(&image, &header, kSyllableBytes, syllable_bytes.data(), syllable_bytes.size());
  AppendSection(&image, &header, kNodes, nodes.data(), nodes.size());
  AppendSection(&image, &header, kEdges, edges.data(), edges.size());
  AppendSection(&image, &header, kModelSlots, model_slots.data(), model_slots.size());
  AppendSection(&image, &header, kModelDense, impl_->model.dense.data(), impl_->model.dense.size());
  while (image.size() % 8 != 0) image.push_back('\0');
  header.file_size = image.size();
  std::memcpy(image.data(), &header, sizeof(header));
  header.checksum = FileChecksum(image.data(), image.size());
  std::memcpy(image.data(), &header, sizeof(header));
  return image;
}

}  // namespace vnseg

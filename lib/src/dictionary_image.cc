// The checked image of a dictionary file and the trie walk over it.
#include "dictionary_image.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "char_table.h"
#include "mapped_file.h"
#include "model.h"
#include "string_view_util.h"
#include "vnseg/syllable_key.h"

namespace vnseg {

DictionaryImage::DictionaryImage() = default;
DictionaryImage::~DictionaryImage() = default;

absl::StatusOr<std::unique_ptr<DictionaryImage>> DictionaryImage::Open(const std::string& path) {
  auto file = MappedFile::Open(path);
  if (!file.ok()) return file.status();
  std::unique_ptr<DictionaryImage> dict(new DictionaryImage());
  dict->file_ = *std::move(file);
  if (absl::Status s = dict->Attach(dict->file_->data(), dict->file_->size(), path); !s.ok()) {
    return s;
  }
  return dict;
}

absl::StatusOr<std::unique_ptr<DictionaryImage>> DictionaryImage::FromBytes(std::string bytes) {
  std::unique_ptr<DictionaryImage> dict(new DictionaryImage());
  dict->owned_bytes_ = std::move(bytes);
  if (absl::Status s = dict->Attach(dict->owned_bytes_.data(), dict->owned_bytes_.size(),
                                    "<in-memory dictionary>");
      !s.ok()) {
    return s;
  }
  return dict;
}

namespace {

// Why model weight `w`, at byte `at` of the file, fails model::WeightInRange.
std::string WeightError(float w, size_t at) {
  if (!std::isfinite(w)) return absl::StrCat("model weight at byte ", at, " is not a finite number");
  return absl::StrCat("model weight ", w, " at byte ", at, " is out of range (|weight| > ",
                      model::kMaxWeight, ": scores could overflow)");
}

// Why the model sections are unusable, or "" if they are fine (or absent).
// Lookups probe until an empty slot, so there must be one; weights must be
// finite and small enough that no path's score overflows
// (model::WeightInRange). `data`: the start of the file.
std::string CheckModel(const FileHeader& h, const char* data, const char* slots, const char* dense) {
  if (h.model_dense_count == 0) {
    return h.model_slot_count == 0 ? "" : "model weights without their dense part";
  }
  if (h.model_feature_version != model::kFeatureVersion || h.model_dense_count != model::kDenseSize) {
    return absl::StrCat("model of feature version ", h.model_feature_version, " with ",
                        h.model_dense_count, " dense weights; this build reads version ",
                        model::kFeatureVersion, " with ", model::kDenseSize,
                        " (relearn it with `vnseg dict learn`)");
  }
  if (reinterpret_cast<uintptr_t>(slots) % alignof(model::Entry) != 0) return "model not aligned";
  const float* d = reinterpret_cast<const float*>(dense);
  for (uint32_t i = 0; i < h.model_dense_count; ++i) {
    if (!model::WeightInRange(d[i])) {
      return WeightError(d[i], reinterpret_cast<const char*>(&d[i]) - data);
    }
  }
  if (h.model_slot_count == 0) return "";
  if ((h.model_slot_count & (h.model_slot_count - 1)) != 0) return "bad model table size";
  const model::Entry* entries = reinterpret_cast<const model::Entry*>(slots);
  bool has_empty = false;
  for (uint32_t i = 0; i < h.model_slot_count; ++i) {
    has_empty |= entries[i].key == 0;
    for (int r = 0; r < 4; ++r) {
      const float w = entries[i].w[r];
      if (!model::WeightInRange(w)) {
        return WeightError(w, reinterpret_cast<const char*>(&entries[i].w[r]) - data);
      }
    }
  }
  return has_empty ? "" : "model table has no empty slot";
}

}  // namespace

// Checks everything a lookup relies on, so that a corrupt or hostile file
// is an error here and never an out-of-bounds read later.
absl::Status DictionaryImage::Attach(const char* data, size_t size, const std::string& origin) {
  auto corrupt = [&](std::string_view why) {
    return absl::DataLossError(absl::StrCat(origin, ": not a usable vnseg dictionary: ", ToAbsl(why)));
  };
  // Keys of words and syllables need ICU's normalizers.
  if (absl::StatusOr<Normalizers> n = IcuNormalizers(); !n.ok()) return n.status();
  if (size < sizeof(FileHeader)) return corrupt("file too short for a header (truncated?)");
  if (reinterpret_cast<uintptr_t>(data) % alignof(FileHeader) != 0) {
    return corrupt("image is not aligned");
  }
  const FileHeader& h = *reinterpret_cast<const FileHeader*>(data);
  if (std::memcmp(h.magic, kMagic, sizeof(kMagic)) != 0) return corrupt("bad magic bytes");
  if (h.byte_order != kByteOrderMark) return corrupt("written with another byte order");
  if (h.format_version != kFormatVersion) {
    return corrupt(absl::StrCat("format version ", h.format_version, ", this build reads version ",
                                kFormatVersion, " (rebuild it with `vnseg dict build`)"));
  }
  if (h.file_size != size) {
    return corrupt(absl::StrCat("header says ", h.file_size, " bytes, file has ", size,
                                " (truncated?)"));
  }
  if (FileChecksum(data, size) != h.checksum) return corrupt("checksum mismatch (file damaged)");
  if (h.reserved != 0) return corrupt("reserved header field is not 0");
  auto section = [&](Section s, size_t elem_size, uint64_t count, const char** out) {
    const SectionRef& ref = h.sections[s];
    if (ref.offset < sizeof(FileHeader) || ref.offset > size || ref.size > size - ref.offset ||
        ref.offset % 4 != 0 || (count != UINT64_MAX && ref.size != elem_size * count)) {
      return false;
    }
    *out = data + ref.offset;
    return true;
  };
  const char *source, *slots, *offsets, *bytes, *nodes, *edges, *model_slots, *model_dense;
  if (!section(kSource, 1, UINT64_MAX, &source) ||
      !section(kHashSlots, 4, h.hash_slot_count, &slots) ||
      !section(kSyllableOffsets, 4, uint64_t{h.syllable_count} + 1, &offsets) ||
      !section(kSyllableBytes, 1, UINT64_MAX, &bytes) ||
      !section(kNodes, sizeof(TrieNode), h.node_count, &nodes) ||
      !section(kEdges, sizeof(TrieEdge), h.edge_count, &edges) ||
      !section(kModelSlots, sizeof(model::Entry), h.model_slot_count, &model_slots) ||
      !section(kModelDense, sizeof(float), h.model_dense_count, &model_dense)) {
    return corrupt("a section lies outside the file or has the wrong size");
  }
  if (h.hash_slot_count == 0 || (h.hash_slot_count & (h.hash_slot_count - 1)) != 0 ||
      h.hash_slot_count <= h.syllable_count || h.node_count == 0) {
    return corrupt("bad table sizes");
  }
  hash_slots_ = reinterpret_cast<const uint32_t*>(slots);
  hash_mask_ = h.hash_slot_count - 1;
  syllable_offsets_ = reinterpret_cast<const uint32_t*>(offsets);
  syllable_bytes_ = bytes;
  nodes_ = reinterpret_cast<const TrieNode*>(nodes);
  edges_ = reinterpret_cast<const TrieEdge*>(edges);

  size_t used_slots = 0;
  for (uint32_t i = 0; i <= hash_mask_; ++i) {
    if (hash_slots_[i] > h.syllable_count) return corrupt("hash slot out of range");
    used_slots += hash_slots_[i] != 0;
  }
  if (used_slots != h.syllable_count) return corrupt("hash table does not match syllables");
  for (uint32_t i = 0; i < h.syllable_count; ++i) {
    if (syllable_offsets_[i] > syllable_offsets_[i + 1]) return corrupt("syllable offsets");
  }
  if (syllable_offsets_[h.syllable_count] > h.sections[kSyllableBytes].size) {
    return corrupt("syllable offsets");
  }
  uint32_t words = 0;
  for (uint32_t i = 0; i < h.node_count; ++i) {
    const TrieNode& n = nodes_[i];
    if (n.first_edge > h.edge_count || n.edge_count > h.edge_count - n.first_edge) {
      return corrupt("trie node out of range");
    }
    if (n.is_word > 1) return corrupt("trie node word mark is neither 0 nor 1");
    if (!n.is_word && n.word_flags != 0) return corrupt("trie node without a word has flags");
    // Other bits are the lattice's own (kNameRunEdge): a stored one would
    // pass for a guessed name.
    if ((n.word_flags & ~kAllWordFlags) != 0) return corrupt("trie node has unknown word flags");
    words += n.is_word;
  }
  if (words != h.word_count) return corrupt("word count does not match the trie");
  for (uint32_t i = 0; i < h.edge_count; ++i) {
    if (edges_[i].syllable >= h.syllable_count || edges_[i].child >= h.node_count) {
      return corrupt("trie edge out of range");
    }
  }
  // Nodes are laid out breadth-first, so every child comes after its
  // parent: no cycles, and every walk over the trie ends. And no node has
  // two parents: a graph of shared children has exponentially many paths
  // (AllKeys would list 2^40 keys of a 2 KB file), and overlapping edge
  // ranges would make this very loop quadratic. Each edge visited marks a
  // new node or fails, so the loop ends within node_count steps.
  std::vector<bool> has_parent(h.node_count, false);
  for (uint32_t i = 0; i < h.node_count; ++i) {
    const TrieNode& n = nodes_[i];
    for (uint32_t e = n.first_edge; e < n.first_edge + n.edge_count; ++e) {
      const uint32_t child = edges_[e].child;
      if (child <= i || has_parent[child]) return corrupt("trie is not a tree");
      has_parent[child] = true;
    }
  }

  if (std::string why = CheckModel(h, data, model_slots, model_dense); !why.empty()) {
    return corrupt(why);
  }
  if (h.model_dense_count != 0) {
    model_ = std::make_unique<model::Weights>();
    model_->slots = h.model_slot_count ? reinterpret_cast<const model::Entry*>(model_slots) : nullptr;
    model_->slot_mask = h.model_slot_count ? h.model_slot_count - 1 : 0;
    model_->dense = reinterpret_cast<const float*>(model_dense);
    model_->Index();
  }

  info_.format_version = h.format_version;
  info_.word_count = h.word_count;
  info_.syllable_count = h.syllable_count;
  info_.max_word_syllables = h.max_word_syllables;
  info_.model_features = model_ ? model_->key_count : 0;
  info_.file_size = h.file_size;
  info_.checksum = h.checksum;
  info_.source.assign(source, strnlen(source, h.sections[kSource].size));
  return absl::OkStatus();
}

uint32_t DictionaryImage::SyllableId(std::string_view key) const {
  uint32_t slot = static_cast<uint32_t>(KeyHash(key)) & hash_mask_;
  while (uint32_t v = hash_slots_[slot]) {
    uint32_t id = v - 1;
    uint32_t b = syllable_offsets_[id], e = syllable_offsets_[id + 1];
    if (e - b == key.size() && std::memcmp(syllable_bytes_ + b, key.data(), key.size()) == 0) {
      return id;
    }
    slot = (slot + 1) & hash_mask_;
  }
  return kNoSyllable;
}

uint32_t DictionaryImage::Child(uint32_t node, uint32_t syllable_id) const {
  // Branch-free binary search: on text, whether the next syllable sorts
  // before or after the middle one is a coin toss, and mispredicted
  // branches cost more than the comparisons.
  const TrieNode& n = nodes_[node];
  const TrieEdge* base = edges_ + n.first_edge;
  uint32_t count = n.edge_count;
  if (count == 0) return kNoNode;
  while (count > 1) {
    const uint32_t half = count / 2;
    base = base[half].syllable <= syllable_id ? base + half : base;
    count -= half;
  }
  return base->syllable == syllable_id ? base->child : kNoNode;
}

bool DictionaryImage::Lookup(std::string_view word, uint32_t* flags) const {
  const std::string key = WordKey(word);
  if (key.empty()) return false;
  uint32_t node = kRoot;
  for (absl::string_view syllable : absl::StrSplit(key, ' ')) {
    const uint32_t id = SyllableId(ToStd(syllable));
    if (id == kNoSyllable || (node = Child(node, id)) == kNoNode) return false;
  }
  uint32_t found_flags;
  if (!WordFlagsAt(node, &found_flags)) return false;
  if (flags != nullptr) *flags = found_flags;
  return true;
}

std::vector<std::string> DictionaryImage::AllKeys() const {
  std::vector<std::string> keys;
  struct Frame {
    uint32_t node;
    std::string prefix;
  };
  std::vector<Frame> stack = {{kRoot, ""}};
  while (!stack.empty()) {
    Frame f = std::move(stack.back());
    stack.pop_back();
    if (nodes_[f.node].is_word) keys.push_back(f.prefix);
    const TrieNode& n = nodes_[f.node];
    for (uint32_t e = n.first_edge + n.edge_count; e-- > n.first_edge;) {
      uint32_t id = edges_[e].syllable;
      std::string_view syl(syllable_bytes_ + syllable_offsets_[id],
                           syllable_offsets_[id + 1] - syllable_offsets_[id]);
      stack.push_back({edges_[e].child, f.prefix.empty() ? std::string(syl)
                                                          : absl::StrCat(f.prefix, " ", ToAbsl(syl))});
    }
  }
  return keys;
}

}  // namespace vnseg

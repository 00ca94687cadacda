#include "lattice_builder.h"

#include <unicode/uchar.h>
#include <utf8.h>

#include "char_table.h"
#include "model_features.h"
#include "name_particles.h"
#include "string_view_util.h"
#include "surnames.h"
#include "vnseg/syllable_key.h"

namespace vnseg {
namespace {

// Bounds the cache on text with endless distinct tokens (ids, hashes...).
constexpr size_t kMaxCachedSyllables = 1 << 17;
// And on long ones: a line without white space is one syllable of up to a
// read block (no dictionary syllable comes near this length).
constexpr size_t kMaxCachedSyllableBytes = 64;


}  // namespace

uint8_t ShapeOf(std::string_view syllable) {
  uint8_t shape = 0;
  int letters = 0, upper = 0;
  const char* p = syllable.data();
  const char* end = p + syllable.size();
  bool first = true;
  while (p < end) {
    char32_t c = utf8::unchecked::next(p);
    bool is_upper, is_letter, is_digit;
    if (const LatinInfo* info = LatinLookup(c)) {
      is_upper = info->flags & kIsUpper;
      is_letter = info->flags & kIsLetter;
      is_digit = info->flags & kIsDigit;
    } else {
      is_upper = u_isupper(c);
      is_letter = u_isalpha(c);
      is_digit = u_isdigit(c);
    }
    if (first && is_letter) shape |= is_upper ? kUpperInitial : kLowerInitial;
    first = false;
    letters += is_letter;
    upper += is_upper;
    if (is_digit) shape |= kHasDigit;
  }
  if (letters >= 2 && upper == letters) shape |= kAllUpper;
  return shape;
}

LatticeBuilder::LatticeBuilder(const DictionaryImage* dictionary,
                               const DictionaryImage* user_words)
    : dicts_{dictionary, user_words} {}

const LatticeBuilder::SyllableFacts& LatticeBuilder::Facts(std::string_view syllable) {
  auto it = cache_.find(ToAbsl(syllable));
  if (it != cache_.end()) return it->second;
  if (cache_.size() >= kMaxCachedSyllables) cache_.clear();
  SyllableFacts f;
  key_.clear();
  AppendSyllableKey(syllable, &key_);
  f.hash = model::SyllableHash(key_);
  for (int d = 0; d < 2; ++d) {
    f.id[d] = dicts_[d] ? dicts_[d]->SyllableId(key_) : DictionaryImage::kNoSyllable;
    f.root[d] = f.id[d] == DictionaryImage::kNoSyllable
                    ? DictionaryImage::kNoNode
                    : dicts_[d]->Child(DictionaryImage::kRoot, f.id[d]);
  }
  f.shape = ShapeOf(syllable);
  for (int d = 0; d < 2; ++d) {
    f.flags[d] = 0;
    if (f.root[d] != DictionaryImage::kNoNode) dicts_[d]->WordFlagsAt(f.root[d], &f.flags[d]);
  }
  if (IsVietnameseSurname(key_)) f.flags[0] |= kSurnameSyllable;
  if (IsVietnameseMiddleName(key_)) f.flags[0] |= kMiddleNameSyllable;
  if (StartsCaselessFullName(key_)) f.flags[0] |= kCaselessSurname;
  f.name_particle = IsNameParticle(key_);
  f.article_name = IsArticleName(syllable);
  f.foreign_spelling = !SpelledAsVietnamese(syllable);
  if (syllable.size() > kMaxCachedSyllableBytes) {
    uncached_ = f;
    return uncached_;
  }
  return cache_.emplace(std::string(syllable), f).first->second;
}

// Proper names: a run of two or more Capitalised (not ALL-CAPS) syllables
// is offered as one word ("Nguyễn Văn Minh", "Muay Thái"), except from the
// first syllable of a sentence, whose capital says nothing. Returns the
// run's length from syllable k, or 0.
// A listed one-syllable name at the start of a run stands alone:
// "Azerbaijan Aliyev" is a country and a person, not one name.
inline size_t LatticeBuilder::NameRunAt(size_t k, bool sentence_start) const {
  const std::vector<SyllableFacts>& facts = facts_;
  auto is_name_part = [&](size_t i) { return IsNamePart(facts[i].shape) || facts[i].article_name; };
  auto starts_run = [&](size_t i) {
    return i == 0 || !is_name_part(i - 1) || (i == 1 && sentence_start) || facts[i - 1].listed_name();
  };
  if (!is_name_part(k) || (k == 0 && sentence_start) || !starts_run(k)) return 0;
  if (facts[k].listed_name() && k + 1 < facts.size() && is_name_part(k + 1)) return 0;
  size_t end = k + 1;
  while (end < facts.size()) {
    if (is_name_part(end)) {
      ++end;
      continue;
    }
    // Particles (two at most: "von der") continue the run only between
    // name parts of foreign spelling: "Lula da Silva", not "Nam da Hue".
    size_t next = end;
    while (next < facts.size() && next - end < 2 && facts[next].name_particle) ++next;
    if (next == end || next == facts.size() || !is_name_part(next)) break;
    if (!facts[end - 1].foreign_spelling || !facts[next].foreign_spelling) break;
    end = next;
  }
  return end - k >= 2 ? end - k : 0;
}

// The words of dictionary `d` from syllable k: the one-syllable word's
// flags onto its edge (the last added, from the facts), longer ones as
// edges by walking the trie.
inline void LatticeBuilder::AddDictionaryWords(int d, size_t k, Lattice* lattice) const {
  const DictionaryImage& dict = *dicts_[d];
  const size_t count = facts_.size();
  const std::vector<uint8_t>& shapes = lattice->shapes;
  lattice->edges[lattice->first_edge[k]].flags |= facts_[k].flags[d] & ~kSyllableOnlyFlags;
  uint32_t node = facts_[k].root[d];
  bool lower_then_upper = false;
  for (size_t m = k + 1; m < count && node != DictionaryImage::kNoNode; ++m) {
    // A lower-case syllable followed by a Capitalised one does not form a
    // word with it ("ngăn Armenia": names begin words), unless the
    // dictionary spells the word so ("châu Âu").
    if ((shapes[m - 1] & kLowerInitial) && (shapes[m] & kUpperInitial)) lower_then_upper = true;
    if (facts_[m].id[d] == DictionaryImage::kNoSyllable) break;
    node = dict.Child(node, facts_[m].id[d]);
    if (node == DictionaryImage::kNoNode) break;
    uint32_t flags;
    if (!dict.WordFlagsAt(node, &flags)) continue;
    if (lower_then_upper && !(flags & kLowerThenUpper)) continue;
    lattice->AddEdge(static_cast<uint32_t>(k), static_cast<uint32_t>(m - k + 1), flags);
  }
}

void LatticeBuilder::Build(std::string_view text, const std::vector<Token>& tokens,
                           const SyllableRun& run, Lattice* lattice) {
  const size_t count = (run.last - run.first) / 2 + 1;
  facts_.clear();
  lattice->Clear();
  for (size_t k = 0; k < count; ++k) {
    const Token& t = tokens[run.first + 2 * k];
    const SyllableFacts& f = Facts(text.substr(t.begin, t.end - t.begin));
    facts_.push_back(f);
    lattice->shapes.push_back(f.shape);
    lattice->syllable_hashes.push_back(f.hash);
    lattice->begins.push_back(t.begin);
    lattice->syllable_flags.push_back(f.flags[0]);
  }
  lattice->sentence_start = run.sentence_start;
  for (size_t k = 0; k < count; ++k) {
    lattice->first_edge.push_back(static_cast<uint32_t>(lattice->edges.size()));
    lattice->AddEdge(static_cast<uint32_t>(k), 1, 0);
    if (size_t name = NameRunAt(k, run.sentence_start)) {
      uint32_t flags = kNameRunEdge;
      for (size_t m = k + 1; m < k + name; ++m) {
        if (facts_[m].name_particle || facts_[m].article_name) flags |= kParticleNameEdge;
      }
      lattice->AddEdge(static_cast<uint32_t>(k), static_cast<uint32_t>(name), flags);
    }
    for (int d = 0; d < 2 && dicts_[d] != nullptr; ++d) AddDictionaryWords(d, k, lattice);
  }
  lattice->first_edge.push_back(static_cast<uint32_t>(lattice->edges.size()));
}

}  // namespace vnseg

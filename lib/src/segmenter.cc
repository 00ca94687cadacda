#include "vnseg/segmenter.h"

#include <unicode/uchar.h>
#include <utf8.h>

#include "char_table.h"
#include "lattice.h"
#include "vnseg/syllable_key.h"

namespace vnseg {
namespace {

// Runs longer than this many syllables (only in pathological input: a huge
// line of syllables with no punctuation) are segmented in windows.
constexpr size_t kMaxRunSyllables = 1 << 14;

bool IsSingleSpace(std::string_view text, const Token& t) {
  return t.kind == TokenKind::kSpace && t.end == t.begin + 1 && text[t.begin] == ' ';
}

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

}  // namespace

struct Segmenter::Scratch {
  std::string keys;                   // canonical keys of the run, concatenated
  std::vector<uint32_t> key_offsets;  // key k is keys[key_offsets[k], key_offsets[k + 1])
  std::vector<uint32_t> main_ids, user_ids;
  Lattice lattice;
  std::vector<uint32_t> lengths;
};

Segmenter::Segmenter(const Dictionary* dictionary, const Dictionary* user_words)
    : dictionary_(dictionary),
      user_words_(user_words),
      scorer_(NewMaximalMatchingScorer()),
      scratch_(std::make_unique<Scratch>()) {}

Segmenter::~Segmenter() = default;

const std::vector<Word>& Segmenter::Segment(std::string_view text) {
  tokens_.clear();
  words_.clear();
  PreTokenize(text, &tokens_);
  const size_t n = tokens_.size();
  size_t i = 0;
  while (i < n) {
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::kSyllable) {
      size_t last = i;
      while (last + 2 < n && IsSingleSpace(text, tokens_[last + 1]) &&
             tokens_[last + 2].kind == TokenKind::kSyllable &&
             (last - i) / 2 + 1 < kMaxRunSyllables) {
        last += 2;
      }
      SegmentRun(text, i, last);
      i = last + 1;
    } else {
      if (t.kind != TokenKind::kSpace) words_.push_back(Word{t.begin, t.end, t.kind, 1});
      ++i;
    }
  }
  return words_;
}

// Words over the syllable tokens first, first + 2, ..., last (single spaces
// between them).
void Segmenter::SegmentRun(std::string_view text, size_t first, size_t last) {
  Scratch& s = *scratch_;
  const size_t count = (last - first) / 2 + 1;
  s.keys.clear();
  s.key_offsets.clear();
  s.lattice.Clear();
  for (size_t k = 0; k < count; ++k) {
    const Token& t = tokens_[first + 2 * k];
    std::string_view syllable = text.substr(t.begin, t.end - t.begin);
    s.key_offsets.push_back(static_cast<uint32_t>(s.keys.size()));
    AppendSyllableKey(syllable, &s.keys);
    s.lattice.shapes.push_back(ShapeOf(syllable));
  }
  s.key_offsets.push_back(static_cast<uint32_t>(s.keys.size()));
  auto key = [&](size_t k) {
    return std::string_view(s.keys).substr(s.key_offsets[k], s.key_offsets[k + 1] - s.key_offsets[k]);
  };
  auto lookup_ids = [&](const Dictionary* dict, std::vector<uint32_t>* ids) {
    ids->clear();
    for (size_t k = 0; k < count; ++k) ids->push_back(dict->SyllableId(key(k)));
  };
  lookup_ids(dictionary_, &s.main_ids);
  if (user_words_ != nullptr) lookup_ids(user_words_, &s.user_ids);

  const std::vector<uint8_t>& shapes = s.lattice.shapes;
  for (size_t k = 0; k < count; ++k) {
    s.lattice.first_edge.push_back(static_cast<uint32_t>(s.lattice.edges.size()));
    size_t single = s.lattice.edges.size();
    s.lattice.edges.push_back(LatticeEdge{static_cast<uint32_t>(k), 1, 0, 0});
    auto walk = [&](const Dictionary* dict, const std::vector<uint32_t>& ids) {
      uint32_t node = Dictionary::kRoot;
      for (size_t m = k; m < count; ++m) {
        // A lower-case syllable followed by a capitalised one does not start
        // a word with it ("ngăn Armenia"): names begin words.
        if (m > k && (shapes[m - 1] & kLowerInitial) && (shapes[m] & kUpperInitial)) break;
        if (ids[m] == Dictionary::kNoSyllable) break;
        node = dict->Child(node, ids[m]);
        if (node == Dictionary::kNoNode) break;
        WordEntry entry;
        if (!dict->WordAt(node, &entry)) continue;
        if (m == k) {
          LatticeEdge& e = s.lattice.edges[single];
          e.frequency += entry.frequency;
          e.flags |= entry.flags;
        } else {
          s.lattice.edges.push_back(LatticeEdge{static_cast<uint32_t>(k),
                                                static_cast<uint32_t>(m - k + 1), entry.frequency,
                                                entry.flags});
        }
      }
    };
    walk(dictionary_, s.main_ids);
    if (user_words_ != nullptr) walk(user_words_, s.user_ids);
  }
  s.lattice.first_edge.push_back(static_cast<uint32_t>(s.lattice.edges.size()));

  scorer_->BestPath(s.lattice, &s.lengths);
  size_t k = 0;
  for (uint32_t len : s.lengths) {
    const Token& b = tokens_[first + 2 * k];
    const Token& e = tokens_[first + 2 * (k + len - 1)];
    words_.push_back(Word{b.begin, e.end, TokenKind::kSyllable, static_cast<uint16_t>(len)});
    k += len;
  }
}

}  // namespace vnseg

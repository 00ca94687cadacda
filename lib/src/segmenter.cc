#include "vnseg/segmenter.h"

#include <unicode/uchar.h>
#include <utf8.h>

#include "char_table.h"
#include "dictionary_image.h"
#include "absl/container/flat_hash_map.h"
#include "lattice.h"
#include "model.h"
#include "string_view_util.h"
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

// What the segmenter needs to know of one spelling of a syllable. Text
// repeats a few thousand syllables, so these are cached per spelling and
// the canonical key is computed once per distinct spelling, not per use.
struct SyllableFacts {
  uint64_t hash;     // model::SyllableHash of the canonical key
  uint32_t id[2];    // syllable id in the main and the user dictionary
  uint32_t root[2];  // the trie node one step from the root over it
  uint32_t flags[2]; // WordFlags of the syllable as a word of each dictionary (0: none)
  uint8_t shape;

  // A one-syllable name from the name lists ("Mỹ", "Azerbaijan").
  bool place_name() const { return (flags[0] & kFromNameList) != 0; }
};

struct Segmenter::Scratch {
  absl::flat_hash_map<std::string, SyllableFacts> cache;
  std::string key;
  std::vector<SyllableFacts> facts;  // per syllable of the run (copies: the
                                     // cache moves its values on insert)
  Lattice lattice;
  std::vector<uint32_t> lengths;
  SyllableFacts uncached;  // of the last syllable too long to cache
};

// Bounds the cache on text with endless distinct tokens (ids, hashes...).
constexpr size_t kMaxCachedSyllables = 1 << 17;
// And on long ones: a line without white space is one syllable of up to a
// read block (no dictionary syllable comes near this length).
constexpr size_t kMaxCachedSyllableBytes = 64;

Segmenter::Segmenter(const Dictionary* dictionary, const UserWords* user_words)
    : dictionary_(dictionary),
      user_words_(user_words),
      scorer_(ImageOf(*dictionary).model() != nullptr
                  ? NewLearnedScorer(ImageOf(*dictionary).model())
                  : NewMaximalMatchingScorer()),
      scratch_(std::make_unique<Scratch>()) {}

Segmenter::~Segmenter() = default;

namespace {
// The last syllable token of the run, or window of one, that starts at token i.
size_t RunEnd(std::string_view text, const std::vector<Token>& tokens, size_t i) {
  const size_t n = tokens.size();
  size_t last = i;
  while (last + 2 < n && IsSingleSpace(text, tokens[last + 1]) &&
         tokens[last + 2].kind == TokenKind::kSyllable && (last - i) / 2 + 1 < kMaxRunSyllables) {
    last += 2;
  }
  return last;
}
}  // namespace

size_t Segmenter::LastRunWindow(std::string_view text) {
  std::vector<Token> tokens;
  PreTokenize(text, &tokens);
  const size_t n = tokens.size();
  size_t window = 0;
  for (size_t i = 0; i < n; ++i) {
    if (tokens[i].kind != TokenKind::kSyllable) continue;
    const size_t last = RunEnd(text, tokens, i);
    // Cut short by the limit, the run goes on in a new window (the tokens
    // before it end at a space: final, whatever follows the text).
    if ((last - i) / 2 + 1 == kMaxRunSyllables && last + 2 < n && IsSingleSpace(text, tokens[last + 1]) &&
        tokens[last + 2].kind == TokenKind::kSyllable) {
      window = tokens[last + 2].begin;
    }
    i = last;
  }
  return window;
}

const std::vector<Word>& Segmenter::Segment(std::string_view text, bool continues_run) {
  tokens_.clear();
  words_.clear();
  continues_run_ = continues_run;
  PreTokenize(text, &tokens_);
  const size_t n = tokens_.size();
  size_t i = 0;
  while (i < n) {
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::kSyllable) {
      const size_t last = RunEnd(text, tokens_, i);
      SegmentRun(text, i, last);
      i = last + 1;
    } else {
      if (t.kind != TokenKind::kSpace) AddWord(t.begin, t.end, t.kind, 1);
      ++i;
    }
  }
  return words_;
}

// Field by field: see Lattice::AddEdge (a braced temporary of mixed-width
// fields costs a store-forwarding stall per word).
void Segmenter::AddWord(uint32_t begin, uint32_t end, TokenKind kind, uint16_t syllables) {
  Word& w = words_.emplace_back();
  w.begin = begin;
  w.end = end;
  w.kind = kind;
  w.syllables = syllables;
}

const SyllableFacts& Segmenter::Facts(std::string_view syllable) {
  Scratch& s = *scratch_;
  auto it = s.cache.find(ToAbsl(syllable));
  if (it != s.cache.end()) return it->second;
  if (s.cache.size() >= kMaxCachedSyllables) s.cache.clear();
  SyllableFacts f;
  s.key.clear();
  AppendSyllableKey(syllable, &s.key);
  f.hash = model::SyllableHash(s.key);
  const DictionaryImage* dicts[2] = {&ImageOf(*dictionary_),
                                     user_words_ ? &ImageOf(*user_words_) : nullptr};
  for (int d = 0; d < 2; ++d) {
    f.id[d] = dicts[d] ? dicts[d]->SyllableId(s.key) : DictionaryImage::kNoSyllable;
    f.root[d] = f.id[d] == DictionaryImage::kNoSyllable ? DictionaryImage::kNoNode
                                                   : dicts[d]->Child(DictionaryImage::kRoot, f.id[d]);
  }
  f.shape = ShapeOf(syllable);
  for (int d = 0; d < 2; ++d) {
    f.flags[d] = 0;
    if (f.root[d] != DictionaryImage::kNoNode) dicts[d]->WordFlagsAt(f.root[d], &f.flags[d]);
  }
  if (syllable.size() > kMaxCachedSyllableBytes) {
    s.uncached = f;
    return s.uncached;
  }
  return s.cache.emplace(std::string(syllable), f).first->second;
}

// True if the token at `index` starts a sentence: nothing before it, or
// before it (past single spaces) a line end, other white space, or sentence
// punctuation. Stopping at any white space other than one space keeps the
// answer the same when SafeCutPoint() cuts the text there.
bool Segmenter::StartsSentence(std::string_view text, size_t index) const {
  for (size_t i = index; i-- > 0;) {
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::kSpace) {
      if (IsSingleSpace(text, t)) continue;
      return true;
    }
    if (t.kind != TokenKind::kPunct) return false;
    std::string_view p = text.substr(t.begin, t.end - t.begin);
    return p == "." || p == "!" || p == "?" || p == ":" || p == "..." || p == "…" || p == "\"" ||
           p == "“" || p == "-" || p == "–" || p == "(";
  }
  return !continues_run_;  // the text's start: a sentence's, unless cut in a run
}

// Proper names: a run of two or more Capitalised (not ALL-CAPS) syllables
// is offered as one word ("Nguyễn Văn Minh", "Muay Thái"), except from the
// first syllable of a sentence, whose capital says nothing. Returns the
// run's length from syllable k, or 0.
// A known one-syllable place name at the start of a run stands alone:
// "Azerbaijan Aliyev" is a country and a person, not one name.
static size_t NameRunAt(const std::vector<SyllableFacts>& facts, size_t k, bool sentence_start) {
  auto is_name_part = [&](size_t i) {
    return (facts[i].shape & kUpperInitial) && !(facts[i].shape & kAllUpper);
  };
  auto starts_run = [&](size_t i) {
    return i == 0 || !is_name_part(i - 1) || (i == 1 && sentence_start) || facts[i - 1].place_name();
  };
  if (!is_name_part(k) || (k == 0 && sentence_start) || !starts_run(k)) return 0;
  if (facts[k].place_name() && k + 1 < facts.size() && is_name_part(k + 1)) return 0;
  size_t end = k + 1;
  while (end < facts.size() && is_name_part(end)) ++end;
  return end - k >= 2 ? end - k : 0;
}

// Words over the syllable tokens first, first + 2, ..., last (single spaces
// between them).
void Segmenter::SegmentRun(std::string_view text, size_t first, size_t last) {
  Scratch& s = *scratch_;
  const size_t count = (last - first) / 2 + 1;
  s.facts.clear();
  s.lattice.Clear();
  for (size_t k = 0; k < count; ++k) {
    const Token& t = tokens_[first + 2 * k];
    s.facts.push_back(Facts(text.substr(t.begin, t.end - t.begin)));
    s.lattice.shapes.push_back(s.facts.back().shape);
    s.lattice.keys.push_back(s.facts.back().hash);
    s.lattice.begins.push_back(t.begin);
    s.lattice.syllable_flags.push_back(s.facts.back().flags[0]);
  }
  const std::vector<uint8_t>& shapes = s.lattice.shapes;
  const DictionaryImage* dicts[2] = {&ImageOf(*dictionary_),
                                     user_words_ ? &ImageOf(*user_words_) : nullptr};
  const bool sentence_start = StartsSentence(text, first);
  s.lattice.sentence_start = sentence_start;
  for (size_t k = 0; k < count; ++k) {
    s.lattice.first_edge.push_back(static_cast<uint32_t>(s.lattice.edges.size()));
    size_t single = s.lattice.edges.size();
    s.lattice.AddEdge(static_cast<uint32_t>(k), 1, 0);
    if (size_t name = NameRunAt(s.facts, k, sentence_start)) {
      s.lattice.AddEdge(static_cast<uint32_t>(k), static_cast<uint32_t>(name), kProperName);
    }
    for (int d = 0; d < 2 && dicts[d] != nullptr; ++d) {
      const DictionaryImage& dict = *dicts[d];
      // The one-syllable word is known from the facts; longer ones by
      // walking the trie.
      LatticeEdge& one = s.lattice.edges[single];
      one.flags |= s.facts[k].flags[d];
      uint32_t node = s.facts[k].root[d];
      bool lower_then_upper = false;
      for (size_t m = k + 1; m < count && node != DictionaryImage::kNoNode; ++m) {
        // A lower-case syllable followed by a Capitalised one does not
        // form a word with it ("ngăn Armenia": names begin words), unless
        // the dictionary spells the word so ("châu Âu").
        if ((shapes[m - 1] & kLowerInitial) && (shapes[m] & kUpperInitial)) lower_then_upper = true;
        if (s.facts[m].id[d] == DictionaryImage::kNoSyllable) break;
        node = dict.Child(node, s.facts[m].id[d]);
        if (node == DictionaryImage::kNoNode) break;
        uint32_t flags;
        if (!dict.WordFlagsAt(node, &flags)) continue;
        if (lower_then_upper && !(flags & kLowerThenUpper)) continue;
        s.lattice.AddEdge(static_cast<uint32_t>(k), static_cast<uint32_t>(m - k + 1), flags);
      }
    }
  }
  s.lattice.first_edge.push_back(static_cast<uint32_t>(s.lattice.edges.size()));

  scorer_->BestPath(s.lattice, &s.lengths);
  size_t k = 0;
  for (uint32_t len : s.lengths) {
    const Token& b = tokens_[first + 2 * k];
    const Token& e = tokens_[first + 2 * (k + len - 1)];
    AddWord(b.begin, e.end, TokenKind::kSyllable, static_cast<uint16_t>(len));
    k += len;
  }
}

}  // namespace vnseg

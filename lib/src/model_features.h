// Features of the learned segmentation model: what the learner (learn.cc)
// and the scorer (learned_scorer.cc) both read, so that they cannot
// disagree on what a feature is. The model is linear over the word lattice
// of one run of syllables (semi-Markov: a path scores the sum of its words).
//
// A word of syllables i..j scores
//     Word(edge) + sum of Gap(g) over its inner gaps g = i..j-1
// where Gap(g), the score for joining syllables g and g+1, adds up sparse
// n-gram features around the gap (syllables by canonical key, so case and
// tone placement do not matter) and dense ones (spelling shapes, dictionary
// words across the gap); Word(edge) adds dense features of the candidate
// word (its length, which lists know it, whether it looks like a name).
// The weights are stored by model_weights.h; model_decoder.h sums and
// decodes them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "lattice.h"
#include "vnseg/dictionary.h"

namespace vnseg::model {

// Version of what the features are. A model learned under one version
// means nothing under another: bump it on any change to this header's
// templates, dense layout or limits (and relearn the shipped model).
inline constexpr int kFeatureVersion = 7;

// Hash of one canonical syllable key (also written into
// Lattice::syllable_hashes).
uint64_t SyllableHash(std::string_view canonical_key);
// Stand-ins for the syllables before the first and after the last of a run.
inline constexpr uint64_t kBeforeRun = 0x9e3779b97f4a7c15ull;
inline constexpr uint64_t kAfterRun = 0xc2b2ae3d27d4eb4full;

enum Gram : int { kUnigram = 1, kBigram = 2 };
inline constexpr int kMaxGram = kBigram;

// The splitmix64 finalizer: spreads every input bit over the whole key.
inline uint64_t Mix64(uint64_t h) {
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return h;
}

// Key of the n-gram of `n` syllable hashes; never 0. Inline: a run
// computes one per syllable and gram.
inline uint64_t NgramKey(int n, const uint64_t* hashes) {
  // Syllable hashes are already mixed: a unigram only needs its own salt,
  // longer n-grams are combined cheaply and mixed once (splitmix64).
  if (n == 1) {
    uint64_t h = hashes[0] ^ 0x6a09e667f3bcc909ull;
    return h == 0 ? 1 : h;
  }
  uint64_t h = static_cast<uint64_t>(n) * 0x9e3779b97f4a7c15ull;
  for (int i = 0; i < n; ++i) h = (h ^ hashes[i]) * 0xff51afd7ed558ccdull + static_cast<uint64_t>(i);
  h = Mix64(h);
  return h == 0 ? 1 : h;
}
// Key of a syllable's weights where a listed word (base list, name list or
// headword; 2+ syllables) spans the gap: the conventions of a corpus differ from a word
// list's by syllable ("con", "ra", "qua" stand alone in UD VTB). Roles:
// 0/1 the syllable is left/right of the gap and the longest listed word
// over it has 2 syllables, 2/3 the same for 3 or more.
inline uint64_t ListedGapKey(uint64_t syllable_hash) {
  uint64_t h = syllable_hash ^ 0x2545f4914f6cdd1dull;  // as for a unigram, another salt
  return h == 0 ? 1 : h;
}

// The sparse features of the gap between syllables g and g+1: the n-gram
// starting at syllable g + offset, read at weight index `role`.
struct GapTemplate {
  Gram gram;
  int offset;
  int role;
};
inline constexpr GapTemplate kGapTemplates[] = {
    {kUnigram, -1, 0}, {kUnigram, 0, 1}, {kUnigram, 1, 2}, {kUnigram, 2, 3},
    {kBigram, -1, 0},  {kBigram, 0, 1},  {kBigram, 1, 2},
};
// N-grams start from kMaxBefore syllables before the run to the last one.
inline constexpr int kMaxBefore = 2;

// Words longer than this are candidates only when a list knows them or
// they are a run of Capitalised syllables.
inline constexpr uint32_t kMaxGuessedWord = 4;

// Dense features: indices into a small float array.
inline constexpr int kShapeClasses = 5;   // lower, Capital, ALL-CAPS, digit, other
inline constexpr int kLengthClasses = 7;  // word length 1..6, 7+ (index len-1)
inline int LengthClass(uint32_t length) {
  return static_cast<int>(length < kLengthClasses ? length : kLengthClasses) - 1;
}
// Part of speech of a syllable as a one-syllable word, by the first that
// applies: a name of the name lists ("Mỹ", "Azerbaijan"), classifier,
// function word, verb, noun, adjective; else none.
inline constexpr int kPosClasses = 7;
namespace internal {
// PosClass of every combination of the six flags it reads, gathered into
// bits 0 (name list) and 1..5 (classifier, function, verb, noun, adjective).
struct PosClassTable {
  uint8_t of[64];
  constexpr PosClassTable() : of() {
    for (int bits = 0; bits < 64; ++bits) {
      int c = 0;
      if (bits & 1) c = 6;
      else if (bits & 2) c = 1;
      else if (bits & 4) c = 2;
      else if (bits & 8) c = 3;
      else if (bits & 16) c = 4;
      else if (bits & 32) c = 5;
      of[bits] = static_cast<uint8_t>(c);
    }
  }
};
inline constexpr PosClassTable kPosClassTable;
}  // namespace internal
// A table lookup, not a chain of tests: on text the chain mispredicts.
inline int PosClass(uint32_t word_flags) {
  static_assert(kFromNameList == 1 << 1 && kClassifier == 1 << 10 && kFunctionWord == 1 << 11 &&
                    kVerb == 1 << 12 && kNoun == 1 << 13 && kAdjective == 1 << 14,
                "PosClass gathers these bits by position");
  return internal::kPosClassTable.of[((word_flags >> 1) & 1) | ((word_flags >> 9) & 0x3E)];
}

// How a candidate word is written, for the word features: not every
// syllable Capitalised, every one (2+ syllables counted as a name's
// spelling), or in a caseless run (RunFeatures::caseless), where the
// capitals say nothing.
enum WordCase : int { kNotCapitalised = 0, kCapitalisedWord = 1, kCaselessWord = 2 };
inline constexpr int kWordCases = 3;

enum DenseBlock : int {
  // [caseless run][first gap of a sentence][left][right]
  kShapePair = 0,
  kCoverLength = kShapePair + 4 * kShapeClasses * kShapeClasses,  // longest listed word over the gap
  kListBoundary = kCoverLength + 8,                        // a listed word ends left / starts right
  // [left part of speech][right][a listed word spans the gap]
  kPosPair = kListBoundary + 4,
  kWordLength = kPosPair + kPosClasses * kPosClasses * 2,  // [length]
  kWordBase = kWordLength + kLengthClasses,                // base list knows the word
  kWordNames = kWordBase + kLengthClasses,                 // a name list knows it
  kWordNameRun = kWordNames + kLengthClasses,              // a run of Capitalised syllables
  kWordUnlisted = kWordNameRun + kLengthClasses,           // no list knows it (2+ syllables)
  kWordCapitalised = kWordUnlisted + kLengthClasses,       // every syllable Capitalised (2+)
  kWordLexicon = kWordCapitalised + kLengthClasses,        // [length][common][headword] of a listed word
  // [length][WordCase] of a word a list spells as a name (kProperName, 2+):
  // what lets "hải phòng" in a lower-case query join like "Hải Phòng".
  kWordProper = kWordLexicon + kLengthClasses * 4,
  // [length][WordCase] of a possible full name from a family name
  // (kSurnameSyllable): "Trần Hoài Nam", "lê thị thu hằng".
  kWordSurname = kWordProper + kLengthClasses * kWordCases,
  kDenseSize = kWordSurname + kLengthClasses * kWordCases,
};

// Whether dense weight `index` is read only in caseless runs (the shape
// pairs of a caseless run, a listed name written in one): the weights case
// variants of the corpus may move (learn.cc).
inline bool IsCaselessWeight(int index) {
  constexpr int kCaselessPairs = kShapePair + 2 * kShapeClasses * kShapeClasses;
  if (index >= kCaselessPairs && index < kCoverLength) return true;
  // kWordProper and kWordSurname: [length][WordCase] each, one after the other.
  return index >= kWordProper && (index - kWordProper) % kWordCases == kCaselessWord;
}

// kGapTemplates, GapDenseFeatures (4), ListedGapFeatures (2): the most
// weights a gap's score adds (model_weights.h bounds their sum).
inline constexpr int kGapTerms =
    static_cast<int>(sizeof(kGapTemplates) / sizeof(kGapTemplates[0])) + 4 + 2;
inline constexpr int kWordTerms = 8;  // the most WordDenseFeatures writes

// Shape classes of a run as the model sees them. A run written in capitals
// only (a headline) is read as lower case, so it segments like normal text.
// `classes` has room for lattice.size(). Returns whether the run is
// caseless: written in capitals only, or part of a lower-case sentence
// (LowerCaseSentence: the sentence began with a lower-case letter and has
// no capital up to the run's end). The learner sets no
// Lattice::lower_case_before, so to it only a sentence's first run can be
// lower-case (carrying the state when learning was measured worse).
bool ShapeClasses(const Lattice& lattice, uint8_t* classes);

// Dense features of a candidate word of `length` syllables with the OR of
// the flags of the lattice edges over its span (WordFlags and
// kNameRunEdge), written as `word_case` says. Writes at most kWordTerms
// indices to `out`; returns how many.
int WordDenseFeatures(uint32_t length, uint32_t flags, WordCase word_case, int* out);

// Per-gap dictionary facts used by GapDenseFeatures: the longest listed
// word (base list, name list or headword; 2+ syllables) over each gap, whether one ends
// at each syllable and whether one starts there. Arrays of lattice.size().
void ListedWordFacts(const Lattice& lattice, uint8_t* cover, uint8_t* ends, uint8_t* starts);

// A candidate word of the lattice: a span with the OR of its edges' flags.
struct Candidate {
  uint32_t start;  // first syllable
  uint32_t length;
  uint32_t flags;
};

// The candidates starting at syllable i: every span up to kMaxGuessedWord
// (that fits) and every longer lattice edge, each span once. Returns the
// count written to `out` (room for kMaxGuessedWord + edges from i).
// Past a listed name followed by another Capitalised syllable, only
// dictionary words span it ("Nga Putin" is never one word); in a caseless
// run (ShapeClasses), past a listed name that another follows ("cát bà
// hải phòng"). `*cut` is set to the length of that name (0 if none).
size_t CandidatesAt(const Lattice& lattice, bool caseless, size_t i, Candidate* out, uint32_t* cut);
// The same without that rule: every guessed span and every edge.
size_t GuessedAndListedAt(const Lattice& lattice, size_t i, Candidate* out);

// Everything the features of one run are made of, computed once per run.
struct RunFeatures {
  std::vector<uint8_t> classes;           // ShapeClasses
  std::vector<uint8_t> pos;               // per syllable: PosClass
  std::vector<uint8_t> cover, ends, starts;  // ListedWordFacts
  std::vector<uint64_t> padded;           // syllable hashes, kMaxBefore stand-ins each side
  std::vector<uint64_t> ngrams[kMaxGram];  // [gram - 1][start + kMaxBefore]: NgramKey
  std::vector<uint64_t> listed_keys;      // per syllable: ListedGapKey
  // Candidate words: those of start i are [first_candidate[i], first_candidate[i + 1]),
  // in candidates[0 .. first_candidate[size]) (the vector keeps its room
  // between runs, so it may be longer).
  std::vector<Candidate> candidates;
  std::vector<uint32_t> first_candidate;
  std::vector<uint32_t> capitalised_run;  // per syllable: Capitalised syllables from it on
  bool caseless = false;                  // ShapeClasses' answer
  bool name_cuts = true;                  // Prepare's argument: decoding, not learning

  // True if syllables start .. start + length - 1 are all Capitalised.
  bool Capitalised(size_t start, uint32_t length) const { return capitalised_run[start] >= length; }
  // No branch: the decoder asks for every candidate word. In a caseless
  // run no syllable has shape class 1, so Capitalised() is false there.
  WordCase CaseOf(size_t start, uint32_t length) const {
    static_assert(kCaselessWord == 2 && kCapitalisedWord == 1, "CaseOf adds these");
    return static_cast<WordCase>((caseless ? 2 : 0) + (Capitalised(start, length) ? 1 : 0));
  }

  // Recomputes every field for `lattice` (reusing the vectors' room).
  // `name_cuts`: candidates follow CandidatesAt (decoding); false gives
  // every span GuessedAndListedAt offers (learning: the weights are learned
  // over all candidates, so the rule is a decoding constraint and the
  // shipped model is the same with or without it).
  void Prepare(const Lattice& lattice, bool name_cuts = true);
  // Key of template `t` at the gap between syllables g and g + 1.
  uint64_t GapKey(size_t g, const GapTemplate& t) const {
    return ngrams[t.gram - 1][g + t.offset + kMaxBefore];
  }
};

// Dense gap features of gap g; returns how many were written (at most 4).
inline int GapDenseFeatures(const Lattice& lattice, const RunFeatures& features, size_t g, int* out) {
  const uint8_t* classes = features.classes.data();
  const uint8_t* cover = features.cover.data();
  const int first = (features.caseless ? 2 : 0) + (g == 0 && lattice.sentence_start);
  out[0] = kShapePair + (first * kShapeClasses + classes[g]) * kShapeClasses + classes[g + 1];
  out[1] = kCoverLength + cover[g];
  out[2] = kListBoundary + features.ends[g] * 2 + features.starts[g + 1];
  out[3] = kPosPair + (features.pos[g] * kPosClasses + features.pos[g + 1]) * 2 + (cover[g] > 0);
  return 4;
}

// The ListedGapKey features of gap g: (syllable index, role) pairs; returns
// how many (0 if no listed word spans the gap, else 2).
int ListedGapFeatures(const RunFeatures& features, size_t g, size_t* syllables, int* roles);

}  // namespace vnseg::model

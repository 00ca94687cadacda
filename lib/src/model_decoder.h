// Scoring and decoding a run under the learned model: the gap scores from
// the weights of the run's features (model_features.h), the dense score of
// each candidate word from a precomputed table, and the best path (Viterbi
// over the candidates of RunFeatures).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "model_features.h"
#include "lattice.h"
#include "model_weights.h"

namespace vnseg::model {

// The dense part of a word's score depends only on its length class, six
// flags and its WordCase: a table of all of them, built once per set of
// dense weights, spares recomputing it for every candidate.
class WordScoreTable {
 public:
  // Fills the table from `dense` (kDenseSize weights; not kept).
  void Build(const float* dense);
  // The sum of dense[f] over WordDenseFeatures(length, flags, word_case),
  // in the order it writes them; Build() first.
  float Score(uint32_t length, uint32_t flags, WordCase word_case) const {
    return scores_[Index(length, flags, word_case)];
  }

 private:
  // [length class][base, names, name run, common, headword, proper name,
  // surname][word case (2 bits)], the seven flags gathered by shifts (no
  // branches: the decoder asks for every candidate word).
  static_assert(kFromBaseList == 1 && kFromNameList == 2 && kNameRunEdge == 1 << 4 &&
                    kProperName == 1 << 6 && kCommonWord == 1 << 8 && kHeadword == 1 << 9 &&
                    kSurnameSyllable == 1 << 3,
                "Index() gathers these bits by position");
  static_assert(kWordCases <= 4, "Index() keeps the word case in 2 bits");
  static size_t Index(uint32_t length, uint32_t flags, WordCase word_case) {
    const size_t bits = (flags & 3) | ((flags >> 2) & 4) | ((flags >> 5) & 0x18) |
                        ((flags >> 1) & 0x20) | ((flags << 3) & 0x40);
    return (static_cast<size_t>(LengthClass(length)) << 9) | (bits << 2) |
           static_cast<size_t>(word_case);
  }
  std::vector<float> scores_;
};

// A name only the project's lists have, spelled with a lower-case word
// before a Capitalised one ("châu Âu", "châu Phi"): always one word, as the
// convention writes the continents (tests/eval/names/README.md, rule 9),
// which the treebank has too few of to learn (one joined, one split). The
// flags of a key are the OR over every list and the corpus words, so a
// name also spelled with every syllable Capitalised ("Thành phố Hồ Chí
// Minh", which the corpus writes "thành_phố_Hồ_Chí_Minh") or also in the
// base list is no such name. A decoding rule, like the name cuts: learning
// sees these words as they are.
inline bool ListedLowerThenUpper(uint32_t flags) {
  constexpr uint32_t kRead = kFromNameList | kLowerThenUpper | kFromBaseList | kProperName;
  return (flags & kRead) == (kFromNameList | kLowerThenUpper);
}

// Score of a candidate word: its dense features and the user-word bonus
// (for user words and, when decoding, ListedLowerThenUpper names and
// kParticleNameEdge runs), and
// when decoding kCaselessProperNameBonus, kFullNameBonus and
// kCaselessMiddleNameBonus.
inline float WordScore(const RunFeatures& features, const WordScoreTable& table,
                       const Candidate& word) {
  const WordCase word_case = features.CaseOf(word.start, word.length);
  float score = table.Score(word.length, word.flags, word_case);
  const bool always_join =
      (word.flags & kFromUserList) ||
      (features.name_cuts && (ListedLowerThenUpper(word.flags) || (word.flags & kParticleNameEdge)));
  if (features.name_cuts && (word.flags & kProperName) && word_case == kCaselessWord &&
      word.length >= 2) {
    score += kCaselessProperNameBonus * static_cast<float>(word.length - 1);
  }
  if (features.name_cuts && (word.flags & kNameRunEdge) && (word.flags & kSurnameSyllable) &&
      word_case != kCaselessWord && word.length >= 2) {
    score += kFullNameBonus * static_cast<float>(word.length - 1);
  }
  if (features.name_cuts && (word.flags & kMiddleNameSyllable)) {
    score += kCaselessMiddleNameBonus * static_cast<float>(word.length - 1);
  }
  if (always_join && word.length >= 2) {
    score += kUserWordBonus * static_cast<float>(word.length - 1);
  }
  return score;
}

// Row of 4 weights per n-gram of the run, in RunFeatures::ngrams order.
struct Rows {
  std::vector<const float*> ngrams[kMaxGram];
  std::vector<const float*> listed;  // per syllable (RunFeatures::listed_keys)
};

// Score of joining each gap of the run (lattice.size() - 1 of them), from
// the rows of its sparse features and the `dense` weights.
void GapScores(const Lattice& lattice, const RunFeatures& features, const Rows& rows,
               const float* dense, std::vector<float>* scores);

// The best path given the gap scores and the word scores of `table`; fills
// `lengths` like Scorer::BestPath. Whatever the scores (inf or NaN
// included), the lengths are each >= 1 and sum to the run's size: where no
// candidate scores above -inf, syllables stand alone.
struct DecodeScratch {
  std::vector<float> prefix, best;
  std::vector<uint32_t> back;
};
void Decode(const RunFeatures& features, const std::vector<float>& gap_scores,
            const WordScoreTable& table, DecodeScratch* scratch, std::vector<uint32_t>* lengths);

}  // namespace vnseg::model

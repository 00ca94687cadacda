#include "model_decoder.h"

#include <algorithm>
#include <limits>

namespace vnseg::model {

void WordScoreTable::Build(const float* dense) {
  // The flags Index() reads, in its order.
  constexpr uint32_t kScoredFlags[] = {kFromBaseList, kFromNameList, kNameRunEdge, kCommonWord,
                                       kHeadword,     kProperName,   kSurnameSyllable};
  constexpr size_t kFlags = sizeof(kScoredFlags) / sizeof(kScoredFlags[0]);
  scores_.assign(static_cast<size_t>(kLengthClasses) << 9, 0.0f);
  int features[kWordTerms];
  for (uint32_t length = 1; length <= kLengthClasses; ++length) {
    for (size_t bits = 0; bits < (1u << kFlags); ++bits) {
      uint32_t flags = 0;
      for (size_t f = 0; f < kFlags; ++f) flags |= (bits >> f & 1) ? kScoredFlags[f] : 0;
      for (int c = 0; c < kWordCases; ++c) {
        const WordCase word_case = static_cast<WordCase>(c);
        int count = WordDenseFeatures(length, flags, word_case, features);
        float score = 0;
        for (int k = 0; k < count; ++k) score += dense[features[k]];
        scores_[Index(length, flags, word_case)] = score;
      }
    }
  }
}

void GapScores(const Lattice& lattice, const RunFeatures& features, const Rows& rows,
               const float* dense, std::vector<float>* scores) {
  const size_t n = lattice.size();
  scores->resize(n > 0 ? n - 1 : 0);  // every one is written below
  int dense_features[4];
  for (size_t g = 0; g + 1 < n; ++g) {
    float score = 0;
    for (const GapTemplate& t : kGapTemplates) {
      score += rows.ngrams[t.gram - 1][g + t.offset + kMaxBefore][t.role];
    }
    int count = GapDenseFeatures(lattice, features, g, dense_features);
    for (int k = 0; k < count; ++k) score += dense[dense_features[k]];
    size_t syllables[2];
    int roles[2];
    count = ListedGapFeatures(features, g, syllables, roles);
    for (int k = 0; k < count; ++k) score += rows.listed[syllables[k]][roles[k]];
    (*scores)[g] = score;
  }
}

void Decode(const RunFeatures& features, const std::vector<float>& gap_scores,
            const WordScoreTable& table, DecodeScratch* scratch, std::vector<uint32_t>* lengths) {
  const size_t n = features.classes.size();
  // prefix[i]: sum of the gap scores before syllable i, so the inner gaps
  // of a word i..j sum to prefix[j] - prefix[i].
  std::vector<float>& prefix = scratch->prefix;
  prefix.resize(n);
  if (n > 0) prefix[0] = 0;
  for (size_t g = 0; g + 1 < n; ++g) prefix[g + 1] = prefix[g] + gap_scores[g];
  std::vector<float>& best = scratch->best;
  std::vector<uint32_t>& back = scratch->back;
  best.assign(n + 1, -std::numeric_limits<float>::infinity());
  // Every end starts as a syllable alone: on finite scores each is then
  // set with best[end] (every syllable is a candidate), but a NaN or -inf
  // score sets nothing, and a stale or zero entry made the back-trace
  // below loop for ever or run off the start.
  back.assign(n + 1, 1);
  best[0] = 0;
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t c = features.first_candidate[i]; c < features.first_candidate[i + 1]; ++c) {
      const Candidate& word = features.candidates[c];
      const size_t end = i + word.length;
      float score = best[i] + WordScore(features, table, word) + (prefix[end - 1] - prefix[i]);
      if (score > best[end]) {
        best[end] = score;
        back[end] = word.length;
      }
    }
  }
  lengths->clear();
  // 1 <= back[end] <= end: each step goes back at least one syllable.
  for (size_t end = n; end > 0; end -= back[end]) lengths->push_back(back[end]);
  std::reverse(lengths->begin(), lengths->end());
}

}  // namespace vnseg::model

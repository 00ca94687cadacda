// The Scorer over a learned model stored in the dictionary
// (model_features.h, model_weights.h, model_decoder.h).
#include <memory>

#include "lattice.h"
#include "model_decoder.h"
#include "model_features.h"
#include "model_weights.h"

namespace vnseg {
namespace {

class LearnedScorer : public Scorer {
 public:
  explicit LearnedScorer(const model::Weights* weights) : weights_(weights) {
    word_table_.Build(weights->dense);
    // Every slot starts as the (exact) entry of hash 0, so no slot is empty.
    syllable_rows_.assign(kSyllableRowSlots, RowsOf(0));
  }

  void BestPath(const Lattice& lattice, std::vector<uint32_t>* lengths) override {
    if (lattice.size() == 1) {  // one path (a syllable between punctuation, a number...)
      lengths->assign(1, 1);
      return;
    }
    features_.Prepare(lattice);
    // Unigram and listed-word rows depend on the syllable alone: looked up
    // once per syllable spelling (text repeats a few thousand of them), not
    // once per use. Bigrams are too many to remember.
    const std::vector<uint64_t>& padded = features_.padded;
    rows_.ngrams[0].resize(padded.size());
    rows_.listed.resize(lattice.size());
    for (size_t s = 0; s < padded.size(); ++s) {
      const SyllableRows& r = SyllableRowsOf(padded[s]);
      rows_.ngrams[0][s] = r.unigram;
      if (s >= model::kMaxBefore && s - model::kMaxBefore < lattice.size()) {
        rows_.listed[s - model::kMaxBefore] = r.listed;
      }
    }
    const std::vector<uint64_t>& bigrams = features_.ngrams[model::kBigram - 1];
    rows_.ngrams[1].resize(bigrams.size());
    for (size_t i = 0; i < bigrams.size(); ++i) rows_.ngrams[1][i] = weights_->Find(bigrams[i]).w;
    model::GapScores(lattice, features_, rows_, weights_->dense, &gap_scores_);
    model::Decode(features_, gap_scores_, word_table_, &decode_, lengths);
  }

 private:
  struct SyllableRows {
    uint64_t hash;
    const float* unigram;
    const float* listed;
  };
  static constexpr size_t kSyllableRowSlots = 1 << 13;

  SyllableRows RowsOf(uint64_t hash) const {
    return SyllableRows{hash, weights_->Find(model::NgramKey(1, &hash)).w,
                        weights_->Find(model::ListedGapKey(hash)).w};
  }

  // A direct-mapped cache: the hash is already mixed, its low bits pick the slot.
  const SyllableRows& SyllableRowsOf(uint64_t hash) {
    SyllableRows& slot = syllable_rows_[hash & (kSyllableRowSlots - 1)];
    if (slot.hash != hash) slot = RowsOf(hash);
    return slot;
  }

  const model::Weights* weights_;
  model::WordScoreTable word_table_;
  // Scratch, kept between runs.
  std::vector<SyllableRows> syllable_rows_;
  model::RunFeatures features_;
  model::Rows rows_;
  std::vector<float> gap_scores_;
  model::DecodeScratch decode_;
};

}  // namespace

std::unique_ptr<Scorer> NewLearnedScorer(const model::Weights* weights) {
  return std::make_unique<LearnedScorer>(weights);
}

}  // namespace vnseg

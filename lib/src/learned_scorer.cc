// The Scorer over a learned model stored in the dictionary (model.h).
#include <memory>

#include "lattice.h"
#include "model.h"

namespace vnseg {
namespace {

class LearnedScorer : public Scorer {
 public:
  explicit LearnedScorer(const model::Weights* weights) : weights_(weights) {}

  void BestPath(const Lattice& lattice, std::vector<uint32_t>* lengths) const override {
    features_.Prepare(lattice);
    for (int gram = 0; gram < 3; ++gram) {
      const std::vector<uint64_t>& keys = features_.ngrams[gram];
      rows_[gram].resize(keys.size());
      for (size_t s = 0; s < keys.size(); ++s) rows_[gram][s] = weights_->Find(keys[s]).w;
    }
    model::GapScores(lattice, features_, rows_, weights_->dense, &gap_scores_);
    model::Decode(lattice, features_, gap_scores_, weights_->dense, &decode_, lengths);
  }

 private:
  const model::Weights* weights_;
  // Scratch: a scorer belongs to one Segmenter, which is single-threaded.
  mutable model::RunFeatures features_;
  mutable model::NgramRows rows_;
  mutable std::vector<float> gap_scores_;
  mutable model::DecodeScratch decode_;
};

}  // namespace

std::unique_ptr<Scorer> NewLearnedScorer(const model::Weights* weights) {
  return std::make_unique<LearnedScorer>(weights);
}

}  // namespace vnseg

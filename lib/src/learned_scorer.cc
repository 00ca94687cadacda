// The Scorer over a learned model stored in the dictionary (model.h).
#include <memory>

#include "lattice.h"
#include "model.h"

namespace vnseg {
namespace {

class LearnedScorer : public Scorer {
 public:
  explicit LearnedScorer(const model::Weights* weights) : weights_(weights) {
    word_table_.Build(weights->dense);
  }

  void BestPath(const Lattice& lattice, std::vector<uint32_t>* lengths) const override {
    features_.Prepare(lattice);
    for (int gram = 0; gram < model::kMaxGram; ++gram) {
      Lookup(features_.ngrams[gram], &rows_.ngrams[gram]);
    }
    Lookup(features_.listed_keys, &rows_.listed);
    model::GapScores(lattice, features_, rows_, weights_->dense, &gap_scores_);
    model::WordScores(features_, word_table_, &word_scores_);
    model::Decode(features_, gap_scores_, word_scores_, &decode_, lengths);
  }

 private:
  void Lookup(const std::vector<uint64_t>& keys, std::vector<const float*>* rows) const {
    rows->resize(keys.size());
    for (size_t i = 0; i < keys.size(); ++i) (*rows)[i] = weights_->Find(keys[i]).w;
  }

  const model::Weights* weights_;
  model::WordScoreTable word_table_;
  // Scratch: a scorer belongs to one Segmenter, which is single-threaded.
  mutable model::RunFeatures features_;
  mutable model::Rows rows_;
  mutable std::vector<float> gap_scores_, word_scores_;
  mutable model::DecodeScratch decode_;
};

}  // namespace

std::unique_ptr<Scorer> NewLearnedScorer(const model::Weights* weights) {
  return std::make_unique<LearnedScorer>(weights);
}

}  // namespace vnseg

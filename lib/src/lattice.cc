#include "lattice.h"

#include <limits>

namespace vnseg {
namespace {

class MaximalMatchingScorer : public Scorer {
 public:
  void BestPath(const Lattice& lattice, std::vector<uint32_t>* lengths) override {
    const size_t n = lattice.size();
    // Backward DP: cost[i] = fewest words covering syllables i..n-1, a
    // guessed name counting a little more than a dictionary word, so that
    // "Bộ Y tế" is "Bộ Y_tế", not "Bộ_Y tế". Going backward lets equal-cost
    // ties favour the longest word at each start.
    cost_.assign(n + 1, std::numeric_limits<uint32_t>::max());
    choice_.assign(n + 1, 1);
    cost_[n] = 0;
    for (size_t i = n; i-- > 0;) {
      for (uint32_t e = lattice.first_edge[i]; e < lattice.first_edge[i + 1]; ++e) {
        const LatticeEdge& edge = lattice.edges[e];
        uint32_t c = cost_[i + edge.length] + ((edge.flags & kNameRunEdge) ? 3 : 2);
        if (c < cost_[i] || (c == cost_[i] && edge.length > choice_[i])) {
          cost_[i] = c;
          choice_[i] = edge.length;
        }
      }
    }
    lengths->clear();
    for (size_t i = 0; i < n; i += choice_[i]) lengths->push_back(choice_[i]);
  }

 private:
  std::vector<uint32_t> cost_;  // scratch
  std::vector<uint32_t> choice_;
};

}  // namespace

std::unique_ptr<Scorer> NewMaximalMatchingScorer() {
  return std::make_unique<MaximalMatchingScorer>();
}

}  // namespace vnseg

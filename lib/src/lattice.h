// The word lattice over one run of syllables and the interface of the
// scorers that choose a path through it. The segmenter builds the lattice
// from the dictionaries; a scorer only sees this structure, so a learned
// model can replace the dictionary heuristic without touching anything else.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace vnseg {

// Spelling shape of a syllable, for scorers and lattice filters.
enum SyllableShape : uint8_t {
  kUpperInitial = 1,  // first letter is upper case
  kAllUpper = 2,      // every letter is upper case (and there are 2+)
  kHasDigit = 4,
  kLowerInitial = 8,  // first letter is lower case
};

// A lattice edge's flag beside the WordFlags (vnseg/dictionary.h) of its
// dictionary entry: a run of Capitalised syllables offered as a proper
// name. A bit no stored word has.
inline constexpr uint32_t kProperName = 1u << 4;

struct LatticeEdge {
  uint32_t start;       // first syllable
  uint32_t length;      // syllables
  uint32_t flags;       // WordFlags of the dictionary entry, 0 if none
};

struct Lattice {
  std::vector<uint8_t> shapes;      // one per syllable
  std::vector<uint64_t> keys;       // one per syllable: model::SyllableHash of its canonical key
  std::vector<uint32_t> begins;     // one per syllable: byte offset in the segmented text
  std::vector<uint32_t> syllable_flags;  // one per syllable: WordFlags of it as a one-syllable word
  bool sentence_start = false;      // the run's first syllable starts a sentence
  std::vector<LatticeEdge> edges;   // grouped by start, ascending
  std::vector<uint32_t> first_edge; // edges of start i: [first_edge[i], first_edge[i + 1])

  size_t size() const { return shapes.size(); }
  // Appends an edge field by field: pushing a braced temporary made GCC
  // build it on the stack with stores of mixed widths and read it back
  // whole, a store-forwarding stall on every edge (measured: ~25% of the
  // segmenter's own time).
  void AddEdge(uint32_t start, uint32_t length, uint32_t flags) {
    LatticeEdge& e = edges.emplace_back();
    e.start = start;
    e.length = length;
    e.flags = flags;
  }
  void Clear() {
    shapes.clear();
    keys.clear();
    begins.clear();
    syllable_flags.clear();
    sentence_start = false;
    edges.clear();
    first_edge.clear();
  }
};

class Scorer {
 public:
  virtual ~Scorer() = default;
  // Fills `lengths` with the syllable counts of the chosen words, in order;
  // they sum to lattice.size(). Every start has at least its 1-syllable edge.
  virtual void BestPath(const Lattice& lattice, std::vector<uint32_t>* lengths) const = 0;
};

// Dictionary maximal matching: the path with the fewest words, ties broken
// against guessed names (kProperName edges), then towards longer leading
// words.
std::unique_ptr<Scorer> NewMaximalMatchingScorer();

namespace model { struct Weights; }
// The learned model of model.h: the best-scoring path under `weights`,
// which must outlive the scorer.
std::unique_ptr<Scorer> NewLearnedScorer(const model::Weights* weights);

}  // namespace vnseg

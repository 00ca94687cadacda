// The word lattice over one run of syllables and the interface of the
// scorers that choose a path through it. The lattice builder
// (lattice_builder.h) makes it from the dictionaries; a scorer only sees
// this structure, so a learned model can replace the dictionary heuristic
// without touching anything else.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "vnseg/dictionary.h"

namespace vnseg {

// Edge flag set by the lattice builder alone, never stored in a dictionary:
// the edge is a run of Capitalised syllables guessed as a name. It shares
// LatticeEdge::flags with the stored WordFlags, so it must be a bit none of
// them uses.
inline constexpr uint32_t kNameRunEdge = 1u << 4;
static_assert((kNameRunEdge & kAllWordFlags) == 0, "kNameRunEdge must not be a stored WordFlags bit");
// Flag set by the lattice builder on a syllable that is a Vietnamese family
// name (surnames.h): in Lattice::syllable_flags, on its one-syllable edge,
// and (model_features.cc) on the candidate words from it that may be a
// full name.
inline constexpr uint32_t kSurnameSyllable = 1u << 3;
static_assert((kSurnameSyllable & (kAllWordFlags | kNameRunEdge)) == 0,
              "kSurnameSyllable must be a bit of its own");

// Edge flag set by the lattice builder on a name run that goes through a
// particle of foreign names or ends in an article ("Lula da Silva",
// "Abdel Fattah al-Sisi", name_particles.h): decoding
// keeps it whole, as the user words (the treebank has none to learn from).
inline constexpr uint32_t kParticleNameEdge = 1u << 16;
static_assert((kParticleNameEdge & (kAllWordFlags | kNameRunEdge | kSurnameSyllable)) == 0,
              "kParticleNameEdge must be a bit of its own");

// Flag set by the lattice builder on a syllable that is a common middle
// name (surnames.h), in Lattice::syllable_flags; and (model_features.cc) on
// the candidate words of 3-4 syllables of a caseless run that go from a
// kCaselessSurname through one ("trần minh đức").
inline constexpr uint32_t kMiddleNameSyllable = 1u << 17;
static_assert((kMiddleNameSyllable &
               (kAllWordFlags | kNameRunEdge | kSurnameSyllable | kParticleNameEdge)) == 0,
              "kMiddleNameSyllable must be a bit of its own");

// Flag set by the lattice builder on a family name that starts a full name
// in caseless text too (surnames.h, StartsCaselessFullName), in
// Lattice::syllable_flags only.
inline constexpr uint32_t kCaselessSurname = 1u << 18;
static_assert((kCaselessSurname & (kAllWordFlags | kNameRunEdge | kSurnameSyllable |
                                   kParticleNameEdge | kMiddleNameSyllable)) == 0,
              "kCaselessSurname must be a bit of its own");

// The flags of Lattice::syllable_flags that stay off the syllable's edge.
inline constexpr uint32_t kSyllableOnlyFlags = kMiddleNameSyllable | kCaselessSurname;

// Spelling shape of a syllable, for scorers and lattice filters.
enum SyllableShape : uint8_t {
  kUpperInitial = 1,  // first letter is upper case
  kAllUpper = 2,      // every letter is upper case (and there are 2+)
  kHasDigit = 4,
  kLowerInitial = 8,  // first letter is lower case
};

// A syllable that can be part of a proper name: Capitalised, not ALL-CAPS
// (a headline's capitals say nothing about names).
inline bool IsNamePart(uint8_t shape) { return (shape & kUpperInitial) && !(shape & kAllUpper); }

struct LatticeEdge {
  uint32_t start;       // first syllable
  uint32_t length;      // syllables
  uint32_t flags;       // WordFlags of the dictionary entries, kNameRunEdge; 0 if none
};

struct Lattice {
  std::vector<uint8_t> shapes;      // one per syllable
  // One per syllable: model::SyllableHash of its canonical key.
  std::vector<uint64_t> syllable_hashes;
  std::vector<uint32_t> begins;     // one per syllable: byte offset in the segmented text
  std::vector<uint32_t> syllable_flags;  // one per syllable: WordFlags of it as a one-syllable word
  bool sentence_start = false;      // the run's first syllable starts a sentence
  // Set by the caller after LatticeBuilder::Build: the runs before this one
  // in its sentence make a lower-case sentence so far (LowerCaseSentence of
  // the run before; false at a sentence start, where it is not read).
  bool lower_case_before = false;
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
    syllable_hashes.clear();
    begins.clear();
    syllable_flags.clear();
    sentence_start = false;
    lower_case_before = false;
    edges.clear();
    first_edge.clear();
  }
};

// True if the run's sentence, up to the run's end, is written without
// capitals and begins with a lower-case letter ("bay từ hải phòng , cần
// thơ"): a chat line or a query, whose runs after a comma are as caseless
// as its first. The scorer reads it (model_features.h, ShapeClasses); the
// caller carries it to the next run of the sentence (lower_case_before).
inline bool LowerCaseSentence(const Lattice& lattice) {
  uint8_t some = 0;
  for (uint8_t shape : lattice.shapes) some |= shape;
  if (some & kUpperInitial) return false;
  return lattice.sentence_start ? (some & kLowerInitial) != 0 : lattice.lower_case_before;
}

// Chooses a path through a lattice. Not const: a scorer keeps its scratch
// between calls, so it belongs to one thread (one Segmenter, or the trainer).
class Scorer {
 public:
  virtual ~Scorer() = default;
  // Fills `lengths` with the syllable counts of the chosen words, in order;
  // they sum to lattice.size(). Every start has at least its 1-syllable edge.
  virtual void BestPath(const Lattice& lattice, std::vector<uint32_t>* lengths) = 0;
};

// Dictionary maximal matching: the path with the fewest words, ties broken
// against guessed names (kNameRunEdge edges), then towards longer leading
// words.
std::unique_ptr<Scorer> NewMaximalMatchingScorer();

namespace model { struct Weights; }
// The learned model (model_features.h, model_decoder.h): the best-scoring path under
// `weights`, which must outlive the scorer.
std::unique_ptr<Scorer> NewLearnedScorer(const model::Weights* weights);

}  // namespace vnseg

// Builds the word lattice of one run of syllables (run_finder.h): the
// words of the main and the user dictionary over its syllables (a trie
// walk from each), and runs of Capitalised syllables guessed as names. The
// one place that walks the dictionaries' tries; the segmenter and the
// trainer both build their lattices here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "dictionary_image.h"
#include "lattice.h"
#include "run_finder.h"
#include "vnseg/tokenizer.h"

namespace vnseg {

// Not thread-safe (it caches what it learns of each syllable spelling): one
// per thread. The dictionaries are only read.
// SyllableShape bits of one syllable token's text.
uint8_t ShapeOf(std::string_view syllable);

class LatticeBuilder {
 public:
  // `dictionary` must not be null; `user_words` may be. Both must outlive
  // the builder.
  LatticeBuilder(const DictionaryImage* dictionary, const DictionaryImage* user_words);

  // Replaces `*lattice` with the lattice of `run`, a run of `tokens`, the
  // PreTokenize tokens of `text`. The lattice's offsets are into `text`.
  void Build(std::string_view text, const std::vector<Token>& tokens, const SyllableRun& run,
             Lattice* lattice);

 private:
  // What the builder needs to know of one spelling of a syllable. Text
  // repeats a few thousand syllables, so these are cached per spelling and
  // the canonical key is computed once per distinct spelling, not per use.
  struct SyllableFacts {
    uint64_t hash;      // model::SyllableHash of the canonical key
    uint32_t id[2];     // syllable id in the main and the user dictionary
    uint32_t root[2];   // the trie node one step from the root over it
    uint32_t flags[2];  // WordFlags of the syllable as a word of each dictionary (0: none)
    uint8_t shape;      // SyllableShape bits
    // A lower-case particle of foreign names ("da", "von", "bin") that joins
    // the Capitalised syllables around it into one name run: "Lula da
    // Silva", "Ursula von der Leyen" (name_particles.h).
    bool name_particle;
    // Not spelled as a Vietnamese syllable ("Silva", "Leyen"): only between
    // two such syllables does a name_particle join a name.
    bool foreign_spelling;
    // A lower-case article glued to a Capitalised name by a hyphen
    // ("al-Sisi", "el-Sisi"): a name part like a Capitalised syllable.
    bool article_name;

    // A one-syllable name of the name lists: a place or a person ("Mỹ",
    // "Azerbaijan", "Hùng").
    bool listed_name() const { return (flags[0] & kFromNameList) != 0; }
  };

  // NameRunAt and AddDictionaryWords are inline (defined in the .cc, their
  // only user): in a -fPIC library GCC does not inline a function of
  // external linkage, and called per syllable they cost about 1% more
  // instructions (as did the segmenter's and run finder's helpers).
  const SyllableFacts& Facts(std::string_view syllable);
  inline size_t NameRunAt(size_t k, bool sentence_start) const;
  inline void AddDictionaryWords(int d, size_t k, Lattice* lattice) const;

  const DictionaryImage* dicts_[2];  // main, user words (may be null)
  absl::flat_hash_map<std::string, SyllableFacts> cache_;
  std::string key_;
  std::vector<SyllableFacts> facts_;  // per syllable of the run (copies: the
                                      // cache moves its values on insert)
  SyllableFacts uncached_;  // of the last syllable too long to cache
};

}  // namespace vnseg

// Runs of syllables in pre-tokenized text: syllable tokens separated by
// single ASCII spaces, the unit the lattice builder and the scorers work
// on, and whether each starts a sentence. Shared by the segmenter and the
// trainer (learn.cc), so that both see the same runs.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "vnseg/tokenizer.h"

namespace vnseg {

// Runs longer than this many syllables (only in pathological input: a huge
// line of syllables with no punctuation) are cut into windows.
inline constexpr size_t kMaxRunSyllables = 1 << 14;

// A run, or a window of one: the syllable tokens first, first + 2, ..., last.
struct SyllableRun {
  size_t first;
  size_t last;
  bool sentence_start;  // its first syllable starts a sentence
  bool cut;             // cut at kMaxRunSyllables: the next window goes on from last + 2
};

// Finds the runs of `tokens` (the PreTokenize tokens of `text`) in order.
// Both must outlive the finder. `continues_run`: `text` is the rest of a
// text cut inside a run (Segmenter::LastRunWindow), so its start is no
// sentence start.
class RunFinder {
 public:
  RunFinder(std::string_view text, const std::vector<Token>& tokens, bool continues_run)
      : text_(text), tokens_(tokens), continues_run_(continues_run) {}

  // The next run after the previous one; false when there are no more.
  bool Next(SyllableRun* run);

 private:
  inline bool StartsSentence(size_t token_index) const;
  // Inline: asked for every token of a run.
  bool IsSingleSpace(size_t i) const {
    const Token& t = tokens_[i];
    return t.kind == TokenKind::kSpace && t.end == t.begin + 1 && text_[t.begin] == ' ';
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  bool continues_run_;
  size_t next_ = 0;  // first token not looked at
};

}  // namespace vnseg

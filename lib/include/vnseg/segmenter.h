// Word segmentation: pre-tokenize, build a word lattice over each run of
// syllables from the dictionaries, pick the best path, return word spans.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vnseg/dictionary.h"
#include "vnseg/tokenizer.h"

namespace vnseg {

// A word: one token, or several syllable tokens separated by single ASCII
// spaces. Byte offsets into the segmented text.
struct Word {
  uint32_t begin;
  uint32_t end;
  TokenKind kind;      // kind of the first token
  uint16_t syllables;  // > 1 only for multi-syllable words
};

class Scorer;
struct SyllableFacts;

// Not thread-safe: use one Segmenter per thread. The dictionaries are
// read-only and may be shared by any number of segmenters.
class Segmenter {
 public:
  // `dictionary` must outlive the segmenter; `user_words` may be null.
  explicit Segmenter(const Dictionary* dictionary, const UserWords* user_words = nullptr);
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Words of `text` in order; white space belongs to no word. The vector
  // is reused by the next call. `text` must be shorter than 4 GiB.
  // `continues_run`: `text` is the rest of a text cut at LastRunWindow, so a
  // run of syllables at its start is no sentence start.
  const std::vector<Word>& Segment(std::string_view text, bool continues_run = false);

  // Streaming: the last place in `text` where Segment starts a new window
  // of a run of syllables too long to decode at once (a megabyte of
  // syllables and single spaces); 0 if none. `text` must start where no run
  // goes on from before it, or at such a place. Cut there, the parts give
  // the words of the whole (the part after with continues_run).
  static size_t LastRunWindow(std::string_view text);

 private:
  friend class ModelTrainer;  // learn.cc: decodes with a scorer that learns

  void SegmentRun(std::string_view text, size_t first, size_t last);
  void AddWord(uint32_t begin, uint32_t end, TokenKind kind, uint16_t syllables);
  const SyllableFacts& Facts(std::string_view syllable);
  bool StartsSentence(std::string_view text, size_t token_index) const;

  bool continues_run_ = false;
  const Dictionary* dictionary_;
  const UserWords* user_words_;
  std::unique_ptr<Scorer> scorer_;
  // Scratch reused across calls: no allocation per syllable.
  std::vector<Token> tokens_;
  std::vector<Word> words_;
  struct Scratch;
  std::unique_ptr<Scratch> scratch_;
};

}  // namespace vnseg

// Word segmentation: pre-tokenize, build a word lattice over each run of
// syllables from the dictionaries, pick the best path, return word spans.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
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

// The name of a word's kind as the front ends report it (vnseg tokenize,
// Python's Token.kind): "word" for a word of syllables, else TokenKindName
// ("number", "url", "email", "hashtag", "mention", "abbreviation", "punct",
// "other"). A static string.
const char* WordKindName(TokenKind kind);

// Segments text into words with a dictionary (and its learned model, if it
// has one; else by maximal matching).
//
// Not thread-safe: use one Segmenter per thread (it keeps scratch and a
// cache between calls). The dictionaries are read-only and may be shared by
// any number of segmenters in any number of threads.
class Segmenter {
 public:
  // `dictionary` must not be null; `user_words` may be (then no user
  // words). Both must outlive the segmenter, which keeps the pointers.
  explicit Segmenter(const Dictionary* dictionary, const UserWords* user_words = nullptr);
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Returns the words of `text` in order; white space belongs to no word,
  // every other byte to exactly one. Never fails (invalid UTF-8 bytes are
  // words of kind kOther). The vector is owned by the segmenter and valid
  // until the next call or the segmenter's end; its offsets are into
  // `text`, which must be shorter than 4 GiB and need not outlive the call.
  // `continues_run`: `text` is the rest of a text cut at LastRunWindow, so a
  // run of syllables at its start is no sentence start.
  // `lower_case_sentence`: `text` goes on a sentence that so far is written
  // without capitals and began with a lower-case letter
  // (LowerCaseSentenceAfter of the text before it). Such a sentence (a chat
  // line, a query) is read as caseless to its end, commas and all: its
  // words segment as they would with their capitals ("bay từ hải phòng ,
  // cần thơ").
  const std::vector<Word>& Segment(std::string_view text, bool continues_run = false,
                                   bool lower_case_sentence = false);

  // Streaming: the `lower_case_sentence` of a text that goes on right after
  // `text`, given `text`'s own `continues_run` and `lower_case_sentence`.
  // Cut anywhere Segment's parts give the words of the whole
  // (LastRunWindow, ExactCutPoint), the parts so chained give them still.
  // Thread-safe; reads only the text after the last line end.
  static bool LowerCaseSentenceAfter(std::string_view text, bool continues_run,
                                     bool lower_case_sentence);

  // Streaming: returns the last place in `text` where Segment starts a new
  // window of a run of syllables too long to decode at once (a megabyte of
  // syllables and single spaces); 0 if none. `text` must start where no run
  // goes on from before it, or at such a place. Cut there, the parts give
  // the words of the whole (the part after with continues_run). Thread-safe
  // (no segmenter involved).
  static size_t LastRunWindow(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vnseg

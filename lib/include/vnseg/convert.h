// Converters between natural text and the '_' word form. All of them render
// spans from the pre-tokenizer and the segmenter, so they agree on offsets.
//
// The '_' convention: inside a word, the single ASCII space between two
// syllables is written '_'. A literal '_' of the input that sits between two
// word characters (letters, marks, digits) is written "__" so that join can
// tell it from a joint; any other literal '_' ("__init__", "_x", "a _ b")
// is written as it is. Join reverses exactly that, so for any valid UTF-8 x:
//     Join(Segment(x)) == x.
#pragma once

#include <string>
#include <string_view>

#include "vnseg/segmenter.h"

namespace vnseg {

struct SegmentOptions {
  // false: lossless, only word-inner spaces become '_' (and literal '_'
  // between word characters doubles).
  // true: VnCoreNLP/PhoBERT style, every word and punctuation mark separated
  // by one space; line ends kept, other white space collapsed.
  bool tokenize = false;
};

// Appends the segmented form of `text` to `out`.
void SegmentText(Segmenter& segmenter, std::string_view text, const SegmentOptions& options,
                 std::string* out);

struct JoinOptions {
  // Also undo the tokenized style: no space before , . : ; ! ? ) ] } % …,
  // none after ( [ {, straight quotes paired per line.
  bool detok = false;
};

// Appends the natural form of `text` to `out`: every '_' between two word
// characters becomes a space and "__" there becomes '_'; other runs of '_'
// are kept. Exact inverse of the lossless SegmentText.
void JoinText(std::string_view text, const JoinOptions& options, std::string* out);

// Re-segments text that another tool segmented: JoinText, then the lossless
// SegmentText, so the input's spacing style is kept.
void ResegmentText(Segmenter& segmenter, std::string_view text, std::string* out);

// Streaming: the length of the longest prefix of `text` after which the
// text can be cut and each part converted alone with the same lossless
// result as the whole. Prefers a line end, then white space after . ! ? :,
// then other white space that is not a single space, then (only very long
// lines get there; a word could have crossed it) any ASCII white space.
// Returns 0 if there is no white space at all. The line-structured outputs
// (tokenized segment, detok join) must be cut at line ends only.
size_t SafeCutPoint(std::string_view text);

}  // namespace vnseg

// Converters between natural text and the '_' word form. All of them render
// spans from the pre-tokenizer and the segmenter, so they agree on offsets.
//
// The '_' convention: inside a word, the single ASCII space between two
// syllables is written '_'. A literal '_' of the input that sits between two
// word characters (letters, marks, digits) is written "__" so that join can
// tell it from a joint; any other literal '_' ("__init__", "_x", "a _ b")
// is written as it is. Join reverses exactly that, so for any valid UTF-8 x:
//     Join(Segment(x)) == x.
//
// Thread safety: the functions keep no state of their own. JoinText and
// the ...StateAfter functions may run in any number of threads at once;
// SegmentText and ResegmentText use the Segmenter they are given, which
// serves one thread at a time (one Segmenter per thread).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vnseg/segmenter.h"
#include "vnseg/stream_cut.h"  // SafeCutPoint, FindCut

namespace vnseg {

struct SegmentOptions {
  // false: lossless, only word-inner spaces become '_' (and literal '_'
  // between word characters doubles).
  // true: VnCoreNLP/PhoBERT style, every word and punctuation mark separated
  // by one space; line ends kept, other white space collapsed.
  bool tokenize = false;
  // true: one sentence a line, as SentenceLines writes them, each segmented.
  bool sentences = false;
};

// Streaming a line too long to hold whole: a reader cuts it into pieces
// (FindCut, stream_cut.h) and converts each alone. What a converter must
// know of the line before a piece is its PieceState; the reader carries it
// from piece to piece with SegmentStateAfter, DetokStateAfter or
// JoinStateAfter. A fresh line starts from PieceState{}.
struct PieceState {
  bool after_word = false;        // a word came before the piece on its line
  bool inside_word = false;       // the piece starts inside a word cut in two:
                                  // no space goes before it
  bool word_char_before = false;  // the piece follows a letter, mark or digit
                                  // (join's '_' rule looks one character back)
  bool glue_next = false;         // detok: the token before opened a bracket or quote
  bool in_double = false;         // detok: a straight " is open on the line
  bool in_single = false;         // detok: a straight ' is open on the line
  bool double_stale = false;      // detok: a sentence has started since the open "
  bool single_stale = false;      // detok: the same for the open '
  bool sentence_end = false;      // detok: the tokens before end a sentence
                                  // (. ! ? ..., then closing quotes or brackets)
  bool continues_run = false;     // tokenized segment: cut inside a long run of
                                  // syllables (Segmenter::LastRunWindow)
  bool lower_case_sentence = false;  // segment: the piece goes on a lower-case
                                     // sentence (Segmenter::LowerCaseSentenceAfter)
};

// Appends the segmented form of `text` to `out`; `start` describes the
// line before `text`.
void SegmentText(Segmenter& segmenter, std::string_view text, const SegmentOptions& options,
                 std::string* out);
void SegmentText(Segmenter& segmenter, std::string_view text, const SegmentOptions& options,
                 const PieceState& start, std::string* out);

// The state after `piece` for SegmentText and ResegmentText, given the
// state before it and the cut after it.
PieceState SegmentStateAfter(std::string_view piece, const PieceState& start, const Cut& cut);

// The words of `segment --tokenize` (SegmentText with `tokenize`) from
// Segment()'s: each run of words that touch one another (no white space
// between them) and spell an abbreviation written with a final period
// ("Mr.", "Dr.", "TS.", "TP.", "Q.", "etc.", "v.v."; the list and its
// reasons are in lib/src/abbreviations.cc) becomes one word of kind
// kAbbreviation, unless a word other than a closing bracket touches the
// period ("( Mr. )", "( v.v. )"; but "Mr .."). A period that a line end (or
// the end of `text`) follows stays a word of its own: it may end the
// sentence ("ở TP ." but "TP. HCM"; "v.v ." but "v.v. và"). An initial
// (one capital letter) and its period become one word where the period
// ends no sentence and the line goes on with a word: "ông H. nói", "bà G.
// Nam", but "ở phường K . Ông" (lib/src/convert.cc, JoinsInitial).
// `words` are offsets into `text`, in order.
void JoinAbbreviations(std::string_view text, std::vector<Word>* words);

struct JoinOptions {
  // Also undo the tokenized style: no space before , . : ; ! ? ) ] } % …,
  // none after ( [ {, straight quotes paired per sentence: a quote still
  // open when another sentence has started (a capital after . ! ? and any
  // closing marks) closes only right after the end of a sentence; after a
  // word, it stays as it is and the new quote opens.
  bool detok = false;
};

// Appends the natural form of `text` to `out`: every '_' between two word
// characters becomes a space and "__" there becomes '_'; other runs of '_'
// are kept. Exact inverse of the lossless SegmentText.
void JoinText(std::string_view text, const JoinOptions& options, std::string* out);
void JoinText(std::string_view text, const JoinOptions& options, const PieceState& start,
              std::string* out);

// The state after `piece` (in '_' form) for JoinText --detok, given the
// state before it and the cut after it.
PieceState DetokStateAfter(std::string_view piece, const PieceState& start, const Cut& cut);
// The same for plain JoinText, which needs only word_char_before.
PieceState JoinStateAfter(std::string_view piece, const PieceState& start, const Cut& cut);

// One sentence a line (`vnseg sentences`): appends each sentence of `text`
// (SplitSentences, sentences.h) and a '\n'. The white space between two
// sentences, and before the first and after the last of a line, is
// dropped; each line of `text` that holds no sentence (empty or white space
// only) gives an empty line, so paragraphs stay apart. `start.after_word`:
// `text` goes on a line on which a sentence came before (then its first
// line end ends that line).
void SentenceLines(std::string_view text, const PieceState& start, std::string* out);

// Re-segments text that another tool segmented: JoinText, then the lossless
// SegmentText, so the input's spacing style is kept.
void ResegmentText(Segmenter& segmenter, std::string_view text, std::string* out);
void ResegmentText(Segmenter& segmenter, std::string_view text, const PieceState& start,
                   std::string* out);

}  // namespace vnseg

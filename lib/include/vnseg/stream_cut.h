// Where a reader may cut text that it cannot hold whole (one long line),
// so that each piece is converted alone (with the PieceState of convert.h
// carried across the cut) and the output is that of the whole.
//
// Thread safety: every function here is a pure function of its arguments;
// call them from any number of threads at once.
#pragma once

#include <cstddef>
#include <string_view>

namespace vnseg {

// Which converters the pieces go to.
enum class CutRules {
  kSegment,    // segment, resegment, normalize
  kTokenized,  // segment --tokenize: also exact in long runs of syllables
  kJoin,     // join, plain or --detok
  kSentences,  // sentences, segment --sentences: a cut ends a sentence
};

struct Cut {
  size_t size = 0;           // bytes before the cut; 0: none (read more)
  bool inside_word = false;  // the cut splits a word or token: the piece after
                             // it goes on without a space (PieceState)
  bool exact = true;         // by a rule marked exact below
  bool continues_run = false;  // kTokenized: at Segmenter::LastRunWindow
};

// A piece without white space may hold a token per byte, each some 24
// bytes of tokens and words in the segmenter: such stretches are cut in
// pieces of at most this many bytes (and the pieces of a long run of
// syllables, which LastRunWindow tokenizes again, kept as small).
constexpr size_t kMaxSpacelessPiece = 1 << 18;

// The start of the first stretch of more than kMaxSpacelessPiece bytes
// without ASCII white space (space, tab, CR, LF) in `text`; npos if none.
size_t SpacelessRunStart(std::string_view text);

// Streaming: the length of the longest prefix of `text` after which the
// text can be cut and each part converted alone with the same lossless
// result as the whole. Prefers a line end, then the last white space that
// is after . ! ? : (a sentence end: "." or "..." but not ".."), or not a
// single space, or before a digit or ASCII punctuation mark (no syllable
// starts there); then (only very long lines get there; a word could have
// crossed it) any ASCII white space. Returns 0 if there is no white space.
size_t SafeCutPoint(std::string_view text);
// SafeCutPoint without the last fallback: 0 if no exact cut.
size_t ExactCutPoint(std::string_view text);

// The cut nearest the end of `text` (the unread text that follows is
// unknown), by rule, first that applies. Those marked exact give the
// whole's output for any text that follows; the others bound memory where
// no exact cut exists and may change the output around the cut.
//
// kSegment:
//  1. SafeCutPoint (exact but its last fallback, the single space between
//     two syllables: the run of syllables over it is segmented in two).
//     kTokenized looks in the first 256 KiB first, and tries
//     Segmenter::LastRunWindow there before that fallback (exact,
//     continues_run); kSegment keeps the fallback, as it always cut.
//  Rules 2-5 apply to the first 256 KiB only (a piece without white space
//  may hold a token per byte): the reader cuts again before reading on.
//  A stretch of more than 256 KiB without white space (SpacelessRunStart)
//  ends the text for rule 1, and if the text starts with it, rules 2-5
//  cut its head, even if a line end follows: no piece holds more than
//  256 KiB without white space.
//  2. No white space at all: inside a run of 32 or more ASCII letters and
//     digits, 16 from its end (inside_word). A token never ends between two
//     letters or digits, so the pieces rebuild it; the output changes only
//     if the tokenizer would have read across the cut to decide the token
//     (an e-mail address, URL or domain that crosses it, whose part before
//     the cut is tokenized as if the text ended there), or the token is a
//     syllable in a run whose spelling shape differs between its part and
//     the whole (a digit or capital after the cut).
//  3. Before a character that starts a Unicode normalization segment (no
//     mark, joiner, selector, invisible character or '_' on either side);
//     inside_word if both sides are letters/digits or both are '.', which
//     no token boundary separates. The output changes only as in rule 2,
//     or in tokenized output if a token crosses a cut not marked inside_word.
//  4. Before a run of '_' (inside_word; PieceState::word_char_before keeps
//     its escape): identifiers such as a_b_c. Resegment joins a joint there
//     into a space that the cut then separates from the syllable before it.
//  5. Before any code point (inside_word): runs of marks or invalid bytes,
//     whose composition across the cut can change.
//
// kJoin (exact but rules 2b and 6; 3-6 in the first 256 KiB):
//  1. A line end.  2. After a space that does not follow a lone straight
//  quote (and spaces): --detok reads the token after one to pair it; 2b.
//  after any space (only a text of quotes and spaces gets there; --detok
//  may pair a quote before the cut otherwise).  3. Before a joint (one '_' between two
//  letters or digits; PieceState::word_char_before carries the left one).
//  4. Inside a token, at a code point with 4 bytes before it and a byte
//  after it that are no space, '_', CR or LF (inside_word): a token of 5
//  bytes or more is no quote or bracket to --detok.
//  5. Before a run of literal '_' with 8 bytes of the same token before it
//  (inside_word): a_b__c__d.
//  6. Before any code point (inside_word): inside a run of '_', which then
//  is joined as two runs, or in a short token that --detok may take for a
//  quote or bracket.
//
// kSentences (a cut always ends a sentence; exact but rule 3):
//  1. The last line end (a line end always ends a sentence).
//  2. Before the last sentence that another precedes on the line
//     (LastSentenceCut, sentences.h).
//  3. kSegment's rules: a sentence longer than the text is split there.
//  Rules 1 and 2 look before the first stretch that SpacelessRunStart
//  finds only.
Cut FindCut(std::string_view text, CutRules rules);

}  // namespace vnseg

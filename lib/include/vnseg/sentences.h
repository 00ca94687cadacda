// Sentence splitting over the pre-tokenizer's spans (tokenizer.h): numbers
// (1.000, 3,5, 15/7/2023), URLs, e-mails, abbreviations (TP.HCM, Q.1) and
// "..." are single tokens, so a '.' inside them never ends a sentence.
//
// A sentence ends only at white space:
//  - white space that holds a line end (LF, CR, U+2028, U+2029, U+0085)
//    always ends one, whatever is before it (a title, a line of a list);
//  - other white space ends one when the tokens before it are . ! ? ... or
//    their runs (?!, !!!), then any closing quotes or brackets (” ’ " ' ) ]
//    } »), and the token after it, past any opening quotes, brackets or
//    dashes, starts with a capital letter or a digit, or is a URL, e-mail,
//    hashtag or mention.
//  A single '.' does not end a sentence after a known abbreviation (TP.,
//  Q., P., GS., PGS., TS., ThS., BS., PGS.TS., ...; see kTitles in
//  sentence_splitter.cc), a single capital letter (the initial in
//  "Nguyễn Văn A. Nam"), or when it is all the sentence holds after a
//  number or letter ("1.", "a.", "II.": the mark of a list item).
//  The end of the text ends the last sentence.
//
// Thread safety: every function here is a pure function of its arguments.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "vnseg/tokenizer.h"

namespace vnseg {

// One sentence: text[begin, end), from its first to its last byte that is
// not white space. The sentences of a text are in order and never empty;
// the bytes between them (and before the first, after the last) are all
// white space, so text[0, s[0].begin) + s[0] + text[s[0].end, s[1].begin)
// + s[1] + ... + text[s[n-1].end, size) is the text again.
struct SentenceSpan {
  uint32_t begin;
  uint32_t end;
};

// Appends the sentences of `text` to `sentences` (not cleared); offsets are
// relative to `text`, which must be shorter than 4 GiB. Never fails: an
// invalid byte is a kOther token, part of a sentence. Linear time.
void SplitSentences(std::string_view text, std::vector<SentenceSpan>* sentences);

// The same over `tokens`, PreTokenize(text)'s (for a caller that has them).
void SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                    std::vector<SentenceSpan>* sentences);

// Streaming: the offset in `text` of the start of its last sentence that
// has a sentence before it on the same line and is not the last token's
// (so the split there does not depend on text after `text`); 0 if none.
// Cutting there, each part splits as the whole does (stream_cut.h's
// CutRules::kSentences).
size_t LastSentenceCut(std::string_view text);

}  // namespace vnseg

// Pre-tokenizer: splits text into byte spans (syllables, numbers, URLs,
// punctuation, spaces, ...). Every byte of the input belongs to exactly one
// token, so the spans tile the text and any renderer can rebuild it exactly.
//
// Thread safety: every function here is a pure function of its arguments;
// call them from any number of threads at once.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace vnseg {

enum class TokenKind : uint8_t {
  kSyllable,      // letters (plus digits, inner hyphen/apostrophe): "thống", "Wai-kru", "A5"
  kNumber,        // starts with a digit: 2.000, 3,5, 15/7/2023, 50%, 10:30, 3G
  kUrl,           // http://..., www...., example.vn
  kEmail,         // name@example.com
  kHashtag,       // #tag
  kMention,       // @name
  kAbbreviation,  // TP.HCM, Q.1, PGS.TS
  kPunct,         // one punctuation mark or a run of dots ("...")
  kSpace,         // a run of white space (ASCII or Unicode), line ends included
  kOther,         // symbols, emoji, identifiers with '_', invalid bytes
};

// Short lower-case name of a kind ("syllable", "number", ...).
const char* TokenKindName(TokenKind kind);

struct Token {
  uint32_t begin;  // byte offset of the first byte
  uint32_t end;    // byte offset one past the last byte
  TokenKind kind;
};

// Appends the tokens of `text` to `tokens` (not cleared). Offsets are
// relative to `text`, which must be shorter than 4 GiB. Never fails:
// invalid UTF-8 bytes become one-byte kOther tokens.
void PreTokenize(std::string_view text, std::vector<Token>* tokens);

// True if code point `c` is a letter, combining mark or decimal digit: the
// characters on both sides of a word-joining '_'.
bool IsWordChar(char32_t c);

// True if code point `c` is white space to the tokenizer (ASCII or
// Unicode): what kSpace tokens are made of.
bool IsSpaceChar(char32_t c);

}  // namespace vnseg

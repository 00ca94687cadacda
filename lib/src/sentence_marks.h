// The marks around a sentence end, one definition for the sentence splitter
// (sentence_splitter.cc) and for join --detok, which pairs straight quotes
// per sentence (convert.cc): the terminal marks, the closing quotes and
// brackets that stay with the sentence before, and a capital that starts
// the next.
#pragma once

#include <unicode/uchar.h>

#include <string_view>

#include "utf8_fast.h"

namespace vnseg {

// . ! ? and runs of dots ("..."), the ellipsis character.
inline bool IsTerminal(std::string_view p) {
  if (p == "!" || p == "?" || p == "\u2026") return true;
  return !p.empty() && p.find_first_not_of('.') == std::string_view::npos;
}

// Closing quotes and brackets (the straight quotes too, which may close).
inline bool IsCloser(std::string_view p) {
  return p == "\"" || p == "'" || p == ")" || p == "]" || p == "}" || p == "\u201D" ||
         p == "\u2019" || p == "\u00BB" || p == "\u203A";
}

// The first code point of `s`; 0 if it is empty or starts with an invalid byte.
inline char32_t FirstCodePoint(std::string_view s) {
  char32_t c = 0;
  if (s.empty() || DecodeUtf8(s.data(), s.data() + s.size(), &c) == 0) return 0;
  return c;
}

// Whether `s` starts with a capital (upper or title case) letter.
inline bool StartsWithCapital(std::string_view s) {
  const char32_t c = FirstCodePoint(s);
  return u_isupper(c) || u_istitle(c);
}

}  // namespace vnseg

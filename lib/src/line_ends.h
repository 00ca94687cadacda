// The line ends a sentence never crosses: LF, CR, CR LF (one), U+2028,
// U+2029 and U+0085. One definition for the sentence splitter, which ends
// a sentence at them, and `vnseg sentences`, which keeps the empty lines
// between paragraphs.
#pragma once

#include <cstddef>
#include <string_view>

namespace vnseg {

// The number of line ends in `text`.
inline size_t CountLineEnds(std::string_view text) {
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++n;
    } else if (text.substr(i, 3) == "\u2028" || text.substr(i, 3) == "\u2029" ||
               text.substr(i, 2) == "\u0085") {
      ++n;
    }
  }
  return n;
}

}  // namespace vnseg

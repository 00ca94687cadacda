// How much of a text reads as Vietnamese: what DetectEncoding scores each
// reading by, and what RepairMojibake checks a repaired line against.
#pragma once

#include <cstddef>
#include <string_view>

namespace vnseg {

struct VietnameseScore {
  size_t good = 0;  // well-formed Vietnamese syllables with diacritics
  size_t bad = 0;   // words with non-ASCII letters that are no syllable; noise
                    // characters (controls, U+FFFD, stray combining marks)
  double value() const { return static_cast<double>(good) - 2.0 * static_cast<double>(bad); }
};

// The score of `text` (UTF-8, best in NFC: a letter and its combining mark
// count as a stray mark; an invalid byte counts as noise). Plain ASCII
// words count for nothing. Linear in the text.
VietnameseScore ScoreVietnamese(std::string_view text);

}  // namespace vnseg

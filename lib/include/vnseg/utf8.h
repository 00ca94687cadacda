// UTF-8 for the library, the CLI and the bindings: validation with
// positions people can act on, the repair of the CLI's --invalid flag, and
// the conversions a binding needs to move text between UTF-8 and a string
// of fixed-width code units (Python's str: 1, 2 or 4 bytes per code point).
//
// Every function is thread-safe (no state) and allocates nothing but what
// it appends to `out` (and ValidateUtf8 its error message). The fast validator behind them is lib/src/utf8_fast.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace vnseg {

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or
// code points above U+10FFFF): ValidateUtf8 without the error message.
bool IsValidUtf8(std::string_view text);

// Returns OK when `text` is valid UTF-8; otherwise InvalidArgument naming
// the first bad byte: its line (1-based), its column (1-based, in bytes) and
// its byte offset. `text` may be a piece of a larger input: `base_offset` is
// the offset of text[0] in the input, `base_line` its line, and
// `base_column` the number of bytes of that line before text[0].
absl::Status ValidateUtf8(std::string_view text, size_t base_offset = 0,
                          size_t base_line = 1, size_t base_column = 0);

// Appends `text` to `out` with every invalid byte replaced by U+FFFD.
void ReplaceInvalidUtf8(std::string_view text, std::string* out);

// The size of the code-unit string that holds some UTF-8.
struct Utf8Shape {
  size_t code_points = 0;
  char32_t max_code_point = 0;  // 0 for the empty text
};

// Sets *shape to the shape of `utf8` and returns true; returns false (and
// leaves *shape alone) when `utf8` is not well-formed.
bool MeasureUtf8(std::string_view utf8, Utf8Shape* shape);

// Writes the code points of `utf8` to units[0 .. code_points), one unit
// each. `utf8` must be well-formed and its code points must fit the unit
// (MeasureUtf8's max_code_point < 0x100 for uint8_t, < 0x10000 for
// uint16_t); `units` must have room for MeasureUtf8's code_points.
void DecodeUtf8(std::string_view utf8, uint8_t* units);
void DecodeUtf8(std::string_view utf8, uint16_t* units);
void DecodeUtf8(std::string_view utf8, uint32_t* units);

// Appends the UTF-8 of units[0 .. count), one code point per unit (UCS-1,
// UCS-2 or UCS-4, not UTF-16: a surrogate is always a lone one). Returns
// false at a surrogate or a unit above U+10FFFF, which have no UTF-8; `out`
// then holds the encoding of the units before it.
bool AppendUtf8(const uint8_t* units, size_t count, std::string* out);
bool AppendUtf8(const uint16_t* units, size_t count, std::string* out);
bool AppendUtf8(const uint32_t* units, size_t count, std::string* out);

// Maps increasing byte offsets of a UTF-8 text to code-point offsets (a
// Python str index) in one pass over the bytes. Not thread-safe (it keeps
// its position); `utf8` must outlive it.
class CodePointIndex {
 public:
  // `ascii`: the caller knows that the text is ASCII, so that every byte
  // offset is its own index.
  CodePointIndex(std::string_view utf8, bool ascii) : utf8_(utf8), ascii_(ascii) {}

  // The code-point offset of byte offset `byte`, which must be <= the
  // text's size, >= the last one asked, and on a character boundary.
  size_t At(size_t byte) {
    if (ascii_) return byte;
    for (; byte_ < byte; ++byte_) {
      // Every byte but a continuation byte (10xxxxxx) starts a code point.
      index_ += (static_cast<unsigned char>(utf8_[byte_]) & 0xC0) != 0x80;
    }
    return index_;
  }

 private:
  std::string_view utf8_;
  bool ascii_;
  size_t byte_ = 0;
  size_t index_ = 0;
};

}  // namespace vnseg

// Moving text between Python str and the library's UTF-8.
#pragma once

#include <pybind11/pybind11.h>

#include <cstddef>
#include <string_view>

namespace vnseg::python {

// The UTF-8 form of the str `text`, owned by the str object (CPython caches
// it there, so it lives as long as `text` and costs one encoding per str).
// Raises TypeError for a non-str and UnicodeEncodeError (a ValueError that
// names the position) for a str with lone surrogates, which have no UTF-8.
std::string_view Utf8Of(pybind11::handle text);

// The library takes texts shorter than 4 GiB (32-bit offsets).
inline constexpr size_t kMaxTextBytes = 0xFFFFFFFFu;

// Utf8Of(text) for conversion, with ValueError for a text of kMaxTextBytes
// or more (the message says to split it).
std::string_view TextUtf8(pybind11::handle text);

// The error TextUtf8 raises for a too long text of `bytes` bytes; `where`
// prefixes the message ("texts[3]: ").
[[noreturn]] void ThrowTooLong(size_t bytes, const std::string& where = "");

// A new str from valid UTF-8 (the library's output always is).
pybind11::str StrFromUtf8(std::string_view utf8);

// Converts increasing UTF-8 byte offsets of a text into code point
// indices (Python str indices) in one pass over the bytes.
class CodePointIndex {
 public:
  // `ascii`: the text is pure ASCII, every byte offset is its own index.
  CodePointIndex(std::string_view utf8, bool ascii) : utf8_(utf8), ascii_(ascii) {}

  // The index of byte offset `byte`, which must be >= the last one asked
  // and on a character boundary.
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

}  // namespace vnseg::python

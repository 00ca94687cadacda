// Moving text between Python str and the library's UTF-8 (vnseg/utf8.h
// does the encoding; this file picks the str's code-unit width).
//
// The functions marked "without the GIL" may run while other threads run
// Python: a ready str's kind, length and data never change, and a str made
// by PyUnicode_New is filled by its creator before anyone else sees it, so
// both are safe to touch while the caller holds a reference.
#pragma once

#include <pybind11/pybind11.h>

#include <cstddef>
#include <string>
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

// Without the GIL: appends the UTF-8 of the ready str `text` to `out`.
// Returns false (out partly written) at a lone surrogate.
bool AppendStrUtf8(PyObject* text, std::string* out);

// With the GIL: a new, unfilled str of the right kind and length for
// `utf8` (a new reference), or nullptr when `utf8` is not well-formed (no
// Python error set). Raises MemoryError when Python cannot allocate it.
PyObject* NewStrFor(std::string_view utf8);

// Without the GIL: writes the code points of `utf8` into `str`, new from
// NewStrFor(utf8).
void FillStr(std::string_view utf8, PyObject* str);

}  // namespace vnseg::python

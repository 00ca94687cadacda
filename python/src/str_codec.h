// Encoding a str's code points to UTF-8 and filling a new str from UTF-8
// without the GIL, so that batch threads do this work in parallel. A ready
// str's kind, length and data never change, and a str made by
// PyUnicode_New is filled by its creator before anyone else sees it: both
// are safe to touch without the GIL while a reference is held.
#pragma once

#include <Python.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace vnseg::python {

// Appends the UTF-8 of the ready str `text` to `out`. Returns false (out
// partly written) at a lone surrogate, which has no UTF-8.
bool AppendUtf8(PyObject* text, std::string* out);

// What PyUnicode_New needs for the str of some UTF-8.
struct StrShape {
  Py_ssize_t length = 0;  // code points
  Py_UCS4 max_char = 0;
};

// The shape of `utf8`; false when it is not well-formed UTF-8.
bool MeasureUtf8(std::string_view utf8, StrShape* shape);

// Writes the code points of `utf8` into `str`, new from
// PyUnicode_New(shape.length, shape.max_char) with MeasureUtf8's shape.
void FillStr(std::string_view utf8, PyObject* str);

}  // namespace vnseg::python

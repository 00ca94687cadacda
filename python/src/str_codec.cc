#include "str_codec.h"

#include <cstdint>

namespace vnseg::python {

namespace {

template <typename Unit>
bool AppendUtf8Units(const Unit* units, Py_ssize_t length, std::string* out) {
  for (Py_ssize_t i = 0; i < length; ++i) {
    uint32_t c = units[i];
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (c >> 6)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      // A str keeps astral characters whole, so any surrogate is a lone one.
      if (c >= 0xD800 && c <= 0xDFFF) return false;
      out->push_back(static_cast<char>(0xE0 | (c >> 12)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (c >> 18)));
      out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return true;
}

// The code point starting at utf8[*i] (well-formed), advancing *i.
uint32_t Next(std::string_view utf8, size_t* i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(utf8[k]); };
  uint32_t b = byte(*i);
  if (b < 0x80) {
    *i += 1;
    return b;
  }
  if (b < 0xE0) {
    uint32_t c = ((b & 0x1F) << 6) | (byte(*i + 1) & 0x3F);
    *i += 2;
    return c;
  }
  if (b < 0xF0) {
    uint32_t c = ((b & 0x0F) << 12) | ((byte(*i + 1) & 0x3F) << 6) | (byte(*i + 2) & 0x3F);
    *i += 3;
    return c;
  }
  uint32_t c = ((b & 0x07) << 18) | ((byte(*i + 1) & 0x3F) << 12) |
               ((byte(*i + 2) & 0x3F) << 6) | (byte(*i + 3) & 0x3F);
  *i += 4;
  return c;
}

template <typename Unit>
void FillUnits(std::string_view utf8, Unit* units) {
  for (size_t i = 0; i < utf8.size();) *units++ = static_cast<Unit>(Next(utf8, &i));
}

}  // namespace

bool AppendUtf8(PyObject* text, std::string* out) {
  const void* data = PyUnicode_DATA(text);
  Py_ssize_t length = PyUnicode_GET_LENGTH(text);
  switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
      if (PyUnicode_IS_ASCII(text)) {
        out->append(static_cast<const char*>(data), static_cast<size_t>(length));
        return true;
      }
      return AppendUtf8Units(static_cast<const Py_UCS1*>(data), length, out);
    case PyUnicode_2BYTE_KIND:
      return AppendUtf8Units(static_cast<const Py_UCS2*>(data), length, out);
    default:
      return AppendUtf8Units(static_cast<const Py_UCS4*>(data), length, out);
  }
}

bool MeasureUtf8(std::string_view utf8, StrShape* shape) {
  StrShape s;
  for (size_t i = 0; i < utf8.size(); ++s.length) {
    unsigned char b = static_cast<unsigned char>(utf8[i]);
    size_t n = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3
             : b >= 0xF0 && b < 0xF5 ? 4 : 0;
    if (n == 0 || i + n > utf8.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(utf8[i + k]) & 0xC0) != 0x80) return false;
    }
    size_t at = i;
    uint32_t c = Next(utf8, &at);
    if ((n == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) || (n == 4 && (c < 0x10000 || c > 0x10FFFF))) {
      return false;
    }
    if (c > s.max_char) s.max_char = c;
    i = at;
  }
  *shape = s;
  return true;
}

void FillStr(std::string_view utf8, PyObject* str) {
  void* data = PyUnicode_DATA(str);
  switch (PyUnicode_KIND(str)) {
    case PyUnicode_1BYTE_KIND: FillUnits(utf8, static_cast<Py_UCS1*>(data)); break;
    case PyUnicode_2BYTE_KIND: FillUnits(utf8, static_cast<Py_UCS2*>(data)); break;
    default: FillUnits(utf8, static_cast<Py_UCS4*>(data)); break;
  }
}

}  // namespace vnseg::python

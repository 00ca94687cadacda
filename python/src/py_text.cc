#include "py_text.h"

#include <string>

#include "vnseg/utf8.h"

namespace vnseg::python {

namespace py = pybind11;

std::string_view Utf8Of(py::handle text) {
  if (!PyUnicode_Check(text.ptr())) {
    throw py::type_error(std::string("expected str, not ") + Py_TYPE(text.ptr())->tp_name);
  }
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
  if (data == nullptr) throw py::error_already_set();
  return {data, static_cast<size_t>(size)};
}

std::string_view TextUtf8(py::handle text) {
  std::string_view utf8 = Utf8Of(text);
  if (utf8.size() >= kMaxTextBytes) ThrowTooLong(utf8.size());
  return utf8;
}

void ThrowTooLong(size_t bytes, const std::string& where) {
  throw py::value_error(where + "text too long: " + std::to_string(bytes) +
                        " bytes of UTF-8, the limit is 4 GiB; split it (by lines, for example)");
}

py::str StrFromUtf8(std::string_view utf8) {
  PyObject* s = PyUnicode_DecodeUTF8(utf8.data(), static_cast<Py_ssize_t>(utf8.size()), "strict");
  if (s == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(s);
}

bool AppendStrUtf8(PyObject* text, std::string* out) {
  const void* data = PyUnicode_DATA(text);
  size_t length = static_cast<size_t>(PyUnicode_GET_LENGTH(text));
  switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
      if (PyUnicode_IS_ASCII(text)) {
        out->append(static_cast<const char*>(data), length);
        return true;
      }
      return AppendUtf8(static_cast<const Py_UCS1*>(data), length, out);
    case PyUnicode_2BYTE_KIND:
      return AppendUtf8(static_cast<const Py_UCS2*>(data), length, out);
    default:
      return AppendUtf8(static_cast<const Py_UCS4*>(data), length, out);
  }
}

PyObject* NewStrFor(std::string_view utf8) {
  Utf8Shape shape;
  if (!MeasureUtf8(utf8, &shape)) return nullptr;
  PyObject* str = PyUnicode_New(static_cast<Py_ssize_t>(shape.code_points),
                                static_cast<Py_UCS4>(shape.max_code_point));
  if (str == nullptr) throw py::error_already_set();
  return str;
}

void FillStr(std::string_view utf8, PyObject* str) {
  void* data = PyUnicode_DATA(str);
  switch (PyUnicode_KIND(str)) {
    case PyUnicode_1BYTE_KIND: DecodeUtf8(utf8, static_cast<Py_UCS1*>(data)); break;
    case PyUnicode_2BYTE_KIND: DecodeUtf8(utf8, static_cast<Py_UCS2*>(data)); break;
    default: DecodeUtf8(utf8, static_cast<Py_UCS4*>(data)); break;
  }
}

}  // namespace vnseg::python

#include "py_text.h"

#include <string>

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

}  // namespace vnseg::python

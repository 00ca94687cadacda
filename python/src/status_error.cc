#include "status_error.h"

#include <pybind11/pybind11.h>

#include <string>

namespace vnseg::python {

namespace {

PyObject* ExceptionType(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kNotFound: return PyExc_FileNotFoundError;
    case absl::StatusCode::kPermissionDenied: return PyExc_PermissionError;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kDataLoss:
    case absl::StatusCode::kOutOfRange:
    case absl::StatusCode::kFailedPrecondition: return PyExc_ValueError;
    default: return PyExc_RuntimeError;
  }
}

}  // namespace

void ThrowStatus(const absl::Status& status) {
  PyErr_SetString(ExceptionType(status.code()), std::string(status.message()).c_str());
  throw pybind11::error_already_set();
}

}  // namespace vnseg::python

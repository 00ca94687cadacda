// absl::Status → Python exception, so that every library error reaches
// Python as an exception of a fitting built-in type with the library's
// message (which names the file and the reason).
#pragma once

#include "absl/status/status.h"

namespace vnseg::python {

// Raises (as pybind11::error_already_set) FileNotFoundError for NotFound,
// PermissionError for PermissionDenied, ValueError for bad or corrupt data
// (InvalidArgument, DataLoss, OutOfRange, FailedPrecondition) and
// RuntimeError otherwise. `status` must not be OK.
[[noreturn]] void ThrowStatus(const absl::Status& status);

}  // namespace vnseg::python

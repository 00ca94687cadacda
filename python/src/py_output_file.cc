#include "py_output_file.h"

#include <memory>
#include <string>
#include <vector>

#include <pybind11/stl.h>

#include "output_file.h"

namespace vnseg::python {
namespace {

namespace py = pybind11;

// A signal's exception (Ctrl-C while a FIFO waited for a reader) comes
// first; else OSError with the writer's message.
[[noreturn]] void ThrowOSError(const absl::Status& status) {
  if (PyErr_CheckSignals() != 0) throw py::error_already_set();
  PyErr_SetString(PyExc_OSError, std::string(status.message()).c_str());
  throw py::error_already_set();
}

// Open and write may block (a FIFO without a reader, a slow disk): both run
// without the GIL.
std::unique_ptr<cli::OutputFile> Open(const std::string& path) {
  auto file = std::make_unique<cli::OutputFile>();
  absl::Status s;
  {
    py::gil_scoped_release unlocked;
    s = file->Open(path);
  }
  if (!s.ok()) ThrowOSError(s);
  return file;
}

void Write(cli::OutputFile& file, const py::bytes& data) {
  char* bytes = nullptr;
  Py_ssize_t size = 0;
  if (PyBytes_AsStringAndSize(data.ptr(), &bytes, &size) != 0) throw py::error_already_set();
  absl::Status s;
  {
    py::gil_scoped_release unlocked;  // `data` is immutable and held by the caller
    s = file.Write(std::string_view(bytes, static_cast<size_t>(size)));
  }
  if (!s.ok()) ThrowOSError(s);
}

void Commit(cli::OutputFile& file) {
  absl::Status s;
  {
    py::gil_scoped_release unlocked;
    s = file.Commit();
  }
  if (!s.ok()) ThrowOSError(s);
}

void CheckNotAnInput(const std::string& output, const std::vector<std::string>& inputs) {
  absl::Status s = cli::CheckNotAnInput({output}, inputs);
  if (!s.ok()) throw py::value_error(std::string(s.message()));
}

}  // namespace

void DefineOutputFile(py::module_& m) {
  m.def("_check_not_an_input", &CheckNotAnInput, py::arg("output"), py::arg("inputs"),
        "_check_not_an_input(output, inputs): ValueError if output is a regular file that is "
        "one of inputs (the rule of `vnseg -o`; private).");
  py::class_<cli::OutputFile>(m, "_OutputFile",
                              "_OutputFile(path: str): writes path as `vnseg -o` does (private).")
      .def(py::init(&Open), py::arg("path"))
      .def("write", &Write, py::arg("data"), "write(data: bytes) -> None")
      .def("commit", &Commit, "commit() -> None: make the data visible under the path")
      .def("abort", &cli::OutputFile::Abort, "abort() -> None: drop the data, path unchanged");
}

}  // namespace vnseg::python

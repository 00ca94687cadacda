// vnseg._vnseg._OutputFile: the CLI's writer (tools/output_file.h) for
// `python -m vnseg -o OUT`, so that both command lines treat OUT alike
// (atomic replace keeping mode and links, devices and FIFOs written as is,
// the temporary removed on SIGINT/SIGTERM/SIGHUP). Private to the package.
#pragma once

#include <pybind11/pybind11.h>

namespace vnseg::python {

// Adds _OutputFile(path) with write(bytes), commit() and abort(); errors
// raise OSError with the writer's message ("cannot write PATH: reason").
// Also _check_not_an_input(output, inputs), the CLI's CheckNotAnInput: a
// ValueError ("refusing to write OUT: it is the input IN ...") if OUT is
// one of the inputs.
void DefineOutputFile(pybind11::module_& m);

}  // namespace vnseg::python

// How the binding runs a library converter on Python text: one str (the GIL
// released when the text is long enough for other threads to gain from it)
// or a batch split across C++ threads with the GIL released throughout.
#pragma once

#include <pybind11/pybind11.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "py_text.h"

namespace vnseg::python {

// Below this many bytes, releasing and re-taking the GIL costs more than
// the conversion gains by letting other Python threads run.
inline constexpr size_t kReleaseGilBytes = 4096;

// The number of threads for a batch: `threads`, or one per core when None.
// Raises ValueError for a count below 1.
size_t BatchThreads(const std::optional<int>& threads);

// convert(std::string_view in, std::string* out) on the UTF-8 of `text`.
template <typename Convert>
pybind11::str ConvertOne(pybind11::handle text, Convert&& convert) {
  std::string_view in = Utf8Of(text);
  std::string out;
  out.reserve(in.size() + in.size() / 8);
  if (in.size() >= kReleaseGilBytes) {
    pybind11::gil_scoped_release release;
    convert(in, &out);
  } else {
    convert(in, &out);
  }
  return StrFromUtf8(out);
}

// The list of converted `texts` (any iterable of str), in order, on
// `threads` C++ threads. Each thread calls make_converter() once and uses
// the result (a callable like `convert` above) for its share, so a thread
// can hold one leased Segmenter for the whole batch. Texts are handed out in
// small chunks, so long and short texts balance across threads.
template <typename MakeConverter>
pybind11::list ConvertMany(pybind11::handle texts, const std::optional<int>& threads,
                           MakeConverter&& make_converter) {
  namespace py = pybind11;
  // Hold the strs (their UTF-8 lives in them) while the GIL is released.
  std::vector<py::object> held;
  std::vector<std::string_view> in;
  for (py::handle item : py::iter(texts)) {
    try {
      in.push_back(Utf8Of(item));
    } catch (py::error_already_set& e) {
      std::string message = "texts[" + std::to_string(in.size()) + "]: " + e.what();
      py::raise_from(e, PyExc_ValueError, message.c_str());
      throw py::error_already_set();
    } catch (py::type_error&) {
      throw py::type_error("texts[" + std::to_string(in.size()) + "]: expected str, not " +
                           Py_TYPE(item.ptr())->tp_name);
    }
    held.push_back(py::reinterpret_borrow<py::object>(item));
  }
  std::vector<std::string> out(in.size());
  constexpr size_t kChunk = 16;
  size_t workers = std::min(BatchThreads(threads), (in.size() + kChunk - 1) / kChunk);
  {
    py::gil_scoped_release release;
    std::atomic<size_t> next{0};
    std::mutex error_mutex;
    std::exception_ptr error;
    auto work = [&] {
      try {
        auto convert = make_converter();
        for (size_t first; (first = next.fetch_add(kChunk)) < in.size();) {
          for (size_t i = first; i < std::min(first + kChunk, in.size()); ++i) {
            convert(in[i], &out[i]);
          }
        }
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
      }
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < workers; ++t) pool.emplace_back(work);
    if (workers > 0) work();  // this thread is one of the workers
    for (std::thread& t : pool) t.join();
    if (error) std::rethrow_exception(error);
  }
  py::list result(out.size());
  for (size_t i = 0; i < out.size(); ++i) {
    result[i] = StrFromUtf8(out[i]);
    std::string().swap(out[i]);  // free as we go: the batch may be large
  }
  return result;
}

}  // namespace vnseg::python

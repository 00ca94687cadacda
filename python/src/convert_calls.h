// How the binding runs a library converter on Python text: one str (the GIL
// released when the text is long enough for other threads to gain from it)
// or a batch split across C++ threads.
#pragma once

#include <pybind11/pybind11.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "py_text.h"

namespace vnseg::python {

// Below this many bytes, releasing and re-taking the GIL costs more than
// the conversion gains by letting other Python threads run.
inline constexpr size_t kReleaseGilBytes = 4096;

// The number of threads for a batch: `threads` (checked >= 0 by the
// Python layer), at most one per core; one per core when 0.
size_t BatchThreads(int threads);

// convert(std::string_view in, std::string* out) on the UTF-8 of `text`.
template <typename Convert>
pybind11::str ConvertOne(pybind11::handle text, Convert&& convert) {
  std::string_view in = TextUtf8(text);
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

// The state of one batch shared by its worker threads.
class Batch {
 public:
  // Takes the items of `texts` (any iterable but a str); TypeError for a
  // str, or naming the index of an item that is not a str. Needs the GIL.
  Batch(pybind11::handle texts, size_t threads);

  size_t size() const { return items_.size(); }
  size_t workers() const { return workers_; }

  // The next chunk [first, last) to convert; false when none is left or an
  // earlier text failed.
  bool NextChunk(size_t* first, size_t* last);

  // The UTF-8 of texts [first, last) into in[0..], using buffers[0..] for
  // the texts that are not ASCII. Returns the end of the texts that could be
  // encoded (< last at a lone surrogate or a text too long for the
  // library: that text's error is raised by Finish if no earlier text has
  // one).
  size_t Encode(size_t first, size_t last, std::vector<std::string_view>* in,
                std::vector<std::string>* buffers);

  // With the GIL: new strs, shaped for out[0..count), into the result at
  // [first, first + count); their pointers into *fill, to be filled by
  // Fill without the GIL. (A str whose UTF-8 is somehow not well-formed is
  // decoded here by Python, which raises.)
  void Allocate(size_t first, const std::vector<std::string>& out, size_t count,
                std::vector<PyObject*>* fill);
  static void Fill(const std::vector<std::string>& out, size_t count,
                   const std::vector<PyObject*>& fill);

  // With the GIL: text i, and the result at i (stolen: `value` is a new
  // reference, not null).
  pybind11::handle item(size_t i) const { return items_[i]; }
  void Set(size_t i, PyObject* value);

  // A C++ exception of a worker (kept: the first one).
  void Fail(std::exception_ptr error);

  // With the GIL, after the workers: the result list, or raises the error
  // of the earliest bad text (ValueError "texts[i]: ...") or the worker's.
  pybind11::list Finish();

 private:
  // Records text i as bad (if it is the earliest) and returns i.
  size_t MarkBad(size_t i);

  std::vector<pybind11::object> items_;
  size_t workers_ = 1;
  size_t chunk_ = 1;
  std::atomic<size_t> next_{0};
  std::atomic<size_t> first_bad_{SIZE_MAX};  // index of the earliest bad text
  pybind11::list result_;                     // items set with the GIL held
  std::mutex failure_mutex_;
  std::exception_ptr failure_;
};

// Runs work() on batch.workers() threads (this one among them), each
// without the GIL and with its own Python thread state kept for the whole
// batch; an exception of work() goes to batch.Fail. Called with the GIL.
template <typename Work>
void RunBatch(Batch& batch, Work&& work) {
  namespace py = pybind11;
  auto worker = [&] {
    py::gil_scoped_acquire python_state;
    py::gil_scoped_release idle;
    try {
      work();
    } catch (...) {
      batch.Fail(std::current_exception());
    }
  };
  py::gil_scoped_release release;
  std::vector<std::thread> pool;
  for (size_t t = 1; t < batch.workers(); ++t) pool.emplace_back(worker);
  worker();  // this thread is one of the workers
  for (std::thread& t : pool) t.join();
}

// The list of converted `texts` (any iterable of str), in order, on
// `threads` C++ threads. Each thread calls make_converter() once and uses
// the result (a callable like `convert` above) for all its texts, so a
// thread holds one leased Segmenter for the whole batch.
//
// Texts go out in chunks. A thread encodes its chunk's strs to UTF-8,
// converts them and measures the results without the GIL, takes the GIL
// only to allocate the result strs, and fills them without it again: the
// threads run in parallel for all but the allocations, and each reuses its
// buffers from chunk to chunk.
template <typename MakeConverter>
pybind11::list ConvertMany(pybind11::handle texts, int threads,
                           MakeConverter&& make_converter) {
  namespace py = pybind11;
  Batch batch(texts, BatchThreads(threads));
  RunBatch(batch, [&] {
    auto convert = make_converter();
    std::vector<std::string_view> in;
    std::vector<std::string> buffers, out;
    std::vector<PyObject*> fill;
    size_t first, last;
    while (batch.NextChunk(&first, &last)) {
      size_t end = batch.Encode(first, last, &in, &buffers);
      if (out.size() < end - first) out.resize(end - first);
      for (size_t i = 0; i < end - first; ++i) {
        out[i].clear();
        convert(in[i], &out[i]);
      }
      {
        py::gil_scoped_acquire gil;
        batch.Allocate(first, out, end - first, &fill);
      }
      Batch::Fill(out, end - first, fill);
    }
  });
  return batch.Finish();
}

}  // namespace vnseg::python

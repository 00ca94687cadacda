#include "convert_calls.h"

namespace vnseg::python {

namespace py = pybind11;

size_t BatchThreads(int threads) {
  size_t cores = std::max(1u, std::thread::hardware_concurrency());
  // The work is all CPU: threads beyond one per core only add switching.
  return threads < 1 ? cores : std::min(static_cast<size_t>(threads), cores);
}

Batch::Batch(py::handle texts, size_t threads) {
  // A str is an iterable of str: segment_many("abc") would convert 'a',
  // 'b' and 'c' and hide the mistake.
  if (PyUnicode_Check(texts.ptr())) {
    throw py::type_error("texts: expected an iterable of str, not a str (one text: call the "
                         "function without _many)");
  }
  for (py::handle item : py::iter(texts)) {
    if (!PyUnicode_Check(item.ptr())) {
      throw py::type_error("texts[" + std::to_string(items_.size()) + "]: expected str, not " +
                           Py_TYPE(item.ptr())->tp_name);
    }
    // Legacy strs get their canonical form now, while the GIL is held.
    if (PyUnicode_READY(item.ptr()) < 0) throw py::error_already_set();
    items_.push_back(py::reinterpret_borrow<py::object>(item));
  }
  result_ = py::list(items_.size());
  // Chunks small enough to balance the threads (8 chunks each at least),
  // large enough that taking the GIL once a chunk costs little.
  chunk_ = std::clamp<size_t>(items_.size() / (threads * 8), 1, 64);
  workers_ = std::max<size_t>(1, std::min(threads, (items_.size() + chunk_ - 1) / chunk_));
}

bool Batch::NextChunk(size_t* first, size_t* last) {
  *first = next_.fetch_add(chunk_);
  // Texts after a bad one are not needed: its error is raised.
  if (*first >= items_.size() || *first > first_bad_.load()) return false;
  *last = std::min(*first + chunk_, items_.size());
  return true;
}

size_t Batch::Encode(size_t first, size_t last, std::vector<std::string_view>* in,
                     std::vector<std::string>* buffers) {
  if (in->size() < last - first) in->resize(last - first);
  if (buffers->size() < last - first) buffers->resize(last - first);
  for (size_t i = first; i < last; ++i) {
    PyObject* text = items_[i].ptr();
    if (PyUnicode_IS_COMPACT_ASCII(text)) {  // its data is its UTF-8
      (*in)[i - first] = std::string_view(static_cast<const char*>(PyUnicode_DATA(text)),
                                          static_cast<size_t>(PyUnicode_GET_LENGTH(text)));
    } else {
      std::string& buffer = (*buffers)[i - first];
      buffer.clear();
      if (!AppendStrUtf8(text, &buffer)) return MarkBad(i);
      (*in)[i - first] = buffer;
    }
    if ((*in)[i - first].size() >= kMaxTextBytes) return MarkBad(i);
  }
  return last;
}

size_t Batch::MarkBad(size_t i) {
  size_t bad = first_bad_.load();
  while (i < bad && !first_bad_.compare_exchange_weak(bad, i)) {
  }
  return i;
}

void Batch::Allocate(size_t first, const std::vector<std::string>& out, size_t count,
                     std::vector<PyObject*>* fill) {
  fill->assign(count, nullptr);
  for (size_t i = 0; i < count; ++i) {
    PyObject* str = NewStrFor(out[i]);
    (*fill)[i] = str;
    if (str == nullptr) str = StrFromUtf8(out[i]).release().ptr();
    PyList_SET_ITEM(result_.ptr(), static_cast<Py_ssize_t>(first + i), str);
  }
}

void Batch::Fill(const std::vector<std::string>& out, size_t count,
                 const std::vector<PyObject*>& fill) {
  for (size_t i = 0; i < count; ++i) {
    if (fill[i] != nullptr) FillStr(out[i], fill[i]);
  }
}

void Batch::Set(size_t i, PyObject* value) {
  PyList_SET_ITEM(result_.ptr(), static_cast<Py_ssize_t>(i), value);
}

void Batch::Fail(std::exception_ptr error) {
  std::lock_guard<std::mutex> lock(failure_mutex_);
  if (!failure_) failure_ = error;
}

py::list Batch::Finish() {
  if (failure_) std::rethrow_exception(failure_);
  if (size_t bad = first_bad_.load(); bad != SIZE_MAX) {
    std::string where = "texts[" + std::to_string(bad) + "]: ";
    // A lone surrogate: Python's own encoder gives the error, with the position.
    try {
      ThrowTooLong(Utf8Of(items_[bad]).size(), where);  // or else it was too long
    } catch (py::error_already_set& e) {
      py::raise_from(e, PyExc_ValueError, (where + e.what()).c_str());
      throw py::error_already_set();
    }
  }
  return result_;
}

}  // namespace vnseg::python

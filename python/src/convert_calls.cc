#include "convert_calls.h"

namespace vnseg::python {

namespace py = pybind11;

size_t BatchThreads(const std::optional<int>& threads) {
  if (!threads) return std::max(1u, std::thread::hardware_concurrency());
  if (*threads < 1) {
    throw py::value_error("threads must be at least 1, not " + std::to_string(*threads));
  }
  return static_cast<size_t>(*threads);
}

Batch::Batch(py::handle texts, size_t threads) {
  for (py::handle item : py::iter(texts)) {
    if (!PyUnicode_Check(item.ptr())) {
      throw py::type_error("texts[" + std::to_string(items_.size()) + "]: expected str, not " +
                           Py_TYPE(item.ptr())->tp_name);
    }
    items_.push_back(py::reinterpret_borrow<py::object>(item));
  }
  result_ = py::list(items_.size());
  // Chunks small enough to balance the threads (8 chunks each at least),
  // large enough that taking the GIL twice a chunk costs little.
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

size_t Batch::Encode(size_t first, size_t last, std::vector<std::string_view>* in) {
  if (in->size() < last - first) in->resize(last - first);
  for (size_t i = first; i < last; ++i) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(items_[i].ptr(), &size);
    if (data == nullptr) {
      py::error_already_set error;  // fetches and clears the Python error
      if (i < first_bad_.load()) {
        first_bad_ = i;
        bad_text_error_ = std::move(error);
      }
      return i;
    }
    (*in)[i - first] = std::string_view(data, static_cast<size_t>(size));
  }
  return last;
}

void Batch::Store(size_t first, const std::vector<std::string>& out, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    PyList_SET_ITEM(result_.ptr(), first + i, StrFromUtf8(out[i]).release().ptr());
  }
}

void Batch::Fail(std::exception_ptr error) {
  std::lock_guard<std::mutex> lock(failure_mutex_);
  if (!failure_) failure_ = error;
}

py::list Batch::Finish() {
  if (failure_) std::rethrow_exception(failure_);
  if (bad_text_error_) {
    std::string message = "texts[" + std::to_string(first_bad_.load()) + "]: " + bad_text_error_->what();
    py::raise_from(*bad_text_error_, PyExc_ValueError, message.c_str());
    throw py::error_already_set();
  }
  return result_;
}

}  // namespace vnseg::python

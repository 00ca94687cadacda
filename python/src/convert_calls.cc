#include "convert_calls.h"

namespace vnseg::python {

size_t BatchThreads(const std::optional<int>& threads) {
  if (!threads) return std::max(1u, std::thread::hardware_concurrency());
  if (*threads < 1) {
    throw pybind11::value_error("threads must be at least 1, not " + std::to_string(*threads));
  }
  return static_cast<size_t>(*threads);
}

}  // namespace vnseg::python

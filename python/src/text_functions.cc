#include "text_functions.h"

#include "convert_calls.h"
#include "status_error.h"
#include "vnseg/convert.h"

namespace vnseg::python {

namespace py = pybind11;

py::str Join(py::handle text, bool detok) {
  return ConvertOne(text, [&](std::string_view in, std::string* out) {
    JoinText(in, JoinOptions{detok}, out);
  });
}

py::list JoinMany(py::handle texts, bool detok, const std::optional<int>& threads) {
  return ConvertMany(texts, threads, [&] {
    return [detok](std::string_view in, std::string* out) { JoinText(in, JoinOptions{detok}, out); };
  });
}

NormalizeOptions MakeNormalizeOptions(const std::string& tone, bool fold_quotes, bool spaces,
                                      bool invisible) {
  NormalizeOptions options;
  if (tone == "old") {
    options.tone = ToneStyle::kOld;
  } else if (tone == "new") {
    options.tone = ToneStyle::kNew;
  } else if (tone != "keep") {
    throw py::value_error("tone must be 'keep', 'old' or 'new', not '" + tone + "'");
  }
  options.fold_quotes = fold_quotes;
  options.spaces = spaces;
  options.invisible = invisible;
  return options;
}

py::str Normalize(py::handle text, const NormalizeOptions& options) {
  absl::Status status;
  py::str result = ConvertOne(text, [&](std::string_view in, std::string* out) {
    status = vnseg::Normalize(in, options, out);
  });
  // A str always encodes to valid UTF-8, the only input Normalize rejects.
  if (!status.ok()) ThrowStatus(status);
  return result;
}

}  // namespace vnseg::python

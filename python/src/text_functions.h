// The converters that need no dictionary: join and normalize.
#pragma once

#include <pybind11/pybind11.h>

#include <optional>
#include <string>

#include "vnseg/normalizer.h"

namespace vnseg::python {

pybind11::str Join(pybind11::handle text, bool detok);
pybind11::list JoinMany(pybind11::handle texts, bool detok, const std::optional<int>& threads);

// tone: "keep", "old" or "new"; ValueError otherwise.
NormalizeOptions MakeNormalizeOptions(const std::string& tone, bool fold_quotes, bool spaces,
                                      bool invisible);
pybind11::str Normalize(pybind11::handle text, const NormalizeOptions& options);

}  // namespace vnseg::python

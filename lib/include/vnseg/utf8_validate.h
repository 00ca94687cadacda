// UTF-8 validation with positions people can act on, and the repair modes of
// the CLI's --invalid flag.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace vnseg {

// Returns OK when `text` is valid UTF-8; otherwise InvalidArgument naming
// the 1-based line and the byte offsets (in `text` plus `base_offset`, and in
// its line) of the first bad byte.
absl::Status ValidateUtf8(std::string_view text, size_t base_offset = 0,
                          size_t base_line = 1);

// Appends `text` to `out` with every invalid byte replaced by U+FFFD.
void ReplaceInvalidUtf8(std::string_view text, std::string* out);

}  // namespace vnseg

// UTF-8 validation with positions people can act on, and the repair modes of
// the CLI's --invalid flag.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace vnseg {

// Returns OK when `text` is valid UTF-8; otherwise InvalidArgument naming
// the first bad byte: its line (1-based), its column (1-based, in bytes) and
// its byte offset. `text` may be a piece of a larger input: `base_offset` is
// the offset of text[0] in the input, `base_line` its line, and
// `base_column` the number of bytes of that line before text[0].
absl::Status ValidateUtf8(std::string_view text, size_t base_offset = 0,
                          size_t base_line = 1, size_t base_column = 0);

// Appends `text` to `out` with every invalid byte replaced by U+FFFD.
void ReplaceInvalidUtf8(std::string_view text, std::string* out);

}  // namespace vnseg

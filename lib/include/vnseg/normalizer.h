// Text normalization: the explicit step that changes characters.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "vnseg/syllable_key.h"

namespace vnseg {

struct NormalizeOptions {
  ToneStyle tone = ToneStyle::kKeep;  // move tone marks in oa/oe/uy
  bool fold_quotes = false;           // “ ” „ « » → ", ‘ ’ ‚ → '
  bool spaces = true;                 // NBSP and other Unicode spaces → ' '
  bool invisible = true;              // drop zero-width characters, soft hyphens, BOM
};

// Appends `text` (valid UTF-8) to `out` in Unicode NFC with the options
// applied. Line ends are kept. Fails only on invalid UTF-8.
absl::Status Normalize(std::string_view text, const NormalizeOptions& options,
                       std::string* out);

}  // namespace vnseg

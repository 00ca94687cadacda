// Text normalization: the explicit step that changes characters.
//
// Thread safety: Normalize keeps no state; call it from any number of
// threads at once.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "vnseg/encoding.h"
#include "vnseg/syllable_key.h"

namespace vnseg {

struct NormalizeOptions {
  ToneStyle tone = ToneStyle::kKeep;  // move tone marks in oa/oe/uy
  bool fold_quotes = false;           // “ ” „ « » → ", ‘ ’ ‚ → '
  bool spaces = true;                 // NBSP and other Unicode spaces → ' '
  bool invisible = true;              // drop zero-width characters, soft hyphens, BOM
  bool fix_mojibake = false;          // repair UTF-8 read as Windows-1252 or
                                      // Latin-1, once or twice (RepairMojibake)
  bool pass_invalid = false;          // copy invalid UTF-8 bytes through
                                      // (normalizing the text around them)
                                      // instead of failing
};

// Appends `text` to `out` in Unicode NFC with the options applied. Line
// ends are kept. Fails on invalid UTF-8 (unless options.pass_invalid), and
// with FailedPrecondition when ICU has no normalizer (its data missing):
// then on any text, the empty text included.
absl::Status Normalize(std::string_view text, const NormalizeOptions& options,
                       std::string* out);

// Normalize of `bytes` decoded from `from` (nullopt: the encoding
// DetectEncoding finds on their first kDetectSampleBytes), as `vnseg
// normalize --from` does. `found` (may be null) is set to the encoding used
// (with its confidence when detected, else 1). A byte the encoding does not
// define fails as invalid UTF-8 (offsets into the decoded text), unless
// options.pass_invalid.
absl::Status NormalizeEncoded(std::string_view bytes, std::optional<Encoding> from,
                              const NormalizeOptions& options, std::string* out,
                              Detection* found = nullptr);

}  // namespace vnseg

// Whether the text given to `vnseg segment` was segmented already, for a
// hint on stderr: such text wants `vnseg resegment`, which joins its words
// first; `segment` keeps its '_' as literal ones ('__').
#pragma once

#include <cstddef>
#include <string_view>

#include "vnseg/segmenter.h"

namespace vnseg::cli {

// The bytes of the input looked at: enough lines for a count, little time.
inline constexpr size_t kSegmentedSampleBytes = 64 * 1024;

// What a sample holds of words of several syllables.
struct SegmentedCount {
  size_t joined = 0;  // tokens with '_' inside (Tổng_thống; not ASCII foo_bar)
  size_t spaced = 0;  // words of several syllables written with spaces
  // Most multi-syllable words are already joined, and there are a few.
  bool looks_segmented() const { return joined >= 3 && joined > spaced; }
};

// Counts, in the first kSegmentedSampleBytes of `text` (cut after white
// space), the words the segmenter finds with '_' inside and those of
// several syllables it would join. Uses `segmenter` (its scratch).
SegmentedCount CountSegmented(Segmenter& segmenter, std::string_view text);

}  // namespace vnseg::cli

// (a) Lossless segment, then join: the identity on valid UTF-8
// (convert.h: Join(Segment(x)) == x). Cutting at SafeCutPoint and
// converting the parts alone gives the same as the whole, except at the
// last-resort cut (a single space not after . ! ? :), which the contract
// does not cover; the second part starts from SegmentStateAfter the first,
// as the CLI's stream does. Invalid UTF-8: no crash, and the C API refuses it
// (fuzz_c_api covers the C API further).
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "vnseg/convert.h"
#include "vnseg/segmenter.h"
#include "vnseg/vnseg.h"

namespace {

// Whether SafeCutPoint fell back to "any white space" at `cut`.
bool IsLastResortCut(std::string_view text, size_t cut) {
  size_t i = cut - 1;
  if (text[i] == '\n') return false;
  bool after_punct = i > 0 && std::string_view(".!?:").find(text[i - 1]) != std::string_view::npos;
  bool not_single_space = text[i] != ' ' || (cut < text.size() && text[cut] == ' ');
  return !after_punct && !not_single_space;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace vnseg;
  std::string_view text = fuzz::AsText(data, size);
  // One segmenter for the whole run, as a long-lived host keeps it (its
  // scratch state carries from input to input).
  static Segmenter segmenter(&fuzz::RealDictionary());
  std::string segmented, joined;
  SegmentText(segmenter, text, {}, &segmented);
  JoinText(segmented, {}, &joined);
  if (!fuzz::IsValidUtf8(text)) {
    size_t length = 0;
    fuzz::Check(vnseg_join(text.data(), text.size(), 0, nullptr, 0, &length) == VNSEG_INVALID_UTF8,
                "vnseg_join accepted invalid UTF-8");
    return 0;
  }
  fuzz::Check(joined == text, "JoinText(SegmentText(x)) != x");

  size_t cut = SafeCutPoint(text);
  fuzz::Check(cut <= text.size(), "SafeCutPoint beyond the text");
  if (cut > 0 && !IsLastResortCut(text, cut)) {
    // The second part with the state the stream carries (PieceState).
    std::string parts;
    SegmentText(segmenter, text.substr(0, cut), {}, &parts);
    SegmentText(segmenter, text.substr(cut), {}, SegmentStateAfter(text.substr(0, cut), {}, Cut{}),
                &parts);
    fuzz::Check(parts == segmented, "segmenting the parts at SafeCutPoint differs from the whole");
  }
  return 0;
}

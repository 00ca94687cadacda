// (d) Resegment (convert.h: JoinText, then the lossless SegmentText):
// exactly that composition, its join is the join of the input, and it is
// idempotent, on valid UTF-8. Any bytes: no crash.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "vnseg/convert.h"
#include "vnseg/segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace vnseg;
  std::string_view text = fuzz::AsText(data, size);
  static Segmenter segmenter(&fuzz::RealDictionary());
  std::string resegmented;
  ResegmentText(segmenter, text, &resegmented);
  if (!fuzz::IsValidUtf8(text)) return 0;

  std::string joined, segmented_join;
  JoinText(text, {}, &joined);
  SegmentText(segmenter, joined, {}, &segmented_join);
  fuzz::Check(resegmented == segmented_join, "ResegmentText(x) != SegmentText(JoinText(x))");
  std::string joined_again;
  JoinText(resegmented, {}, &joined_again);
  fuzz::Check(joined_again == joined, "JoinText(ResegmentText(x)) != JoinText(x)");
  std::string twice;
  ResegmentText(segmenter, resegmented, &twice);
  fuzz::Check(twice == resegmented, "ResegmentText is not idempotent");
  return 0;
}

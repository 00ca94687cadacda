// (b) Tokenized segment (--tokenize), then join --detok. Neither is an
// inverse of the other, so the checks are what both promise: no crash on any
// bytes, valid UTF-8 out of valid UTF-8 in, and line ends kept (as many
// '\n' out as in: the CLI streams these modes by whole lines).
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "vnseg/convert.h"
#include "vnseg/segmenter.h"

namespace {
size_t Lines(std::string_view s) { return std::count(s.begin(), s.end(), '\n'); }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace vnseg;
  std::string_view text = fuzz::AsText(data, size);
  static Segmenter segmenter(&fuzz::RealDictionary());
  SegmentOptions tokenize;
  tokenize.tokenize = true;
  JoinOptions detok;
  detok.detok = true;
  std::string tokens, joined, detok_of_input;
  SegmentText(segmenter, text, tokenize, &tokens);
  JoinText(tokens, detok, &joined);
  JoinText(text, detok, &detok_of_input);  // detok of text that is not tokenized
  if (!fuzz::IsValidUtf8(text)) return 0;
  fuzz::Check(fuzz::IsValidUtf8(tokens), "segment --tokenize made invalid UTF-8");
  fuzz::Check(fuzz::IsValidUtf8(joined), "join --detok made invalid UTF-8");
  fuzz::Check(fuzz::IsValidUtf8(detok_of_input), "join --detok made invalid UTF-8");
  fuzz::Check(Lines(tokens) == Lines(text), "segment --tokenize changed the number of lines");
  fuzz::Check(Lines(joined) == Lines(text), "join --detok changed the number of lines");
  fuzz::Check(Lines(detok_of_input) == Lines(text), "join --detok changed the number of lines");
  return 0;
}

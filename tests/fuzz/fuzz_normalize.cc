// (c) Normalize with every option: the first byte chooses them, the rest is
// the text. Valid UTF-8 always normalizes, to valid UTF-8, and normalizing
// the result again changes nothing. Invalid UTF-8 fails unless
// pass_invalid, which always succeeds.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "vnseg/normalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace vnseg;
  if (size == 0) return 0;
  const uint8_t choice = data[0];
  std::string_view text = fuzz::AsText(data + 1, size - 1);
  NormalizeOptions options;
  options.tone = (choice & 3) == 1 ? ToneStyle::kOld
                 : (choice & 3) == 2 ? ToneStyle::kNew
                                     : ToneStyle::kKeep;
  options.fold_quotes = (choice & 4) != 0;
  options.spaces = (choice & 8) == 0;
  options.invisible = (choice & 16) == 0;
  options.pass_invalid = (choice & 32) != 0;

  std::string out;
  absl::Status status = Normalize(text, options, &out);
  const bool valid = fuzz::IsValidUtf8(text);
  if (!valid && !options.pass_invalid) {
    fuzz::Check(!status.ok(), "Normalize accepted invalid UTF-8");
    return 0;
  }
  fuzz::Check(status.ok(), "Normalize failed on valid UTF-8 or with pass_invalid");
  if (!valid) return 0;
  fuzz::Check(fuzz::IsValidUtf8(out), "Normalize made invalid UTF-8");
  std::string again;
  fuzz::Check(Normalize(out, options, &again).ok(), "Normalize failed on its own output");
  fuzz::Check(again == out, "Normalize is not idempotent");
  return 0;
}

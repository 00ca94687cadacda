// (j) Legacy encodings, detection, mojibake (encoding.h): the first byte
// chooses the encoding and where to cut, the rest is the input. A Decoder
// fed in two parts gives what it gives on the whole; its output is valid
// UTF-8 but for the undefined bytes it copies (each 0x80-0xBF; VIQR
// copies every non-ASCII byte);
// NormalizeEncoded with pass_invalid always succeeds; DetectEncoding's
// confidence is in [0, 1], and on valid UTF-8 read as UTF-8, --from auto
// is plain Normalize. RepairMojibake of valid UTF-8 gives valid UTF-8, and
// the text unchanged when it repairs nothing.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "vnseg/encoding.h"
#include "vnseg/normalizer.h"
#include "vnseg/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace vnseg;
  if (size == 0) return 0;
  const uint8_t choice = data[0];
  std::string_view bytes = fuzz::AsText(data + 1, size - 1);
  const Encoding encoding = static_cast<Encoding>(choice % 6);
  const size_t cut = bytes.empty() ? 0 : (choice / 6) % (bytes.size() + 1);

  const std::string whole = DecodeAll(encoding, bytes);
  Decoder decoder(encoding);
  std::string parts;
  decoder.Decode(bytes.substr(0, cut), false, &parts);
  decoder.Decode(bytes.substr(cut), true, &parts);
  fuzz::Check(parts == whole, "Decoder in two parts differs from the whole");
  if (encoding != Encoding::kUtf8 && encoding != Encoding::kViqr) {  // VIQR copies non-ASCII bytes
    size_t undefined = 0;
    for (char c : whole) undefined += (static_cast<unsigned char>(c) & 0xC0) == 0x80;
    fuzz::Check(fuzz::IsValidUtf8(whole) || undefined > 0, "decoded text invalid without a stray byte");
  }

  NormalizeOptions pass;
  pass.pass_invalid = true;
  pass.fix_mojibake = (choice & 0x80) != 0;
  std::string out;
  fuzz::Check(NormalizeEncoded(bytes, encoding, pass, &out).ok(), "NormalizeEncoded failed with pass_invalid");

  const Detection found = DetectEncoding(bytes);
  fuzz::Check(found.confidence >= 0 && found.confidence <= 1, "confidence outside [0, 1]");
  if (fuzz::IsValidUtf8(bytes)) {
    if (found.encoding == Encoding::kUtf8) {
      std::string automatic, plain;
      fuzz::Check(NormalizeEncoded(bytes, std::nullopt, NormalizeOptions{}, &automatic).ok() &&
                      Normalize(bytes, NormalizeOptions{}, &plain).ok() && automatic == plain,
                  "--from auto changed text read as UTF-8");
    }
    std::string repaired;
    const size_t n = RepairMojibake(bytes, &repaired);
    fuzz::Check(fuzz::IsValidUtf8(repaired), "RepairMojibake made invalid UTF-8");
    fuzz::Check(n > 0 || repaired == bytes, "RepairMojibake changed text it did not repair");
  }
  return 0;
}

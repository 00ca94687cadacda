// Legacy Vietnamese encodings, their detection, and the repair of UTF-8
// that was decoded as Windows-1252 or Latin-1 (mojibake).
//
// Thread safety: the free functions keep no state; a Decoder is one
// stream's state (one per thread).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vnseg {

enum class Encoding {
  kUtf8,    // UTF-8 (copied as it is)
  kTcvn3,   // TCVN 5712:1993 (TCVN3, "ABC"), glibc's TCVN5712-1 (VN1: with capitals)
  kVni,     // VNI-Windows: a base letter then a byte for its marks
  kViscii,  // VISCII 1.1 (RFC 1456)
  kCp1258,  // Windows-1258: base letters plus combining tone marks
  kViqr,    // VIQR (RFC 1456): ASCII letters followed by mnemonics ( ^ + ' ` ? ~ .
};

// "utf8", "tcvn3", "vni", "viscii", "cp1258", "viqr".
const char* EncodingName(Encoding encoding);

// The encoding named `name` (EncodingName's names), or nullopt.
std::optional<Encoding> ParseEncoding(std::string_view name);

// Decodes one stream of bytes in `encoding` into UTF-8, block by block:
// the output of the blocks is that of the whole stream, wherever it is
// cut (VIQR holds back the last 2 bytes of a block, which the next
// block's first bytes may still change). The output is not
// NFC: combining tone marks (Windows-1258, TCVN3's 0xB0-0xB4) and VNI's
// mark bytes come out as combining characters after their letter, which
// Normalize composes. A byte the encoding leaves undefined (Windows-1258
// 0x81, 0x8A, ...: all in 0x80-0xBF) is copied as it is, so that it is
// invalid UTF-8 and meets the caller's policy for invalid bytes. VIQR is
// ASCII: it copies every other byte (UTF-8 around VIQR stays as it is).
class Decoder {
 public:
  explicit Decoder(Encoding encoding) : encoding_(encoding) {}
  Decoder(const Decoder&) = default;
  Decoder& operator=(const Decoder&) = default;

  // Appends the UTF-8 of `bytes` to `out`. `last`: no bytes follow (the
  // held-back end is written).
  void Decode(std::string_view bytes, bool last, std::string* out);

  Encoding encoding() const { return encoding_; }

 private:
  Encoding encoding_;
  std::string pending_;       // VIQR: the end of the bytes so far, not yet decoded
  bool tone_in_word_ = false;  // VIQR: the word before pending_ has a tone mark
};

// The whole of `bytes` in `encoding`, as Decoder gives it.
std::string DecodeAll(Encoding encoding, std::string_view bytes);

// How much of a stream's start the front ends (vnseg normalize --from auto,
// vnseg detect, the C API and Python on long texts) give DetectEncoding: a
// stream's encoding is decided on its first 64 KiB.
inline constexpr size_t kDetectSampleBytes = 1 << 16;

// What DetectEncoding found.
struct Detection {
  Encoding encoding = Encoding::kUtf8;
  // How sure: 1 when the bytes read as Vietnamese in this encoding only;
  // lower when another reading came close or little of the text is
  // Vietnamese; 1 for ASCII without VIQR marks (which every encoding reads alike).
  double confidence = 0;
  size_t syllables = 0;  // well-formed Vietnamese syllables with marks in that reading
};

// Guesses the encoding of `sample`, the start of a text (or one line): each
// encoding's reading is scored by its well-formed Vietnamese syllables with
// diacritics, less what no Vietnamese text holds (syllables of impossible
// shape, control characters, invalid bytes, stray combining marks). A
// sample that is valid UTF-8 is read as UTF-8 unless another reading is
// clearly better (so clean UTF-8 text, Vietnamese or not, stays UTF-8).
// The sample may end anywhere (an incomplete UTF-8 character at its end is
// not held against UTF-8). Linear in the sample.
Detection DetectEncoding(std::string_view sample);

// Mojibake: UTF-8 decoded as Windows-1252 (or Latin-1) and encoded again,
// once or twice ("Viá»‡t" for "Việt"). Appends `text` (valid UTF-8) to `out`
// with its mojibake decoded back, line by line: in a line, each group of
// characters that, taken as Windows-1252 (or Latin-1) bytes, forms one
// well-formed UTF-8 letter or punctuation mark is replaced by it (again
// while a pass finds some, at most 3 passes); the line is kept so repaired
// only if it then reads as well as Vietnamese as before, with some
// well-formed syllables and no more bad words than syllables. So clean text (Vietnamese, French, symbols,
// random characters) is copied unchanged, and so is mojibake of text with
// no Vietnamese in its line ("donâ€™t" stays). Returns the groups repaired.
size_t RepairMojibake(std::string_view text, std::string* out);

}  // namespace vnseg

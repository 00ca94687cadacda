// Per-code-point facts for the Latin ranges Vietnamese uses, computed once
// from ICU so the hot path needs no ICU call for Vietnamese letters.
#pragma once

#include <unicode/normalizer2.h>

#include <cstdint>
#include <string_view>

#include "absl/status/statusor.h"

namespace vnseg {

// Tone marks, numbered as they are stored: 0 = none.
enum Tone : uint8_t {
  kNoTone = 0,
  kGrave = 1,   // huyền  U+0300
  kAcute = 2,   // sắc    U+0301
  kHook = 3,    // hỏi    U+0309
  kTilde = 4,   // ngã    U+0303
  kDotBelow = 5 // nặng   U+0323
};

struct LatinInfo {
  char32_t base;        // the character without its tone mark, case kept
  char32_t lower_base;  // case-folded, without tone mark (Ð/ð fold to đ)
  char32_t lower;       // case-folded, tone mark kept
  uint8_t tone;         // Tone
  uint8_t flags;        // LatinFlags
};

enum LatinFlags : uint8_t {
  kIsLetter = 1,
  kIsUpper = 2,
  kIsVowel = 4,   // a ă â e ê i o ô ơ u ư y, any case and tone
  kIsDigit = 8,
};

// Facts for `c` when it lies in U+0000..U+024F or U+1E00..U+1EFF, else null.
const LatinInfo* LatinLookup(char32_t c);

// `base` (a vowel without tone) carrying `tone`, or 0 if there is no such
// precomposed character.
char32_t ComposeTone(char32_t base, uint8_t tone);

// ASCII letters and digits, tested on a byte (the tokenizer's and the
// stream cutter's one form of these tests).
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsAsciiAlnum(char c) { return (c >= '0' && c <= '9') || IsAsciiLetter(c); }
// Whether `c` is one of the characters of `set`; never for '\0' (unlike
// strchr, which finds the terminator).
inline bool IsOneOf(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }

// Zero-width characters, soft hyphen and BOM: they split tokens, and
// normalize drops them.
inline bool IsInvisibleFormatChar(char32_t c) {
  return c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

// Tone of combining mark `c` (U+0300 ...), or kNoTone.
uint8_t ToneOfCombiningMark(char32_t c);

struct Normalizers {
  const icu::Normalizer2* nfc;
  const icu::Normalizer2* nfd;
};
// ICU's NFC and NFD normalizers (never null), or why ICU could not give
// them (its data missing or unreadable): ICU then returns null, which its
// callers dereferenced. The tables above are built without tones then, so
// whatever needs keys or normalized text refuses on this error
// (Dictionary loading, Normalize); the rest falls back to the bytes as
// they are.
absl::StatusOr<Normalizers> IcuNormalizers();

}  // namespace vnseg

#include "vnseg/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <utf8.h>

#include <iterator>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

#include "char_table.h"
#include "utf8_fast.h"
#include "vnseg/encoding.h"
#include "vnseg/tokenizer.h"
#include "vnseg/utf8.h"

namespace vnseg {
namespace {

// Unicode spaces other than the ASCII ones and the line ends.
bool IsOtherSpace(char32_t c) {
  return c >= 0x80 && c != 0x85 && c != 0x2028 && c != 0x2029 && u_isUWhiteSpace(c);
}

// Character-level mapping: spaces, invisibles, quotes, the Icelandic eth
// typed for đ. Returns false to drop the character.
bool MapChar(char32_t* c, const NormalizeOptions& o) {
  if (o.invisible && IsInvisibleFormatChar(*c)) return false;
  if (o.spaces && IsOtherSpace(*c)) *c = ' ';
  if (*c == 0x00D0) *c = 0x0110;  // Ð → Đ
  if (*c == 0x00F0) *c = 0x0111;  // ð → đ
  if (o.fold_quotes) {
    switch (*c) {
      case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
        *c = '"';
        break;
      case 0x2018: case 0x2019: case 0x201A: case 0x201B:
        *c = '\'';
        break;
    }
  }
  return true;
}

// Whether the code point at `p` (< end, in valid UTF-8) is ASCII or a
// letter that MapChar leaves as it is and that is NFC whatever comes around
// it (NFC_QC=Yes, combining class 0), read off its bytes without a branch
// on them: C3..C9 and a continuation byte (U+00C0..U+027F) but Ð and ð
// (C3 90, C3 B0), or E1 B8..BB and one (U+1E00..U+1EFF): most letters of
// Vietnamese text. (A branch per kind of byte mispredicted at every change
// from ASCII to letter.) normalizer_test checks every one against ICU.
inline bool IsPlainAt(const unsigned char* s, const unsigned char* end) {
  const unsigned b0 = s[0];
  const unsigned b1 = s + 1 < end ? s[1] : 0;
  const bool ascii = b0 < 0x80;
  const bool two = (b0 - 0xC4u <= 0xC9u - 0xC4u) | ((b0 == 0xC3) & (b1 != 0x90) & (b1 != 0xB0));
  const bool three = (b0 == 0xE1) & (b1 - 0xB8u <= 3u);
  return ascii | two | three;
}

// The length of the sequence that lead byte `b` starts in valid UTF-8.
inline size_t SequenceLength(unsigned char b) {
  return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

// True if `c` is NFC whatever comes around it: a text made of such code
// points only is NFC (Unicode's quick check answers Yes), no need to ask
// ICU about the whole of it.
bool NfcAlone(char32_t c) {
  return u_getCombiningClass(c) == 0 &&
         u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
}

// Appends `syllable` with the tone style applied to each of its parts
// between hyphens and apostrophes ("Hoà-bình" has two).
void AppendToneStyled(std::string_view token, ToneStyle style, std::string* out) {
  size_t start = 0;
  for (size_t i = 0; i <= token.size(); ++i) {
    bool sep = i == token.size() || token[i] == '-' || token[i] == '\'' ||
               token.substr(i, 3) == "\xE2\x80\x99";
    if (!sep) continue;
    AppendWithToneStyle(token.substr(start, i - start), style, out);
    if (i == token.size()) break;
    size_t len = token[i] == '\xE2' ? 3 : 1;
    out->append(token.substr(i, len));
    i += len - 1;
    start = i + 1;
  }
}

}  // namespace

absl::Status Normalize(std::string_view text, const NormalizeOptions& options, std::string* out) {
  if (options.pass_invalid) {
    // Normalize each valid run; copy each invalid byte as it is.
    NormalizeOptions strict = options;
    strict.pass_invalid = false;
    const char* p = text.data();
    const char* end = p + text.size();
    while (true) {
      const char* bad = FindInvalidUtf8(p, end);
      if (absl::Status s = Normalize(std::string_view(p, static_cast<size_t>(bad - p)), strict, out);
          !s.ok()) {
        return s;
      }
      if (bad == end) return absl::OkStatus();
      out->push_back(*bad);
      p = bad + 1;
    }
  }
  if (absl::Status s = ValidateUtf8(text); !s.ok()) return s;
  std::string repaired;
  if (options.fix_mojibake && RepairMojibake(text, &repaired) > 0) text = repaired;

  // Map characters first, then compose: dropping an invisible character
  // can bring a letter and its combining mark together ("o\u200B\u0300").
  // Clean text goes through as it is: ASCII and IsPlainAt letters are not
  // decoded, `mapped` is written only from the first character MapChar
  // changes on, and ICU is asked to compose only if a code point is not
  // NfcAlone. (Decoding, mapping and re-encoding every character, then
  // ICU's check of the whole text, ran at 150 MB/s.)
  std::string mapped;
  bool changed = false;
  bool nfc_alone = true;  // every code point so far is NfcAlone
  const char* p = text.data();
  const char* end = p + text.size();
  const char* copied = p;  // text before it is in `mapped` (once changed)
  const auto* ubegin = reinterpret_cast<const unsigned char*>(p);
  const auto* uend = reinterpret_cast<const unsigned char*>(end);
  for (const unsigned char* u = ubegin; u < uend;) {
    if (IsPlainAt(u, uend)) {
      u += SequenceLength(*u);
      continue;
    }
    const char* at = p + (u - ubegin);
    const char* next = at;
    char32_t c = utf8::unchecked::next(next);
    u += next - at;
    const char32_t original = c;
    const bool keep = MapChar(&c, options);
    if (keep) nfc_alone = nfc_alone && NfcAlone(c);
    if (keep && c == original) continue;
    if (!changed) mapped.reserve(text.size());
    changed = true;
    mapped.append(copied, at);
    if (keep) utf8::unchecked::append(c, std::back_inserter(mapped));
    copied = next;
  }
  if (changed) mapped.append(copied, end);
  std::string_view result = changed ? std::string_view(mapped) : text;

  absl::StatusOr<Normalizers> normalizers = IcuNormalizers();
  if (!normalizers.ok()) return normalizers.status();
  std::string composed;
  if (!nfc_alone) {
    const icu::Normalizer2* nfc = normalizers->nfc;
    UErrorCode status = U_ZERO_ERROR;
    icu::StringPiece piece(result.data(), static_cast<int32_t>(result.size()));
    if (!nfc->isNormalizedUTF8(piece, status)) {
      icu::StringByteSink<std::string> sink(&composed);
      nfc->normalizeUTF8(0, piece, sink, nullptr, status);
      result = composed;
    }
    if (U_FAILURE(status)) return absl::InternalError(u_errorName(status));
  }

  if (options.tone == ToneStyle::kKeep) {
    out->append(result);
    return absl::OkStatus();
  }
  std::vector<Token> tokens;
  PreTokenize(result, &tokens);
  out->reserve(out->size() + result.size());
  for (const Token& t : tokens) {
    std::string_view piece_text = result.substr(t.begin, t.end - t.begin);
    if (t.kind == TokenKind::kSyllable) {
      AppendToneStyled(piece_text, options.tone, out);
    } else {
      out->append(piece_text);
    }
  }
  return absl::OkStatus();
}

absl::Status NormalizeEncoded(std::string_view bytes, std::optional<Encoding> from,
                              const NormalizeOptions& options, std::string* out, Detection* found) {
  Detection used;
  if (from.has_value()) {
    used.encoding = *from;
    used.confidence = 1;
  } else {
    used = DetectEncoding(bytes.substr(0, kDetectSampleBytes));
  }
  if (found != nullptr) *found = used;
  if (used.encoding == Encoding::kUtf8) return Normalize(bytes, options, out);
  absl::Status s = Normalize(DecodeAll(used.encoding, bytes), options, out);
  if (s.ok()) return s;
  // The only invalid bytes of decoded text are those the encoding leaves
  // undefined, copied as they are.
  const std::string what = absl::StrCat("a byte ", EncodingName(used.encoding), " does not define at");
  const std::vector<std::pair<absl::string_view, absl::string_view>> replacements = {
      {"invalid UTF-8 at", what}, {"(byte offset", "(byte offset in the decoded text"}};
  return absl::Status(s.code(), absl::StrReplaceAll(s.message(), replacements));
}

}  // namespace vnseg

#include "vnseg/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <utf8.h>

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
  std::string mapped;
  mapped.reserve(text.size());
  auto mapped_it = std::back_inserter(mapped);
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    if (static_cast<unsigned char>(*p) < 0x80) {  // ASCII maps to itself
      mapped.push_back(*p++);
      continue;
    }
    char32_t c = utf8::unchecked::next(p);
    if (MapChar(&c, options)) mapped_it = utf8::unchecked::append(c, mapped_it);
  }

  absl::StatusOr<Normalizers> normalizers = IcuNormalizers();
  if (!normalizers.ok()) return normalizers.status();
  const icu::Normalizer2* nfc = normalizers->nfc;
  UErrorCode status = U_ZERO_ERROR;
  icu::StringPiece piece(mapped.data(), static_cast<int32_t>(mapped.size()));
  if (!nfc->isNormalizedUTF8(piece, status)) {
    std::string composed;
    icu::StringByteSink<std::string> sink(&composed);
    nfc->normalizeUTF8(0, piece, sink, nullptr, status);
    mapped.swap(composed);
  }
  if (U_FAILURE(status)) return absl::InternalError(u_errorName(status));

  if (options.tone == ToneStyle::kKeep) {
    out->append(mapped);
    return absl::OkStatus();
  }
  std::vector<Token> tokens;
  PreTokenize(mapped, &tokens);
  out->reserve(out->size() + mapped.size());
  for (const Token& t : tokens) {
    std::string_view piece_text = std::string_view(mapped).substr(t.begin, t.end - t.begin);
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

#include "vnseg/normalizer.h"

#include <gtest/gtest.h>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <string>

#include "char_table.h"
#include "test_util.h"
#include "utf8_fast.h"
#include "vnseg/utf8.h"

namespace vnseg {
namespace {

std::string Norm(std::string_view text, const NormalizeOptions& options = {}) {
  std::string out;
  absl::Status s = Normalize(text, options, &out);
  EXPECT_TRUE(s.ok()) << s;
  return out;
}

NormalizeOptions Tone(ToneStyle style) {
  NormalizeOptions o;
  o.tone = style;
  return o;
}

TEST(NormalizerTest, ComposesToNfc) {
  EXPECT_EQ(Norm("Vie\xCC\xA3\xCC\x82t Nam"), "Việt Nam");
  EXPECT_EQ(Norm("ho\xCC\x80" "a bi\xCC\x80nh"), "hòa bình");
  EXPECT_EQ(Norm("Việt Nam"), "Việt Nam");  // already NFC
  EXPECT_EQ(Norm(""), "");
}

TEST(NormalizerTest, UnicodeSpacesBecomeAsciiSpaces) {
  // NBSP, EM SPACE U+2003, NARROW NO-BREAK SPACE U+202F.
  std::string text = "a\xC2\xA0" "b\xE2\x80\x83" "c\xE2\x80\xAF" "d";
  EXPECT_EQ(Norm(text), "a b c d");
  NormalizeOptions keep;
  keep.spaces = false;
  EXPECT_EQ(Norm(text, keep), text);
}

TEST(NormalizerTest, InvisibleCharactersAreRemoved) {
  // ZERO WIDTH SPACE, ZERO WIDTH JOINER, SOFT HYPHEN, BOM, WORD JOINER, ZWNJ.
  std::string text = "\xEF\xBB\xBF" "a\xE2\x80\x8B" "b\xE2\x80\x8D" "c\xC2\xAD" "d\xE2\x81\xA0" "e\xE2\x80\x8C" "f";
  EXPECT_EQ(Norm(text), "abcdef");
  NormalizeOptions keep;
  keep.invisible = false;
  EXPECT_EQ(Norm(text, keep), text);
}

// Dropping an invisible character can bring a letter and a combining mark
// together; the output is still NFC.
TEST(NormalizerTest, OutputIsNfcAfterDroppingInvisibles) {
  EXPECT_EQ(Norm("ho\xE2\x80\x8B\xCC\x80" "a"), "hòa");  // o, ZWSP, U+0300
  EXPECT_EQ(Norm("e\xC2\xAD\xCC\x81"), "é");              // e, soft hyphen, U+0301
}

TEST(NormalizerTest, LineEndsAreKept) {
  std::string text = "một\r\nhai\nba\rbốn\xE2\x80\xA8năm\n\n";
  EXPECT_EQ(Norm(text), text);
  EXPECT_EQ(Norm("a\t b"), "a\t b");  // ASCII white space untouched
}

TEST(NormalizerTest, IcelandicEthBecomesDStroke) {
  EXPECT_EQ(Norm("Ðà Nẵng, ðường"), "Đà Nẵng, đường");
}

TEST(NormalizerTest, ToneStyles) {
  std::string old_style = "Hoà bình, khoẻ mạnh, thuỷ điện, HOÀ; hoàn toàn, quý";
  std::string new_style = "Hòa bình, khỏe mạnh, thủy điện, HÒA; hoàn toàn, quý";
  EXPECT_EQ(Norm(old_style, Tone(ToneStyle::kNew)), new_style);
  EXPECT_EQ(Norm(new_style, Tone(ToneStyle::kOld)), old_style);
  EXPECT_EQ(Norm(old_style, Tone(ToneStyle::kKeep)), old_style);
  EXPECT_EQ(Norm(new_style), new_style);  // kKeep is the default
  // Each part of a hyphenated token, and NFD input.
  EXPECT_EQ(Norm("Hoà-Bình", Tone(ToneStyle::kNew)), "Hòa-Bình");
  EXPECT_EQ(Norm("thu\xCC\x89y", Tone(ToneStyle::kOld)), "thuỷ");
  // Not syllables: left alone.
  EXPECT_EQ(Norm("#hoà foo_hoà", Tone(ToneStyle::kNew)), "#hoà foo_hoà");
}

TEST(NormalizerTest, FoldQuotes) {
  std::string text = "“hoà bình” ‘a’ «b» „c‟ ‚d‛";
  EXPECT_EQ(Norm(text), text);  // off by default
  NormalizeOptions fold;
  fold.fold_quotes = true;
  EXPECT_EQ(Norm(text, fold), "\"hoà bình\" 'a' \"b\" \"c\" 'd'");
}

TEST(NormalizerTest, AppendsToOutput) {
  std::string out = "x";
  ASSERT_TRUE(Normalize("ho\xCC\x80" "a", NormalizeOptions{}, &out).ok());
  EXPECT_EQ(out, "xhòa");
}

TEST(NormalizerTest, InvalidUtf8IsAnError) {
  for (std::string_view bad : {"a\xFF" "b", "\xC3", "ho\xCC", "\xED\xA0\x80", "\xC0\xAF"}) {
    std::string out = "unchanged";
    absl::Status s = Normalize(bad, NormalizeOptions{}, &out);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
    EXPECT_EQ(out, "unchanged");
  }
}

std::string Utf8(char32_t c) {
  const uint32_t unit = c;
  std::string s;
  AppendUtf8(&unit, 1, &s);
  return s;
}

// Normalize's fast path copies these letters without asking ICU: each must
// be NFC whatever comes around it and left alone by the character mapping.
TEST(NormalizerTest, LettersCopiedAsTheyAreAreNfcAlone) {
  for (char32_t c = 0xC0; c < 0x1F00; ++c) {
    if (c == 0x280) c = 0x1E00;
    if (c == 0xD0 || c == 0xF0) continue;  // Ð ð: mapped to Đ đ
    ASSERT_EQ(u_getCombiningClass(c), 0) << std::hex << c;
    ASSERT_EQ(u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK), UNORM_YES) << std::hex << c;
    ASSERT_EQ(Norm("x" + Utf8(c) + "y"), "x" + Utf8(c) + "y") << std::hex << c;
  }
}

// The mapping of normalizer.h, one code point at a time, then ICU's NFC of
// the whole: the slow path that the fast one must agree with.
std::string ReferenceNormalize(const std::string& text) {
  std::string mapped;
  for (const char* p = text.data(); p < text.data() + text.size();) {
    char32_t c;
    p += DecodeUtf8(p, text.data() + text.size(), &c);
    if (IsInvisibleFormatChar(c)) continue;
    if (c >= 0x80 && c != 0x85 && c != 0x2028 && c != 0x2029 && u_isUWhiteSpace(c)) c = ' ';
    if (c == 0xD0) c = 0x110;
    if (c == 0xF0) c = 0x111;
    mapped += Utf8(c);
  }
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  IcuNormalizers()->nfc->normalizeUTF8(0, icu::StringPiece(mapped.data(), static_cast<int32_t>(mapped.size())),
                                       sink, nullptr, status);
  EXPECT_TRUE(U_SUCCESS(status));
  return out;
}

TEST(NormalizerTest, AgreesWithTheSlowPathOnRandomText) {
  test::RandomText random(500, {"Ð", "ð", "\xC3\x97", "\xC3\xB7", "e\xCC\x81", "\xE1\xBB\x87\xCC\x81",
                                "\xC2\xAD", "\xEF\xBB\xBF", "\xE2\x80\x8D", "\xC3", "\xE1\xBA"});
  for (int i = 0; i < 20000; ++i) {
    std::string text = random.Next();
    if (!IsValidUtf8(text)) continue;  // a lead byte piece cut the text
    ASSERT_EQ(Norm(text), ReferenceNormalize(text)) << text;
  }
}

}  // namespace
}  // namespace vnseg

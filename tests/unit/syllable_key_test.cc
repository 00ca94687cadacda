#include "vnseg/syllable_key.h"

#include <gtest/gtest.h>

#include <string>

namespace vnseg {
namespace {

std::string Key(std::string_view syllable) {
  std::string out = "<";  // AppendSyllableKey appends
  AppendSyllableKey(syllable, &out);
  EXPECT_EQ(out[0], '<');
  return out.substr(1);
}

std::string Styled(std::string_view syllable, ToneStyle style) {
  std::string out;
  AppendWithToneStyle(syllable, style, &out);
  return out;
}

TEST(SyllableKeyTest, CaseAndTonePlacementShareOneKey) {
  for (const char* spelling : {"hòa", "hoà", "HOÀ", "Hoà", "HÒA", "hÒa",
                               "ho\xCC\x80" "a",     // NFD, tone on o
                               "hoa\xCC\x80",        // NFD, tone on a
                               "HOA\xCC\x80"}) {
    EXPECT_EQ(Key(spelling), "hòa") << spelling;
  }
  EXPECT_EQ(Key("thuỷ"), "thủy");
  EXPECT_EQ(Key("thủy"), "thủy");
  EXPECT_EQ(Key("THUỶ"), "thủy");
  EXPECT_EQ(Key("khoẻ"), "khỏe");
  EXPECT_EQ(Key("khỏe"), "khỏe");
}

TEST(SyllableKeyTest, OtherSyllablesKeepTheirTonePosition) {
  EXPECT_EQ(Key("quý"), "quý");      // the u of "qu" is the onset
  EXPECT_EQ(Key("QUÝ"), "quý");
  EXPECT_EQ(Key("giá"), "giá");      // the i of "gi" is the onset
  EXPECT_EQ(Key("hoàn"), "hoàn");    // closed: tone on the last vowel
  EXPECT_EQ(Key("Hoàn"), "hoàn");
  EXPECT_EQ(Key("người"), "người");  // on the vowel with a quality mark
  EXPECT_EQ(Key("NGƯỜI"), "người");
  EXPECT_EQ(Key("khuỷu"), "khuỷu");  // three vowels: the middle one
  EXPECT_EQ(Key("của"), "của");
  EXPECT_EQ(Key("Việt"), "việt");
  EXPECT_EQ(Key("Vie\xCC\xA3\xCC\x82t"), "việt");  // NFD
  EXPECT_EQ(Key("Đà"), "đà");
}

TEST(SyllableKeyTest, IcelandicEthKeysAsDStroke) {
  EXPECT_EQ(Key("Ðà"), "đà");  // U+00D0, often typed for Đ
  EXPECT_EQ(Key("ðà"), "đà");  // U+00F0
  EXPECT_EQ(Key("ÐÀ"), "đà");
}

TEST(SyllableKeyTest, NonVietnameseAndInvalidInput) {
  EXPECT_EQ(Key("Armenia"), "armenia");
  EXPECT_EQ(Key("A5"), "a5");
  EXPECT_EQ(Key(""), "");
  EXPECT_EQ(Key("a\xFF"), "a\xFF");  // not text: copied as it is
}

// A key is its own key: the dictionary stores keys and Lookup keys again
// (fuzz_word_list found "R" + U+0301 + U+0341 + "I", whose key was not).
TEST(SyllableKeyTest, KeyOfAKeyIsTheKey) {
  for (std::string_view s : {"R\u0301\u0341I", "a\u0341", "o\u0340a", "U\u0343", "hoà",
                             "Ngu\u0303\u0341", "x\u0344y"}) {
    std::string key = Key(s);
    EXPECT_EQ(Key(key), key) << s;
  }
}

TEST(SyllableKeyTest, WordKey) {
  EXPECT_EQ(WordKey("Hoà Bình"), "hòa bình");
  EXPECT_EQ(WordKey("hoà_bình"), "hòa bình");
  EXPECT_EQ(WordKey("  HOÀ   bình_ "), "hòa bình");
  EXPECT_EQ(WordKey("hoà\tbình"), "hòa bình");
  EXPECT_EQ(WordKey("Cộng_hoà xã hội"), "cộng hòa xã hội");
  EXPECT_EQ(WordKey("Ðà Nẵng"), "đà nẵng");
  EXPECT_EQ(WordKey(""), "");
  EXPECT_EQ(WordKey(" _ "), "");
}

TEST(SyllableKeyTest, ToneStyleOldNewKeep) {
  EXPECT_EQ(Styled("hòa", ToneStyle::kOld), "hoà");
  EXPECT_EQ(Styled("hoà", ToneStyle::kOld), "hoà");
  EXPECT_EQ(Styled("hoà", ToneStyle::kNew), "hòa");
  EXPECT_EQ(Styled("hòa", ToneStyle::kNew), "hòa");
  EXPECT_EQ(Styled("thủy", ToneStyle::kOld), "thuỷ");
  EXPECT_EQ(Styled("thuỷ", ToneStyle::kNew), "thủy");
  EXPECT_EQ(Styled("khỏe", ToneStyle::kOld), "khoẻ");
  EXPECT_EQ(Styled("khoẻ", ToneStyle::kNew), "khỏe");
  EXPECT_EQ(Styled("hoà", ToneStyle::kKeep), "hoà");
  EXPECT_EQ(Styled("hòa", ToneStyle::kKeep), "hòa");
}

TEST(SyllableKeyTest, ToneStyleKeepsCase) {
  EXPECT_EQ(Styled("HOÀ", ToneStyle::kNew), "HÒA");
  EXPECT_EQ(Styled("HÒA", ToneStyle::kOld), "HOÀ");
  EXPECT_EQ(Styled("Hoà", ToneStyle::kNew), "Hòa");
  EXPECT_EQ(Styled("THUỶ", ToneStyle::kNew), "THỦY");
}

TEST(SyllableKeyTest, ToneStyleLeavesOtherSyllablesAlone) {
  for (ToneStyle style : {ToneStyle::kOld, ToneStyle::kNew}) {
    for (const char* s : {"hoàn", "toán", "huỳnh", "quý", "Quý", "giá", "người", "khuỷu", "hoa",
                          "bình", "", "a\xFF", "hòà"}) {
      EXPECT_EQ(Styled(s, style), s) << s;
    }
  }
}

TEST(SyllableKeyTest, ToneStyleAppends) {
  std::string out = "x ";
  AppendWithToneStyle("hoà", ToneStyle::kNew, &out);
  EXPECT_EQ(out, "x hòa");
}

}  // namespace
}  // namespace vnseg

namespace vnseg {
namespace {

std::string WithoutDiacritics(std::string_view text) {
  std::string out = "<";  // AppendWithoutDiacritics appends
  AppendWithoutDiacritics(text, &out);
  return out;
}

TEST(WithoutDiacriticsTest, RemovesAllVietnameseMarksAndFoldsDStroke) {
  EXPECT_EQ(WithoutDiacritics("Đường hòa bình"), "<Duong hoa binh");
  EXPECT_EQ(WithoutDiacritics("người Việt ở đây"), "<nguoi Viet o day");
  EXPECT_EQ(WithoutDiacritics("ĂÂÊÔƠƯ ăâêôơư ỹ"), "<AAEOOU aaeoou y");
  // Decomposed input (o + U+0300) ends the same; case and other text kept.
  EXPECT_EQ(WithoutDiacritics("ho\xcc\x80" "a, 2.000 café"), "<hoa, 2.000 cafe");
  EXPECT_EQ(WithoutDiacritics("ab\xff"), "<ab\xff");
}

}  // namespace
}  // namespace vnseg

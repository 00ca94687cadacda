// Tests of vnseg/utf8.h (the file is named for the header it first tested).
#include "vnseg/utf8.h"

#include <gtest/gtest.h>
#include <utf8.h>

#include <algorithm>
#include <iterator>
#include <random>
#include <vector>
#include <string>

#include "test_util.h"

namespace vnseg {
namespace {

using test::HasSubstr;

std::string Message(const absl::Status& s) { return std::string(s.message()); }

TEST(Utf8ValidateTest, ValidText) {
  EXPECT_TRUE(ValidateUtf8("").ok());
  EXPECT_TRUE(ValidateUtf8("plain ASCII\n").ok());
  EXPECT_TRUE(ValidateUtf8("Tiếng Việt có dấu\r\n").ok());
  EXPECT_TRUE(ValidateUtf8("😀 👨‍👩‍👧 \xEF\xBF\xBD").ok());
  EXPECT_TRUE(ValidateUtf8(std::string("nul\0byte", 8)).ok());
}

TEST(Utf8ValidateTest, ErrorNamesLineAndOffsets) {
  // "dòng 1\n" is 8 bytes; the bad byte is byte 2 of line 3, offset 18.
  std::string text = "dòng 1\ndòng 2\nab\xFF" "cd\n";
  absl::Status s = ValidateUtf8(text);
  ASSERT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasSubstr(Message(s), "line 3,"));
  EXPECT_TRUE(HasSubstr(Message(s), "column 3"));
  EXPECT_TRUE(HasSubstr(Message(s), "byte offset 18)"));
  EXPECT_TRUE(HasSubstr(Message(s), "0xFF"));
}

TEST(Utf8ValidateTest, FirstBadByteOnFirstLine) {
  absl::Status s = ValidateUtf8("\x80");
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(HasSubstr(Message(s), "line 1,"));
  EXPECT_TRUE(HasSubstr(Message(s), "column 1"));
  EXPECT_TRUE(HasSubstr(Message(s), "byte offset 0)"));
  EXPECT_TRUE(HasSubstr(Message(s), "0x80"));
}

TEST(Utf8ValidateTest, BaseOffsetAndLine) {
  // A chunk that starts at byte 1000, line 41, of a stream.
  absl::Status s = ValidateUtf8("ok\n\xC3(", 1000, 41);
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(HasSubstr(Message(s), "line 42,"));
  EXPECT_TRUE(HasSubstr(Message(s), "column 1"));
  EXPECT_TRUE(HasSubstr(Message(s), "byte offset 1003)"));
  EXPECT_TRUE(HasSubstr(Message(s), "0xC3"));
}

TEST(Utf8ValidateTest, KindsOfInvalidSequences) {
  struct Case {
    std::string text;
    std::string offset;  // of the first bad byte
  };
  for (const Case& c : std::vector<Case>{
           {"abc\xE1\xBB", "byte offset 3)"},          // truncated at the end
           {"a\xC0\xAF", "byte offset 1)"},            // overlong '/'
           {"ab\xED\xA0\x80", "byte offset 2)"},       // UTF-16 surrogate
           {"\xF4\x90\x80\x80", "byte offset 0)"},     // above U+10FFFF
           {"ệ\x80", "byte offset 3)"},               // stray continuation byte
       }) {
    absl::Status s = ValidateUtf8(c.text);
    ASSERT_FALSE(s.ok()) << c.text;
    EXPECT_TRUE(HasSubstr(Message(s), c.offset));
  }
}

TEST(Utf8ValidateTest, ReplaceInvalid) {
  auto replace = [](std::string_view text) {
    std::string out = "<";
    ReplaceInvalidUtf8(text, &out);
    return out;
  };
  EXPECT_EQ(replace("Việt Nam"), "<Việt Nam");
  EXPECT_EQ(replace(""), "<");
  EXPECT_EQ(replace("a\xFF" "b"), "<a\xEF\xBF\xBD" "b");
  EXPECT_EQ(replace("\xFF\xFE"), "<\xEF\xBF\xBD\xEF\xBF\xBD");
  // Every invalid byte is replaced: a truncated 3-byte sequence gives two.
  EXPECT_EQ(replace("x\xE1\xBB"), "<x\xEF\xBF\xBD\xEF\xBF\xBD");
}

// Property: the repaired text is valid and keeps every valid byte.
TEST(Utf8ValidateTest, ReplacedTextIsAlwaysValid) {
  std::mt19937 rng(7);
  for (int i = 0; i < 1000; ++i) {
    std::string text;
    for (int n = rng() % 20; n > 0; --n) {
      text += (rng() % 3 == 0) ? std::string(1, static_cast<char>(rng())) : std::string("ộ");
    }
    std::string out;
    ReplaceInvalidUtf8(text, &out);
    ASSERT_TRUE(ValidateUtf8(out).ok()) << text;
    if (ValidateUtf8(text).ok()) {
      EXPECT_EQ(out, text);
    }
  }
}

// ValidateUtf8 accepts `text` exactly when utf8cpp does, and otherwise
// names the byte offset where utf8cpp's find_invalid stops.
bool SameFirstBadByteAsUtf8cpp(const std::string& text) {
  const char* bad = utf8::find_invalid(text.data(), text.data() + text.size());
  absl::Status s = ValidateUtf8(text);
  if (bad == text.data() + text.size()) return s.ok();
  std::string offset = "byte offset " + std::to_string(bad - text.data()) + ")";
  return !s.ok() && HasSubstr(Message(s), offset);
}

// Property: the library's own UTF-8 decoder agrees with utf8cpp on where
// the first bad byte is and on which bytes get replaced.
TEST(Utf8ValidateTest, AgreesWithUtf8cppOnRandomBytes) {
  // Bytes near the edges of the well-formed ranges (Unicode Table 3-7).
  static constexpr unsigned char kBytes[] = {
      'a',  ' ',  '\n', 0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
      0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
  std::mt19937 rng(2023);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (int n = rng() % 12; n > 0; --n) text.push_back(static_cast<char>(kBytes[rng() % sizeof(kBytes)]));
    ASSERT_TRUE(SameFirstBadByteAsUtf8cpp(text)) << testing::PrintToString(text);
    ASSERT_EQ(IsValidUtf8(text), utf8::is_valid(text.begin(), text.end()))
        << testing::PrintToString(text);
    std::string expected;  // utf8cpp: U+FFFD for each byte find_invalid stops at
    for (const char *p = text.data(), *end = p + text.size(); p < end;) {
      const char* b = utf8::find_invalid(p, end);
      expected.append(p, b);
      if (b == end) break;
      expected += "\xEF\xBF\xBD";
      p = b + 1;
    }
    std::string replaced;
    ReplaceInvalidUtf8(text, &replaced);
    ASSERT_EQ(replaced, expected) << testing::PrintToString(text);
  }
}

// The same on long texts, where FindInvalidUtf8 works in 64-byte blocks:
// Vietnamese text (and ASCII stretches, skipped whole) with a few random
// bytes from the edges of the ranges, anywhere, also across block ends.
TEST(Utf8ValidateTest, LongTextsAgreeWithUtf8cpp) {
  static constexpr unsigned char kBytes[] = {0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED,
                                             0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F};
  const std::string vietnamese = "Tổng thống Mỹ đến Hà Nội hôm qua. ";
  const std::string ascii = "The quick brown fox jumps over the lazy dog; 0123456789. ";
  std::mt19937 rng(2026);
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    for (int n = 1 + rng() % 12; n > 0; --n) text += rng() % 2 ? vietnamese : ascii;
    for (int n = rng() % 3; n > 0; --n) {
      text.insert(text.begin() + rng() % (text.size() + 1), static_cast<char>(kBytes[rng() % sizeof(kBytes)]));
    }
    ASSERT_TRUE(SameFirstBadByteAsUtf8cpp(text)) << testing::PrintToString(text);
  }
}

// Every byte deleted, and a continuation byte inserted everywhere, in text
// of multi-byte letters: some of these put the middle of the text (where
// the validator splits it in two) inside a sequence or make one break there.
TEST(Utf8ValidateTest, DamageAtEveryPosition) {
  const std::string text = "Tổng thống Mỹ đến Hà Nội hôm qua, ữỡẳ. Nguyễn";
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size()) {
      std::string deleted = text;
      deleted.erase(i, 1);
      ASSERT_TRUE(SameFirstBadByteAsUtf8cpp(deleted)) << "byte " << i << " deleted";
    }
    std::string inserted = text;
    inserted.insert(i, 1, '\x80');
    ASSERT_TRUE(SameFirstBadByteAsUtf8cpp(inserted)) << "0x80 inserted at " << i;
  }
}

// Random UTF-8 from code points near the edges of each sequence length,
// with some bytes broken in (stray continuations, overlongs, encoded
// surrogates, bytes above U+10FFFF's) when `damage`.
std::string RandomUtf8(std::mt19937& rng, bool damage) {
  static constexpr char32_t kPoints[] = {'a', ' ', 0x00, 0x7F, 0x80, 0xE9, 0xFF, 0x100, 0x7FF,
                                         0x800, 0x1EC7, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF,
                                         0x10000, 0x1F600, 0x10FFFF};
  static constexpr const char* kBroken[] = {"\x80", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80",
                                            "\xED\xBF\xBF", "\xF4\x90\x80\x80", "\xF5", "\xFF",
                                            "\xE1\xBB"};
  std::string text;
  for (int n = rng() % 16; n > 0; --n) {
    if (damage && rng() % 8 == 0) {
      text += kBroken[rng() % std::size(kBroken)];
    } else {
      utf8::append(static_cast<uint32_t>(kPoints[rng() % std::size(kPoints)]),
                   std::back_inserter(text));
    }
  }
  return text;
}

// Property: MeasureUtf8 accepts exactly what utf8cpp accepts and counts
// the same code points; DecodeUtf8 gives utf8cpp's code points in every
// unit width that holds them.
TEST(Utf8CodeUnitsTest, MeasureAndDecodeAgreeWithUtf8cpp) {
  std::mt19937 rng(12);
  for (int i = 0; i < 20000; ++i) {
    std::string text = RandomUtf8(rng, i % 2 == 1);
    Utf8Shape shape{99, 99};
    bool valid = MeasureUtf8(text, &shape);
    ASSERT_EQ(valid, utf8::is_valid(text.begin(), text.end())) << testing::PrintToString(text);
    if (!valid) {
      EXPECT_EQ(shape.code_points, 99u);  // left alone
      continue;
    }
    std::vector<uint32_t> expected;
    utf8::utf8to32(text.begin(), text.end(), std::back_inserter(expected));
    ASSERT_EQ(shape.code_points, expected.size());
    uint32_t max = expected.empty() ? 0 : *std::max_element(expected.begin(), expected.end());
    ASSERT_EQ(shape.max_code_point, max);
    std::vector<uint32_t> wide(expected.size());
    DecodeUtf8(text, wide.data());
    ASSERT_EQ(wide, expected);
    if (max < 0x10000) {
      std::vector<uint16_t> two(expected.size());
      DecodeUtf8(text, two.data());
      ASSERT_TRUE(std::equal(two.begin(), two.end(), expected.begin()));
    }
    if (max < 0x100) {
      std::vector<uint8_t> one(expected.size());
      DecodeUtf8(text, one.data());
      ASSERT_TRUE(std::equal(one.begin(), one.end(), expected.begin()));
    }
  }
}

// Property: AppendUtf8 encodes as utf8cpp does and stops at the first
// surrogate or unit above U+10FFFF, having appended the units before it.
TEST(Utf8CodeUnitsTest, AppendAgreesWithUtf8cpp) {
  static constexpr uint32_t kUnits[] = {'a',    0x7F,   0x80,   0xFF,    0x100,   0x7FF,
                                        0x800,  0xD7FF, 0xD800, 0xDBFF,  0xDC00,  0xDFFF,
                                        0xE000, 0xFFFF, 0x10000, 0x10FFFF, 0x110000, 0xFFFFFFFF};
  std::mt19937 rng(34);
  for (int i = 0; i < 20000; ++i) {
    std::vector<uint32_t> units;
    for (int n = rng() % 10; n > 0; --n) units.push_back(kUnits[rng() % std::size(kUnits)]);
    size_t good = 0;
    while (good < units.size() && utf8::internal::is_code_point_valid(units[good])) ++good;
    std::string expected = "<";
    utf8::utf32to8(units.begin(), units.begin() + good, std::back_inserter(expected));
    std::string out = "<";
    ASSERT_EQ(AppendUtf8(units.data(), units.size(), &out), good == units.size());
    ASSERT_EQ(out, expected);
    if (std::all_of(units.begin(), units.end(), [](uint32_t u) { return u < 0x10000; })) {
      std::vector<uint16_t> two(units.begin(), units.end());
      std::string out2 = "<";
      ASSERT_EQ(AppendUtf8(two.data(), two.size(), &out2), good == units.size());
      ASSERT_EQ(out2, expected);
    }
  }
  std::vector<uint8_t> latin1;
  for (int b = 0; b < 256; ++b) latin1.push_back(static_cast<uint8_t>(b));
  std::string out, expected;
  ASSERT_TRUE(AppendUtf8(latin1.data(), latin1.size(), &out));
  utf8::utf32to8(latin1.begin(), latin1.end(), std::back_inserter(expected));
  EXPECT_EQ(out, expected);
}

// Property: CodePointIndex gives utf8cpp's distance at every character
// boundary, asked in increasing order (skipping some), and the identity
// for ASCII.
TEST(Utf8CodeUnitsTest, CodePointIndexCountsLikeUtf8cpp) {
  std::mt19937 rng(56);
  for (int i = 0; i < 5000; ++i) {
    std::string text = RandomUtf8(rng, false);
    CodePointIndex index(text, false);
    for (auto p = text.begin(); p != text.end(); utf8::next(p, text.end())) {
      if (rng() % 3 == 0) continue;
      ASSERT_EQ(index.At(static_cast<size_t>(p - text.begin())),
                static_cast<size_t>(utf8::distance(text.begin(), p)));
    }
    ASSERT_EQ(index.At(text.size()), static_cast<size_t>(utf8::distance(text.begin(), text.end())));
  }
  CodePointIndex ascii("abc", true);
  EXPECT_EQ(ascii.At(2), 2u);
  CodePointIndex viet("Việt Nam", false);
  EXPECT_EQ(viet.At(5), 3u);  // "Việ" is 5 bytes, 3 code points
  EXPECT_EQ(viet.At(10), 8u);
}

}  // namespace
}  // namespace vnseg

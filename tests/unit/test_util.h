// Helpers shared by the unit tests.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <initializer_list>
#include <memory>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "vnseg/dictionary.h"
#include "vnseg/dictionary_builder.h"
#include "vnseg/segmenter.h"
#include "vnseg/tokenizer.h"
#include "vnseg/word_list.h"

namespace vnseg {

// So that gtest prints kinds by name.
inline std::ostream& operator<<(std::ostream& os, TokenKind kind) {
  return os << TokenKindName(kind);
}

namespace test {

// Builds an in-memory dictionary from `words` (the base-list flag)
// and `names` (the name-list flag: one-syllable names are place names).
inline std::unique_ptr<Dictionary> MakeDict(std::initializer_list<std::string_view> words,
                                            std::initializer_list<std::string_view> names = {}) {
  DictionaryBuilder builder;
  for (std::string_view w : words) EXPECT_TRUE(builder.Add(w, kFromBaseList)) << w;
  for (std::string_view w : names) EXPECT_TRUE(builder.Add(w, kFromNameList)) << w;
  auto dict = Dictionary::FromBytes(builder.Build("unit test"));
  EXPECT_TRUE(dict.ok()) << dict.status();
  return dict.ok() ? *std::move(dict) : nullptr;
}

// User words (kFromUserList) compiled from `words`.
inline std::unique_ptr<UserWords> MakeUserWords(std::initializer_list<std::string_view> words) {
  std::string list;
  for (std::string_view w : words) list.append(w).push_back('\n');
  auto user = CompileUserWords(list, "unit test user words");
  EXPECT_TRUE(user.ok()) << user.status();
  return user.ok() ? *std::move(user) : nullptr;
}

// The real compiled dictionary, or null when it has not been built.
inline std::unique_ptr<Dictionary> OpenDefaultDict() {
  std::ifstream probe(VNSEG_TEST_DICT);
  if (!probe) return nullptr;
  auto dict = Dictionary::Open(VNSEG_TEST_DICT);
  EXPECT_TRUE(dict.ok()) << dict.status();
  return dict.ok() ? *std::move(dict) : nullptr;
}

// Tokens of `text` as "text|kind" strings, for readable comparisons.
inline std::vector<std::string> TokenStrings(std::string_view text) {
  std::vector<Token> tokens;
  PreTokenize(text, &tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    out.push_back(std::string(text.substr(t.begin, t.end - t.begin)) + "|" + TokenKindName(t.kind));
  }
  return out;
}

// The words the segmenter finds in `text`, as strings.
inline std::vector<std::string> WordStrings(Segmenter& segmenter, std::string_view text) {
  std::vector<std::string> out;
  for (const Word& w : segmenter.Segment(text)) {
    out.emplace_back(text.substr(w.begin, w.end - w.begin));
  }
  return out;
}

inline ::testing::AssertionResult HasSubstr(std::string_view haystack, std::string_view needle) {
  if (haystack.find(needle) != std::string_view::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "'" << haystack << "' does not contain '" << needle << "'";
}

// Random text for property tests: a mix of Vietnamese syllables (some of
// them forming the words in `extra_pieces`), punctuation, numbers,
// underscores, emoji and odd white space. Valid UTF-8 unless
// `invalid_bytes` is set.
class RandomText {
 public:
  explicit RandomText(uint32_t seed, std::vector<std::string> extra_pieces = {})
      : rng_(seed), extra_(std::move(extra_pieces)) {}

  std::string Next(bool invalid_bytes = false) {
    static const char* const kPieces[] = {
        // syllables, NFC and NFD, with both tone placements and capitals
        "hòa", "hoà", "HOÀ", "bình", "Việt", "Nam", "thuỷ", "thủy", "người", "khuỷu", "quý",
        "Vie\xCC\xA3\xCC\x82t", "đ", "Đà", "Nẵng", "ngăn", "Armenia", "A5", "Wai-kru", "O'Neill",
        "x", "ab", "đi", "học", "sinh",
        // punctuation, numbers, identifiers, URLs
        ".", ",", "...", "!", "?", ":", ";", "\"", "'", "(", ")", "-", "/", "%", "#", "@", "…",
        "“", "”", "2.000", "3,5", "15/7/2023", "10:30", "50%", "3G", "0", "42",
        "_", "__", "___", "_x", "x_", "foo_bar", "__init__", "x_1", "a__b",
        "TP.HCM", "Q.1", "vnexpress.net", "https://a.vn/b?c=d.", "www.x.com", "a@b.vn", "#tag",
        "@ai",
        // emoji and symbols
        "😀", "👍🏽", "👨‍👩‍👧", "❤️", "🇻🇳", "©", "\xCC\x81",
        // white space
        " ", " ", " ", " ", "  ", "\t", "\xC2\xA0", "\r\n", "\n", "\xE2\x80\x83", "\xE2\x80\x8B"};
    constexpr size_t kCount = sizeof(kPieces) / sizeof(kPieces[0]);
    std::uniform_int_distribution<size_t> length(0, 24);
    std::string text;
    for (size_t n = length(rng_); n > 0; --n) {
      uint32_t r = rng_() % 100;
      if (invalid_bytes && r < 5) {
        text.push_back(static_cast<char>(0x80 + rng_() % 0x80));  // any non-ASCII byte
      } else if (!extra_.empty() && r < 30) {
        text += extra_[rng_() % extra_.size()];
      } else {
        text += kPieces[rng_() % kCount];
      }
      if (rng_() % 2 == 0) text += ' ';  // mostly single spaces: syllable runs
    }
    return text;
  }

 private:
  std::mt19937 rng_;
  std::vector<std::string> extra_;
};

}  // namespace test
}  // namespace vnseg

#include "vnseg/segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_util.h"

namespace vnseg {
namespace {

using test::MakeDict;
using test::MakeUserWords;
using test::WordStrings;
using Strings = std::vector<std::string>;

class SegmenterTest : public ::testing::Test {
 protected:
  SegmenterTest()
      : dict_(MakeDict({"hoà bình", "học sinh", "sinh học", "học", "ông già", "già trẻ lớn bé",
                        "ngăn armenia", "việt nam", "hà nội", "xin chào", "ngày tháng",
                        "thế giới", "châu Âu"},
                       /*names=*/{"Azerbaijan", "Mỹ"})),
        segmenter_(dict_.get()) {}

  Strings Words(std::string_view text) { return WordStrings(segmenter_, text); }

  std::unique_ptr<Dictionary> dict_;
  Segmenter segmenter_;
};

TEST_F(SegmenterTest, JoinsDictionaryWordsInAnySpelling) {
  EXPECT_EQ(Words("hòa bình thế giới"), (Strings{"hòa bình", "thế giới"}));
  EXPECT_EQ(Words("HOÀ BÌNH"), (Strings{"HOÀ BÌNH"}));
  EXPECT_EQ(Words("ho\xCC\x80" "a bình"), (Strings{"ho\xCC\x80" "a bình"}));  // NFD
  EXPECT_EQ(Words("bình hòa"), (Strings{"bình", "hòa"}));
}

TEST_F(SegmenterTest, MaximalMatchingPicksFewestWords) {
  // Greedy left-to-right would give "ông_già trẻ lớn bé" (4 words).
  EXPECT_EQ(Words("ông già trẻ lớn bé"), (Strings{"ông", "già trẻ lớn bé"}));
  // A tie goes to the longer leading word.
  EXPECT_EQ(Words("học sinh học"), (Strings{"học sinh", "học"}));
  EXPECT_EQ(Words("sinh học sinh"), (Strings{"sinh học", "sinh"}));
}

TEST_F(SegmenterTest, NeverJoinsAcrossNonSingleSpaceGaps) {
  EXPECT_EQ(Words("hòa, bình"), (Strings{"hòa", ",", "bình"}));
  EXPECT_EQ(Words("hòa-bình"), (Strings{"hòa-bình"}));  // one syllable token
  EXPECT_EQ(Words("hòa  bình"), (Strings{"hòa", "bình"}));
  EXPECT_EQ(Words("hòa\xC2\xA0" "bình"), (Strings{"hòa", "bình"}));
  EXPECT_EQ(Words("hòa\tbình"), (Strings{"hòa", "bình"}));
  EXPECT_EQ(Words("hòa\nbình"), (Strings{"hòa", "bình"}));
  EXPECT_EQ(Words("hòa\r\nbình"), (Strings{"hòa", "bình"}));
  EXPECT_EQ(Words("ngày 15 tháng"), (Strings{"ngày", "15", "tháng"}));
  EXPECT_EQ(Words("hòa \"bình\""), (Strings{"hòa", "\"", "bình", "\""}));
}

TEST_F(SegmenterTest, LowerThenCapitalIsNotJoined) {
  EXPECT_EQ(Words("ngăn Armenia"), (Strings{"ngăn", "Armenia"}));
  EXPECT_EQ(Words("ngăn armenia"), (Strings{"ngăn armenia"}));
  EXPECT_EQ(Words("Ngăn Armenia"), (Strings{"Ngăn Armenia"}));
  EXPECT_EQ(Words("NGĂN ARMENIA"), (Strings{"NGĂN ARMENIA"}));
  EXPECT_EQ(Words("ở Việt Nam và Hà Nội"), (Strings{"ở", "Việt Nam", "và", "Hà Nội"}));
  EXPECT_EQ(Words("hòa Bình"), (Strings{"hòa", "Bình"}));
  // Unless the dictionary spells the word so.
  EXPECT_EQ(Words("ở châu Âu"), (Strings{"ở", "châu Âu"}));
  EXPECT_EQ(Words("ở châu âu"), (Strings{"ở", "châu âu"}));
}

TEST_F(SegmenterTest, CapitalisedRunsAreNames) {
  EXPECT_EQ(Words("ông Nguyễn Văn Minh nói"), (Strings{"ông", "Nguyễn Văn Minh", "nói"}));
  EXPECT_EQ(Words("ông Minh nói"), (Strings{"ông", "Minh", "nói"}));
  EXPECT_EQ(Words("ông NGUYỄN VĂN nói"), (Strings{"ông", "NGUYỄN", "VĂN", "nói"}));  // all caps
  // The first syllable of a sentence is capitalised anyway.
  EXPECT_EQ(Words("Ông Aliyev nói"), (Strings{"Ông", "Aliyev", "nói"}));
  EXPECT_EQ(Words("đi. Ông Aliyev nói"), (Strings{"đi", ".", "Ông", "Aliyev", "nói"}));
  EXPECT_EQ(Words("đi, Ông Aliyev nói"), (Strings{"đi", ",", "Ông Aliyev", "nói"}));
  // A known one-syllable place name stands alone at the start of a run.
  EXPECT_EQ(Words("Tổng thống Azerbaijan Ilham Aliyev"),
            (Strings{"Tổng", "thống", "Azerbaijan", "Ilham Aliyev"}));
  EXPECT_EQ(Words("tổng thống Azerbaijan Aliyev"),
            (Strings{"tổng", "thống", "Azerbaijan", "Aliyev"}));
  EXPECT_EQ(Words("tổng thống Mỹ Donald Trump"),
            (Strings{"tổng", "thống", "Mỹ", "Donald Trump"}));
}

TEST_F(SegmenterTest, WordOffsetsKindsAndSyllables) {
  std::string text = "Xin chào  Việt Nam, 2023!";
  const std::vector<Word>& words = segmenter_.Segment(text);
  ASSERT_EQ(words.size(), 5u);
  // "Xin chào" = bytes [0, 9): "chào" is 5 bytes.
  EXPECT_EQ(words[0].begin, 0u);
  EXPECT_EQ(words[0].end, 9u);
  EXPECT_EQ(words[0].kind, TokenKind::kSyllable);
  EXPECT_EQ(words[0].syllables, 2);
  // Two spaces, then "Việt Nam" = [11, 21): "Việt" is 6 bytes.
  EXPECT_EQ(words[1].begin, 11u);
  EXPECT_EQ(words[1].end, 21u);
  EXPECT_EQ(words[1].syllables, 2);
  EXPECT_EQ(words[2].begin, 21u);
  EXPECT_EQ(words[2].end, 22u);
  EXPECT_EQ(words[2].kind, TokenKind::kPunct);
  EXPECT_EQ(words[2].syllables, 1);
  EXPECT_EQ(words[3].begin, 23u);
  EXPECT_EQ(words[3].end, 27u);
  EXPECT_EQ(words[3].kind, TokenKind::kNumber);
  EXPECT_EQ(words[4].kind, TokenKind::kPunct);
  EXPECT_EQ(words[4].end, text.size());
}

TEST_F(SegmenterTest, OtherTokensAreOneWordEach) {
  EXPECT_EQ(Words("xem https://a.vn, foo_bar 😀 TP.HCM #tag"),
            (Strings{"xem", "https://a.vn", ",", "foo_bar", "😀", "TP.HCM", "#tag"}));
}

TEST_F(SegmenterTest, UserWordsAreAdded) {
  auto user = MakeUserWords({"đô thị mới", "bình thế"});
  Segmenter with_user(dict_.get(), user.get());
  EXPECT_EQ(WordStrings(segmenter_, "khu đô thị mới"), (Strings{"khu", "đô", "thị", "mới"}));
  EXPECT_EQ(WordStrings(with_user, "khu Đô thị mới"), (Strings{"khu", "Đô thị mới"}));
  EXPECT_EQ(WordStrings(with_user, "khu đô thị mới"), (Strings{"khu", "đô thị mới"}));
  EXPECT_EQ(WordStrings(with_user, "khu ĐÔ THỊ MỚI"), (Strings{"khu", "ĐÔ THỊ MỚI"}));
  // Both dictionaries feed one lattice: still the fewest words.
  EXPECT_EQ(WordStrings(with_user, "hòa bình thế giới"), (Strings{"hòa bình", "thế giới"}));
  EXPECT_EQ(WordStrings(with_user, "xin chào bình thế"), (Strings{"xin chào", "bình thế"}));
}

TEST_F(SegmenterTest, EmptyAndBlankInput) {
  EXPECT_TRUE(segmenter_.Segment("").empty());
  EXPECT_TRUE(segmenter_.Segment(" \t\r\n\xC2\xA0").empty());
  // The vector is reused: a later call replaces the earlier words.
  EXPECT_EQ(segmenter_.Segment("xin chào").size(), 1u);
  EXPECT_TRUE(segmenter_.Segment("").empty());
}

TEST(SegmenterNoDictTest, EmptyDictionaryGivesSyllables) {
  auto dict = MakeDict({});
  Segmenter segmenter(dict.get());
  EXPECT_EQ(WordStrings(segmenter, "hòa bình"), (Strings{"hòa", "bình"}));
}

// A run longer than the segmenter's window (16384 syllables) is cut into
// windows; every word is still found and the words cover the run.
TEST(SegmenterNoDictTest, VeryLongRunIsSegmented) {
  auto dict = MakeDict({"hòa bình"});
  Segmenter segmenter(dict.get());
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "hòa bình ";
  text.pop_back();
  const std::vector<Word>& words = segmenter.Segment(text);
  ASSERT_EQ(words.size(), 20000u);
  for (size_t i = 0; i < words.size(); ++i) {
    ASSERT_EQ(words[i].syllables, 2) << i;
    ASSERT_EQ(words[i].begin, i * 11) << i;  // "hòa bình " is 11 bytes
  }
  EXPECT_EQ(words.back().end, text.size());
}

}  // namespace
}  // namespace vnseg

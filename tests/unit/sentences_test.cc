#include "vnseg/sentences.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "vnseg/convert.h"
#include "vnseg/stream_cut.h"

namespace vnseg {
namespace {

using Strings = std::vector<std::string>;

Strings Split(std::string_view text) {
  std::vector<SentenceSpan> spans;
  SplitSentences(text, &spans);
  Strings out;
  for (const SentenceSpan& s : spans) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(SentencesTest, FullStopsQuestionAndExclamationMarks) {
  EXPECT_EQ(Split("Tôi đi học. Bạn đi đâu? Đi chơi! Thế à?! Ừ."),
            (Strings{"Tôi đi học.", "Bạn đi đâu?", "Đi chơi!", "Thế à?!", "Ừ."}));
}

TEST(SentencesTest, EmptyAndWhiteSpaceOnly) {
  EXPECT_EQ(Split(""), Strings{});
  EXPECT_EQ(Split(" \n\t \n"), Strings{});
  EXPECT_EQ(Split("  Một câu.  "), Strings{"Một câu."});
}

TEST(SentencesTest, NoSplitBeforeLowerCase) {
  EXPECT_EQ(Split("Có cam, táo v.v. và lê."), Strings{"Có cam, táo v.v. và lê."});
  EXPECT_EQ(Split("Chờ đã... rồi đi."), Strings{"Chờ đã... rồi đi."});
  EXPECT_EQ(Split("Chờ đã... Rồi đi."), (Strings{"Chờ đã...", "Rồi đi."}));
  EXPECT_EQ(Split("Chờ đã… Rồi đi."), (Strings{"Chờ đã…", "Rồi đi."}));
}

TEST(SentencesTest, NumbersDatesUrlsEmailsAreOneToken) {
  EXPECT_EQ(Split("Giá 1.000 đồng, lãi 3,5% ngày 15/7/2023. Xem www.example.vn. Hỏi a.b@x.vn ngay."),
            (Strings{"Giá 1.000 đồng, lãi 3,5% ngày 15/7/2023.", "Xem www.example.vn.",
                     "Hỏi a.b@x.vn ngay."}));
  EXPECT_EQ(Split("Năm 2020. 15 người đến."), (Strings{"Năm 2020.", "15 người đến."}));
}

TEST(SentencesTest, Abbreviations) {
  EXPECT_EQ(Split("Ở TP. Hồ Chí Minh và Q. 1 có PGS.TS. Nguyễn Văn B và GS. Lê C."),
            Strings{"Ở TP. Hồ Chí Minh và Q. 1 có PGS.TS. Nguyễn Văn B và GS. Lê C."});
  EXPECT_EQ(Split("Bà ThS. Trần D và BS. Lý E cùng Th.S. Hà F đến."),
            Strings{"Bà ThS. Trần D và BS. Lý E cùng Th.S. Hà F đến."});
  // TP.HCM is no title: it ends many a sentence.
  EXPECT_EQ(Split("Anh ấy ở TP.HCM. Chị ấy ở Q.1. Hết."),
            (Strings{"Anh ấy ở TP.HCM.", "Chị ấy ở Q.1.", "Hết."}));
}

TEST(SentencesTest, InitialsAndListMarks) {
  EXPECT_EQ(Split("Đó là ông Nguyễn Văn A. Nam đến sau."),
            Strings{"Đó là ông Nguyễn Văn A. Nam đến sau."});
  EXPECT_EQ(Split("1. Giới thiệu\na. Mục đầu. II. Phần hai"),
            (Strings{"1. Giới thiệu", "a. Mục đầu.", "II. Phần hai"}));
}

TEST(SentencesTest, ClosingQuotesAndBracketsStayBefore) {
  EXPECT_EQ(Split("Anh nói: “Đi thôi.” Rồi đi. (Xem thêm.) Hết."),
            (Strings{"Anh nói: “Đi thôi.”", "Rồi đi.", "(Xem thêm.)", "Hết."}));
  EXPECT_EQ(Split("Nó hỏi \"Ai đó?\" Không ai trả lời."),
            (Strings{"Nó hỏi \"Ai đó?\"", "Không ai trả lời."}));
  // An opening quote starts the next sentence.
  EXPECT_EQ(Split("Xong. “Tốt lắm,” anh nói. - Vâng."),
            (Strings{"Xong.", "“Tốt lắm,” anh nói.", "- Vâng."}));
  // Lower case after the quote: the speaker's words go on.
  EXPECT_EQ(Split("“Đi đi!” anh nói."), Strings{"“Đi đi!” anh nói."});
}

TEST(SentencesTest, LineEndsAlwaysEndASentence) {
  EXPECT_EQ(Split("Tiêu đề\nNội dung, tiếp\r\ntheo\u2028cuối"),
            (Strings{"Tiêu đề", "Nội dung, tiếp", "theo", "cuối"}));
}

TEST(SentencesTest, NoSplitWithoutWhiteSpace) {
  EXPECT_EQ(Split("Hết.Tiếp theo"), Strings{"Hết.Tiếp theo"});
}

TEST(SentencesTest, InvalidBytesStayInTheirSentence) {
  EXPECT_EQ(Split("Xin \xFF chào. Hết \xC3."), (Strings{"Xin \xFF chào.", "Hết \xC3."}));
}

// The spans and the gaps between them tile the text, and every gap is
// white space; on random text of the characters that matter.
TEST(SentencesTest, RoundTripOnRandomText) {
  const std::vector<std::string> pieces = {"A", "b", "Đi", "đi", ".", "...", "!", "?", "\"", "”",
                                           "“", "(", ")", " ", "  ", "\n", "\r\n", "1", "TP",
                                           "Q", "v.v", "\xFF", "\t", "x@y.vn", "-"};
  std::mt19937 rng(14);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 30);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    std::vector<SentenceSpan> spans;
    SplitSentences(text, &spans);
    std::string rebuilt;
    size_t pos = 0;
    for (const SentenceSpan& s : spans) {
      ASSERT_LE(pos, s.begin) << text;
      ASSERT_LT(s.begin, s.end) << text;
      std::string_view gap(text.data() + pos, s.begin - pos);
      std::vector<Token> tokens;
      PreTokenize(gap, &tokens);
      for (const Token& t : tokens) ASSERT_EQ(t.kind, TokenKind::kSpace) << text;
      rebuilt.append(gap);
      rebuilt.append(text, s.begin, s.end - s.begin);
      pos = s.end;
    }
    rebuilt.append(text, pos, std::string::npos);
    ASSERT_EQ(rebuilt, text);
  }
}

// A cut at LastSentenceCut splits each part as the whole splits.
TEST(SentencesTest, LastSentenceCutGivesTheWhole) {
  const std::string text = "Một. Hai câu. Ba ở TP. Huế. Bốn";
  const size_t cut = LastSentenceCut(text);
  // Not before "Bốn": the last token, which the text after may extend
  // (to "bốn..." or the like), decides that split.
  EXPECT_EQ(text.substr(cut), "Ba ở TP. Huế. Bốn");
  EXPECT_EQ(LastSentenceCut("Một câu dài"), 0u);
  EXPECT_EQ(LastSentenceCut("Hết. Tiếp"), 0u);  // "Tiếp" may be "tiếp..." read on
  Cut c = FindCut("Một. Hai. Ba", CutRules::kSentences);
  EXPECT_EQ(c.size, 7u);  // "Một. ": 7 bytes
  c = FindCut("Một. Hai\nBa", CutRules::kSentences);
  EXPECT_EQ(c.size, 11u);
}

TEST(SentencesTest, SentenceLinesKeepParagraphs) {
  std::string out;
  SentenceLines("Một. Hai.\n\n  \nBa\n", PieceState{}, &out);
  EXPECT_EQ(out, "Một.\nHai.\n\n\nBa\n");
  out.clear();
  SentenceLines("\nMột.  Hai.", PieceState{}, &out);
  EXPECT_EQ(out, "\nMột.\nHai.\n");
  out.clear();
  PieceState after;
  after.after_word = true;  // a sentence came before on the line: "\n" ends it
  SentenceLines(" \nMột.", after, &out);
  EXPECT_EQ(out, "Một.\n");
}

}  // namespace
}  // namespace vnseg

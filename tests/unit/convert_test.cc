#include "vnseg/convert.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_util.h"
#include "utf8_fast.h"
#include "vnseg/tokenizer.h"
#include "vnseg/utf8.h"

namespace vnseg {
namespace {

using test::MakeDict;

std::string Join(std::string_view text, bool detok = false) {
  std::string out;
  JoinText(text, JoinOptions{detok}, &out);
  return out;
}

class ConvertTest : public ::testing::Test {
 protected:
  ConvertTest()
      : dict_(MakeDict({"hòa bình", "hoà giải", "xin chào", "việt nam", "tổng thống",
                        "ngăn armenia", "học sinh", "thế giới", "cộng hòa xã hội chủ nghĩa"},
                       /*names=*/{"Azerbaijan"})),
        segmenter_(dict_.get()) {}

  std::string Segment(std::string_view text, bool tokenize = false) {
    std::string out;
    SegmentText(segmenter_, text, SegmentOptions{tokenize}, &out);
    return out;
  }

  std::string Resegment(std::string_view text) {
    std::string out;
    ResegmentText(segmenter_, text, &out);
    return out;
  }

  std::unique_ptr<Dictionary> dict_;
  Segmenter segmenter_;
};

TEST_F(ConvertTest, LosslessSegment) {
  EXPECT_EQ(Segment("Xin chào Việt Nam!"), "Xin_chào Việt_Nam!");
  EXPECT_EQ(Segment("hòa bình,  thế giới\r\n\thọc sinh"), "hòa_bình,  thế_giới\r\n\thọc_sinh");
  EXPECT_EQ(Segment("Cộng hoà xã hội chủ nghĩa Việt Nam"), "Cộng_hoà_xã_hội_chủ_nghĩa Việt_Nam");
  EXPECT_EQ(Segment(""), "");
  std::string out = "prefix ";
  SegmentText(segmenter_, "xin chào", SegmentOptions{}, &out);
  EXPECT_EQ(out, "prefix xin_chào");  // appends
}

TEST_F(ConvertTest, TokenizedSegment) {
  EXPECT_EQ(Segment("Ông Aliyev nói: \"hòa bình\"", true), "Ông Aliyev nói : \" hòa_bình \"");
  EXPECT_EQ(Segment("  xin chào,thế giới...  \r\n\n (học sinh)\t", true),
            "xin_chào , thế_giới ...\r\n\n( học_sinh )");
  EXPECT_EQ(Segment("a\xC2\xA0\xC2\xA0" "b", true), "a b");
}

TEST_F(ConvertTest, JoinIsTheInverseOfSegment) {
  EXPECT_EQ(Join("Xin_chào Việt_Nam!"), "Xin chào Việt Nam!");
  EXPECT_EQ(Join("hòa_bình,  thế_giới\r\n"), "hòa bình,  thế giới\r\n");
  EXPECT_EQ(Join("foo__bar __init__ x__1"), "foo_bar __init__ x_1");
  EXPECT_EQ(Join("_x x_ a _ b"), "_x x_ a _ b");  // not between word characters
  EXPECT_EQ(Join("a___b"), "a___b");             // odd run: not written by segment
  EXPECT_EQ(Join("a______b"), "a___b");
  EXPECT_EQ(Join("hôm_15/7"), "hôm 15/7");
  EXPECT_EQ(Join(""), "");
}

TEST_F(ConvertTest, JoinDetokenizes) {
  EXPECT_EQ(Join("Mỹ , ( EU ) \" hòa_bình \" .", true), "Mỹ, (EU) \"hòa bình\".");
  EXPECT_EQ(Join("Ông Aliyev nói : \" hòa_bình \"", true), "Ông Aliyev nói: \"hòa bình\"");
  EXPECT_EQ(Join("tăng 5 % ; giảm ... ?", true), "tăng 5%; giảm...?");
  EXPECT_EQ(Join("[ a ] { b } ' c ' !", true), "[a] {b} 'c'!");
  // Quotes are paired per line; line ends are kept.
  EXPECT_EQ(Join("\" a \r\n\" b \" .\n", true), "\"a\r\n\"b\".\n");
}

// Straight quotes pair per sentence: an unpaired one no longer flips the
// quotes of the sentences after it; a quotation of several sentences still
// closes after a terminal mark or before a closing mark or the line end.
TEST_F(ConvertTest, DetokPairsQuotesPerSentence) {
  EXPECT_EQ(Join("hét : \" Chạy đi ! Rồi anh nói \" đừng sợ \" .", true),
            "hét: \"Chạy đi! Rồi anh nói \"đừng sợ\".");
  EXPECT_EQ(Join("A \" b . C nói \" x \" , \" y \" .", true), "A \"b. C nói \"x\", \"y\".");
  EXPECT_EQ(Join("gọi : \" Mẹ ! Bố ! \" . Rồi \" đi \" .", true), "gọi: \"Mẹ! Bố!\". Rồi \"đi\".");
  EXPECT_EQ(Join("\" Tôi đến . Nhờ chị xem lại \" .", true), "\"Tôi đến. Nhờ chị xem lại\".");
  EXPECT_EQ(Join("' Đi . Về ' , ' a . B ' c ' d", true), "'Đi. Về', 'a. B 'c' d");
  // Not a new sentence: no capital, or no terminal mark before it.
  EXPECT_EQ(Join("\" a . b \" c \" d . \"", true), "\"a. b\" c \"d.\"");
  EXPECT_EQ(Join("\" a , B \" c \"", true), "\"a, B\" c \"");
}

TEST_F(ConvertTest, DetokJoinsASlashBetweenTwoTokens) {
  EXPECT_EQ(Join("AFP / TTXVN đưa_tin , 500 USD / tháng", true), "AFP/TTXVN đưa tin, 500 USD/tháng");
  EXPECT_EQ(Join("/ a", true), "/ a");  // nothing before it on the line
}

TEST_F(ConvertTest, DetokUndoesTokenize) {
  for (const char* text : {"Ông Aliyev nói: \"hòa bình\".", "Mỹ, (EU) và [thế giới] tăng 5%; giảm...",
                           "Xin chào!\nHọc sinh (lớp 5) đi học?\r\n"}) {
    EXPECT_EQ(Join(Segment(text, true), true), text);
  }
}

// KeepsPeriod's abbreviations keep their period, unless a line end follows
// it (a sentence may end there); the inner periods of v.v. always stay. A
// closing bracket may touch the period (a sentence's would come after it).
TEST_F(ConvertTest, TokenizeKeepsAbbreviationsWithTheirPeriod) {
  EXPECT_EQ(Segment("Mr. Smith gặp Dr. Lee ở St. Louis, TS. An", true),
            "Mr. Smith gặp Dr. Lee ở St. Louis , TS. An");
  EXPECT_EQ(Segment("ở TP. Huế, Q. 1", true), "ở TP. Huế , Q. 1");
  EXPECT_EQ(Segment("ở TP.\nv.v. và v.v.", true), "ở TP .\nv.v. và v.v .");
  EXPECT_EQ(Segment("xin. chào Mr.. (Mr.)", true), "xin . chào Mr .. ( Mr. )");
  EXPECT_EQ(Segment("(v.v.) [TS.] etc.}. (Mr.)\n(Mr.),", true),
            "( v.v. ) [ TS. ] etc. } . ( Mr. )\n( Mr. ) ,");
  EXPECT_EQ(Segment("(Mr.), Mr.). Mr.\" (xin.)", true), "( Mr. ) , Mr. ) . Mr . \" ( xin . )");
  // The lossless output is unchanged.
  EXPECT_EQ(Segment("Mr. Smith"), "Mr. Smith");
}

// An initial keeps its period, as UD VTB writes it, where the period ends
// no sentence (as the sentence splitter decides): before a word in lower
// case, or before any word after a name or a word for a person. Before a
// line end or a punctuation mark, or after another lower-case word before
// a capital or digit, the period stays apart.
TEST_F(ConvertTest, TokenizeKeepsAnInitialWithItsPeriod) {
  EXPECT_EQ(Segment("ông H. nói, H. đi. Bà G. Nam và anh Đ. 15 tuổi", true),
            "ông H. nói , H. đi . Bà G. Nam và anh Đ. 15 tuổi");
  EXPECT_EQ(Segment("ở phường K. Ông đi, từ A đến Z. 15 người, ông H.\nông H. , x", true),
            "ở phường K . Ông đi , từ A đến Z . 15 người , ông H .\nông H . , x");
  EXPECT_EQ(Segment("ông  H. Nam, ôngH. đi, vụ h. 15, AB. cd", true),
            "ông H . Nam , ôngH . đi , vụ h . 15 , AB . cd");
  EXPECT_EQ(Segment("ông H. nói"), "ông H. nói");  // lossless: unchanged
}

TEST_F(ConvertTest, TokenizeKeepsVersionNumbersWhole) {
  EXPECT_EQ(Segment("bản v1.2.3, V2.0 và 1.2.3 v1.", true), "bản v1.2.3 , V2.0 và 1.2.3 v1 .");
}

// A byte order mark is no word: it stays on the word after it.
TEST_F(ConvertTest, TokenizeKeepsByteOrderMarkOnTheNextWord) {
  EXPECT_EQ(Segment("\xEF\xBB\xBFXin chào", true), "\xEF\xBB\xBFXin_chào");
  EXPECT_EQ(Segment("\xEF\xBB\xBF Xin", true), "\xEF\xBB\xBFXin");
}

TEST_F(ConvertTest, LiteralUnderscoresAreEscaped) {
  EXPECT_EQ(Segment("foo_bar"), "foo__bar");
  EXPECT_EQ(Segment("__init__"), "__init__");
  EXPECT_EQ(Segment("x_1"), "x__1");
  EXPECT_EQ(Segment("a___b"), "a______b");
  EXPECT_EQ(Segment("_x x_ a _ b"), "_x x_ a _ b");
  EXPECT_EQ(Segment("học sinh_giỏi"), "học sinh__giỏi");
  EXPECT_EQ(Segment("#Việt_Nam @a_b"), "#Việt__Nam @a__b");
  for (const char* text : {"foo_bar", "__init__", "x_1", "a___b", "học sinh_giỏi", "#Việt_Nam"}) {
    EXPECT_EQ(Join(Segment(text)), text);
  }
}

// The plain join as convert.h states it, one byte at a time with
// IsWordChar: the reference for JoinPlain's 8-bytes-at-a-time loop.
std::string ReferenceJoin(std::string_view text, bool word_char_before) {
  auto word_before = [&](size_t pos) {
    if (pos == 0) return word_char_before;
    char32_t c;
    return DecodeUtf8Before(text.data(), text.data() + pos, &c) != 0 && IsWordChar(c);
  };
  auto word_after = [&](size_t pos) {
    char32_t c;
    return pos < text.size() && DecodeUtf8(text.data() + pos, text.data() + text.size(), &c) != 0 &&
           IsWordChar(c);
  };
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text[i] != '_') {
      out.push_back(text[i++]);
      continue;
    }
    size_t end = i;
    while (end < text.size() && text[end] == '_') ++end;
    const size_t n = end - i;
    if (word_before(i) && word_after(end) && (n == 1 || n % 2 == 0)) {
      out.append(n == 1 ? 1 : n / 2, n == 1 ? ' ' : '_');
    } else {
      out.append(n, '_');
    }
    i = end;
  }
  return out;
}

TEST(JoinPlainTest, MatchesTheReferenceOnRandomText) {
  test::RandomText random(1717, {"Tổng_thống", "a_b", "_", "__", "x____y", "Việt_Nam_"});
  for (int i = 0; i < 20000; ++i) {
    // Random text, invalid bytes too, shifted by 0..63 bytes so that every
    // '_' meets every place in JoinPlain's 64-byte blocks and 8-byte loads.
    const std::string text = std::string(i % 64, 'a') + random.Next(/*invalid_bytes=*/i % 3 == 0);
    for (bool before : {false, true}) {
      PieceState start;
      start.word_char_before = before;
      std::string out = "kept";
      JoinText(text, JoinOptions{}, start, &out);
      ASSERT_EQ(out, "kept" + ReferenceJoin(text, before)) << text;
    }
  }
}

TEST(JoinPlainTest, WordCharactersAroundAnUnderscoreAreIsWordChar) {
  // JoinPlain answers ASCII and the Vietnamese letter ranges itself.
  auto join = [](const std::string& text) {
    std::string out;
    JoinText(text, JoinOptions{}, &out);
    return out;
  };
  for (char32_t c = 1; c < 0x2100; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const uint32_t unit = c;
    std::string cp;
    ASSERT_TRUE(AppendUtf8(&unit, 1, &cp));
    if (cp == "_") continue;
    EXPECT_EQ(join("a_" + cp), IsWordChar(c) ? "a " + cp : "a_" + cp) << std::hex << c;
    EXPECT_EQ(join(cp + "_a"), IsWordChar(c) ? cp + " a" : cp + "_a") << std::hex << c;
  }
}

TEST_F(ConvertTest, ResegmentFixesOtherSegmentations) {
  EXPECT_EQ(Resegment("Tổng thống Azerbaijan_Aliyev"), "Tổng_thống Azerbaijan Aliyev");
  EXPECT_EQ(Resegment("muốn ngăn_Armenia"), "muốn ngăn Armenia");
  EXPECT_EQ(Resegment("hôm_15/7"), "hôm 15/7");
  EXPECT_EQ(Resegment("hòa giải"), "hòa_giải");  // the dictionary spells it "hoà giải"
  EXPECT_EQ(Resegment("hòa_giải  xin_chào"), "hòa_giải  xin_chào");
  EXPECT_EQ(Resegment("foo__bar"), "foo__bar");
}

TEST(SafeCutPointTest, Cases) {
  EXPECT_EQ(SafeCutPoint(""), 0u);
  EXPECT_EQ(SafeCutPoint("khôngcókhoảngtrắng"), 0u);
  EXPECT_EQ(SafeCutPoint("a\nb c"), 2u);                  // a line end first
  EXPECT_EQ(SafeCutPoint("a\nb\nc d"), 4u);               // the last one
  EXPECT_EQ(SafeCutPoint("Xin chào. Tôi đi"), 11u);       // after punctuation
  EXPECT_EQ(SafeCutPoint("a b. c d"), 5u);
  EXPECT_EQ(SafeCutPoint("xin  chào bạn"), 4u);           // between two spaces
  EXPECT_EQ(SafeCutPoint("xin\tchào bạn"), 4u);           // after a tab
  EXPECT_EQ(SafeCutPoint("xin chào bạn"), 10u);           // fallback: the last space
  EXPECT_EQ(ExactCutPoint("xin chào bạn"), 0u);            // (not exact)
  EXPECT_EQ(SafeCutPoint("ông nói 15 lần"), 10u);          // before a digit
  EXPECT_EQ(SafeCutPoint("a , b , c d"), 6u);              // before punctuation
  // ".." is no sentence end to the segmenter ("..." is): not a cut there.
  EXPECT_EQ(ExactCutPoint("đi.. Nguyễn Văn Minh"), 0u);
  EXPECT_EQ(SafeCutPoint("đi.. Nguyễn Văn Minh"), 20u);  // the fallback
  EXPECT_EQ(ExactCutPoint("đi... Nguyễn Văn Minh"), 7u);
}

TEST_F(ConvertTest, SafeCutGivesTheSameLosslessResult) {
  for (const char* text : {"xin chào\nthế giới", "Xin chào. Việt Nam", "hòa bình,  thế giới đi",
                           "a\tb c", "ông \"hòa\" bình"}) {
    size_t cut = SafeCutPoint(text);
    std::string_view t(text);
    EXPECT_EQ(Segment(t.substr(0, cut)) + Segment(t.substr(cut)), Segment(t)) << text;
    std::string seg = Segment(t);
    size_t seg_cut = SafeCutPoint(seg);
    EXPECT_EQ(Join(std::string_view(seg).substr(0, seg_cut)) +
                  Join(std::string_view(seg).substr(seg_cut)),
              text);
  }
}

// A run of Capitalised syllables is offered as a name unless it starts a
// sentence; a part cut at SafeCutPoint starts with nothing before it, so
// the sentence-start test must give the same answer there in the whole
// text (line end before it, or a full stop), or the CLI's output would
// depend on where its blocks end.
TEST_F(ConvertTest, SafeCutKeepsNameRuns) {
  for (std::string_view text : {"tin tức\nNguyễn Văn Minh nói", "đi. Nguyễn Văn Minh nói",
                                "đi, Nguyễn Văn Minh nói\nrồi"}) {
    size_t cut = SafeCutPoint(text);
    ASSERT_GT(cut, 0u);
    EXPECT_EQ(Segment(text.substr(0, cut)) + Segment(text.substr(cut)), Segment(text)) << text;
  }
}

// Property form of the above: for a cut that is not the single-space fallback, the lossless parts give the
// lossless whole.
TEST_F(ConvertTest, SafeCutPropertyLossless) {
  test::RandomText random(777, {"ông Nguyễn Văn Minh", "hòa bình", "Việt Nam"});
  for (int i = 0; i < 2000; ++i) {
    std::string text = random.Next();
    size_t cut = SafeCutPoint(text);
    if (cut == 0) continue;
    bool fallback = text[cut - 1] == ' ' && (cut == text.size() || text[cut] != ' ') &&
                    (cut < 2 || std::string_view(".,;:!?\")]").find(text[cut - 2]) ==
                                    std::string_view::npos);
    if (fallback) continue;
    std::string_view t(text);
    ASSERT_EQ(Segment(t.substr(0, cut)) + Segment(t.substr(cut)), Segment(t))
        << "cut " << cut << " of: " << text;
  }
}

// SegmentText works on a long text in pieces that end at line ends: the
// result must be that of each line on its own, lossless and tokenized, also
// for a line longer than a piece.
TEST_F(ConvertTest, LongTextsSegmentLikeTheirLines) {
  test::RandomText random(2026, {"ông Nguyễn Văn Minh", "hòa bình", "Việt Nam"});
  std::string text;
  std::vector<std::string> lines;
  while (text.size() < 300000) {
    std::string line = random.Next();
    if (lines.size() == 100) {  // a line of 100 KB, longer than a piece
      while (line.size() < 100000) line += " " + random.Next();
    }
    for (char& c : line) c = c == '\n' ? ' ' : c;
    line += "\n";
    text += line;
    lines.push_back(line);
  }
  text += "xin chào";  // and a last line without its line end
  lines.push_back("xin chào");
  for (bool tokenize : {false, true}) {
    std::string expected;
    for (const std::string& line : lines) expected += Segment(line, tokenize);
    ASSERT_EQ(Segment(text, tokenize), expected) << "tokenize " << tokenize;
  }
}

// The tokenized and detok outputs depend on the whole line, so their
// contract is: cut at line ends only (the CLI streams them that way).
TEST_F(ConvertTest, LineEndCutGivesTheSameTokenizedResult) {
  std::string_view text = "Xin chào. Tôi đi.\nHọ nói : \" hòa bình \" .\n";
  size_t cut = text.find('\n') + 1;
  EXPECT_EQ(Segment(text.substr(0, cut), true) + Segment(text.substr(cut), true),
            Segment(text, true));
}

TEST(SafeCutPointTest, LineEndCutGivesTheSameDetokenizedResult) {
  std::string_view text = "a , b\n\" c \" ( d )\n";
  size_t cut = text.find('\n') + 1;
  EXPECT_EQ(Join(text.substr(0, cut), true) + Join(text.substr(cut), true), Join(text, true));
}

// Property: JoinText(SegmentText(x)) == x, and resegmenting segmented text
// changes nothing.
void CheckRoundTrip(Segmenter& segmenter, uint32_t seed, std::vector<std::string> words) {
  test::RandomText random(seed, std::move(words));
  for (int i = 0; i < 2000; ++i) {
    std::string text = random.Next();
    std::string segmented, joined, resegmented;
    SegmentText(segmenter, text, SegmentOptions{}, &segmented);
    JoinText(segmented, JoinOptions{}, &joined);
    ASSERT_EQ(joined, text) << "segmented: " << segmented;
    ResegmentText(segmenter, segmented, &resegmented);
    ASSERT_EQ(resegmented, segmented) << "text: " << text;
  }
}

const std::vector<std::string> kWordPieces = {
    "hòa bình", "Hoà Bình", "hoà giải", "xin chào", "Xin chào", "việt nam", "Việt Nam",
    "tổng thống", "ngăn Armenia", "học sinh", "thế giới", "cộng hòa xã hội chủ nghĩa", "hòa_bình"};

TEST_F(ConvertTest, RoundTripPropertySmallDictionary) {
  CheckRoundTrip(segmenter_, 12345, kWordPieces);
}

TEST(ConvertDefaultDictTest, RoundTripPropertyDefaultDictionary) {
  auto dict = test::OpenDefaultDict();
  if (dict == nullptr) GTEST_SKIP() << "no compiled dictionary at " << VNSEG_TEST_DICT;
  Segmenter segmenter(dict.get());
  CheckRoundTrip(segmenter, 54321, kWordPieces);
}

// A sentence written without capitals (a chat line, a query) is read as
// caseless to its end, past its commas: the shipped model joins the listed
// places after the comma as it does before it. The state crosses a cut
// through PieceState (SegmentStateAfter), as in the CLI's stream, so the
// parts give the whole wherever the text is cut exactly.
TEST(ConvertDefaultDictTest, LowerCaseSentenceIsCaselessPastCommas) {
  auto dict = test::OpenDefaultDict();
  if (dict == nullptr) GTEST_SKIP() << "no compiled dictionary at " << VNSEG_TEST_DICT;
  Segmenter segmenter(dict.get());
  auto segment = [&](std::string_view text, const PieceState& start) {
    std::string out;
    SegmentText(segmenter, text, SegmentOptions{}, start, &out);
    return out;
  };
  const std::string text = "vé máy bay từ hải phòng , cần thơ rồi lâm đồng";
  EXPECT_EQ(segment(text, {}), "vé máy_bay từ hải_phòng , cần_thơ rồi lâm_đồng");
  // A sentence with a capital is not caseless: there "cần" is a verb.
  EXPECT_EQ(segment("Tôi cần thơ , cần thơ hay", {}), "Tôi cần thơ , cần thơ hay");
  for (size_t cut = 1; cut < text.size(); ++cut) {
    const std::string_view head = std::string_view(text).substr(0, cut);
    if (ExactCutPoint(head) != cut) continue;
    const PieceState after = SegmentStateAfter(head, PieceState{}, Cut{});
    EXPECT_EQ(segment(head, {}) + segment(std::string_view(text).substr(cut), after),
              segment(text, {}))
        << "cut at " << cut;
  }
}

TEST(SegmenterStateTest, LowerCaseSentenceAfter) {
  EXPECT_TRUE(Segmenter::LowerCaseSentenceAfter("bay từ hải phòng ,", false, false));
  EXPECT_FALSE(Segmenter::LowerCaseSentenceAfter("Bay từ hải phòng ,", false, false));
  EXPECT_FALSE(Segmenter::LowerCaseSentenceAfter("bay từ Hải Phòng ,", false, false));
  EXPECT_FALSE(Segmenter::LowerCaseSentenceAfter("bay từ hải phòng\n", false, false));
  // Carried through a text without runs, or of runs with no capital.
  EXPECT_TRUE(Segmenter::LowerCaseSentenceAfter(", 12 ,", false, true));
  EXPECT_TRUE(Segmenter::LowerCaseSentenceAfter("rồi về", true, true));
  EXPECT_FALSE(Segmenter::LowerCaseSentenceAfter(", 12 ,", false, false));
  // A sentence that starts with a capital after a full stop ends it.
  EXPECT_FALSE(Segmenter::LowerCaseSentenceAfter("bay . Về nhà", false, true));
  EXPECT_TRUE(Segmenter::LowerCaseSentenceAfter("Bay . về nhà", false, false));
}

}  // namespace
}  // namespace vnseg

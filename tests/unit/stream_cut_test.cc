// Streaming a long line in pieces (stream_cut.h, PieceState in convert.h):
// the pieces, each converted alone with the state carried across the cut,
// must give the output of the whole.
#include "vnseg/stream_cut.h"

#include <gtest/gtest.h>

#include <random>
#include <functional>
#include <string>
#include <vector>

#include "test_util.h"
#include "vnseg/convert.h"
#include "vnseg/normalizer.h"

namespace vnseg {
namespace {

using test::MakeDict;

// One converter as the CLI runs it: convert a piece from a state, and the
// state after a piece (null: none).
struct Mode {
  const char* name;
  CutRules rules;
  std::function<void(std::string_view, const PieceState&, std::string*)> convert;
  PieceState (*state_after)(std::string_view, const PieceState&, const Cut&);
};

class StreamCutTest : public ::testing::Test {
 protected:
  StreamCutTest()
      : dict_(MakeDict({"hòa bình", "hoà giải", "xin chào", "việt nam", "tổng thống", "học sinh",
                        "thế giới", "cộng hòa xã hội chủ nghĩa"},
                       /*names=*/{"Azerbaijan"})),
        segmenter_(dict_.get()) {}

  std::vector<Mode> Modes() {
    auto segment = [this](bool tokenize) {
      return [this, tokenize](std::string_view in, const PieceState& s, std::string* out) {
        SegmentText(segmenter_, in, SegmentOptions{tokenize}, s, out);
      };
    };
    auto join = [](bool detok) {
      return [detok](std::string_view in, const PieceState& s, std::string* out) {
        JoinText(in, JoinOptions{detok}, s, out);
      };
    };
    auto normalize = [](ToneStyle tone) {
      return [tone](std::string_view in, const PieceState&, std::string* out) {
        NormalizeOptions o;
        o.tone = tone;
        o.fold_quotes = true;
        ASSERT_TRUE(Normalize(in, o, out).ok());
      };
    };
    return {
        {"segment", CutRules::kSegment, segment(false), SegmentStateAfter},
        {"segment --tokenize", CutRules::kTokenized, segment(true), SegmentStateAfter},
        {"resegment", CutRules::kSegment,
         [this](std::string_view in, const PieceState& s, std::string* out) {
           ResegmentText(segmenter_, in, s, out);
         },
         SegmentStateAfter},
        {"normalize --tone new", CutRules::kSegment, normalize(ToneStyle::kNew), nullptr},
        {"normalize --tone old", CutRules::kSegment, normalize(ToneStyle::kOld), nullptr},
        {"join", CutRules::kJoin, join(false), JoinStateAfter},
        {"join --detok", CutRules::kJoin, join(true), DetokStateAfter},
    };
  }

  static std::string Whole(const Mode& m, std::string_view text) {
    std::string out;
    m.convert(text, PieceState{}, &out);
    return out;
  }

  // The CLI's reader with blocks of `block` bytes: cuts the unread text
  // that it holds (never less than a block, unless at the end) with
  // FindCut and carries the state. `cuts` counts the cuts made.
  static std::string Streamed(const Mode& m, std::string_view text, size_t block, int* cuts) {
    std::string out;
    PieceState state;
    size_t pos = 0, held = block;
    while (text.size() - pos > held) {
      Cut cut = FindCut(text.substr(pos, held), m.rules);
      if (cut.size == 0) {
        held += block;  // read more
        continue;
      }
      std::string_view piece = text.substr(pos, cut.size);
      m.convert(piece, state, &out);
      state = m.state_after ? m.state_after(piece, state, cut) : PieceState{};
      pos += cut.size;
      held = block;
      ++*cuts;
    }
    m.convert(text.substr(pos), state, &out);
    return out;
  }

  // Every exact cut of `lines` random lines (two of `random` each) in every
  // mode: the two pieces give the whole's output. Returns the cuts checked
  // (stops at the first that differs, a failure).
  int CheckExactCuts(test::RandomText* random, int lines);

  std::unique_ptr<Dictionary> dict_;
  Segmenter segmenter_;
};

// Equal strings, or where they first differ (the texts are long).
::testing::AssertionResult Same(const std::string& got, const std::string& want) {
  if (got == want) return ::testing::AssertionSuccess();
  size_t i = 0;
  while (i < got.size() && i < want.size() && got[i] == want[i]) ++i;
  size_t from = i < 20 ? 0 : i - 20;
  return ::testing::AssertionFailure()
         << "differ at byte " << i << ": got \"" << got.substr(from, 60) << "\", want \""
         << want.substr(from, 60) << "\"";
}

TEST(StreamCut, FindCutWithoutWhiteSpace) {
  const std::string letters(100, 'a');
  EXPECT_EQ(FindCut(letters, CutRules::kSegment).size, 84u);  // 16 before the end of the run
  EXPECT_TRUE(FindCut(letters, CutRules::kSegment).inside_word);
  // Not before a combining mark, nor next to '_'.
  EXPECT_EQ(FindCut("!?e\xCC\x81", CutRules::kSegment).size, 2u);
  EXPECT_FALSE(FindCut("!?e\xCC\x81", CutRules::kSegment).inside_word);
  EXPECT_EQ(FindCut("..._", CutRules::kSegment).size, 2u);
  EXPECT_TRUE(FindCut("..._", CutRules::kSegment).inside_word);  // dots stay one token
  // Join: before a joint, else inside a long token.
  EXPECT_EQ(FindCut("ab_cd_ef", CutRules::kJoin).size, 5u);
  EXPECT_FALSE(FindCut("ab_cd_ef", CutRules::kJoin).inside_word);
  EXPECT_EQ(FindCut("abcdefgh", CutRules::kJoin).size, 7u);
  EXPECT_TRUE(FindCut("abcdefgh", CutRules::kJoin).inside_word);
  EXPECT_EQ(FindCut("abc\xE1\xBB\x87", CutRules::kJoin).size, 3u);  // not inside "ệ"
  // Any text of two or more bytes has a cut: memory stays bounded.
  for (std::string_view text : {"____", "\xCC\x81\xCC\x81\xCC\x81", "\x80\x80\x80"}) {
    EXPECT_GT(FindCut(text, CutRules::kSegment).size, 0u) << text;
    EXPECT_GT(FindCut(text, CutRules::kJoin).size, 0u) << text;
  }
}

// A cut near the 256 KiB limit of the rules without white space falls
// between code points: a code point that crosses the limit is whole (it
// was decoded against the limit, taken for ill-formed and cut in two).
// SpacelessRunStart looks back from the end of each window: the same
// answer as a byte-by-byte scan, with white space anywhere.
TEST(StreamCut, SpacelessRunStartAgreesWithAPlainScan) {
  auto plain = [](std::string_view text) {
    size_t start = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        start = i + 1;
      } else if (i - start >= kMaxSpacelessPiece) {
        return start;
      }
    }
    return std::string_view::npos;
  };
  std::mt19937 rng(11);
  const char spaces[] = {' ', '\n', '\t', '\r'};
  for (int trial = 0; trial < 300; ++trial) {
    std::string text(kMaxSpacelessPiece * (1 + rng() % 3) + rng() % 5, 'a');
    for (int n = static_cast<int>(rng() % 8); n-- > 0;) {
      // Near a window's end, or anywhere.
      size_t at = rng() % 2 ? (kMaxSpacelessPiece * (rng() % 3) + rng() % 5) : rng();
      text[at % text.size()] = spaces[rng() % 4];
    }
    ASSERT_EQ(SpacelessRunStart(text), plain(text)) << "trial " << trial;
  }
}

TEST(StreamCut, SpacelessCutKeepsCodePointsThatCrossTheLimit) {
  std::string text = "\xC3\xA9";  // é, then U+20D0 (3 bytes) across the limit
  while (text.size() < kMaxSpacelessPiece + 1000) text += "\xE2\x83\x90";
  for (CutRules rules : {CutRules::kSegment, CutRules::kTokenized, CutRules::kJoin}) {
    Cut cut = FindCut(text, rules);
    ASSERT_GT(cut.size, 0u);
    EXPECT_LE(cut.size, kMaxSpacelessPiece);
    EXPECT_EQ(static_cast<unsigned char>(text[cut.size]) & 0xC0, 0xC0u) << "cut at " << cut.size;
  }
}

// No piece holds more than kMaxSpacelessPiece bytes without white space,
// even when a line end or other white space follows the stretch.
TEST(StreamCut, NoPieceHoldsALongStretchWithoutWhiteSpace) {
  std::string dots;
  while (dots.size() < 3 * kMaxSpacelessPiece) dots += "a.";
  EXPECT_EQ(SpacelessRunStart(dots), 0u);
  EXPECT_EQ(SpacelessRunStart("x y " + dots), 4u);
  EXPECT_EQ(SpacelessRunStart(dots.substr(0, kMaxSpacelessPiece) + " x"), std::string_view::npos);
  for (CutRules rules : {CutRules::kSegment, CutRules::kTokenized}) {
    // Before the line end: the head of the stretch.
    Cut cut = FindCut(dots + ". x\n", rules);
    EXPECT_GT(cut.size, 0u);
    EXPECT_LE(cut.size, kMaxSpacelessPiece);
    // After white space: before the stretch.
    EXPECT_EQ(FindCut("x y\n" + dots + ". x\nz\n", rules).size, 4u);
  }
}

// Every exact cut (FindCut of any prefix, Cut::exact) gives the whole's
// output, with the state carried over: random text, cut at every place
// such a rule allows.
TEST_F(StreamCutTest, ExactCutsGiveTheWhole) {
  test::RandomText random(4242, {"ông Nguyễn Văn Minh", "hòa bình", "Việt Nam", "Xin chào"});
  EXPECT_GT(CheckExactCuts(&random, 300), 10000);
}

// Initials ("ông H. nói", which --tokenize keeps whole) and quotes and
// sentence ends (--detok pairs quotes per sentence): a cut never changes
// how the text around it is read.
TEST_F(StreamCutTest, ExactCutsAroundInitialsAndQuotesGiveTheWhole) {
  test::RandomText random(1414, {"ông", "bà", "H.", "Đ.", "K", "H", ".", ". ", "\"", "'", "nói",
                                 "Ông", "Nam", "15", "Mr.", "(Mr.)", "!", "?", ")", "\" Đi"});
  EXPECT_GT(CheckExactCuts(&random, 300), 10000);
}

int StreamCutTest::CheckExactCuts(test::RandomText* random, int lines) {
  const std::vector<Mode> modes = Modes();
  int checked = 0;
  for (int i = 0; i < lines; ++i) {
    std::string text = random->Next() + " " + random->Next();
    std::string segmented;
    SegmentText(segmenter_, text, SegmentOptions{true}, &segmented);  // input for join
    for (const Mode& m : modes) {
      const std::string& input = m.rules == CutRules::kJoin ? segmented : text;
      const std::string whole = Whole(m, input);
      for (size_t end = 1; end <= input.size(); ++end) {
        std::string_view prefix = std::string_view(input).substr(0, end);
        Cut cut = FindCut(prefix, m.rules);
        if (!cut.exact || cut.size == 0 || cut.size == input.size()) continue;
        std::string_view left = std::string_view(input).substr(0, cut.size);
        std::string out;
        m.convert(left, PieceState{}, &out);
        PieceState state = m.state_after ? m.state_after(left, PieceState{}, cut) : PieceState{};
        m.convert(std::string_view(input).substr(cut.size), state, &out);
        EXPECT_TRUE(Same(out, whole)) << m.name << ", cut at " << cut.size << " of: " << input;
        if (out != whole) return checked;
        ++checked;
      }
    }
  }
  return checked;
}

// The reader with small blocks: many cuts, one after the other. Every
// block holds an exact cut (a tab at least every 300 bytes).
TEST_F(StreamCutTest, StreamedRandomTextGivesTheWhole) {
  test::RandomText random(99, {"ông Nguyễn Văn Minh", "hòa bình", "Việt Nam"});
  std::string text;
  while (text.size() < 20000) {
    std::string line = random.Next();
    if (line.size() < 250) text += line + "\t";
  }
  std::string segmented;
  SegmentText(segmenter_, text, SegmentOptions{true}, &segmented);
  for (const Mode& m : Modes()) {
    const std::string& input = m.rules == CutRules::kJoin ? segmented : text;
    for (size_t block : {300, 4096}) {
      int cuts = 0;
      EXPECT_TRUE(Same(Streamed(m, input, block, &cuts), Whole(m, input)))
          << m.name << ", block " << block;
      EXPECT_GT(cuts, static_cast<int>(input.size() / block / 4)) << m.name;
    }
  }
}

// Lines without white space, the kinds of bytes that make one long token
// or a token every byte: cut inside them, and the output is the whole's.
TEST_F(StreamCutTest, TextWithoutWhiteSpaceGivesTheWhole) {
  auto repeat = [](std::string_view unit, size_t bytes) {
    std::string s;
    while (s.size() < bytes) s += unit;
    return s;
  };
  const std::vector<std::string> texts = {
      repeat("a", 3000),
      repeat("hòabìnhtổngthốngkhỏethuỷ", 3000),
      repeat("HOÀBÌNH", 3000),
      repeat("a.", 2000),
      repeat(".", 3000),
      repeat(".,;:!?()\"'-", 3000),
      repeat("😀👍🏽", 3000),
      repeat("e\xCC\x81\xCC\xA3", 3000),  // combining marks after each letter
      repeat("12345", 3000),
      repeat("x_", 3000),
      repeat("hòa_bình_", 3000),
      repeat("a__b__", 3000),
      repeat("“a”", 3000),
      "(" + repeat("ab", 3000) + ")",
      "\" " + repeat("Việt", 2000) + " \"",
      repeat("ab", 2000) + " . " + repeat("Xinchào", 300),
  };
  for (const Mode& m : Modes()) {
    for (const std::string& text : texts) {
      // Resegment joins a joint into a space, and a cut before it splits
      // the run of syllables there (stream_cut.h, rule 4).
      if (m.name == std::string_view("resegment") && text.find('_') != std::string::npos) continue;
      std::string input = text;
      if (m.rules == CutRules::kJoin) {
        input.clear();
        SegmentText(segmenter_, text, SegmentOptions{true}, &input);
      }
      for (size_t block : {64, 1000}) {
        int cuts = 0;
        ASSERT_TRUE(Same(Streamed(m, input, block, &cuts), Whole(m, input)))
            << m.name << ", block " << block << ": " << input.substr(0, 40);
        EXPECT_GT(cuts, 0) << m.name << ": " << input.substr(0, 40);
      }
    }
  }
}

// A run of syllables longer than the segmenter decodes at once (a window of
// 16384 syllables) and than a block: --tokenize cuts it where the segmenter
// starts a new window, and gives the words of the whole line.
TEST_F(StreamCutTest, LongRunOfSyllablesTokenizesLikeTheWhole) {
  const char* const kSyllables[] = {"hòa", "bình", "Việt", "Nam", "Xin", "chào", "Azerbaijan",
                                    "học", "sinh", "Nguyễn", "Văn", "Minh", "tổng", "thống", "đi"};
  std::mt19937 rng(5);
  std::string squeezed;  // single spaces only: one run
  while (squeezed.size() < 400000) {
    squeezed += kSyllables[rng() % (sizeof(kSyllables) / sizeof(kSyllables[0]))];
    squeezed += ' ';
  }
  squeezed.pop_back();
  const Mode tokenize = Modes()[1];
  int cuts = 0;
  EXPECT_TRUE(Same(Streamed(tokenize, squeezed, 1 << 17, &cuts), Whole(tokenize, squeezed)));
  EXPECT_GE(cuts, 2);
  EXPECT_GT(Segmenter::LastRunWindow(squeezed), 0u);
}

// Lossless: the streamed segment of any text joins back to it.
TEST_F(StreamCutTest, StreamedRoundTripIsLossless) {
  test::RandomText random(7, {"hòa bình", "Việt Nam"});
  const std::vector<Mode> modes = Modes();
  const Mode& segment = modes[0];
  const Mode& join = modes[5];
  for (int i = 0; i < 50; ++i) {
    std::string text;
    while (text.size() < 3000) text += random.Next();
    int cuts = 0;
    std::string segmented = Streamed(segment, text, 128, &cuts);
    ASSERT_EQ(Streamed(join, segmented, 128, &cuts), text);
  }
}

}  // namespace
}  // namespace vnseg

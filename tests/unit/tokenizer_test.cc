#include "vnseg/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_util.h"
#include "tokenizer_internal.h"

namespace vnseg {
namespace {

using test::TokenStrings;
using Strings = std::vector<std::string>;

TEST(TokenizerTest, VietnameseSyllablesAndByteOffsets) {
  std::string text = "Tiếng Việt";  // "Tiếng" is 7 bytes, "Việt" 6
  std::vector<Token> tokens;
  PreTokenize(text, &tokens);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].begin, 0u);
  EXPECT_EQ(tokens[0].end, 7u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kSyllable);
  EXPECT_EQ(tokens[1].begin, 7u);
  EXPECT_EQ(tokens[1].end, 8u);
  EXPECT_EQ(tokens[1].kind, TokenKind::kSpace);
  EXPECT_EQ(tokens[2].begin, 8u);
  EXPECT_EQ(tokens[2].end, 14u);
  EXPECT_EQ(tokens[2].kind, TokenKind::kSyllable);
}

TEST(TokenizerTest, AppendsWithoutClearing) {
  std::vector<Token> tokens = {Token{0, 1, TokenKind::kPunct}};
  PreTokenize("ab", &tokens);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[1].begin, 0u);  // offsets relative to the new text
  EXPECT_EQ(tokens[1].end, 2u);
}

TEST(TokenizerTest, DecomposedMarksStayInTheSyllable) {
  // "Việt" in NFD: e + U+0323 (dot below) + U+0302 (circumflex).
  EXPECT_EQ(TokenStrings("Vie\xCC\xA3\xCC\x82t Nam"),
            (Strings{"Vie\xCC\xA3\xCC\x82t|syllable", " |space", "Nam|syllable"}));
  EXPECT_EQ(TokenStrings("ho\xCC\x80"), (Strings{"ho\xCC\x80|syllable"}));
}

TEST(TokenizerTest, HyphenAndApostropheJoinSyllableParts) {
  EXPECT_EQ(TokenStrings("Wai-kru"), (Strings{"Wai-kru|syllable"}));
  EXPECT_EQ(TokenStrings("O'Neill"), (Strings{"O'Neill|syllable"}));
  EXPECT_EQ(TokenStrings("l’amour"), (Strings{"l’amour|syllable"}));
  EXPECT_EQ(TokenStrings("A5"), (Strings{"A5|syllable"}));
  // A hyphen or apostrophe not followed by a word character is punctuation.
  EXPECT_EQ(TokenStrings("đi- 'x"), (Strings{"đi|syllable", "-|punct", " |space", "'|punct",
                                             "x|syllable"}));
}

TEST(TokenizerTest, Numbers) {
  for (const char* number : {"2.000", "3,5", "15/7/2023", "2020-2023", "10:30", "50%", "3G", "5h30",
                             "1.000.000"}) {
    EXPECT_EQ(TokenStrings(number), Strings{std::string(number) + "|number"});
  }
  // Sentence punctuation after a number is not part of it.
  EXPECT_EQ(TokenStrings("năm 2023."),
            (Strings{"năm|syllable", " |space", "2023|number", ".|punct"}));
  EXPECT_EQ(TokenStrings("3, 5"), (Strings{"3|number", ",|punct", " |space", "5|number"}));
}

TEST(TokenizerTest, Urls) {
  EXPECT_EQ(TokenStrings("https://vnexpress.net/thoi-su-123.html."),
            (Strings{"https://vnexpress.net/thoi-su-123.html|url", ".|punct"}));
  EXPECT_EQ(TokenStrings("(http://a.vn/x?y=1)"),
            (Strings{"(|punct", "http://a.vn/x?y=1|url", ")|punct"}));
  EXPECT_EQ(TokenStrings("www.google.com."), (Strings{"www.google.com|url", ".|punct"}));
  EXPECT_EQ(TokenStrings("vnexpress.net"), (Strings{"vnexpress.net|url"}));
  EXPECT_EQ(TokenStrings("xem vnexpress.net."),
            (Strings{"xem|syllable", " |space", "vnexpress.net|url", ".|punct"}));
  EXPECT_EQ(TokenStrings("tuoitre.vn/abc"), (Strings{"tuoitre.vn/abc|url"}));
  // Not a known top-level domain: a sentence with a missing space.
  EXPECT_EQ(TokenStrings("xong.tiếp"),
            (Strings{"xong|syllable", ".|punct", "tiếp|syllable"}));
}

// The scheme matches with ASCII letters folded, nothing else: control
// bytes are not ':' or '/' ("\x1A" | 0x20 == ':', "\x0F" | 0x20 == '/').
TEST(TokenizerTest, UrlSchemeFoldsOnlyLetters) {
  EXPECT_EQ(TokenStrings("HTTP://x"), (Strings{"HTTP://x|url"}));
  EXPECT_EQ(TokenStrings("Www.Google.COM"), (Strings{"Www.Google.COM|url"}));
  for (std::string_view text : {"http\x1A//x", "http:\x0F/x", "http:/\x0Fx", "ftp:\x0F\x0Fx"}) {
    for (const std::string& token : TokenStrings(text)) {
      EXPECT_EQ(token.find("|url"), std::string::npos) << "in " << testing::PrintToString(text);
    }
  }
}

// A NUL byte after a URL is a control character like any other, not
// sentence punctuation to leave out of it (as "\x01" is not).
TEST(TokenizerTest, NulAfterUrlIsNotPunctuation) {
  EXPECT_EQ(TokenStrings(std::string_view("http://a.vn\x01", 12)), (Strings{"http://a.vn\x01|url"}));
  EXPECT_EQ(TokenStrings(std::string_view("http://a.vn\0", 12)),
            (Strings{std::string("http://a.vn\0|url", 16)}));
  EXPECT_EQ(TokenStrings(std::string_view("http://a.vn.\0", 13)),
            (Strings{std::string("http://a.vn.\0|url", 17)}));
  // And no separator inside a number.
  EXPECT_EQ(TokenStrings(std::string_view("2\0" "3", 3)),
            (Strings{"2|number", std::string("\0|other", 7), "3|number"}));
}

TEST(TokenizerTest, EmailsHashtagsMentions) {
  EXPECT_EQ(TokenStrings("lienhe@vnexpress.net."),
            (Strings{"lienhe@vnexpress.net|email", ".|punct"}));
  EXPECT_EQ(TokenStrings("a.b-c@mail.example.com"), (Strings{"a.b-c@mail.example.com|email"}));
  EXPECT_EQ(TokenStrings("#hashtag #Việt_Nam"),
            (Strings{"#hashtag|hashtag", " |space", "#Việt_Nam|hashtag"}));
  EXPECT_EQ(TokenStrings("@mention,"), (Strings{"@mention|mention", ",|punct"}));
  EXPECT_EQ(TokenStrings("# @"), (Strings{"#|punct", " |space", "@|punct"}));
}

TEST(TokenizerTest, Abbreviations) {
  EXPECT_EQ(TokenStrings("TP.HCM"), (Strings{"TP.HCM|abbreviation"}));
  EXPECT_EQ(TokenStrings("Q.1"), (Strings{"Q.1|abbreviation"}));
  EXPECT_EQ(TokenStrings("PGS.TS."), (Strings{"PGS.TS|abbreviation", ".|punct"}));
  EXPECT_EQ(TokenStrings("ở TP.HCM, Q.1"),
            (Strings{"ở|syllable", " |space", "TP.HCM|abbreviation", ",|punct", " |space",
                     "Q.1|abbreviation"}));
}

TEST(TokenizerTest, DotsAreOnePunctuationMark) {
  EXPECT_EQ(TokenStrings("Ồ..."), (Strings{"Ồ|syllable", "...|punct"}));
  EXPECT_EQ(TokenStrings("a.."), (Strings{"a|syllable", "..|punct"}));
  EXPECT_EQ(TokenStrings("?!"), (Strings{"?|punct", "!|punct"}));
  EXPECT_EQ(TokenStrings("…"), (Strings{"…|punct"}));
}

// A dash typed as "--" (or "---") is one mark, not two: --tokenize must not
// write it back as "- -". A hyphen inside a word stays in the word.
TEST(TokenizerTest, DashRunsAreOnePunctuationMark) {
  EXPECT_EQ(TokenStrings("a -- b"),
            (Strings{"a|syllable", " |space", "--|punct", " |space", "b|syllable"}));
  EXPECT_EQ(TokenStrings("---"), (Strings{"---|punct"}));
  EXPECT_EQ(TokenStrings("- -"), (Strings{"-|punct", " |space", "-|punct"}));
  EXPECT_EQ(TokenStrings("Nagorno-Karabakh"), (Strings{"Nagorno-Karabakh|syllable"}));
  EXPECT_EQ(TokenStrings("a--b"), (Strings{"a|syllable", "--|punct", "b|syllable"}));
}

TEST(TokenizerTest, WhiteSpaceRuns) {
  EXPECT_EQ(TokenStrings("a \xC2\xA0\t b"), (Strings{"a|syllable", " \xC2\xA0\t |space", "b|syllable"}));
  EXPECT_EQ(TokenStrings("a\r\nb"), (Strings{"a|syllable", "\r\n|space", "b|syllable"}));
  // U+2003 EM SPACE and U+202F NARROW NO-BREAK SPACE.
  EXPECT_EQ(TokenStrings("a\xE2\x80\x83\xE2\x80\xAF" "b"),
            (Strings{"a|syllable", "\xE2\x80\x83\xE2\x80\xAF|space", "b|syllable"}));
}

TEST(TokenizerTest, IdentifiersWithUnderscoreAreOther) {
  for (const char* id : {"foo_bar", "__init__", "x_1", "_x", "x_", "a__b", "2_3", "Việt_Nam"}) {
    EXPECT_EQ(TokenStrings(id), Strings{std::string(id) + "|other"});
  }
  EXPECT_EQ(TokenStrings("gọi foo_bar()"),
            (Strings{"gọi|syllable", " |space", "foo_bar|other", "(|punct", ")|punct"}));
}

TEST(TokenizerTest, EmojiSequencesStayOneToken) {
  for (const char* emoji : {"👍🏽",          // thumbs up + skin tone
                            "👨‍👩‍👧",         // family: ZWJ sequence
                            "👩🏽‍💻",          // skin tone and ZWJ
                            "❤️",           // heart + VS16
                            "❤️‍🔥"}) {       // VS16 and ZWJ
    EXPECT_EQ(TokenStrings(emoji), Strings{std::string(emoji) + "|other"});
  }
  EXPECT_EQ(TokenStrings("😀😀"), (Strings{"😀|other", "😀|other"}));
  EXPECT_EQ(TokenStrings("hay👍🏽"), (Strings{"hay|syllable", "👍🏽|other"}));
}

// A flag emoji (two regional indicators) is one token, so --tokenize never
// splits it.
TEST(TokenizerTest, FlagEmojiIsOneToken) {
  EXPECT_EQ(TokenStrings("🇻🇳"), (Strings{"🇻🇳|other"}));
}

TEST(TokenizerTest, InvalidBytesAreOneByteOtherTokens) {
  EXPECT_EQ(TokenStrings("a\xFF" "b"), (Strings{"a|syllable", "\xFF|other", "b|syllable"}));
  // A truncated sequence and a lone continuation byte: one token per byte.
  EXPECT_EQ(TokenStrings("x\xE1\xBB y\x80"),
            (Strings{"x|syllable", "\xE1|other", "\xBB|other", " |space", "y|syllable",
                     "\x80|other"}));
  // Overlong encoding of '/' is not a slash.
  EXPECT_EQ(TokenStrings("\xC0\xAF"), (Strings{"\xC0|other", "\xAF|other"}));
}

TEST(TokenizerTest, IsWordChar) {
  EXPECT_TRUE(IsWordChar(U'a'));
  EXPECT_TRUE(IsWordChar(U'Đ'));
  EXPECT_TRUE(IsWordChar(U'ệ'));
  EXPECT_TRUE(IsWordChar(U'7'));
  EXPECT_TRUE(IsWordChar(0x0301));  // combining acute
  EXPECT_FALSE(IsWordChar(U'_'));
  EXPECT_FALSE(IsWordChar(U' '));
  EXPECT_FALSE(IsWordChar(U'.'));
  EXPECT_FALSE(IsWordChar(0x00A0));
  EXPECT_FALSE(IsWordChar(0x1F600));  // 😀
}

// Property: the tokens tile the input (contiguous, non-empty, covering every
// byte), and a token with invalid UTF-8 is one byte long.
TEST(TokenizerTest, TokensTileRandomText) {
  test::RandomText random(20240715);
  std::vector<Token> tokens;
  for (int i = 0; i < 3000; ++i) {
    std::string text = random.Next(/*invalid_bytes=*/i % 2 == 1);
    tokens.clear();
    PreTokenize(text, &tokens);
    uint32_t pos = 0;
    for (const Token& t : tokens) {
      ASSERT_EQ(t.begin, pos) << "gap or overlap in: " << text;
      ASSERT_GT(t.end, t.begin) << "empty token in: " << text;
      std::string_view piece = std::string_view(text).substr(t.begin, t.end - t.begin);
      std::vector<Token> inner;
      if (piece.size() > 1) {
        // Every multi-byte token is valid UTF-8: re-tokenizing it alone
        // yields no one-byte invalid token.
        PreTokenize(piece, &inner);
        for (const Token& u : inner) {
          unsigned char b = static_cast<unsigned char>(piece[u.begin]);
          ASSERT_FALSE(u.end == u.begin + 1 && b >= 0x80) << "invalid byte inside: " << piece;
        }
      }
      pos = t.end;
    }
    ASSERT_EQ(pos, text.size()) << "not covered: " << text;
  }
}

// Inputs made to defeat look-ahead (a run that looks like an e-mail address
// or a domain at every word start but is none): the scanners' work stays
// linear. The old e-mail scan reread the whole run at every word start
// (200 KB of "a." took 20 s), as did the domain scan for its labels, and
// the search for the domain's dot went back to the start of the text
// ("a@a-").
TEST(TokenizerTest, AdversarialRunsTakeLinearSteps) {
  const std::vector<std::string> patterns = {
      "a.", "a%", "a+", "a_.", "a-", "a_", "a.b.c", "a-.", "a.a.a@", "a@a@", "a@", "a@b.", "a@a-",
      "@a.",
      "a.vn.", "a.vn/", "www.", "http://", "http://a.vn/ ", "A.", "A.B.", "TP.HCM.",
      "A.BBBBBBBBBBBBB",
      "1.1.", "1.", "1,", "1-", "1%_", "1/2", "...!", "!?", "#a", "#", "_", "-", "'", "a'", "a-b",
      "😀", "👍🏽", "\xCC\x81", "\xE2\x80\x8B", "ti\xE1\xBA\xBFng", "\xFF", "a\xFF.",
      "http://a" + std::string(100, '.'), "a" + std::string(1000, '.') + "@"};
  std::vector<Token> tokens;
  for (size_t size : {size_t{1} << 16, size_t{1} << 20}) {
    std::vector<std::string> texts;
    for (const std::string& p : patterns) {
      std::string text;
      while (text.size() < size) text += p;
      texts.push_back(text);
    }
    // And a megabyte of random picks of those characters, no white space.
    std::mt19937 rng(20261201);
    const std::string alphabet = "aA1.@_%+-:/#'vnwhtp";
    std::string mixed;
    while (mixed.size() < size) mixed.push_back(alphabet[rng() % alphabet.size()]);
    texts.push_back(mixed);
    for (const std::string& text : texts) {
      tokens.clear();
      const uint64_t steps = internal::PreTokenizeCountingSteps(text, &tokens);
      ASSERT_LE(steps, 8 * text.size()) << "pattern " << text.substr(0, 20) << "... of " << size;
      ASSERT_FALSE(tokens.empty());
      ASSERT_EQ(tokens.back().end, text.size());
    }
  }
}

}  // namespace
}  // namespace vnseg

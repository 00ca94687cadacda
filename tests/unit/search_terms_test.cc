// The FTS5 indexing policy: which terms a document and a query yield.
#include "search_terms.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "test_util.h"

namespace vnseg {
namespace {

// Terms as "key@begin-end", with a leading '+' when colocated.
std::vector<std::string> Terms(SearchTerms& terms, std::string_view text, bool query) {
  std::vector<std::string> out;
  terms.ForEach(text, query, [&](const SearchTerm& t) {
    out.push_back((t.colocated ? "+" : "") + std::string(t.key) + "@" + std::to_string(t.begin) +
                  "-" + std::to_string(t.end));
    return 0;
  });
  return out;
}

class SearchTermsTest : public testing::Test {
 protected:
  std::unique_ptr<Dictionary> dict_ = test::MakeDict({"hoà bình", "tổng thống", "sinh học", "học sinh"});
};

TEST_F(SearchTermsTest, DocumentIndexesWordsAndTheirSyllables) {
  SearchTerms terms(dict_.get(), nullptr, {});
  // "Hoà" is 4 bytes, "bình" 5; the word key has one tone placement.
  EXPECT_EQ(Terms(terms, "Hoà bình, Mỹ!", false),
            (std::vector<std::string>{"hòa_bình@0-10", "+hòa@0-4", "+bình@5-10", "mỹ@12-16"}));
}

TEST_F(SearchTermsTest, QueryLooksUpWholeWords) {
  SearchTerms terms(dict_.get(), nullptr, {});
  EXPECT_EQ(Terms(terms, "HÒA BÌNH mỹ", true),
            (std::vector<std::string>{"hòa_bình@0-10", "mỹ@11-15"}));
  // Tone placement, case and decomposed input give the same key.
  EXPECT_EQ(Terms(terms, "ho\xcc\x80" "a bi\xcc\x80nh", true)[0].substr(0, 13), "hòa_bình@0-");
}

TEST_F(SearchTermsTest, RemoveDiacriticsIndexesSyllables) {
  SearchTerms terms(dict_.get(), nullptr, {/*remove_diacritics=*/true});
  EXPECT_EQ(Terms(terms, "Hoà bình Đường", false),
            (std::vector<std::string>{"hoa@0-4", "binh@5-10", "duong@11-20"}));
  EXPECT_EQ(Terms(terms, "hoa binh", true), (std::vector<std::string>{"hoa@0-3", "binh@4-8"}));
}

TEST_F(SearchTermsTest, SkipsPunctuationKeepsNumbersAndIdentifiers) {
  SearchTerms terms(dict_.get(), nullptr, {});
  EXPECT_EQ(Terms(terms, "«2.000» foo_bar ... 🙂 \xff", false),
            (std::vector<std::string>{"2.000@2-7", "foo_bar@10-17"}));
}

TEST_F(SearchTermsTest, HyphenatedTokensAlsoIndexTheirPartsAtTheirPosition) {
  auto dict = test::MakeDict({"trung quốc"});
  SearchTerms terms(dict.get(), nullptr, {});
  // "Malaysia-Trung" and "Quốc" are two words; segmented again with a space
  // for the hyphen, the part "Trung" joins "Quốc": the word term
  // "trung_quốc" (its offsets within the hyphenated word) is at the
  // position of "Malaysia-Trung", with "malaysia" and "trung".
  EXPECT_EQ(Terms(terms, "Malaysia-Trung Quốc", false),
            (std::vector<std::string>{"malaysia-trung@0-14", "+malaysia@0-8", "+trung_quốc@9-14",
                                      "+trung@9-14", "quốc@15-21"}));
  // A query is not split.
  EXPECT_EQ(Terms(terms, "Nagorno-Karabakh", true),
            (std::vector<std::string>{"nagorno-karabakh@0-16"}));
  std::vector<std::string> doc = Terms(terms, "Nagorno-Karabakh", false);
  ASSERT_FALSE(doc.empty());
  EXPECT_EQ(doc[0], "nagorno-karabakh@0-16");
  EXPECT_NE(std::find(doc.begin(), doc.end(), "+karabakh@8-16"), doc.end());
  // Numbers stay whole.
  EXPECT_EQ(Terms(terms, "2020-2023", false), (std::vector<std::string>{"2020-2023@0-9"}));
  // Without diacritics each syllable has its own position, its parts there.
  SearchTerms nodia(dict.get(), nullptr, {/*remove_diacritics=*/true});
  EXPECT_EQ(Terms(nodia, "Malaysia-Trung Quốc", false),
            (std::vector<std::string>{"malaysia-trung@0-14", "+malaysia@0-8", "+trung@9-14",
                                      "quoc@15-21"}));
}

TEST_F(SearchTermsTest, EmitCanStop) {
  SearchTerms terms(dict_.get(), nullptr, {});
  int calls = 0;
  EXPECT_EQ(terms.ForEach("một hai ba", false, [&](const SearchTerm&) { return ++calls == 2 ? 7 : 0; }), 7);
  EXPECT_EQ(calls, 2);
}

// Text whose tokens can fold to nothing: combining marks with no letter
// before them (alone, after a space, punctuation, a control character or
// another mark), and random bytes.
std::vector<std::string> AdversarialTexts() {
  const std::string acute = "\xcc\x81", hook = "\xcc\x89", dot = "\xcc\xa3";
  std::vector<std::string> texts = {
      "\x01" + acute, acute, acute + acute + hook, "x " + acute + " y", "x " + acute + "y",
      "x" + acute + " y", "(" + acute + ")", "." + acute + dot, "\t" + hook + "\n" + dot,
      "hoà " + acute + " bình", "\xe2\x80\x8b" + acute, "_" + acute + "_", "1" + acute,
      acute + "\xff" + dot, std::string(50, ' ') + acute + hook + dot};
  std::mt19937 random(11);
  const std::string pieces[] = {acute, hook, dot, " ", "a", "đ", "\x01", ".", "_", "\xff", "\xcc"};
  for (int i = 0; i < 2000; ++i) {
    std::string text;
    for (int n = random() % 12; n > 0; --n) {
      if (random() % 4 == 0) {
        text.push_back(static_cast<char>(random()));
      } else {
        text += pieces[random() % std::size(pieces)];
      }
    }
    texts.push_back(text);
  }
  return texts;
}

TEST_F(SearchTermsTest, NeverEmitsAnEmptyTerm) {
  for (bool remove_diacritics : {false, true}) {
    SearchTerms terms(dict_.get(), nullptr, {remove_diacritics});
    for (const std::string& text : AdversarialTexts()) {
      for (bool query : {false, true}) {
        terms.ForEach(text, query, [&](const SearchTerm& t) {
          EXPECT_FALSE(t.key.empty())
              << "remove_diacritics " << remove_diacritics << (query ? ", query \"" : ", text \"")
              << absl::CHexEscape(text) << "\": empty term at " << t.begin << "-" << t.end;
          EXPECT_LE(t.begin, t.end);
          EXPECT_LE(t.end, text.size());
          return 0;
        });
      }
    }
  }
}

TEST_F(SearchTermsTest, ALoneMarkTakesNoPosition) {
  // An empty term took a position, so the phrase "x y" missed "x \u0301 y".
  SearchTerms terms(dict_.get(), nullptr, {/*remove_diacritics=*/true});
  EXPECT_EQ(Terms(terms, "x \xcc\x81 y", false), (std::vector<std::string>{"x@0-1", "y@5-6"}));
  EXPECT_EQ(Terms(terms, "\x01\xcc\x81", false), std::vector<std::string>{});
}

}  // namespace
}  // namespace vnseg

// The FTS5 indexing policy: which terms a document and a query yield.
#include "search_terms.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

TEST_F(SearchTermsTest, EmitCanStop) {
  SearchTerms terms(dict_.get(), nullptr, {});
  int calls = 0;
  EXPECT_EQ(terms.ForEach("một hai ba", false, [&](const SearchTerm&) { return ++calls == 2 ? 7 : 0; }), 7);
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace vnseg

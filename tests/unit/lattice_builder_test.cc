// The lattice builder (lattice_builder.h) and the run finder it is fed by
// (run_finder.h): the edges of one run, and the runs of a text.
#include "lattice_builder.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "dictionary_image.h"
#include "lattice.h"
#include "model_features.h"
#include "run_finder.h"
#include "surnames.h"
#include "test_util.h"
#include "vnseg/syllable_key.h"

namespace vnseg {
namespace {

using Edge = std::tuple<uint32_t, uint32_t, uint32_t>;  // start, length, flags

std::vector<SyllableRun> Runs(std::string_view text, const std::vector<Token>& tokens,
                              bool continues_run) {
  RunFinder finder(text, tokens, continues_run);
  std::vector<SyllableRun> runs;
  SyllableRun run;
  while (finder.Next(&run)) runs.push_back(run);
  return runs;
}

TEST(LatticeBuilderTest, DictionaryWordsNameRunsAndTheLowerThenUpperRule) {
  auto dict = test::MakeDict({"học sinh", "châu Âu", "ngăn armenia"}, /*names=*/{"Mỹ"});
  auto user = test::MakeUserWords({"văn minh"});
  ASSERT_NE(user, nullptr);
  //                 0   1      2   3    4   5    6    7       8 9    10 11 12 13   14
  const std::string text = "Ông Nguyễn Văn Minh học sinh ngăn Armenia ở châu Âu ở Mỹ Hùng Vương";
  std::vector<Token> tokens;
  PreTokenize(text, &tokens);
  const std::vector<SyllableRun> runs = Runs(text, tokens, false);
  ASSERT_EQ(runs.size(), 1u);
  ASSERT_TRUE(runs[0].sentence_start);

  LatticeBuilder builder(&ImageOf(*dict), &ImageOf(*user));
  Lattice lattice;
  builder.Build(text, tokens, runs[0], &lattice);
  ASSERT_EQ(lattice.size(), 15u);
  std::string key;
  for (size_t k = 0; k < lattice.size(); ++k) {
    const Token& t = tokens[2 * k];
    key.clear();
    AppendSyllableKey(std::string_view(text).substr(t.begin, t.end - t.begin), &key);
    EXPECT_EQ(lattice.syllable_hashes[k], model::SyllableHash(key)) << k;
    EXPECT_EQ(lattice.begins[k], t.begin) << k;
  }
  EXPECT_EQ(lattice.syllable_flags[12], kFromNameList | kProperName | kMiddleNameSyllable);  // "Mỹ"
  // The name syllables' own facts, never on their edges (below).
  EXPECT_EQ(lattice.syllable_flags[1], kSurnameSyllable | kCaselessSurname);  // "Nguyễn"
  EXPECT_EQ(lattice.syllable_flags[2], kMiddleNameSyllable);                  // "Văn"

  std::vector<Edge> edges;
  for (const LatticeEdge& e : lattice.edges) edges.emplace_back(e.start, e.length, e.flags);
  std::vector<Edge> expected;
  for (uint32_t k = 0; k < 15; ++k) {
    expected.emplace_back(k, 1, k == 12 ? uint32_t{kFromNameList | kProperName}
                                : k == 1 || k == 14 ? kSurnameSyllable : 0u);  // "Mỹ"; "Nguyễn", "Vương"
    // Not from 0: a sentence's first capital says nothing.
    if (k == 1) expected.emplace_back(1, 3, kNameRunEdge);  // "Nguyễn Văn Minh"
    if (k == 2) expected.emplace_back(2, 2, kFromUserList);  // the user's "văn minh"
    if (k == 4) expected.emplace_back(4, 2, kFromBaseList);  // "học sinh"
    // "ngăn Armenia" is no word (lower case, then a capital); "châu Âu" is
    // one, spelled so in the dictionary.
    if (k == 9) expected.emplace_back(9, 2, kFromBaseList | kLowerThenUpper);
    // The listed name "Mỹ" stands alone; the name run starts after it.
    if (k == 13) expected.emplace_back(13, 2, kNameRunEdge);  // "Hùng Vương"
  }
  EXPECT_EQ(edges, expected);
  ASSERT_EQ(lattice.first_edge.size(), 16u);
  for (uint32_t k = 0; k < 15; ++k) {
    EXPECT_EQ(lattice.edges[lattice.first_edge[k]].start, k);
    EXPECT_EQ(lattice.edges[lattice.first_edge[k]].length, 1u);
  }
  EXPECT_EQ(lattice.first_edge[15], lattice.edges.size());

  // Built again over part of it (a new run), nothing of the first remains.
  const std::string again = "Hùng Vương";
  tokens.clear();
  PreTokenize(again, &tokens);
  builder.Build(again, tokens, Runs(again, tokens, true).at(0), &lattice);
  EXPECT_FALSE(lattice.sentence_start);
  ASSERT_EQ(lattice.size(), 2u);
  EXPECT_EQ(lattice.edges.size(), 3u);  // the name run, from 0: not a sentence start
  EXPECT_EQ(lattice.edges[1].flags, static_cast<uint32_t>(kNameRunEdge));
}

// The candidate words of syllable 0 of `text` (one run), as lengths.
std::vector<uint32_t> CandidateLengthsFrom0(const Dictionary& dict, const std::string& text,
                                            bool* caseless) {
  std::vector<Token> tokens;
  PreTokenize(text, &tokens);
  LatticeBuilder builder(&ImageOf(dict), nullptr);
  Lattice lattice;
  builder.Build(text, tokens, Runs(text, tokens, false).at(0), &lattice);
  model::RunFeatures features;
  features.Prepare(lattice);
  *caseless = features.caseless;
  std::vector<uint32_t> lengths;
  for (uint32_t c = features.first_candidate[0]; c < features.first_candidate[1]; ++c) {
    lengths.push_back(features.candidates[c].length);
  }
  return lengths;
}

// Where case says nothing, a name a list spells Capitalised ("Cát Bà")
// followed by another ("Hải Phòng") is not glued to it: only dictionary
// words span both. Text with capitals keeps every span (the name rules
// there read the capitals).
TEST(CandidatesTest, CaselessRunsCutBetweenListedNames) {
  auto dict = test::MakeDict({"Cát Bà", "Hải Phòng", "cát bà hải"}, /*names=*/{});
  ASSERT_NE(dict, nullptr);
  bool caseless = false;
  EXPECT_EQ(CandidateLengthsFrom0(*dict, "cát bà hải phòng", &caseless),
            (std::vector<uint32_t>{1, 2, 3}));
  EXPECT_TRUE(caseless);
  EXPECT_EQ(CandidateLengthsFrom0(*dict, "CÁT BÀ HẢI PHÒNG", &caseless),
            (std::vector<uint32_t>{1, 2, 3}));
  EXPECT_TRUE(caseless);
  EXPECT_EQ(CandidateLengthsFrom0(*dict, "cát bà hải phòng Đẹp", &caseless),
            (std::vector<uint32_t>{1, 2, 3, 4}));
  EXPECT_FALSE(caseless);
}

// A family name marks its syllable and the candidate words from it that
// may be a full name: the name run in text with capitals, every word of
// 2-4 syllables in a caseless run. An everyday word left out of the list
// ("từ") marks nothing.
TEST(CandidatesTest, WordsFromAFamilyNameAreMarked) {
  auto dict = test::MakeDict({"hoài nam"});
  ASSERT_NE(dict, nullptr);
  for (const std::string text : {"ông Trần Hoài Nam nói rằng", "ông trần hoài nam nói rằng"}) {
    std::vector<Token> tokens;
    PreTokenize(text, &tokens);
    LatticeBuilder builder(&ImageOf(*dict), nullptr);
    Lattice lattice;
    builder.Build(text, tokens, Runs(text, tokens, false).at(0), &lattice);
    ASSERT_EQ(lattice.size(), 6u);
    for (size_t k = 0; k < lattice.size(); ++k) {
      EXPECT_EQ((lattice.syllable_flags[k] & kSurnameSyllable) != 0, k == 1) << text << " " << k;
    }
    model::RunFeatures features;
    features.Prepare(lattice);
    EXPECT_EQ(features.caseless, text[5] == 't') << text;  // after "ông " (ô is 2 bytes)
    for (size_t i = 0; i < lattice.size(); ++i) {
      for (uint32_t c = features.first_candidate[i]; c < features.first_candidate[i + 1]; ++c) {
        const model::Candidate& word = features.candidates[c];
        const bool marked = (word.flags & kSurnameSyllable) != 0;
        const bool full_name = features.caseless ? word.length >= 2 && word.length <= 4 : word.length == 3;
        EXPECT_EQ(marked, i == 1 && (word.length == 1 || full_name))  // its own edge, names
            << text << " from " << i << " length " << word.length;
      }
    }
  }
  std::string key;
  AppendSyllableKey("từ", &key);
  EXPECT_FALSE(IsVietnameseSurname(key));
  key.clear();
  AppendSyllableKey("NGUYỄN", &key);
  EXPECT_TRUE(IsVietnameseSurname(key));
}

TEST(RunFinderTest, RunsAndSentenceStarts) {
  const std::string text = "Hà Nội, ngày 5 tháng. Trời  đẹp";
  std::vector<Token> tokens;
  PreTokenize(text, &tokens);
  std::vector<std::string> got;
  for (const SyllableRun& run : Runs(text, tokens, false)) {
    EXPECT_FALSE(run.cut);
    got.push_back(std::string(text.substr(tokens[run.first].begin,
                                          tokens[run.last].end - tokens[run.first].begin)) +
                  (run.sentence_start ? "|start" : ""));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"Hà Nội|start", "ngày", "tháng", "Trời|start",
                                           "đẹp|start"}));
  EXPECT_FALSE(Runs(text, tokens, true).at(0).sentence_start);
}

// A run that starts a sentence with a lower-case letter is text written
// without capitals (caseless); a run inside a sentence is not (its case
// says nothing of the text's), nor one that starts with a capital. (A run
// of Capitalised syllables only is caseless as a headline: not here.)
TEST(CandidatesTest, RunsThatStartASentenceInLowerCaseAreCaseless) {
  auto dict = test::MakeDict({"hà nội"});
  ASSERT_NE(dict, nullptr);
  const std::string text =
      "vé đi hà nội, giá rẻ. Ông nói: \"đi thôi\". 3 ngày ở đà lạt, hai đêm\n“Hà Nội đẹp”";
  std::vector<Token> tokens;
  PreTokenize(text, &tokens);
  LatticeBuilder builder(&ImageOf(*dict), nullptr);
  Lattice lattice;
  model::RunFeatures features;
  std::vector<std::string> got;
  for (const SyllableRun& run : Runs(text, tokens, false)) {
    builder.Build(text, tokens, run, &lattice);
    features.Prepare(lattice);
    got.push_back(std::string(text.substr(tokens[run.first].begin,
                                          tokens[run.last].end - tokens[run.first].begin)) +
                  (features.caseless ? "|lower" : ""));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"vé đi hà nội|lower", "giá rẻ", "Ông nói",
                                           "đi thôi|lower", "ngày ở đà lạt", "hai đêm",
                                           "Hà Nội đẹp"}));
}

TEST(RunFinderTest, LongRunsAreCutIntoWindows) {
  std::string text;
  for (size_t i = 0; i < kMaxRunSyllables + 3; ++i) text += i ? " ba" : "ba";
  std::vector<Token> tokens;
  PreTokenize(text, &tokens);
  const std::vector<SyllableRun> runs = Runs(text, tokens, false);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_TRUE(runs[0].cut);
  EXPECT_EQ(runs[0].first, 0u);
  EXPECT_EQ(runs[0].last, 2 * (kMaxRunSyllables - 1));
  EXPECT_EQ(runs[1].first, runs[0].last + 2);
  EXPECT_EQ(runs[1].last, tokens.size() - 1);
  EXPECT_FALSE(runs[1].cut);
  EXPECT_FALSE(runs[1].sentence_start);
  EXPECT_EQ(Segmenter::LastRunWindow(text), tokens[runs[1].first].begin);
}

}  // namespace
}  // namespace vnseg

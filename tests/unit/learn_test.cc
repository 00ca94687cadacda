// The learned model end to end: learning from a '_'-segmented corpus, its
// text form, compiling it into a dictionary, and segmenting with it.
#include "vnseg/learn.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "model_features.h"
#include "test_util.h"
#include "vnseg/convert.h"
#include "vnseg/word_list.h"

namespace vnseg {
namespace {

using test::WordStrings;
using Strings = std::vector<std::string>;

// A treebank-like convention the word list disagrees with: the list has
// "cô gái" and "con đường" as words, the corpus always splits them (a
// classifier and a noun), and joins "học sinh".
const char kCorpus[] =
    "Cô gái đi trên con đường mới .\n"
    "Hai cô gái và con đường làng .\n"
    "học_sinh thấy cô gái trên con đường .\n"
    "Con đường này có nhiều học_sinh .\n"
    "cô gái ấy là học_sinh giỏi .\n";

const char kWordList[] = "cô gái\ncon đường\nhọc sinh\ncô\ngái\ncon\nđường\n";

// The lexicon the model learns over, as `vnseg dict learn` builds it.
std::string LexiconImage(DictionaryBuilder* builder) {
  EXPECT_TRUE(AddWordList(kWordList, "list", kFromBaseList, builder).ok());
  auto words = CorpusWordList({kCorpus});
  EXPECT_TRUE(words.ok()) << words.status();
  EXPECT_TRUE(AddWordList(*words, "corpus words", 0, builder).ok());
  return builder->Build("test lexicon");
}

std::string Learn(const std::string& lexicon_image, LearnReport* report = nullptr) {
  auto lexicon = Dictionary::FromBytes(lexicon_image);
  EXPECT_TRUE(lexicon.ok()) << lexicon.status();
  auto text = LearnModel(**lexicon, {kCorpus}, LearnOptions{}, report);
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? *text : "";
}

std::unique_ptr<Dictionary> DictionaryWithModel(const std::string& model_text) {
  DictionaryBuilder builder;
  LexiconImage(&builder);
  absl::Status s = builder.SetModel(model_text, "model");
  EXPECT_TRUE(s.ok()) << s;
  auto dict = Dictionary::FromBytes(builder.Build("test dictionary with model"));
  EXPECT_TRUE(dict.ok()) << dict.status();
  return dict.ok() ? *std::move(dict) : nullptr;
}

TEST(LearnTest, ModelLearnsTheCorpusConventionOverTheWordList) {
  DictionaryBuilder builder;
  std::string lexicon = LexiconImage(&builder);
  LearnReport report;
  std::string model_text = Learn(lexicon, &report);
  EXPECT_EQ(report.lines, 5u);
  EXPECT_EQ(report.skipped_lines, 0u);
  EXPECT_GT(report.features, 0u);
  ASSERT_FALSE(report.run_accuracy.empty());
  EXPECT_EQ(report.run_accuracy.back(), 1.0);

  // Without the model: maximal matching joins what the list joins.
  auto plain = Dictionary::FromBytes(lexicon);
  ASSERT_TRUE(plain.ok());
  Segmenter matching(plain->get());
  EXPECT_EQ(WordStrings(matching, "hai cô gái trên con đường"),
            (Strings{"hai", "cô gái", "trên", "con đường"}));

  auto dict = DictionaryWithModel(model_text);
  ASSERT_NE(dict, nullptr);
  EXPECT_GT(dict->info().model_features, 0u);
  Segmenter learned(dict.get());
  EXPECT_EQ(WordStrings(learned, "hai cô gái trên con đường"),
            (Strings{"hai", "cô", "gái", "trên", "con", "đường"}));
  EXPECT_EQ(WordStrings(learned, "nhiều học sinh"), (Strings{"nhiều", "học sinh"}));
  // Case and tone placement do not change what the model sees.
  EXPECT_EQ(WordStrings(learned, "NHIỀU HỌC SINH"), (Strings{"NHIỀU", "HỌC SINH"}));
}

TEST(LearnTest, LearningIsDeterministic) {
  DictionaryBuilder a, b;
  EXPECT_EQ(Learn(LexiconImage(&a)), Learn(LexiconImage(&b)));
}

// --case-variants: with probability 1 every line is also learned in lower
// and in upper case, except where the variant is the line itself (two
// lines are lower case already); out of [0, 1] is refused.
TEST(LearnTest, CaseVariantsAddLowerAndUpperCopies) {
  DictionaryBuilder builder;
  auto lexicon = Dictionary::FromBytes(LexiconImage(&builder));
  ASSERT_TRUE(lexicon.ok());
  LearnOptions options;
  options.case_variants = 1;
  LearnReport report;
  auto text = LearnModel(**lexicon, {kCorpus}, options, &report);
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(report.lines, 5u + 3u + 5u);
  EXPECT_EQ(*text, *LearnModel(**lexicon, {kCorpus}, options, nullptr));  // deterministic
  options.case_variants = 0;
  EXPECT_EQ(*LearnModel(**lexicon, {kCorpus}, options, nullptr), Learn(LexiconImage(&builder)));
  for (double bad : {-0.5, 1.5}) {
    options.case_variants = bad;
    EXPECT_FALSE(LearnModel(**lexicon, {kCorpus}, options, nullptr).ok());
  }
}

// Case variants move only the weights caseless runs read: on a corpus of
// cased sentences, the n-gram weights and the dense weights of text with
// capitals come out the same as without variants, and some weights of
// caseless runs are learned (the name below joins by its capitals only).
TEST(LearnTest, CaseVariantsMoveOnlyTheWeightsOfCaselessRuns) {
  const std::string corpus =
      "Ông Lê_Văn_Tám đến Hà_Nội .\n"
      "Bà Phạm_Thị_Hoa về Hà_Nội hôm_nay .\n"
      "Hôm_nay ông Lê_Văn_Tám đi học .\n";
  DictionaryBuilder builder;
  EXPECT_TRUE(AddWordList("Hà Nội\nhôm nay\n", "list", kFromBaseList, &builder).ok());
  auto lexicon = Dictionary::FromBytes(builder.Build("test lexicon"));
  ASSERT_TRUE(lexicon.ok());
  LearnOptions options;
  auto plain = LearnModel(**lexicon, {corpus}, options, nullptr);
  options.case_variants = 1;
  auto varied = LearnModel(**lexicon, {corpus}, options, nullptr);
  ASSERT_TRUE(plain.ok() && varied.ok());
  // Split each model text into its sparse lines and its dense weights.
  auto parts = [](const std::string& text, std::map<int, std::string>* dense) {
    std::vector<std::string> sparse;
    for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipEmpty())) {
      std::vector<std::string> fields = absl::StrSplit(line, '\t');
      if (fields[0] == "D") {
        (*dense)[std::stoi(fields[1])] = fields[2];
      } else if (fields[0] == "N" || fields[0] == "L") {
        sparse.emplace_back(line);
      }
    }
    return sparse;
  };
  std::map<int, std::string> plain_dense, varied_dense;
  EXPECT_EQ(parts(*plain, &plain_dense), parts(*varied, &varied_dense));
  size_t caseless_learned = 0;
  for (int i = 0; i < model::kDenseSize; ++i) {
    if (model::IsCaselessWeight(i)) {
      caseless_learned += varied_dense.count(i);
      continue;
    }
    EXPECT_EQ(plain_dense[i], varied_dense[i]) << "dense weight " << i;
  }
  EXPECT_GT(caseless_learned, 0u);
}

TEST(LearnTest, SegmentsItsOwnCorpusBack) {
  DictionaryBuilder builder;
  auto dict = DictionaryWithModel(Learn(LexiconImage(&builder)));
  ASSERT_NE(dict, nullptr);
  Segmenter segmenter(dict.get());
  std::string natural, segmented;
  JoinText(kCorpus, JoinOptions{}, &natural);
  SegmentText(segmenter, natural, SegmentOptions{}, &segmented);
  EXPECT_EQ(segmented, kCorpus);
}

TEST(LearnTest, UserWordsWinOverTheModel) {
  DictionaryBuilder builder;
  auto dict = DictionaryWithModel(Learn(LexiconImage(&builder)));
  ASSERT_NE(dict, nullptr);
  auto user = CompileUserWords("cô gái\n", "user");
  ASSERT_TRUE(user.ok());
  Segmenter segmenter(dict.get(), user->get());
  EXPECT_EQ(WordStrings(segmenter, "hai cô gái"), (Strings{"hai", "cô gái"}));
}

TEST(LearnTest, CorpusWordListCountsWords) {
  auto list = CorpusWordList({"a_b c a_b\n", "c d_e .\n"});
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ(*list, ".\t1\na_b\t2\nc\t2\nd_e\t1\n");
  auto bad = CorpusWordList({"ok\n", "bad \xff byte\n"});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(std::string(bad.status().message()).find("corpus 2"), std::string::npos) << bad.status();
}

TEST(LearnTest, LearnRefusesAnEmptyCorpusAndADictionaryWithAModel) {
  DictionaryBuilder builder;
  std::string lexicon = LexiconImage(&builder);
  auto plain = Dictionary::FromBytes(lexicon);
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(LearnModel(**plain, {"\n\n"}, LearnOptions{}, nullptr).ok());
  auto with_model = DictionaryWithModel(Learn(lexicon));
  ASSERT_NE(with_model, nullptr);
  EXPECT_FALSE(LearnModel(*with_model, {kCorpus}, LearnOptions{}, nullptr).ok());
}

// Each bad model text fails with its line number in the message.
// LearnDictionary is the steps above in one call: the same corpus words,
// the same model, the same dictionary.
TEST(LearnTest, LearnDictionaryIsTheStepsInOneCall) {
  DictionaryBuilder steps;
  const std::string model = Learn(LexiconImage(&steps));
  ASSERT_TRUE(steps.SetModel(model, "model").ok());

  DictionaryBuilder builder;
  ASSERT_TRUE(AddWordList(kWordList, "list", kFromBaseList, &builder).ok());
  LearnReport report;
  auto parts = LearnDictionary({kCorpus}, LearnOptions{}, &builder, &report);
  ASSERT_TRUE(parts.ok()) << parts.status();
  EXPECT_EQ(parts->model, model);
  EXPECT_EQ(parts->corpus_words, *CorpusWordList({kCorpus}));
  EXPECT_EQ(builder.Build("same"), steps.Build("same"));
  EXPECT_EQ(report.lines, 5u);

  DictionaryBuilder bad;
  auto refused = LearnDictionary({"ok\n", "x\xFFy\n"}, LearnOptions{}, &bad, nullptr);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(std::string(refused.status().message()).find("line 1"), std::string::npos)
      << refused.status();
}

TEST(ModelTextTest, BadModelsNameTheLine) {
  DictionaryBuilder builder;
  std::string model_text = Learn(LexiconImage(&builder));
  const std::string header = model_text.substr(0, model_text.find('\n') + 1);
  struct Case {
    std::string text;
    std::string message;
  };
  const Case cases[] = {
      {"", "model:1: not a vnseg model"},
      {"hello\n", "model:1: not a vnseg model"},
      {"# vnseg model 999 dense 3\n", "model:1: model of feature version 999"},
      {header + "N\tcô\t1 2 3\n", "model:2: a N line needs 1 to 2 syllables and 4 weights"},
      {header + "N\tcô gái đi\t1 2 3 4\n", "model:2: a N line needs"},
      {header + "L\tcô gái\t1 2 3 4\n", "model:2: a L line needs 1 to 1 syllables"},
      {header + "# ok\nN\tcô\t1 2 x 4\n", "model:3: bad weight"},
      {header + "N\tcô\t1 2 nan 4\n", "model:2: bad weight"},
      {header + "D\t99999\t1\n", "model:2: bad dense weight line"},
      {header + "X\tcô\t1\n", "model:2: a line starts with D, N, L or #"},
      {header + "N\tcô 1 2 3 4\n", "model:2: expected 3 tab-separated fields"},
      // Finite but so large that scores could overflow (model::kMaxWeight);
      // lines of one n-gram add up.
      {header + "D\t0\t3e38\n", "model:2: weight 3e+38 is out of range"},
      {header + "N\tcô\t1 2 -2e6 4\n", "model:2: weight -2e+06 is out of range"},
      {header + "N\tcô\t1 2 9e5 4\nN\tcô\t0 0 9e5 0\n", "model:3: weight 1.8e+06 is out of range"},
  };
  for (const Case& c : cases) {
    DictionaryBuilder b;
    absl::Status s = b.SetModel(c.text, "model");
    ASSERT_FALSE(s.ok()) << c.text;
    EXPECT_NE(std::string(s.message()).find(c.message), std::string::npos)
        << "text: " << c.text << "\nmessage: " << s.message();
  }
}

TEST(WordListTagsTest, TagsBecomeFlags) {
  DictionaryBuilder builder;
  ASSERT_TRUE(AddWordList("con\t0\tclassifier,noun\nhọc sinh\t3\tcommon,headword\n", "tags", 0,
                          &builder)
                  .ok());
  auto dict = Dictionary::FromBytes(builder.Build("tags"));
  ASSERT_TRUE(dict.ok());
  uint32_t flags;
  ASSERT_TRUE((*dict)->Lookup("con", &flags));
  EXPECT_EQ(flags, uint32_t{kClassifier | kNoun});
  ASSERT_TRUE((*dict)->Lookup("học_sinh", &flags));
  EXPECT_EQ(flags, uint32_t{kCommonWord | kHeadword});

  absl::Status bad = AddWordList("a\t1\n\nb\t0\tnoun,bogus\n", "tags.txt", 0, &builder);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(std::string(bad.message()).find("tags.txt:3: unknown tag 'bogus'"), std::string::npos)
      << bad;
}

}  // namespace
}  // namespace vnseg

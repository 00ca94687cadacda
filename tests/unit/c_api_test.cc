// The C API: results match the C++ library, buffers and errors follow the
// header's contract, one dictionary serves several threads.
#include "vnseg/vnseg.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

struct Handles {
  vnseg_dictionary* dictionary = nullptr;
  vnseg_segmenter* segmenter = nullptr;
  ~Handles() {
    vnseg_segmenter_free(segmenter);
    vnseg_dictionary_free(dictionary);
  }
};

// Opens the real dictionary; false (and the test should skip) when unbuilt.
bool OpenReal(Handles* h) {
  if (!std::ifstream(VNSEG_TEST_DICT)) return false;
  EXPECT_EQ(vnseg_dictionary_open(VNSEG_TEST_DICT, &h->dictionary), VNSEG_OK) << vnseg_last_error();
  EXPECT_EQ(vnseg_segmenter_new(h->dictionary, nullptr, &h->segmenter), VNSEG_OK);
  return h->segmenter != nullptr;
}

std::string Segment(vnseg_segmenter* s, const std::string& text, unsigned flags = 0) {
  char out[512];
  size_t length = 0;
  vnseg_status status = vnseg_segment(s, text.data(), text.size(), flags, out, sizeof out, &length);
  EXPECT_EQ(status, VNSEG_OK) << vnseg_last_error();
  return status == VNSEG_OK ? std::string(out, length) : "";
}

int CollectWord(void* user_data, const vnseg_token* token) {
  auto* words = static_cast<std::vector<std::pair<size_t, size_t>>*>(user_data);
  words->emplace_back(token->begin, token->end);
  return 0;
}

TEST(CApi, SegmentsJoinsAndTokenizes) {
  Handles h;
  if (!OpenReal(&h)) GTEST_SKIP() << "dictionary not built";
  EXPECT_EQ(Segment(h.segmenter, "Tổng thống Mỹ nói hoà bình."), "Tổng_thống Mỹ nói hoà_bình.");
  EXPECT_EQ(Segment(h.segmenter, "Tổng thống Mỹ, hòa bình.", VNSEG_SEGMENT_TOKENIZE),
            "Tổng_thống Mỹ , hòa_bình .");

  const std::string segmented = "Tổng_thống Mỹ";
  char out[64];
  size_t length = 0;
  ASSERT_EQ(vnseg_join(segmented.data(), segmented.size(), 0, out, sizeof out, &length), VNSEG_OK);
  EXPECT_EQ(std::string(out, length), "Tổng thống Mỹ");
  EXPECT_EQ(out[length], '\0');

  const std::string tokenized = "Mỹ , ( EU ) .";
  ASSERT_EQ(vnseg_join(tokenized.data(), tokenized.size(), VNSEG_JOIN_DETOK, out, sizeof out, &length),
            VNSEG_OK);
  EXPECT_EQ(std::string(out, length), "Mỹ, (EU).");
}

TEST(CApi, TokenCallbackGivesByteOffsets) {
  Handles h;
  if (!OpenReal(&h)) GTEST_SKIP() << "dictionary not built";
  const std::string text = "Tổng thống Mỹ.";
  std::vector<std::pair<size_t, size_t>> words;
  ASSERT_EQ(vnseg_segment_tokens(h.segmenter, text.data(), text.size(), CollectWord, &words), VNSEG_OK);
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(text.substr(words[0].first, words[0].second - words[0].first), "Tổng thống");
  EXPECT_EQ(text.substr(words[1].first, words[1].second - words[1].first), "Mỹ");
  EXPECT_EQ(text.substr(words[2].first, words[2].second - words[2].first), ".");
}

TEST(CApi, UserWordsJoinSyllables) {
  Handles h;
  if (!OpenReal(&h)) GTEST_SKIP() << "dictionary not built";
  const std::string list_path = testing::TempDir() + "/c_api_user_words.txt";
  std::ofstream(list_path) << "# test\nzip_zap\n";
  vnseg_dictionary* user_words = nullptr;
  ASSERT_EQ(vnseg_user_words_open(list_path.c_str(), &user_words), VNSEG_OK) << vnseg_last_error();
  std::remove(list_path.c_str());
  vnseg_segmenter* with_user_words = nullptr;
  ASSERT_EQ(vnseg_segmenter_new(h.dictionary, user_words, &with_user_words), VNSEG_OK);
  EXPECT_EQ(Segment(h.segmenter, "nói zip zap"), "nói zip zap");
  EXPECT_EQ(Segment(with_user_words, "nói zip zap"), "nói zip_zap");
  vnseg_segmenter_free(with_user_words);
  // The two kinds of handle are not interchangeable.
  vnseg_segmenter* swapped = nullptr;
  EXPECT_EQ(vnseg_segmenter_new(user_words, nullptr, &swapped), VNSEG_INVALID_ARGUMENT);
  EXPECT_NE(std::string(vnseg_last_error()).find("dictionary is user words"), std::string::npos)
      << vnseg_last_error();
  EXPECT_EQ(vnseg_segmenter_new(h.dictionary, h.dictionary, &swapped), VNSEG_INVALID_ARGUMENT);
  EXPECT_EQ(swapped, nullptr);
  vnseg_dictionary_free(user_words);
  EXPECT_EQ(vnseg_user_words_open("/nonexistent/words.txt", &user_words), VNSEG_NOT_FOUND);
}

TEST(CApi, CallbackCanStop) {
  Handles h;
  if (!OpenReal(&h)) GTEST_SKIP() << "dictionary not built";
  const std::string text = "một hai ba";
  int calls = 0;
  auto stop_at_first = [](void* user_data, const vnseg_token*) {
    ++*static_cast<int*>(user_data);
    return 1;
  };
  EXPECT_EQ(vnseg_segment_tokens(h.segmenter, text.data(), text.size(), stop_at_first, &calls),
            VNSEG_STOPPED);
  EXPECT_EQ(calls, 1);
}

TEST(CApi, SmallBufferReportsTheLengthNeeded) {
  Handles h;
  if (!OpenReal(&h)) GTEST_SKIP() << "dictionary not built";
  const std::string text = "Tổng thống";
  size_t length = 0;
  EXPECT_EQ(vnseg_segment(h.segmenter, text.data(), text.size(), 0, nullptr, 0, &length),
            VNSEG_BUFFER_TOO_SMALL);
  EXPECT_EQ(length, text.size());
  std::string out(length + 1, 'x');
  // Exactly the length is still too small: the NUL needs a byte.
  EXPECT_EQ(vnseg_segment(h.segmenter, text.data(), text.size(), 0, out.data(), length, &length),
            VNSEG_BUFFER_TOO_SMALL);
  EXPECT_EQ(vnseg_segment(h.segmenter, text.data(), text.size(), 0, out.data(), length + 1, &length),
            VNSEG_OK);
  EXPECT_STREQ(out.c_str(), "Tổng_thống");
}

TEST(CApi, ErrorsHaveCodesAndMessages) {
  vnseg_dictionary* dictionary = nullptr;
  EXPECT_EQ(vnseg_dictionary_open("/nonexistent/vnseg.dic", &dictionary), VNSEG_NOT_FOUND);
  EXPECT_EQ(dictionary, nullptr);
  EXPECT_NE(std::string(vnseg_last_error()).find("/nonexistent/vnseg.dic"), std::string::npos);

  const std::string garbage_path = testing::TempDir() + "/c_api_garbage.dic";
  std::ofstream(garbage_path) << "not a dictionary at all, but long enough to have a header....";
  EXPECT_EQ(vnseg_dictionary_open(garbage_path.c_str(), &dictionary), VNSEG_DATA_ERROR);
  std::remove(garbage_path.c_str());

  const std::string bad = "ab\xff";
  char out[16];
  size_t length = 0;
  EXPECT_EQ(vnseg_join(bad.data(), bad.size(), 0, out, sizeof out, &length), VNSEG_INVALID_UTF8);
  EXPECT_NE(std::string(vnseg_last_error()).find("0xFF"), std::string::npos) << vnseg_last_error();
  EXPECT_EQ(vnseg_join("a", 1, 1u << 7, out, sizeof out, &length), VNSEG_INVALID_ARGUMENT);
  EXPECT_EQ(vnseg_segmenter_new(nullptr, nullptr, nullptr), VNSEG_INVALID_ARGUMENT);
  // The handle is NULL after any failure (it was left as it was).
  vnseg_segmenter* segmenter = reinterpret_cast<vnseg_segmenter*>(uintptr_t{1});
  EXPECT_EQ(vnseg_segmenter_new(nullptr, nullptr, &segmenter), VNSEG_INVALID_ARGUMENT);
  EXPECT_EQ(segmenter, nullptr);
  // A directory is no dictionary file: the argument is wrong, as documented.
  EXPECT_EQ(vnseg_dictionary_open(testing::TempDir().c_str(), &dictionary), VNSEG_INVALID_ARGUMENT);
  EXPECT_EQ(dictionary, nullptr);
  EXPECT_STREQ(vnseg_status_name(VNSEG_INVALID_UTF8), "invalid_utf8");

  // A success clears the message.
  ASSERT_EQ(vnseg_join("a_b", 3, 0, out, sizeof out, &length), VNSEG_OK);
  EXPECT_STREQ(vnseg_last_error(), "");
}

// With no path and no dictionary anywhere, the message lists the places
// looked in and how to choose one, as the CLI's does.
TEST(CApi, MissingDefaultDictionaryListsThePlaces) {
  const char* saved = std::getenv("VNSEG_DICT");
  const std::string restore = saved != nullptr ? saved : "";
  ASSERT_EQ(setenv("VNSEG_DICT", "/nonexistent/none.dic", 1), 0);
  vnseg_dictionary* dictionary = nullptr;
  EXPECT_EQ(vnseg_dictionary_open(nullptr, &dictionary), VNSEG_NOT_FOUND);
  EXPECT_EQ(dictionary, nullptr);
  const std::string message = vnseg_last_error();
  if (saved != nullptr) {
    setenv("VNSEG_DICT", restore.c_str(), 1);
  } else {
    unsetenv("VNSEG_DICT");
  }
  EXPECT_EQ(message.rfind("no dictionary found; looked in, in order:\n  path: not given\n"
                          "  $VNSEG_DICT: /nonexistent/none.dic: No such file or directory\n"
                          "not looked in, as $VNSEG_DICT is set:\n",
                          0),
            0u)
      << message;
  EXPECT_NE(message.find("  build tree: "), std::string::npos) << message;
  const std::string choose = "Choose one with a path to vnseg_dictionary_open or VNSEG_DICT=FILE.";
  ASSERT_GE(message.size(), choose.size());
  EXPECT_EQ(message.substr(message.size() - choose.size()), choose) << message;
}

TEST(CApi, Normalizes) {
  const std::string text = "hòa\xc2\xa0" "bình";  // NBSP between the syllables
  char out[32];
  size_t length = 0;
  ASSERT_EQ(vnseg_normalize(text.data(), text.size(), VNSEG_TONE_OLD, 0, out, sizeof out, &length),
            VNSEG_OK);
  EXPECT_EQ(std::string(out, length), "hoà bình");
  ASSERT_EQ(vnseg_normalize(text.data(), text.size(), VNSEG_TONE_KEEP, VNSEG_NORMALIZE_KEEP_SPACES,
                            out, sizeof out, &length),
            VNSEG_OK);
  EXPECT_EQ(std::string(out, length), text);
}

TEST(CApi, NormalizesLegacyEncodings) {
  const std::string tcvn = "Vi\xd6t Nam l\xb5 m\xe9t";  // TCVN3 "Việt Nam là một"
  char out[64];
  size_t length = 0;
  const char* detected = nullptr;
  double confidence = -1;
  ASSERT_EQ(vnseg_normalize_from(tcvn.data(), tcvn.size(), "auto", VNSEG_TONE_KEEP, 0, out, sizeof out,
                                 &length, &detected, &confidence),
            VNSEG_OK);
  EXPECT_EQ(std::string(out, length), "Việt Nam là một");
  EXPECT_STREQ(detected, "tcvn3");
  EXPECT_GT(confidence, 0.0);
  ASSERT_EQ(vnseg_normalize_from(tcvn.data(), tcvn.size(), "tcvn3", VNSEG_TONE_KEEP, 0, out, sizeof out,
                                 &length, nullptr, nullptr),
            VNSEG_OK);
  EXPECT_EQ(std::string(out, length), "Việt Nam là một");
  const std::string moji = "Viá»‡t";
  ASSERT_EQ(vnseg_normalize_from(moji.data(), moji.size(), NULL, VNSEG_TONE_KEEP,
                                 VNSEG_NORMALIZE_FIX_MOJIBAKE, out, sizeof out, &length, &detected,
                                 nullptr),
            VNSEG_OK);
  EXPECT_EQ(std::string(out, length), "Việt");
  EXPECT_STREQ(detected, "utf8");
  EXPECT_EQ(vnseg_detect(tcvn.data(), tcvn.size(), &detected, &confidence), VNSEG_OK);
  EXPECT_STREQ(detected, "tcvn3");
  // Errors: an unknown encoding, a byte the encoding leaves undefined.
  EXPECT_EQ(vnseg_normalize_from("x", 1, "latin9", VNSEG_TONE_KEEP, 0, out, sizeof out, &length,
                                 nullptr, nullptr),
            VNSEG_INVALID_ARGUMENT);
  EXPECT_NE(std::string(vnseg_last_error()).find("unknown encoding"), std::string::npos);
  EXPECT_EQ(vnseg_normalize_from("a\x81", 2, "cp1258", VNSEG_TONE_KEEP, 0, out, sizeof out, &length,
                                 nullptr, nullptr),
            VNSEG_INVALID_UTF8);
  EXPECT_NE(std::string(vnseg_last_error()).find("0x81"), std::string::npos);
  EXPECT_EQ(vnseg_detect("x", 1, nullptr, nullptr), VNSEG_INVALID_ARGUMENT);
}

TEST(CApi, ThreadsShareOneDictionary) {
  Handles h;
  if (!OpenReal(&h)) GTEST_SKIP() << "dictionary not built";
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      vnseg_segmenter* segmenter = nullptr;
      if (vnseg_segmenter_new(h.dictionary, nullptr, &segmenter) != VNSEG_OK) return;
      for (int i = 0; i < 200; ++i) results[t] = Segment(segmenter, "Tổng thống Mỹ nói hoà bình");
      vnseg_segmenter_free(segmenter);
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& r : results) EXPECT_EQ(r, "Tổng_thống Mỹ nói hoà_bình");
}

}  // namespace

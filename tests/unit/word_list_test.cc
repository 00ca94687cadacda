#include "vnseg/word_list.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <cstdio>
#include <string>
#include <type_traits>

#include "test_util.h"
#include "vnseg/segmenter.h"

namespace vnseg {
namespace {

using test::HasSubstr;

TEST(WordListTest, CompileUserWordsFromMemory) {
  auto dict = CompileUserWords("# comment\nbàn mèo\nxe_đạp điện\t7\r\n\n", "test words");
  ASSERT_TRUE(dict.ok()) << dict.status();
  uint32_t flags = 0;
  ASSERT_TRUE((*dict)->Lookup("Bàn Mèo", &flags));
  EXPECT_EQ(flags, kFromUserList);
  ASSERT_TRUE((*dict)->Lookup("xe đạp điện", &flags));  // the frequency is ignored
  EXPECT_EQ(flags, kFromUserList);
  EXPECT_EQ((*dict)->info().word_count, 2u);
  EXPECT_TRUE(HasSubstr((*dict)->info().source, "test words"));
}

// User words are their own type: a segmenter cannot be given them as its
// main dictionary, nor a dictionary as its user words.
static_assert(!std::is_convertible_v<const UserWords*, const Dictionary*>);
static_assert(!std::is_convertible_v<const Dictionary*, const UserWords*>);
static_assert(!std::is_constructible_v<Segmenter, const UserWords*, const Dictionary*>);
static_assert(!std::is_constructible_v<Segmenter, const Dictionary*, const Dictionary*>);
static_assert(std::is_constructible_v<Segmenter, const Dictionary*, const UserWords*>);

// word<TAB>frequency<TAB>tags: the tags add their flags, a trailing comma
// is fine; the frequency must be a whole number but is not stored.
TEST(WordListTest, TagsAndFrequencyColumns) {
  DictionaryBuilder builder;
  ASSERT_TRUE(AddWordList("con tàu\t12\tnoun,common,\nhọc sinh\t0\t\nđi\n", "tags", kFromBaseList,
                          &builder)
                  .ok());
  auto dict = Dictionary::FromBytes(builder.Build(""));
  ASSERT_TRUE(dict.ok()) << dict.status();
  uint32_t flags = 0;
  ASSERT_TRUE((*dict)->Lookup("con tàu", &flags));
  EXPECT_EQ(flags, kFromBaseList | kNoun | kCommonWord);
  ASSERT_TRUE((*dict)->Lookup("học sinh", &flags));
  EXPECT_EQ(flags, kFromBaseList);
  ASSERT_TRUE((*dict)->Lookup("đi", &flags));
  for (const char* bad : {"a\t1\tnoun,,verb\n", "a\t1\t,\n", "a\t1\tnouns\n", "a\t+1\n",
                          "a\t 1\n", "a\t\n", "a\t4294967296\n"}) {
    DictionaryBuilder b;
    absl::Status s = AddWordList(bad, "bad", 0, &b);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_TRUE(HasSubstr(std::string(s.message()), "bad:1: ")) << s;
  }
}

TEST(WordListTest, CompileUserWordsErrorsNameTheOriginAndLine) {
  auto bad_frequency = CompileUserWords("bàn mèo\nxe đạp\tmany\n", "my list");
  ASSERT_FALSE(bad_frequency.ok());
  EXPECT_TRUE(HasSubstr(std::string(bad_frequency.status().message()), "my list:2"));
  auto bad_utf8 = CompileUserWords("bàn \xFF", "my list");
  ASSERT_FALSE(bad_utf8.ok());
  EXPECT_TRUE(HasSubstr(std::string(bad_utf8.status().message()), "my list"));
}

TEST(WordListTest, LoadUserWordsReadsTheFile) {
  std::string path = ::testing::TempDir() + "vnseg_word_list_test_" + std::to_string(::getpid());
  {
    std::ofstream out(path, std::ios::binary);
    out << "bàn mèo\n";
  }
  auto dict = LoadUserWords(path);
  std::remove(path.c_str());
  ASSERT_TRUE(dict.ok()) << dict.status();
  EXPECT_TRUE((*dict)->Lookup("bàn mèo", nullptr));

  auto missing = LoadUserWords(path);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(HasSubstr(std::string(missing.status().message()), path));
}

TEST(WordListTest, ByteOrderMarkIsNotPartOfTheFirstWord) {
  auto dict = CompileUserWords("\xEF\xBB\xBF" "mạng xã hội\nbàn mèo\n", "bom list");
  ASSERT_TRUE(dict.ok()) << dict.status();
  EXPECT_TRUE((*dict)->Lookup("mạng xã hội", nullptr));
  EXPECT_EQ((*dict)->info().word_count, 2u);
  // A comment on the first line stays a comment.
  auto comment = CompileUserWords("\xEF\xBB\xBF# words\nbàn mèo\n", "bom list");
  ASSERT_TRUE(comment.ok()) << comment.status();
  EXPECT_EQ((*comment)->info().word_count, 1u);
}

TEST(WordListTest, ADirectoryOrAnUnreadableFileIsAnErrorNamingIt) {
  std::string dir = ::testing::TempDir();
  auto from_dir = LoadUserWords(dir);
  ASSERT_FALSE(from_dir.ok());
  EXPECT_EQ(from_dir.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasSubstr(std::string(from_dir.status().message()), dir + ": is a directory"));
  DictionaryBuilder builder;
  absl::Status add = AddWordListFile(dir, 0, &builder);
  EXPECT_EQ(add.code(), absl::StatusCode::kInvalidArgument) << add;
  // Opens, then fails to read (EIO at offset 0), even for root.
  auto unreadable = ReadFileToString("/proc/self/mem");
  ASSERT_FALSE(unreadable.ok());
  EXPECT_EQ(unreadable.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_TRUE(
      HasSubstr(std::string(unreadable.status().message()), "cannot read /proc/self/mem: "));
}

TEST(WordListTest, ReadFileToStringReadsPipesAndLargeFiles) {
  std::string path = ::testing::TempDir() + "vnseg_read_test_" + std::to_string(::getpid());
  std::string big(200000, 'a');
  big += "\nend\n";
  {
    std::ofstream out(path, std::ios::binary);
    out << big;
  }
  auto text = ReadFileToString(path);
  std::remove(path.c_str());
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(*text, big);
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ASSERT_EQ(::write(fds[1], "bàn mèo\n", 10), 10);
  ::close(fds[1]);
  auto piped = ReadFileToString("/dev/fd/" + std::to_string(fds[0]));
  ::close(fds[0]);
  ASSERT_TRUE(piped.ok()) << piped.status();
  EXPECT_EQ(*piped, "bàn mèo\n");
}

}  // namespace
}  // namespace vnseg

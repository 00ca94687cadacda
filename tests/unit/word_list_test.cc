#include "vnseg/word_list.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <cstdio>
#include <string>

#include "test_util.h"

namespace vnseg {
namespace {

using test::HasSubstr;

TEST(WordListTest, CompileUserWordsFromMemory) {
  auto dict = CompileUserWords("# comment\nbàn mèo\nxe_đạp điện\t7\r\n\n", "test words");
  ASSERT_TRUE(dict.ok()) << dict.status();
  WordEntry entry;
  ASSERT_TRUE((*dict)->Lookup("Bàn Mèo", &entry));
  EXPECT_EQ(entry.frequency, 1u);
  EXPECT_TRUE(entry.flags & kFromUserList);
  ASSERT_TRUE((*dict)->Lookup("xe đạp điện", &entry));
  EXPECT_EQ(entry.frequency, 7u);
  EXPECT_EQ((*dict)->info().word_count, 2u);
  EXPECT_TRUE(HasSubstr((*dict)->info().source, "test words"));
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

}  // namespace
}  // namespace vnseg

// OutputFile (tools/output_file.h): what the CLI tests cannot reach from
// the command line. The behaviour seen from the CLI is in tests/cli
// (checks.sh output_* and dict_output).
#include "output_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace vnseg::cli {
namespace {

namespace fs = std::filesystem;

class OutputFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "vnseg-output-test-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  size_t Entries() { return static_cast<size_t>(std::distance(fs::directory_iterator(dir_), {})); }

  fs::path dir_;
};

TEST_F(OutputFileTest, NothingVisibleBeforeCommitAndNothingLeftAfterAbort) {
  fs::path out = dir_ / "out.txt";
  {
    OutputFile file;
    ASSERT_TRUE(file.Open(out.string()).ok());
    ASSERT_TRUE(file.Write("abc").ok());
    EXPECT_FALSE(fs::exists(out));
    EXPECT_EQ(Entries(), 1u);  // the temporary
    file.Abort();
    file.Abort();  // twice is fine
  }
  EXPECT_EQ(Entries(), 0u);
  ASSERT_TRUE(WriteWholeFile(out.string(), "new").ok());
  EXPECT_EQ(Read(out), "new");
  EXPECT_EQ(Entries(), 1u);
}

TEST_F(OutputFileTest, DestructorWithoutCommitKeepsTheOldFile) {
  fs::path out = dir_ / "out.txt";
  ASSERT_TRUE(WriteWholeFile(out.string(), "old").ok());
  {
    OutputFile file;
    ASSERT_TRUE(file.Open(out.string()).ok());
    ASSERT_TRUE(file.Write("half").ok());
  }
  EXPECT_EQ(Read(out), "old");
  EXPECT_EQ(Entries(), 1u);
}

// More files open at once than the signal handler keeps names for: all
// still work (only their removal on a signal is not promised).
TEST_F(OutputFileTest, ManyOpenAtOnce) {
  std::vector<std::unique_ptr<OutputFile>> files;
  for (int i = 0; i < 20; ++i) {
    files.push_back(std::make_unique<OutputFile>());
    ASSERT_TRUE(files.back()->Open((dir_ / ("f" + std::to_string(i))).string()).ok());
    ASSERT_TRUE(files.back()->Write(std::to_string(i)).ok());
  }
  for (auto& f : files) ASSERT_TRUE(f->Commit().ok());
  for (int i = 0; i < 20; ++i) EXPECT_EQ(Read(dir_ / ("f" + std::to_string(i))), std::to_string(i));
  EXPECT_EQ(Entries(), 20u);
}

// A name too long to take the temporary suffix still gets written.
TEST_F(OutputFileTest, LongestFileName) {
  fs::path out = dir_ / std::string(255, 'x');
  ASSERT_TRUE(WriteWholeFile(out.string(), "long").ok());
  EXPECT_EQ(Read(out), "long");
  EXPECT_EQ(Entries(), 1u);
}

TEST_F(OutputFileTest, ErrorsNameThePath) {
  absl::Status s = WriteWholeFile(dir_.string(), "x");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("cannot write " + dir_.string() + ": Is a directory"), std::string::npos) << s;
  // As root, a private /dev/full: a broken writer must not replace the machine's.
  std::string full = "/dev/full";
  if (::geteuid() == 0) {
    full = (dir_ / "full").string();
    ASSERT_EQ(::mknod(full.c_str(), S_IFCHR | 0666, makedev(1, 7)), 0);
  }
  s = WriteWholeFile(full, "x");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("cannot write " + full + ": No space left on device"), std::string::npos) << s;
  struct stat st {};
  ASSERT_EQ(::stat(full.c_str(), &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  fs::create_symlink("loop", dir_ / "loop");
  s = WriteWholeFile((dir_ / "loop").string(), "x");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("Too many levels of symbolic links"), std::string::npos) << s;
  EXPECT_EQ(Entries(), ::geteuid() == 0 ? 2u : 1u);  // loop (and full)
}

TEST_F(OutputFileTest, AlwaysRenameGivesAHardLinkedNameANewFile) {
  fs::path a = dir_ / "a.dic", b = dir_ / "b.dic";
  ASSERT_TRUE(WriteWholeFile(a.string(), "old").ok());
  fs::create_hard_link(a, b);
  ASSERT_TRUE(WriteWholeFile(a.string(), "new", OutputFile::Replace::kAlwaysRename).ok());
  EXPECT_EQ(Read(a), "new");
  EXPECT_EQ(Read(b), "old");  // a reader that mapped the old file keeps it
  EXPECT_EQ(fs::hard_link_count(a), 1u);
}

TEST_F(OutputFileTest, SameFile) {
  fs::path a = dir_ / "a", b = dir_ / "b", l = dir_ / "l";
  ASSERT_TRUE(WriteWholeFile(a.string(), "1").ok());
  ASSERT_TRUE(WriteWholeFile(b.string(), "1").ok());
  fs::create_symlink("a", l);
  EXPECT_TRUE(SameFile(a.string(), l.string()));
  EXPECT_FALSE(SameFile(a.string(), b.string()));
  EXPECT_FALSE(SameFile(a.string(), (dir_ / "none").string()));
}

TEST_F(OutputFileTest, CheckNotAnInput) {
  fs::path a = dir_ / "a", b = dir_ / "b", h = dir_ / "h";
  ASSERT_TRUE(WriteWholeFile(a.string(), "1").ok());
  ASSERT_TRUE(WriteWholeFile(b.string(), "1").ok());
  fs::create_hard_link(a, h);
  absl::Status s = CheckNotAnInput({h.string()}, {b.string(), a.string()});
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(s.message().find("refusing to write " + h.string() + ": it is the input " + a.string()),
            std::string::npos)
      << s.message();
  EXPECT_TRUE(CheckNotAnInput({b.string()}, {a.string(), "-"}).ok());
  EXPECT_TRUE(CheckNotAnInput({(dir_ / "new").string()}, {a.string()}).ok());
  EXPECT_TRUE(CheckNotAnInput({"", "-"}, {a.string()}).ok());
  EXPECT_TRUE(CheckNotAnInput({"/dev/null"}, {"/dev/null"}).ok());  // a device is not replaced
}

}  // namespace
}  // namespace vnseg::cli

#include "vnseg/dictionary.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "dictionary_format.h"
#include "dictionary_image.h"
#include "lattice.h"
#include "vnseg/dictionary_builder.h"
#include "model.h"
#include "test_util.h"

namespace vnseg {
namespace {

using test::HasSubstr;

constexpr size_t kHeaderSize = 200;      // sizeof(FileHeader), see dictionary_format.h
constexpr size_t kVersionOffset = 8;     // FileHeader::format_version, after the magic

// An image big enough for the truncation tests (> 300 bytes).
std::string SampleImage() {
  DictionaryBuilder b;
  for (const char* w : {"hoà bình", "Hà Nội", "thuỷ điện", "việt nam", "cộng hoà xã hội chủ nghĩa",
                        "khoẻ", "người", "quý", "học sinh", "sinh học"}) {
    EXPECT_TRUE(b.Add(w, kFromBaseList));
  }
  return b.Build("sample words");
}

void WriteFile(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  ASSERT_TRUE(out.good()) << path;
}

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "vnseg_dictionary_test_" + std::to_string(::getpid()) + "_" + name;
}

TEST(DictionaryTest, LookupAnySpelling) {
  auto dict = Dictionary::FromBytes(SampleImage());
  ASSERT_TRUE(dict.ok()) << dict.status();
  for (const char* spelling : {"hoà bình", "hòa bình", "HOÀ BÌNH", "Hoà_Bình", "hòa_bình",
                               "  hoà   bình ", "ho\xCC\x80" "a bi\xCC\x80nh", "hoà\tbình"}) {
    uint32_t flags = 0;
    EXPECT_TRUE((*dict)->Lookup(spelling, &flags)) << spelling;
    EXPECT_EQ(flags, kFromBaseList);
  }
  EXPECT_TRUE((*dict)->Lookup("thủy điện", nullptr));
  EXPECT_TRUE((*dict)->Lookup("khỏe", nullptr));
  EXPECT_TRUE((*dict)->Lookup("hà nội", nullptr));
  EXPECT_TRUE((*dict)->Lookup("Cộng hòa xã hội chủ nghĩa", nullptr));
  // Prefixes and parts of words are not words.
  EXPECT_FALSE((*dict)->Lookup("hòa", nullptr));
  EXPECT_FALSE((*dict)->Lookup("bình", nullptr));
  EXPECT_FALSE((*dict)->Lookup("cộng hòa", nullptr));
  EXPECT_FALSE((*dict)->Lookup("hòa bình an", nullptr));
  EXPECT_FALSE((*dict)->Lookup("", nullptr));
  EXPECT_FALSE((*dict)->Lookup("hoa binh", nullptr));  // tones matter
  uint32_t flags = 12345;
  EXPECT_FALSE((*dict)->Lookup("hòa", &flags));
  EXPECT_EQ(flags, 12345u);  // untouched
}

TEST(DictionaryTest, InfoAndTrieWalk) {
  auto dict = DictionaryImage::FromBytes(SampleImage());
  ASSERT_TRUE(dict.ok()) << dict.status();
  const DictionaryInfo& info = (*dict)->info();
  EXPECT_EQ(info.word_count, 10u);
  EXPECT_EQ(info.max_word_syllables, 6u);
  EXPECT_EQ(info.source, "sample words");
  EXPECT_EQ(info.format_version, 6u);
  EXPECT_GT(info.syllable_count, 10u);

  uint32_t hoa = (*dict)->SyllableId("hòa");
  uint32_t binh = (*dict)->SyllableId("bình");
  ASSERT_NE(hoa, DictionaryImage::kNoSyllable);
  ASSERT_NE(binh, DictionaryImage::kNoSyllable);
  EXPECT_EQ((*dict)->SyllableId("hoà"), DictionaryImage::kNoSyllable);  // keys only
  EXPECT_EQ((*dict)->SyllableId("xyz"), DictionaryImage::kNoSyllable);
  uint32_t node = (*dict)->Child(DictionaryImage::kRoot, hoa);
  ASSERT_NE(node, DictionaryImage::kNoNode);
  uint32_t flags = 1;
  EXPECT_FALSE((*dict)->WordFlagsAt(node, &flags));
  EXPECT_EQ(flags, 0u);
  node = (*dict)->Child(node, binh);
  ASSERT_NE(node, DictionaryImage::kNoNode);
  EXPECT_TRUE((*dict)->WordFlagsAt(node, &flags));
  EXPECT_EQ(flags, kFromBaseList);
  EXPECT_EQ((*dict)->Child(DictionaryImage::kRoot, binh), DictionaryImage::kNoNode);
}

TEST(DictionaryTest, DuplicatesOrFlags) {
  DictionaryBuilder b;
  EXPECT_TRUE(b.Add("hoà bình", kFromBaseList));
  EXPECT_TRUE(b.Add("Hòa_Bình", kFromUserList));
  EXPECT_TRUE(b.Add("khoẻ", kFromNameList));
  EXPECT_TRUE(b.Add("khỏe", kCommonWord));
  EXPECT_EQ(b.size(), 2u);
  auto dict = Dictionary::FromBytes(b.Build(""));
  ASSERT_TRUE(dict.ok()) << dict.status();
  uint32_t flags;
  ASSERT_TRUE((*dict)->Lookup("hòa bình", &flags));
  EXPECT_EQ(flags, kFromBaseList | kFromUserList | kProperName);  // the user spelled it Capitalised
  ASSERT_TRUE((*dict)->Lookup("khoẻ", &flags));
  EXPECT_EQ(flags, kFromNameList | kCommonWord);
}

// A word added with no flag (the corpus words of `dict build
// --corpus-words`) is a word all the same: the trie marks it, the
// segmenter's walk and Lookup find it.
TEST(DictionaryTest, WordWithoutFlagsIsAWord) {
  DictionaryBuilder b;
  EXPECT_TRUE(b.Add("học sinh", 0));
  EXPECT_TRUE(b.Add("học", kFromBaseList));
  auto dict = DictionaryImage::FromBytes(b.Build(""));
  ASSERT_TRUE(dict.ok()) << dict.status();
  EXPECT_EQ((*dict)->info().word_count, 2u);
  uint32_t flags = 99;
  ASSERT_TRUE((*dict)->Lookup("Học_sinh", &flags));
  EXPECT_EQ(flags, 0u);
  const uint32_t hoc = (*dict)->SyllableId("học");
  const uint32_t sinh = (*dict)->SyllableId("sinh");
  const uint32_t node = (*dict)->Child((*dict)->Child(DictionaryImage::kRoot, hoc), sinh);
  ASSERT_NE(node, DictionaryImage::kNoNode);
  EXPECT_TRUE((*dict)->WordFlagsAt(node, &flags));
  EXPECT_EQ(flags, 0u);
  EXPECT_FALSE((*dict)->Lookup("sinh", nullptr));  // a syllable only
  std::vector<std::string> keys = (*dict)->AllKeys();
  EXPECT_EQ(keys, (std::vector<std::string>{"học", "học sinh"}));
}

// Bits outside the stored flags are dropped: stored, kNameRunEdge would
// make a listed word pass for a guessed name (found in review).
TEST(DictionaryTest, AddDropsFlagsThatAreNotStored) {
  DictionaryBuilder b;
  EXPECT_TRUE(b.Add("ba bò", kNameRunEdge | kFromBaseList | (1u << 31)));
  auto dict = Dictionary::FromBytes(b.Build(""));
  ASSERT_TRUE(dict.ok()) << dict.status();
  uint32_t flags = 0;
  ASSERT_TRUE((*dict)->Lookup("ba bò", &flags));
  EXPECT_EQ(flags, kFromBaseList);
}

TEST(DictionaryTest, LowerThenUpperAndNameSpellingsAreFlagged) {
  DictionaryBuilder b;
  EXPECT_TRUE(b.Add("châu Âu", kFromNameList));
  EXPECT_TRUE(b.Add("Hà Nội", kFromNameList));
  EXPECT_TRUE(b.Add("Quy Nhơn", kFromBaseList));
  EXPECT_TRUE(b.Add("hoà bình", kFromBaseList));
  // A corpus word's capitals may be a sentence's first letter: no name.
  EXPECT_TRUE(b.Add("Tuy_nhiên", 0));
  auto dict = Dictionary::FromBytes(b.Build(""));
  ASSERT_TRUE(dict.ok()) << dict.status();
  uint32_t flags;
  ASSERT_TRUE((*dict)->Lookup("châu âu", &flags));
  EXPECT_EQ(flags, kFromNameList | kLowerThenUpper);
  ASSERT_TRUE((*dict)->Lookup("hà nội", &flags));
  EXPECT_EQ(flags, kFromNameList | kProperName);
  ASSERT_TRUE((*dict)->Lookup("quy nhơn", &flags));
  EXPECT_EQ(flags, kFromBaseList | kProperName);
  ASSERT_TRUE((*dict)->Lookup("Hoà Bình", &flags));
  EXPECT_EQ(flags, kFromBaseList);
  ASSERT_TRUE((*dict)->Lookup("tuy nhiên", &flags));
  EXPECT_EQ(flags, 0u);
}

TEST(DictionaryTest, AddRejectsWordsTheSegmenterCannotMatch) {
  DictionaryBuilder b;
  for (const char* bad : {"ao có bờ, sông có bến", "", "  ", "_", "xin chào!", "2.000 đồng",
                          "TP.HCM", "(hoà)", "hoà-", "a,b", "😀"}) {
    EXPECT_FALSE(b.Add(bad, kFromBaseList)) << bad;
  }
  EXPECT_EQ(b.size(), 0u);
  EXPECT_EQ(b.skipped(), 11u);
  EXPECT_TRUE(b.Add("Wai-kru", kFromBaseList));
  EXPECT_TRUE(b.Add("A5", kFromBaseList));
  EXPECT_TRUE(b.Add("foo_bar", kFromBaseList));  // '_' separates syllables
  EXPECT_EQ(b.size(), 3u);
  EXPECT_EQ(b.skipped(), 11u);
}

// A no-break space (common in copied lists) separates syllables like a
// space, so "hà\u00A0nội" is the word "hà nội".
TEST(DictionaryTest, AddedWordWithNoBreakSpaceIsMatchable) {
  DictionaryBuilder b;
  bool added = b.Add("hà\xC2\xA0nội", kFromBaseList);
  auto dict = Dictionary::FromBytes(b.Build(""));
  ASSERT_TRUE(dict.ok()) << dict.status();
  if (added) {
    EXPECT_TRUE((*dict)->Lookup("hà nội", nullptr));
  }
}

TEST(DictionaryTest, AllKeys) {
  auto dict = DictionaryImage::FromBytes(SampleImage());
  ASSERT_TRUE(dict.ok()) << dict.status();
  std::vector<std::string> keys = (*dict)->AllKeys();
  std::sort(keys.begin(), keys.end());
  std::vector<std::string> expected = {"cộng hòa xã hội chủ nghĩa", "hà nội", "học sinh", "hòa bình",
                                       "khỏe", "người", "quý", "sinh học", "thủy điện", "việt nam"};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(keys, expected);
}

TEST(DictionaryTest, EmptyDictionary) {
  auto dict = DictionaryImage::FromBytes(DictionaryBuilder().Build(""));
  ASSERT_TRUE(dict.ok()) << dict.status();
  EXPECT_EQ((*dict)->info().word_count, 0u);
  EXPECT_TRUE((*dict)->AllKeys().empty());
  EXPECT_FALSE((*dict)->Lookup("hòa", nullptr));
  EXPECT_EQ((*dict)->SyllableId("hòa"), DictionaryImage::kNoSyllable);
}

TEST(DictionaryTest, BuildIsDeterministic) {
  DictionaryBuilder a, b;
  for (const char* w : {"hoà bình", "việt nam", "khoẻ"}) a.Add(w, kFromBaseList);
  // Case, tone placement and '_' do not change the key (a spelling with
  // every syllable Capitalised would add kProperName).
  for (const char* w : {"khỏe", "Việt nam", "hòa_bình"}) b.Add(w, kFromBaseList);
  EXPECT_EQ(a.Build("x"), b.Build("x"));
}

TEST(DictionaryTest, FileRoundTrip) {
  std::string image = SampleImage();
  std::string path = TempPath("roundtrip.dic");
  WriteFile(path, image);
  auto from_file = DictionaryImage::Open(path);
  auto from_bytes = DictionaryImage::FromBytes(image);
  std::remove(path.c_str());  // mapped pages stay valid after unlink
  ASSERT_TRUE(from_file.ok()) << from_file.status();
  ASSERT_TRUE(from_bytes.ok()) << from_bytes.status();
  EXPECT_EQ((*from_file)->info().checksum, (*from_bytes)->info().checksum);
  EXPECT_EQ((*from_file)->info().file_size, image.size());
  EXPECT_EQ((*from_file)->AllKeys(), (*from_bytes)->AllKeys());
  EXPECT_TRUE((*from_file)->Lookup("Hòa Bình", nullptr));
  EXPECT_TRUE((*from_file)->Lookup("thủy_điện", nullptr));
}

TEST(DictionaryTest, TruncatedImagesAreErrors) {
  std::string image = SampleImage();
  ASSERT_GT(image.size(), 300u);
  std::vector<size_t> lengths;
  for (size_t n = 0; n <= 300; ++n) lengths.push_back(n);
  for (size_t n : {image.size() / 2, image.size() - 8, image.size() - 1}) lengths.push_back(n);
  for (size_t n : lengths) {
    auto dict = Dictionary::FromBytes(image.substr(0, n));
    ASSERT_FALSE(dict.ok()) << "length " << n;
    EXPECT_EQ(dict.status().code(), absl::StatusCode::kDataLoss) << dict.status();
  }
  // Through a file as well.
  std::string path = TempPath("truncated.dic");
  WriteFile(path, image.substr(0, image.size() - 1));
  auto dict = Dictionary::Open(path);
  std::remove(path.c_str());
  ASSERT_FALSE(dict.ok());
  EXPECT_TRUE(HasSubstr(std::string(dict.status().message()), path));
}

// The checksum covers the header too (from format 4): a changed
// max_word_syllables, reserved field or section reference is refused.
TEST(DictionaryTest, FlippedByteAnywhereIsRefused) {
  constexpr size_t kChecksumOffset = 24;  // after magic, version, byte order, file size
  std::string image = SampleImage();
  for (size_t i = 0; i < image.size(); ++i) {
    std::string damaged = image;
    damaged[i] ^= 0x20;
    auto dict = Dictionary::FromBytes(damaged);
    ASSERT_FALSE(dict.ok()) << "byte " << i;
    EXPECT_EQ(dict.status().code(), absl::StatusCode::kDataLoss) << dict.status();
    if (i >= kChecksumOffset) {
      EXPECT_TRUE(HasSubstr(std::string(dict.status().message()), "checksum mismatch"))
          << "byte " << i << ": " << dict.status();
    }
  }
}

// The same image with header field `field` changed and the checksum redone.
std::string Resealed(std::string image, uint32_t FileHeader::*field, uint32_t value) {
  FileHeader h;
  std::memcpy(&h, image.data(), sizeof(h));
  h.*field = value;
  std::memcpy(image.data(), &h, sizeof(h));
  h.checksum = FileChecksum(image.data(), image.size());
  std::memcpy(image.data(), &h, sizeof(h));
  return image;
}

// Format 5 keeps each word's flags in its trie node: the node's word mark
// and flags must agree with each other and with the header's word count.
TEST(DictionaryTest, InconsistentTrieNodesAreRefused) {
  const std::string image = SampleImage();
  FileHeader h;
  std::memcpy(&h, image.data(), sizeof(h));
  const uint64_t nodes = h.sections[kNodes].offset;
  // Field `field` of node `node` set to `value`, the checksum redone.
  auto patched = [&](uint32_t node, uint32_t TrieNode::*field, uint32_t value) {
    std::string damaged = image;
    TrieNode n;
    std::memcpy(&n, &damaged[nodes + node * sizeof(TrieNode)], sizeof(n));
    n.*field = value;
    std::memcpy(&damaged[nodes + node * sizeof(TrieNode)], &n, sizeof(n));
    return Resealed(damaged, &FileHeader::reserved, 0);
  };
  uint32_t word_node = 0;  // the first node that ends a word
  for (TrieNode n;; ++word_node) {
    ASSERT_LT(word_node, h.node_count);
    std::memcpy(&n, &image[nodes + word_node * sizeof(TrieNode)], sizeof(n));
    if (n.is_word) break;
  }
  struct Case {
    std::string image;
    std::string message;
  };
  const Case cases[] = {
      {patched(0, &TrieNode::is_word, 2), "trie node word mark is neither 0 nor 1"},
      {patched(word_node, &TrieNode::word_flags, kNameRunEdge), "trie node has unknown word flags"},
      {patched(word_node, &TrieNode::word_flags, 1u << 3), "trie node has unknown word flags"},
      {patched(0, &TrieNode::word_flags, kFromBaseList), "trie node without a word has flags"},
      {patched(0, &TrieNode::is_word, 1), "word count does not match the trie"},
      {Resealed(image, &FileHeader::word_count, h.word_count + 1),
       "word count does not match the trie"},
  };
  for (const Case& c : cases) {
    auto dict = Dictionary::FromBytes(c.image);
    ASSERT_FALSE(dict.ok()) << c.message;
    EXPECT_TRUE(HasSubstr(std::string(dict.status().message()), c.message)) << dict.status();
  }
}

TEST(DictionaryTest, ReservedHeaderFieldMustBeZero) {
  auto dict = Dictionary::FromBytes(Resealed(SampleImage(), &FileHeader::reserved, 1));
  ASSERT_FALSE(dict.ok());
  EXPECT_TRUE(HasSubstr(std::string(dict.status().message()), "reserved header field is not 0"))
      << dict.status();
  // FileChecksum is what the builder stores.
  EXPECT_TRUE(Dictionary::FromBytes(Resealed(SampleImage(), &FileHeader::reserved, 0)).ok());
}

// A dictionary whose model weights are finite but huge: scores overflowed
// to inf and NaN, and segmenting looped for ever while memory grew.
TEST(DictionaryTest, HugeModelWeightsAreRefused) {
  DictionaryBuilder builder;
  ASSERT_TRUE(builder.Add("hoà bình", kFromBaseList));
  std::string model_text = absl::StrCat("# vnseg model ", model::kFeatureVersion, " dense ",
                                        model::kDenseSize, "\nD\t0\t1.5\nN\thoà\t1 2 3 4\n");
  ASSERT_TRUE(builder.SetModel(model_text, "model").ok());
  const std::string image = builder.Build("with a model");
  ASSERT_TRUE(Dictionary::FromBytes(image).ok());
  FileHeader h;
  std::memcpy(&h, image.data(), sizeof(h));
  struct Case {
    uint64_t offset;  // first float to overwrite
    size_t count;
    float value;
    std::string message;
  };
  const uint64_t dense = h.sections[kModelDense].offset;
  const uint64_t slots = h.sections[kModelSlots].offset;
  uint64_t used_slot = slots;
  while (image.compare(used_slot, 8, std::string(8, '\0')) == 0) used_slot += sizeof(model::Entry);
  const Case cases[] = {
      {dense, model::kDenseSize, 3e38f,
       absl::StrCat("model weight 3e+38 at byte ", dense, " is out of range")},
      {dense + 4 * 7, 1, -1.5e6f, absl::StrCat("model weight -1.5e+06 at byte ", dense + 28)},
      {used_slot + 8, 4, 3e38f, absl::StrCat("model weight 3e+38 at byte ", used_slot + 8)},
      {used_slot + 20, 1, std::numeric_limits<float>::infinity(), "not a finite number"},
  };
  for (const Case& c : cases) {
    std::string damaged = image;
    for (size_t k = 0; k < c.count; ++k) std::memcpy(&damaged[c.offset + 4 * k], &c.value, 4);
    auto dict = Dictionary::FromBytes(Resealed(damaged, &FileHeader::reserved, 0));
    ASSERT_FALSE(dict.ok()) << c.message;
    EXPECT_TRUE(HasSubstr(std::string(dict.status().message()), c.message)) << dict.status();
  }
  // The bound itself is fine.
  std::string edge = image;
  const float max = model::kMaxWeight;
  std::memcpy(&edge[dense], &max, 4);
  EXPECT_TRUE(Dictionary::FromBytes(Resealed(edge, &FileHeader::reserved, 0)).ok());
}

TEST(DictionaryTest, WrongMagicAndVersion) {
  std::string image = SampleImage();
  std::string bad_magic = image;
  bad_magic[0] = 'X';
  auto dict = Dictionary::FromBytes(bad_magic);
  ASSERT_FALSE(dict.ok());
  EXPECT_TRUE(HasSubstr(std::string(dict.status().message()), "magic"));

  // A file of the previous format (whose checksum left the header out)
  // is told to be rebuilt: the version is checked before the checksum.
  std::string bad_version = image;
  uint32_t version = 5;
  std::memcpy(&bad_version[kVersionOffset], &version, sizeof(version));
  dict = Dictionary::FromBytes(bad_version);
  ASSERT_FALSE(dict.ok());
  EXPECT_TRUE(HasSubstr(std::string(dict.status().message()),
                        "format version 5, this build reads version 6 "
                        "(rebuild it with `vnseg dict build`)"))
      << dict.status();

  EXPECT_FALSE(Dictionary::FromBytes(std::string(image.size(), '\0')).ok());
  EXPECT_FALSE(Dictionary::FromBytes(std::string(image.size(), '\xFF')).ok());
}

TEST(DictionaryTest, OpenErrorsNameThePath) {
  std::string empty = TempPath("empty.dic");
  WriteFile(empty, "");
  auto dict = Dictionary::Open(empty);
  std::remove(empty.c_str());
  ASSERT_FALSE(dict.ok());
  EXPECT_TRUE(HasSubstr(std::string(dict.status().message()), empty));

  std::string missing = TempPath("does-not-exist.dic");
  dict = Dictionary::Open(missing);
  ASSERT_FALSE(dict.ok());
  EXPECT_EQ(dict.status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(HasSubstr(std::string(dict.status().message()), missing));

  std::string dir = ::testing::TempDir();
  dict = Dictionary::Open(dir);
  ASSERT_FALSE(dict.ok());
  EXPECT_TRUE(HasSubstr(std::string(dict.status().message()), dir));

  std::string text_file = TempPath("words.txt");
  WriteFile(text_file, std::string(400, 'a'));
  dict = Dictionary::Open(text_file);
  std::remove(text_file.c_str());
  ASSERT_FALSE(dict.ok());
  EXPECT_EQ(dict.status().code(), absl::StatusCode::kDataLoss);
}

}  // namespace
}  // namespace vnseg

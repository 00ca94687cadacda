// IsValidUtf8Wide (32 bytes at a time) against the scalar decoder of
// utf8_fast.h, which follows Unicode's Table 3-7 sequence by sequence.
#include "utf8_simd.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "test_util.h"
#include "utf8_fast.h"

namespace vnseg {
namespace {

bool Scalar(const std::string& s) {
  return FindInvalidUtf8Scalar(s.data(), s.data() + s.size()) == s.data() + s.size();
}
bool Wide(const std::string& s) { return IsValidUtf8Wide(s.data(), s.data() + s.size()); }

// Bytes at the edges of Table 3-7's ranges.
const std::vector<unsigned char> kEdges = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0,
                                           0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0,
                                           0xF1, 0xF3, 0xF4, 0xF5, 0xFF};

// `seq` after `at` bytes of ASCII and before a few more: at 28..35 it
// straddles the end of the first 32-byte block.
std::string Placed(const std::string& seq, size_t at, size_t after) {
  return std::string(at, 'a') + seq + std::string(after, 'b');
}

TEST(Utf8SimdTest, EveryPairOfBytesAtEveryPlaceOfABlockEnd) {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string seq = {static_cast<char>(a), static_cast<char>(b)};
      for (size_t at : {0, 29, 30, 31, 32}) {
        for (size_t after : {0, 1, 40}) {
          const std::string s = Placed(seq, at, after);
          ASSERT_EQ(Wide(s), Scalar(s)) << std::hex << a << " " << b << " at " << std::dec << at;
        }
      }
    }
  }
}

TEST(Utf8SimdTest, LongerSequencesOfEdgeBytes) {
  for (int a = 0xC0; a < 256; ++a) {  // every lead, then edges
    for (unsigned char b : kEdges) {
      for (unsigned char c : kEdges) {
        for (unsigned char d : kEdges) {
          const std::string seq = {static_cast<char>(a), static_cast<char>(b), static_cast<char>(c),
                                   static_cast<char>(d)};
          for (size_t at : {0, 28, 29, 30, 31, 62}) {
            for (size_t cut : {2, 3, 4}) {  // also the sequence cut short at the end
              const std::string s = Placed(seq.substr(0, cut), at, cut == 4 ? 3 : 0);
              ASSERT_EQ(Wide(s), Scalar(s)) << std::hex << a << " " << +b << " " << +c << " " << +d;
            }
          }
        }
      }
    }
  }
}

TEST(Utf8SimdTest, RandomTextAndDamagedText) {
  test::RandomText random(3232);
  std::mt19937 rng(99);
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    while (s.size() < static_cast<size_t>(i % 300)) s += random.Next(/*invalid_bytes=*/false) + " ";
    ASSERT_TRUE(Wide(s) && Scalar(s)) << s;
    if (s.empty()) continue;
    s[rng() % s.size()] = static_cast<char>(rng() % 256);  // maybe broken, anywhere
    if (i % 2) s.resize(rng() % s.size());                  // maybe cut inside a sequence
    ASSERT_EQ(Wide(s), Scalar(s)) << s;
  }
}

TEST(Utf8SimdTest, RandomBytes) {
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    std::string s(rng() % 100, '\0');
    for (char& c : s) c = static_cast<char>(0x80 + rng() % 0x80);
    ASSERT_EQ(Wide(s), Scalar(s));
  }
}

}  // namespace
}  // namespace vnseg

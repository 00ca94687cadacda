// The learned model's decoder (model_decoder.h): on scores no sane model
// gives, whatever the weights, it must end with a valid segmentation; and
// its precomputed word scores must be the plain sums over the features.
#include "model_decoder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

#include "lattice.h"
#include "model_features.h"

namespace vnseg::model {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();

// A run of `n` lower-case syllables, each only its own one-syllable edge.
Lattice PlainLattice(size_t n) {
  Lattice lattice;
  for (uint32_t i = 0; i < n; ++i) {
    lattice.shapes.push_back(kLowerInitial);
    lattice.syllable_hashes.push_back(SyllableHash(std::string(1, static_cast<char>('a' + i % 26))));
    lattice.begins.push_back(2 * i);
    lattice.syllable_flags.push_back(0);
    lattice.first_edge.push_back(i);
    lattice.AddEdge(i, 1, 0);
  }
  lattice.first_edge.push_back(static_cast<uint32_t>(n));
  return lattice;
}

// Decodes a run of `n` syllables whose gaps all score `gap` and whose
// dense weights are all `dense`, with `scratch` (kept between runs).
std::vector<uint32_t> DecodeRun(size_t n, float gap, float dense, DecodeScratch* scratch) {
  const Lattice lattice = PlainLattice(n);
  RunFeatures features;
  features.Prepare(lattice);
  const std::vector<float> dense_weights(kDenseSize, dense);
  WordScoreTable table;
  table.Build(dense_weights.data());
  std::vector<uint32_t> lengths;
  Decode(features, std::vector<float>(n - 1, gap), table, scratch, &lengths);
  return lengths;
}

void ExpectValid(const std::vector<uint32_t>& lengths, size_t n) {
  for (uint32_t length : lengths) EXPECT_GE(length, 1u);
  EXPECT_EQ(std::accumulate(lengths.begin(), lengths.end(), size_t{0}), n);
}

TEST(ModelDecodeTest, FiniteScoresJoinWhereGapsPay) {
  DecodeScratch scratch;
  // Joining pays, so guessed words are as long as they may be.
  EXPECT_EQ(DecodeRun(12, 5, 0, &scratch), (std::vector<uint32_t>{4, 4, 4}));
  EXPECT_EQ(DecodeRun(3, -5, 0, &scratch), (std::vector<uint32_t>{1, 1, 1}));
}

// After a NaN gap no candidate scores, and the back-trace read the lengths
// left by the previous run ({4, 4} here).
TEST(ModelDecodeTest, NonFiniteScoresGiveSyllablesAloneNotStaleLengths) {
  DecodeScratch scratch;
  ASSERT_EQ(DecodeRun(12, 5, 0, &scratch), (std::vector<uint32_t>{4, 4, 4}));
  EXPECT_EQ(DecodeRun(8, kNaN, 0, &scratch), std::vector<uint32_t>(8, 1));
  for (float gap : {kNaN, kInf, -kInf, 3e38f, -3e38f, 0.0f}) {
    for (float dense : {kNaN, kInf, -kInf, 3e38f, -3e38f, 0.0f}) {
      for (size_t n : {2, 5, 13}) {
        SCOPED_TRACE(testing::Message() << "gap " << gap << ", dense " << dense << ", n " << n);
        ExpectValid(DecodeRun(n, gap, dense, &scratch), n);
      }
    }
  }
}

// With fresh scratch and NaN word scores, back[] held zeros: the back-trace
// never moved and grew `lengths` without end. Run in a child that an alarm
// ends, so that a regression fails instead of eating the machine's memory.
TEST(ModelDecodeTest, NaNWordScoresTerminate) {
  EXPECT_EXIT(
      {
        ::alarm(10);
        DecodeScratch scratch;
        std::vector<uint32_t> lengths = DecodeRun(6, 0, kNaN, &scratch);
        std::exit(lengths == std::vector<uint32_t>(6, 1) ? 0 : 2);
      },
      testing::ExitedWithCode(0), "");
}

// WordScore (the table and the user-word bonus) equals the plain sum of the
// weights of WordDenseFeatures plus the bonus, for every length class
// (lengths past the last class too), every combination of the flag bits a
// lattice edge can carry (the stored WordFlags, kNameRunEdge and
// kSurnameSyllable: bits 0..14)
// and every WordCase (capitalised or not, caseless run), on random dense
// weights.
TEST(WordScoreTableTest, EqualsThePlainSumOverWordDenseFeatures) {
  static_assert(kAdjective == 1u << 14 && kNameRunEdge < kAdjective, "bits 0..14 cover every flag");
  constexpr uint32_t kFlagCombinations = 1u << 15;
  std::mt19937 rng(20261202);
  std::uniform_real_distribution<float> weight(-20.0f, 20.0f);
  for (int trial = 0; trial < 3; ++trial) {
    std::vector<float> dense(kDenseSize);
    for (float& w : dense) w = weight(rng);
    WordScoreTable table;
    table.Build(dense.data());
    RunFeatures features;
    size_t checked = 0, wrong = 0;
    for (uint32_t length = 1; length <= kLengthClasses + 3; ++length) {
      for (int c = 0; c < kWordCases; ++c) {
        const WordCase word_case = static_cast<WordCase>(c);
        // Capitalised(0, length) is true iff the run from 0 is that long.
        features.caseless = word_case == kCaselessWord;
        features.capitalised_run.assign(1, word_case == kCapitalisedWord ? length : length - 1);
        ASSERT_EQ(features.CaseOf(0, length), word_case);
        for (uint32_t flags = 0; flags < kFlagCombinations; ++flags) {
          int terms[kWordTerms];
          const int count = WordDenseFeatures(length, flags, word_case, terms);
          ASSERT_LE(count, kWordTerms);
          float plain = 0;
          for (int k = 0; k < count; ++k) plain += dense[terms[k]];
          const bool listed_lower_then_upper =
              (flags & kFromNameList) && (flags & kLowerThenUpper) &&
              !(flags & kFromBaseList) && !(flags & kProperName);
          if ((flags & kProperName) && word_case == kCaselessWord && length >= 2) {
            plain += kCaselessProperNameBonus * static_cast<float>(length - 1);
          }
          if ((flags & kNameRunEdge) && (flags & kSurnameSyllable) && word_case != kCaselessWord &&
              length >= 2) {
            plain += kFullNameBonus * static_cast<float>(length - 1);
          }
          if (((flags & kFromUserList) || listed_lower_then_upper) && length >= 2) {
            plain += kUserWordBonus * static_cast<float>(length - 1);
          }
          const float scored = WordScore(features, table, Candidate{0, length, flags});
          ++checked;
          if (scored != plain && wrong++ == 0) {
            ADD_FAILURE() << "length " << length << ", flags 0x" << std::hex << flags << std::dec
                          << ", case " << c << ": table " << scored
                          << ", plain sum " << plain;
          }
        }
      }
    }
    EXPECT_EQ(wrong, 0u) << "of " << checked;
    EXPECT_EQ(checked, size_t{kLengthClasses + 3} * kWordCases * kFlagCombinations);
  }
}

// kParticleNameEdge is bit 16, past the combinations above: a name run
// through a particle ("Lula da Silva") scores as a user word when decoding,
// and as any name run when learning.
TEST(WordScoreTableTest, ParticleNameRunsJoinLikeUserWordsWhenDecoding) {
  std::vector<float> dense(kDenseSize, 0.5f);
  WordScoreTable table;
  table.Build(dense.data());
  RunFeatures features;
  features.caseless = false;
  features.capitalised_run.assign(1, 5);
  const Candidate plain{0, 5, kNameRunEdge};
  const Candidate particle{0, 5, kNameRunEdge | kParticleNameEdge};
  features.name_cuts = true;
  EXPECT_FLOAT_EQ(WordScore(features, table, particle) - WordScore(features, table, plain),
                  4 * kUserWordBonus);
  features.name_cuts = false;
  EXPECT_FLOAT_EQ(WordScore(features, table, particle), WordScore(features, table, plain));
}

}  // namespace
}  // namespace vnseg::model

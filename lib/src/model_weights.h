// The stored weights of the learned model (model_features.h says what they
// weigh): a read-only hash table of sparse n-gram records and the dense
// array, both usually in a mapped dictionary file, and the bound every
// weight is checked against when a model is parsed or loaded.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "model_features.h"

namespace vnseg::model {

// Sparse feature record as stored in the dictionary file: one n-gram of
// syllables (or one ListedGapKey) and a weight per role it can play around
// a gap.
struct Entry {
  uint64_t key;  // NgramKey(); 0 marks an empty slot
  float w[4];
};
static_assert(sizeof(Entry) == 24, "record layout changed: bump kFormatVersion");

// User words (--user-words) are not learned: they win over any guess.
inline constexpr float kUserWordBonus = 1000.0f;

// Decoding only: a name the lists spell with every syllable Capitalised
// (kProperName), met in a caseless run ("mỹ tho tiền giang"), gains this
// much a syllable past its first. The weights learned from lower-cased
// treebank lines (--case-variants) leave such names split where nothing
// else in the run supports them; the treebank has few of them, most inside
// person names ("nguyễn thanh mỹ"), which a bonus as large as the user
// words' would break. 2 is the largest value that leaves the train-only
// model's lower-cased UD VTB dev F1 unchanged at four decimals (4 and 8
// lose 0.0001 and 0.0002); measured in the README's Accuracy section.
inline constexpr float kCaselessProperNameBonus = 2.0f;

// Decoding only: a name run of Capitalised syllables from a family name
// ("Lưu Thị Hồng Nhung", where "hồng nhung" is also a word) gains this much
// a syllable past its first, outside caseless runs. Chosen on dev with the
// train-only model: 2 to 8 each fix the same dev lines (F1 +0.0001, the
// lines with adjacent capitals +0.0002); from 8 on, a Capitalised word
// after the name is glued to it ("Hồ Đức Phớc Bộ trưởng"), so 4.
inline constexpr float kFullNameBonus = 4.0f;

// Decoding only: in a caseless run, a word of 3-4 syllables from a family
// name through a common middle name (kMiddleNameSyllable: "trần minh đức",
// "lê thị kim anh") gains this much a syllable past its first. The learned
// full-name weight of caseless text (kWordSurname) is one for every word of
// 2-4 syllables from a family name, most of which are no name. Chosen on
// the train-only model's lower-cased UD VTB dev: 0 / 1 / 2 / 4 / 8 / 16 /
// 32 give F1 0.9604 / 0.9606 / 0.9607 / 0.9608 / 0.9615 / 0.9615 / 0.9604
// (its Capitalised names found whole: 368 / 370 / 373 / 374 / 383 / 385 /
// 372 of 562); 16 costs the lower-case queries 0.0024, 8 nothing anywhere.
inline constexpr float kCaselessMiddleNameBonus = 8.0f;

// The largest |weight| of a model, checked when a model is parsed and when
// a dictionary is loaded (huge finite weights made scores overflow to inf
// and NaN). Far above any learned weight (the shipped model's largest is
// about 20), and small enough that no sum the decoder forms can overflow a
// float, however long the run:
//  - a gap score adds kGapTerms weights: below 1.4e7 < 2^24;
//  - a float sum of terms below 2^24 stops growing at 2^49, where half an
//    ulp (2^25) exceeds every term and each addition rounds back to the
//    sum: so |prefix| < 2^50, and a word's inner gaps sum below 2^51;
//  - a word adds at most kWordTerms dense weights and the user-word bonus
//    (1000 a syllable, below 2^42 for 2^32 syllables): each step of the
//    best-path recursion adds terms below 2^52, so by the same argument
//    |best| stays below 2^77, far from FLT_MAX (about 2^128).
// Decode does not rely on this: it ends with a valid path on any scores.
inline constexpr float kMaxWeight = 1e6f;
static_assert(kGapTerms * double{kMaxWeight} < double{1 << 24} &&
                  kWordTerms * double{kMaxWeight} +
                          double{kUserWordBonus + kCaselessProperNameBonus + kFullNameBonus +
                                 kCaselessMiddleNameBonus} *
                              4294967296.0 <
                      4398046511104.0,
              "the overflow argument above needs new numbers");
// True if `w` is within kMaxWeight; false for NaN too.
inline bool WeightInRange(float w) { return std::fabs(w) <= kMaxWeight; }

// The read-only weights: a hash table of Entry (open addressing, linear
// probing from the key's low bits, power-of-two size, at least one empty
// slot) and the dense array of kDenseSize. Neither is owned. Find is
// thread-safe once Index() has run.
struct Weights {
  const Entry* slots = nullptr;
  uint32_t slot_mask = 0;  // slot count - 1
  const float* dense = nullptr;
  // A Bloom filter of the keys, made by Index(): most lookups miss (most
  // n-grams of a text were never weighted), and this small bit set answers
  // them from cache instead of a probe into the large table.
  std::vector<uint64_t> filter;
  uint32_t key_count = 0;  // non-empty slots

  // Builds `filter` (and `key_count`) from `slots`.
  void Index();
  // The entry of `key` in `slots`, or a shared all-zero entry (never null).
  const Entry& Find(uint64_t key) const;
};

}  // namespace vnseg::model

// The stored weight table (model_weights.h): its Bloom filter must never
// hide a stored key, and Find must return the stored entry itself.
#include "model_weights.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <unordered_set>
#include <vector>

namespace vnseg::model {
namespace {

// `count` distinct random non-zero keys in a table laid out as the
// dictionary builder does: at most half full, linear probing from the
// key's low bits. Each entry's weights say which key it is.
std::vector<Entry> RandomTable(size_t count, std::mt19937_64* rng) {
  std::unordered_set<uint64_t> keys;
  while (keys.size() < count) {
    const uint64_t key = (*rng)();
    if (key != 0) keys.insert(key);
  }
  size_t size = 16;
  while (size < 2 * count) size *= 2;
  std::vector<Entry> slots(size, Entry{});
  float n = 0;
  for (uint64_t key : keys) {
    size_t slot = key & (size - 1);
    while (slots[slot].key != 0) slot = (slot + 1) & (size - 1);
    slots[slot] = Entry{key, {n, -n, n + 0.5f, 1}};
    n += 1;
  }
  return slots;
}

TEST(WeightsTest, BloomFilterHasNoFalseNegativesAndFindReturnsTheEntry) {
  std::mt19937_64 rng(12);
  // From a filter of its minimum size to one capped at 2^18 bits (and then
  // nearly full).
  for (size_t count : {1, 7, 100, 3000, 40000, 300000}) {
    SCOPED_TRACE(testing::Message() << count << " keys");
    const std::vector<Entry> slots = RandomTable(count, &rng);
    Weights weights;
    weights.slots = slots.data();
    weights.slot_mask = static_cast<uint32_t>(slots.size() - 1);
    weights.Index();
    EXPECT_EQ(weights.key_count, count);
    size_t missed = 0;
    for (const Entry& stored : slots) {
      if (stored.key == 0) continue;
      const Entry& found = weights.Find(stored.key);
      if (&found != &stored && missed++ == 0) {
        ADD_FAILURE() << "key 0x" << std::hex << stored.key << " not found";
      }
    }
    EXPECT_EQ(missed, 0u);
    // Keys never stored find the all-zero entry (the filter or the probe
    // says no).
    std::unordered_set<uint64_t> stored_keys;
    for (const Entry& e : slots) stored_keys.insert(e.key);
    for (int i = 0; i < 1000; ++i) {
      const uint64_t key = rng();
      if (key == 0 || stored_keys.count(key)) continue;
      const Entry& e = weights.Find(key);
      EXPECT_EQ(e.key, 0u);
      for (float w : e.w) EXPECT_EQ(w, 0.0f);
    }
  }
}

TEST(WeightsTest, EmptyWeightsFindTheZeroEntry) {
  Weights weights;
  weights.Index();
  EXPECT_EQ(weights.key_count, 0u);
  EXPECT_EQ(weights.Find(42).key, 0u);
}

}  // namespace
}  // namespace vnseg::model

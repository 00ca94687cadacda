#include "model_weights.h"

namespace vnseg::model {

namespace {

// Two filter bits per key, taken from the key's high half (the table slot
// comes from the low half).
inline uint32_t FilterBit(uint64_t key, int probe, size_t bits) {
  return static_cast<uint32_t>((key >> (32 + 16 * probe)) & (bits - 1));
}

}  // namespace

void Weights::Index() {
  key_count = 0;
  for (uint32_t i = 0; slots != nullptr && i <= slot_mask; ++i) key_count += slots[i].key != 0;
  size_t bits = 1024;
  while (bits < 16 * size_t{key_count} && bits < (size_t{1} << 18)) bits *= 2;  // about 16 bits a key, at most 32 KiB
  filter.assign(bits / 64, 0);
  for (uint32_t i = 0; slots != nullptr && i <= slot_mask; ++i) {
    if (slots[i].key == 0) continue;
    for (int probe = 0; probe < 2; ++probe) {
      uint32_t bit = FilterBit(slots[i].key, probe, bits);
      filter[bit / 64] |= uint64_t{1} << (bit % 64);
    }
  }
}

const Entry& Weights::Find(uint64_t key) const {
  static const Entry kZero{};
  if (slots == nullptr) return kZero;
  const size_t bits = filter.size() * 64;
  for (int probe = 0; probe < 2 && bits > 0; ++probe) {
    uint32_t bit = FilterBit(key, probe, bits);
    if (!(filter[bit / 64] >> (bit % 64) & 1)) return kZero;
  }
  for (uint32_t slot = static_cast<uint32_t>(key) & slot_mask;; slot = (slot + 1) & slot_mask) {
    const Entry& e = slots[slot];
    if (e.key == key) return e;
    if (e.key == 0) return kZero;
  }
}

}  // namespace vnseg::model

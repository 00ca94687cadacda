#include "surnames.h"

#include <string>

#include "absl/container/flat_hash_set.h"
#include "string_view_util.h"
#include "vnseg/syllable_key.h"

namespace vnseg {
namespace {

// The most common Vietnamese family names, as the press writes them,
// minus those that are mostly everyday words: từ (from), ông (Mr), lại
// (again), tăng (rise), triệu (million), lương (salary), la, đồng, quan,
// cao, mai, kim, thái, châu, giang, lục, mạnh, văn, nông, lò, hầu, tôn,
// thân, đàm, âu.
constexpr const char* kSurnames[] = {
    "Nguyễn", "Trần", "Lê",   "Phạm",  "Hoàng", "Huỳnh", "Phan",  "Vũ",    "Võ",   "Đặng",
    "Bùi",    "Đỗ",   "Hồ",   "Ngô",   "Dương", "Lý",    "Đinh",  "Đào",   "Trịnh", "Đoàn",
    "Trương", "Lưu",  "Hà",   "Lâm",   "Vương", "Chu",   "Quách", "Tạ",    "Kiều", "Doãn",
    "Mạc",    "Ninh", "Nghiêm", "Phùng", "Khổng", "Diệp", "Hứa",  "Khúc",  "Tô",
};

// Canonical keys of kSurnames, made once (keys fold case and tone placement).
const absl::flat_hash_set<std::string>& SurnameKeys() {
  static const auto* keys = [] {
    auto* set = new absl::flat_hash_set<std::string>();
    for (const char* name : kSurnames) {
      std::string key;
      AppendSyllableKey(name, &key);
      set->insert(std::move(key));
    }
    return set;
  }();
  return *keys;
}

}  // namespace

bool IsVietnameseSurname(std::string_view canonical_key) {
  return SurnameKeys().contains(ToAbsl(canonical_key));
}

}  // namespace vnseg

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

// The most common middle names of Vietnamese full names ("Nguyễn Văn An",
// "Lê Thị Thu Hằng", "Trần Minh Đức"), written for vnseg (MIT). In text
// without capitals a family name followed by one is most often a full
// name: in UD VTB train + dev, lower-cased, 115 of 133 such triples start
// one (the rest: "nghiêm trọng", "đoàn thanh niên", "đoàn công tác" ...).
constexpr const char* kMiddleNames[] = {
    "văn",  "thị",  "ngọc", "minh",   "thanh", "quốc", "hữu",  "đức",   "công", "xuân",
    "hồng", "thu",  "kim",  "anh",    "quang", "duy",  "đình", "trọng", "như",  "bảo",
    "gia",  "hải",  "huy",  "phương", "thế",   "viết", "khắc", "tiến",  "trung", "bá",
    "hoài", "thúy", "mỹ",   "lệ",     "diệu",  "tấn",  "phú",  "nhật",  "tuấn", "mạnh",
};

// Family names that are everyday words as often ("đoàn thanh niên", "đoàn
// công tác", "nghiêm trọng", "nghiêm minh": 9 of the 18 triples above that
// start no name): no sign of a full name in text without capitals.
constexpr const char* kEverydaySurnames[] = {"đoàn", "nghiêm"};

// Canonical keys of `names`, made once per list (keys fold case and tone
// placement).
template <size_t N>
const absl::flat_hash_set<std::string>* KeysOf(const char* const (&names)[N]) {
  auto* set = new absl::flat_hash_set<std::string>();
  for (const char* name : names) {
    std::string key;
    AppendSyllableKey(name, &key);
    set->insert(std::move(key));
  }
  return set;
}

const absl::flat_hash_set<std::string>& SurnameKeys() {
  static const auto* keys = KeysOf(kSurnames);
  return *keys;
}

const absl::flat_hash_set<std::string>& MiddleNameKeys() {
  static const auto* keys = KeysOf(kMiddleNames);
  return *keys;
}

const absl::flat_hash_set<std::string>& EverydaySurnameKeys() {
  static const auto* keys = KeysOf(kEverydaySurnames);
  return *keys;
}

}  // namespace

bool IsVietnameseSurname(std::string_view canonical_key) {
  return SurnameKeys().contains(ToAbsl(canonical_key));
}

bool StartsCaselessFullName(std::string_view canonical_key) {
  return IsVietnameseSurname(canonical_key) && !EverydaySurnameKeys().contains(ToAbsl(canonical_key));
}

bool IsVietnameseMiddleName(std::string_view canonical_key) {
  return MiddleNameKeys().contains(ToAbsl(canonical_key));
}

}  // namespace vnseg

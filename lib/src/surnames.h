// Vietnamese family names, for the learned model's name features: a run of
// syllables that starts with one ("Trần Hoài Nam", "lê thị thu hằng") is
// likely a person's full name, which the convention writes as one word.
#pragma once

#include <string_view>

namespace vnseg {

// True if `canonical_key` (a syllable's key, vnseg/syllable_key.h) is one
// of the common Vietnamese family names. Syllables that are far more often
// everyday words ("từ", "ông", "cao", "mai") are left out.
bool IsVietnameseSurname(std::string_view canonical_key);

// True if `canonical_key` is a family name that, followed by a middle
// name, starts a full name even in text without capitals: every family
// name but those as often everyday words ("đoàn", "nghiêm").
bool StartsCaselessFullName(std::string_view canonical_key);

// True if `canonical_key` is one of the common middle names of Vietnamese
// full names ("văn", "thị", "minh" ...): after a family name, in text
// without capitals, the sign of a full name ("trần minh đức").
bool IsVietnameseMiddleName(std::string_view canonical_key);

}  // namespace vnseg

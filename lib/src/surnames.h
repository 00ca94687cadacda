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

}  // namespace vnseg

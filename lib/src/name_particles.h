// The lower-case pieces of foreign names that Vietnamese news writes inside
// a name of Capitalised syllables: "Luiz Inácio Lula da Silva", "Ursula von
// der Leyen", "Osama bin Laden", "Abdel Fattah al-Sisi". The convention
// writes such a full name as one word (tests/eval/names/README.md); the
// lattice builder's name runs use these to continue through them.
#pragma once

#include <string_view>

namespace vnseg {

// True if `canonical_key` (vnseg/syllable_key.h) is a particle of European
// or Arabic names ("da", "de", "von", "van", "der", "bin", "ibn", ...). Only
// syllables that are no Vietnamese word: "do", "la", "di" and "du" are
// left out, since "Đảng do Nguyễn Ái Quốc sáng lập" is two names.
bool IsNameParticle(std::string_view canonical_key);

// True if `syllable` (as written) is an Arabic article glued to a
// Capitalised name by a hyphen: "al-Sisi", "el-Sisi", "al-Assad".
bool IsArticleName(std::string_view syllable);

}  // namespace vnseg

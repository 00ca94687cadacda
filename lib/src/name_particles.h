// The lower-case pieces of foreign names that Vietnamese news writes inside
// a name of Capitalised syllables: "Luiz Inácio Lula da Silva", "Ursula von
// der Leyen", "Osama bin Laden", "Abdel Fattah al-Sisi". The convention
// writes such a full name as one word (tests/eval/names/README.md); the
// lattice builder's name runs use these to continue through them.
#pragma once

#include <string_view>

namespace vnseg {

// True if `canonical_key` (vnseg/syllable_key.h) is a particle of European
// or Arabic names ("da", "de", "von", "van", "der", "bin", "ibn", ...).
// Some are Vietnamese words too ("da", "van"; in text typed without
// diacritics "da" is "đã", "den" "đến"), so a particle joins a name only
// between two syllables SpelledAsVietnamese rejects ("Lula da Silva", not
// "Nam da den Ha Noi"); "do", "la", "di" and "du" are left out altogether.
bool IsNameParticle(std::string_view canonical_key);

// True if `syllable` (as written, any case, with or without its tone and
// vowel marks) is spelled as one Vietnamese syllable: an onset, one vowel
// group and a final that Vietnamese has ("Nam", "Noi", "Hue", "Việt"), not
// "Silva", "Leyen" or "Laden". Marks are ignored, unlike the encoding
// detector's stricter test (vietnamese_score.h), because text typed
// without diacritics must count as Vietnamese here.
bool SpelledAsVietnamese(std::string_view syllable);

// True if `syllable` (as written) is an Arabic article glued to a
// Capitalised name by a hyphen: "al-Sisi", "el-Sisi", "al-Assad".
bool IsArticleName(std::string_view syllable);

}  // namespace vnseg

// Canonical keys and tone-mark placement.
//
// Dictionary words are matched by a canonical key: NFC, case-folded, with the
// tone mark on one fixed vowel (the "new" placement below), so "hoà", "hòa"
// and "HOÀ" share the key "hòa". The text itself is never changed by keying.
//
// Thread safety: every function here keeps no state of its own (ICU's
// normalizers are shared, immutable singletons); call them from any number
// of threads at once.
#pragma once

#include <string>
#include <string_view>

namespace vnseg {

// Where the tone mark goes in the open syllables "oa", "oe", "uy".
enum class ToneStyle {
  kKeep,  // leave the text as it is
  kOld,   // on the second vowel: hoà, khoẻ, thuỷ (VnCoreNLP, most of Viet74K)
  kNew,   // on the first vowel: hòa, khỏe, thủy (most news sites)
};

// Appends the canonical key of one syllable (valid UTF-8) to `out`.
void AppendSyllableKey(std::string_view syllable, std::string* out);

// Returns the canonical key of a word whose syllables are separated by
// white space or '_'; the key separates them with one ASCII space.
std::string WordKey(std::string_view word);

// Appends `syllable` to `out` with its tone mark moved to the placement of
// `style` when it is an open "oa"/"oe"/"uy" syllable; otherwise unchanged.
// Case and all other characters are kept.
void AppendWithToneStyle(std::string_view syllable, ToneStyle style, std::string* out);

// Appends `text` with every diacritic removed: tone marks, the marks of
// ă â ê ô ơ ư, and those of other Latin letters (after canonical
// decomposition, nonspacing marks are dropped), and đ/Đ folded to d/D.
// "Đường hòa bình" -> "Duong hoa binh". For diacritic-insensitive search
// keys; invalid UTF-8 is appended unchanged.
void AppendWithoutDiacritics(std::string_view text, std::string* out);

}  // namespace vnseg

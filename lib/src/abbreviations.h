// The one list of abbreviations written with a final period (TP., Mr.,
// v.v.): the sentence splitter's titles, which a '.' follows without
// ending the sentence, and the words whose period `segment --tokenize`
// keeps with them ("Mr. Smith", not "Mr . Smith"); and the initials of
// names ("ông H. nói"), whose period neither ends a sentence nor leaves
// the initial.
#pragma once

#include <cstddef>
#include <string_view>

namespace vnseg {

// A title or unit that a name or number follows ("PGS. Nguyễn", "TP. Huế",
// "Q. 3"): a '.' after it does not end a sentence. Case matters: "Tp" is a
// title, "tp" (lower case, as in "v.v.") is left to the rule on the next
// word. `word` is without its period.
bool IsTitle(std::string_view word);

// `written` (period included, as "Mr." or "v.v.") is an abbreviation that
// `segment --tokenize` keeps whole: every title, plus Mrs., Jr., Sr.,
// vs., etc., Inc., Ltd., Co., Corp., v.v., tr. (trang), ...
bool KeepsPeriod(std::string_view written);

// One upper-case letter: an initial ("H." in "ông H. nói", "bà G. Nam").
bool IsInitial(std::string_view word);

// Whether an initial after `syllable` (and one space) is part of a name, so
// that its period ends no sentence: a capitalised syllable ("Văn A.") or a
// word for a person, which a name follows in lower case ("ông H.", "bà
// G."); after another lower-case word it is a name of its own that may end
// the sentence ("ở phường K.", "từ A đến Z.").
bool NamesBeforeInitial(std::string_view syllable);

// The longest written form KeepsPeriod can hold, in bytes.
constexpr size_t kMaxAbbreviationBytes = 8;

}  // namespace vnseg

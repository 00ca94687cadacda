#include "name_particles.h"

#include <array>
#include <string>

#include "char_table.h"
#include "utf8_fast.h"

namespace vnseg {

bool IsNameParticle(std::string_view canonical_key) {
  // A short fixed list: a linear scan is as fast as a set and needs no
  // static constructor.
  static constexpr std::array<std::string_view, 14> kParticles = {
      "da", "de", "del", "della", "dos", "das", "van", "von", "der", "den", "ter", "bin", "ibn", "zu"};
  for (std::string_view p : kParticles) {
    if (canonical_key == p) return true;
  }
  return false;
}

namespace {

// Lower case, tone and vowel marks removed: "Ượ" -> "uo", "Đ" -> "d".
char StrippedLetter(char32_t lower_base) {
  switch (lower_base) {
    case U'ă': case U'â': return 'a';
    case U'ê': return 'e';
    case U'ô': case U'ơ': return 'o';
    case U'ư': return 'u';
    case U'đ': return 'd';
    default: return lower_base < 0x80 ? static_cast<char>(lower_base) : '\0';
  }
}

bool IsVowelLetter(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

size_t OnsetLength(std::string_view s) {
  static constexpr std::array<std::string_view, 26> kOnsets = {
      "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c",
      "d",   "g",  "h",  "k",  "l",  "m",  "n",  "p",  "r",  "s",  "t",  "v", "x"};
  for (std::string_view o : kOnsets) {
    if (s.substr(0, o.size()) != o) continue;
    // "gi" before a consonant or at the end is g + the vowel i ("gìn", "gì").
    if (o == "gi" && (s.size() == 2 || !IsVowelLetter(s[2]))) return 1;
    return o.size();
  }
  return 0;
}

// The vowel groups of Vietnamese with their marks removed (ươ -> uo).
bool IsVowelGroup(std::string_view v) {
  static constexpr std::array<std::string_view, 38> kGroups = {
      "a",  "e",  "i",  "o",  "u",  "y",  "ai", "ao", "au", "ay", "eo", "eu", "ia",
      "ie", "iu", "oa", "oe", "oi", "oo", "ua", "ue", "ui", "uo", "uu", "uy", "ya",
      "ye", "ieu", "yeu", "oai", "oao", "oay", "oeo", "uay", "uoi", "uya", "uye", "uyu"};
  for (std::string_view g : kGroups) {
    if (v == g) return true;
  }
  return v == "uou";  // ươu
}

bool IsFinalConsonants(std::string_view f) {
  return f.empty() || f == "c" || f == "ch" || f == "m" || f == "n" || f == "ng" || f == "nh" ||
         f == "p" || f == "t";
}

}  // namespace

bool SpelledAsVietnamese(std::string_view syllable) {
  std::string s;
  const char* p = syllable.data();
  const char* const end = p + syllable.size();
  while (p < end) {
    char32_t c;
    const int len = DecodeUtf8(p, end, &c);
    if (len == 0) return false;
    p += len;
    const LatinInfo* info = LatinLookup(c);
    if (info == nullptr || !(info->flags & kIsLetter)) return false;
    const char letter = StrippedLetter(info->lower_base);
    if (letter == '\0') return false;
    s.push_back(letter);
  }
  const size_t onset = OnsetLength(s);
  size_t vowels_end = onset;
  while (vowels_end < s.size() && IsVowelLetter(s[vowels_end])) ++vowels_end;
  std::string_view rest(s);
  return vowels_end > onset && IsVowelGroup(rest.substr(onset, vowels_end - onset)) &&
         IsFinalConsonants(rest.substr(vowels_end));
}

bool IsArticleName(std::string_view syllable) {
  if (syllable.size() < 4 || syllable[2] != '-') return false;
  const bool article = syllable.substr(0, 2) == "al" || syllable.substr(0, 2) == "el";
  // ASCII capital after the hyphen; a name spelled with a non-ASCII
  // capital there ("al-Ẓ...") is not one Vietnamese news writes.
  return article && syllable[3] >= 'A' && syllable[3] <= 'Z';
}

}  // namespace vnseg

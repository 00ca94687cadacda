#include "abbreviations.h"

#include <unicode/uchar.h>

#include "sentence_marks.h"
#include "utf8_fast.h"

namespace vnseg {
namespace {

// Titles and administrative units (the sentence splitter's list).
constexpr std::string_view kTitles[] = {
    "TP", "Tp", "tp", "Q", "P", "GS", "PGS", "TS", "TSKH", "ThS", "Ths", "BS", "BSCKI", "BSCKII", "KS", "CN",
    "NSƯT", "NSND", "NGƯT", "NGND", "LS", "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Th", "Tr",
    "TT", "Đ/c", "đ/c"};

// Other words whose period `--tokenize` keeps, written with it; a sentence
// may end after them, so the splitter does not list them.
constexpr std::string_view kOtherAbbreviations[] = {"Jr.", "Sr.", "vs.", "etc.", "Inc.", "Ltd.",
                                                    "Co.", "Corp.", "v.v.", "tr."};

// Words for a person that a name follows in lower case: an initial after
// them is a name ("ông H.").
constexpr std::string_view kPersonWords[] = {
    "ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "em", "cháu", "thầy", "bé", "chàng",
    "nàng", "lão", "dì", "cậu", "thím", "mợ", "gã", "Ông", "Bà"};

}  // namespace

bool IsInitial(std::string_view s) {
  char32_t c = 0;
  int len = s.empty() ? 0 : DecodeUtf8(s.data(), s.data() + s.size(), &c);
  return len > 0 && static_cast<size_t>(len) == s.size() && u_isupper(c);
}

bool NamesBeforeInitial(std::string_view syllable) {
  if (StartsWithCapital(syllable)) return true;
  for (std::string_view w : kPersonWords) {
    if (syllable == w) return true;
  }
  return false;
}

bool IsTitle(std::string_view word) {
  for (std::string_view t : kTitles) {
    if (word == t) return true;
  }
  return false;
}

bool KeepsPeriod(std::string_view written) {
  if (written.size() < 2 || written.back() != '.') return false;
  if (IsTitle(written.substr(0, written.size() - 1))) return true;
  for (std::string_view a : kOtherAbbreviations) {
    if (written == a) return true;
  }
  return false;
}

}  // namespace vnseg

#include "abbreviations.h"

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

}  // namespace

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

#include "name_particles.h"

#include <array>

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

bool IsArticleName(std::string_view syllable) {
  if (syllable.size() < 4 || syllable[2] != '-') return false;
  const bool article = syllable.substr(0, 2) == "al" || syllable.substr(0, 2) == "el";
  // ASCII capital after the hyphen; a name spelled with a non-ASCII
  // capital there ("al-Ẓ...") is not one Vietnamese news writes.
  return article && syllable[3] >= 'A' && syllable[3] <= 'Z';
}

}  // namespace vnseg

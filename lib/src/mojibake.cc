// Repair of UTF-8 that was decoded as Windows-1252 or Latin-1 and encoded
// again (RepairMojibake, vnseg/encoding.h).
//
// Each UTF-8 sequence of the original became 2-4 characters: its lead
// byte as one of Â..ô (U+00C2-U+00F4), each continuation byte as a
// Windows-1252 punctuation mark or a Latin-1 symbol. Such a group is
// decoded back when its bytes form one well-formed UTF-8 character in the
// ranges mojibake of Vietnamese (and of the punctuation around it) gives:
// Latin letters and their marks, Vietnamese letters, punctuation and
// currency signs. The range check keeps clean text whole: French "é »"
// written with a no-break space is E9 A0 BB, valid UTF-8, but U+9A3B.
#include <cstring>
#include <string>
#include <string_view>

#include "utf8_fast.h"
#include "vietnamese_score.h"
#include "vnseg/encoding.h"

namespace vnseg {
namespace {

// The byte Windows-1252 (or, for U+0080-U+00FF, Latin-1) decodes to `c`,
// or -1.
int MojibakeByte(char32_t c) {
  if (c < 0x100) return static_cast<int>(c);
  switch (c) {
    case 0x20AC: return 0x80; case 0x201A: return 0x82; case 0x0192: return 0x83;
    case 0x201E: return 0x84; case 0x2026: return 0x85; case 0x2020: return 0x86;
    case 0x2021: return 0x87; case 0x02C6: return 0x88; case 0x2030: return 0x89;
    case 0x0160: return 0x8A; case 0x2039: return 0x8B; case 0x0152: return 0x8C;
    case 0x017D: return 0x8E; case 0x2018: return 0x91; case 0x2019: return 0x92;
    case 0x201C: return 0x93; case 0x201D: return 0x94; case 0x2022: return 0x95;
    case 0x2013: return 0x96; case 0x2014: return 0x97; case 0x02DC: return 0x98;
    case 0x2122: return 0x99; case 0x0161: return 0x9A; case 0x203A: return 0x9B;
    case 0x0153: return 0x9C; case 0x017E: return 0x9E; case 0x0178: return 0x9F;
    default: return -1;
  }
}

// (U+0080-U+009F: a byte Windows-1252 leaves undefined, mojibake of
// mojibake on its way back.)
bool Plausible(char32_t c) {
  return (c >= 0x80 && c <= 0x24F) || c == 0x2C6 || c == 0x2DC || (c >= 0x300 && c <= 0x36F) ||
         (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2000 && c <= 0x20CF) ||
         (c >= 0x2100 && c <= 0x214F);
}

// One pass over `text`; returns the groups decoded.
size_t RepairOnce(std::string_view text, std::string* out) {
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const char* copied = begin;  // text before it is in *out
  const char* p = begin;
  size_t repaired = 0;
  while ((p = static_cast<const char*>(std::memchr(p, '\xC3', static_cast<size_t>(end - p)))) !=
         nullptr) {
    char32_t lead;
    int len = DecodeUtf8(p, end, &lead);
    if (len == 0 || lead < 0xC2 || lead > 0xF4) {
      ++p;
      continue;
    }
    const int need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
    char bytes[4] = {static_cast<char>(lead)};
    const char* q = p + len;
    bool ok = true;
    for (int k = 1; k <= need && ok; ++k) {
      char32_t c;
      int n = q < end ? DecodeUtf8(q, end, &c) : 0;
      int b = n == 0 ? -1 : MojibakeByte(c);
      ok = b >= 0x80 && b <= 0xBF;
      bytes[k] = static_cast<char>(b);
      q += n;
    }
    char32_t original;
    if (!ok || DecodeUtf8(bytes, bytes + need + 1, &original) != need + 1 || !Plausible(original)) {
      p += len;
      continue;
    }
    out->append(copied, static_cast<size_t>(p - copied));
    out->append(bytes, static_cast<size_t>(need + 1));
    copied = p = q;
    ++repaired;
  }
  out->append(copied, static_cast<size_t>(end - copied));
  return repaired;
}

// The line repaired, if it then reads at least as well as Vietnamese, with
// some well-formed syllables and at least as many as bad words (random or
// foreign text whose characters happen to form UTF-8 stays as it is). Not
// "more syllables": the broken line may have some ("Há»˜I" reads "Há").
size_t RepairLine(std::string_view line, std::string* out) {
  std::string current, next;
  size_t repaired = RepairOnce(line, &current);
  // Mojibake of mojibake decodes to mojibake: go on while a pass finds some.
  for (int round = 1; round < 3 && repaired > 0; ++round) {
    next.clear();
    if (RepairOnce(current, &next) == 0) break;
    current.swap(next);
  }
  if (repaired > 0) {
    const VietnameseScore before = ScoreVietnamese(line), after = ScoreVietnamese(current);
    if (after.value() >= before.value() && after.good > 0 && after.good >= after.bad) {
      out->append(current);
      return repaired;
    }
  }
  out->append(line);
  return 0;
}

}  // namespace

size_t RepairMojibake(std::string_view text, std::string* out) {
  size_t repaired = 0;
  while (!text.empty()) {
    size_t eol = text.find('\n');
    size_t len = eol == std::string_view::npos ? text.size() : eol + 1;
    std::string_view line = text.substr(0, len);
    if (line.find('\xC3') == std::string_view::npos) {  // no Â..ô: no mojibake
      out->append(line);
    } else {
      repaired += RepairLine(line, out);
    }
    text.remove_prefix(len);
  }
  return repaired;
}

}  // namespace vnseg

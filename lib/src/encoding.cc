// Decoders of the legacy Vietnamese encodings (vnseg/encoding.h).
//
// TCVN3, VISCII and Windows-1258 are single-byte tables taken from glibc's
// iconv (legacy_tables.inc, made by gen_legacy_tables.sh; encoding_test
// checks them against iconv(3)). VNI-Windows and VIQR, which glibc and ICU
// lack, are written here from their definitions (sources below). Every
// decoder but VIQR maps each byte on its own: a mark byte becomes combining
// characters that Normalize's NFC puts on the letter before, so a block
// may end between a letter and its mark without carrying anything.
#include "vnseg/encoding.h"

#include <utf8.h>

#include <array>
#include <iterator>

#include "char_table.h"

namespace vnseg {
namespace {

#include "legacy_tables.inc"

// Windows-1252's 0x80-0x9F (0: undefined); 0xA0-0xFF are Latin-1's.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Up to two code points a byte decodes to (0: none).
struct Pair {
  char32_t first = 0, second = 0;
};

// VNI-Windows, as the VNI fonts draw it (the table of the VNI typing
// method's documentation, also vietunicode.sourceforge.net/charset/): a
// vowel is its ASCII letter followed by one byte for its marks (the
// lower-case glyph after a small letter, the capital one after a capital:
// a+0xF9 á, A+0xD9 Á, a+0xE4 ậ, a+0xEB ặ); ơ ư đ and the i's and ỵ have a
// byte of their own. Every other byte is Windows-1252's.
constexpr char32_t kAcute = 0x0301, kGrave = 0x0300, kHookAbove = 0x0309, kTildeMark = 0x0303,
                   kDot = 0x0323, kCircumflex = 0x0302, kBreve = 0x0306, kHorn = 0x031B;

std::array<Pair, 256> MakeVniTable() {
  std::array<Pair, 256> t{};
  for (int b = 0; b < 0x80; ++b) t[b].first = static_cast<char32_t>(b);
  for (int b = 0x80; b < 0xA0; ++b) t[b].first = kCp1252High[b - 0x80];
  for (int b = 0xA0; b < 0x100; ++b) t[b].first = static_cast<char32_t>(b);
  struct Mark {
    unsigned char lower;
    Pair marks;
  };
  constexpr Mark kMarks[] = {
      {0xF9, {kAcute}},          {0xF8, {kGrave}},          {0xFB, {kHookAbove}},
      {0xF5, {kTildeMark}},      {0xEF, {kDot}},            {0xE2, {kCircumflex}},
      {0xE1, {kCircumflex, kAcute}}, {0xE0, {kCircumflex, kGrave}},
      {0xE5, {kCircumflex, kHookAbove}}, {0xE3, {kCircumflex, kTildeMark}},
      {0xE4, {kCircumflex, kDot}}, {0xEA, {kBreve}},        {0xE9, {kBreve, kAcute}},
      {0xE8, {kBreve, kGrave}},  {0xFA, {kBreve, kHookAbove}}, {0xFC, {kBreve, kTildeMark}},
      {0xEB, {kBreve, kDot}},
  };
  for (const Mark& m : kMarks) {
    t[m.lower] = m.marks;
    t[m.lower - 0x20] = m.marks;  // the capital glyph
  }
  struct Letter {
    unsigned char lower;
    char32_t lower_cp, upper_cp;
  };
  constexpr Letter kLetters[] = {
      {0xE6, 0x1EC9, 0x1EC8},  // ỉ Ỉ
      {0xEC, 0x00EC, 0x00CC},  // ì Ì
      {0xED, 0x00ED, 0x00CD},  // í Í
      {0xEE, 0x1EF5, 0x1EF4},  // ỵ Ỵ
      {0xF1, 0x0111, 0x0110},  // đ Đ
      {0xF2, 0x1ECB, 0x1ECA},  // ị Ị
      {0xF3, 0x0129, 0x0128},  // ĩ Ĩ
      {0xF4, 0x01A1, 0x01A0},  // ơ Ơ
      {0xF6, 0x01B0, 0x01AF},  // ư Ư
  };
  for (const Letter& l : kLetters) {
    t[l.lower] = Pair{l.lower_cp};
    t[l.lower - 0x20] = Pair{l.upper_cp};
  }
  return t;
}

const std::array<Pair, 256>& VniTable() {
  static const std::array<Pair, 256> table = MakeVniTable();
  return table;
}

void Append(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else {
    utf8::unchecked::append(c, std::back_inserter(*out));
  }
}

void DecodeTable(const char16_t (&table)[256], std::string_view bytes, std::string* out) {
  for (char ch : bytes) {
    const unsigned char b = static_cast<unsigned char>(ch);
    const char16_t c = table[b];
    if (c == 0 && b != 0) {
      out->push_back(ch);  // undefined: 0x80-0xBF, invalid UTF-8 on its own
    } else {
      Append(c, out);
    }
  }
}

void DecodeVni(std::string_view bytes, std::string* out) {
  const std::array<Pair, 256>& table = VniTable();
  for (char ch : bytes) {
    const Pair& p = table[static_cast<unsigned char>(ch)];
    if (p.first == 0 && ch != 0) {
      out->push_back(ch);  // Windows-1252's undefined 0x81, 0x8D, ...
      continue;
    }
    Append(p.first, out);
    if (p.second != 0) Append(p.second, out);
  }
}

// VIQR (RFC 1456, "Vietnamese Quoted-Readable"): after a vowel, '(' breve
// (ă), '^' circumflex (â ê ô), '+' horn (ơ ư), then a tone: '\'' acute, '`'
// grave, '?' hook, '~' tilde, '.' dot below; "dd" is đ; '\' before any of
// these keeps it literal ("Ha` No^.i\." for "Hà Nội."). A tone mark after a
// vowel of a word that has one already is punctuation ("No^.i." ends a
// sentence). "d9" (a typing method's, not VIQR's) is not read.
bool IsViqrSpecial(char c) { return IsOneOf(c, "(^+'`?~.\\dD"); }

char32_t ViqrToneMark(char c) {
  switch (c) {
    case '\'': return kAcute;
    case '`': return kGrave;
    case '?': return kHookAbove;
    case '~': return kTildeMark;
    case '.': return kDot;
    default: return 0;
  }
}

char32_t ViqrModifier(char vowel, char c) {
  const char v = static_cast<char>(vowel | 0x20);
  if (c == '(' && v == 'a') return kBreve;
  if (c == '^' && (v == 'a' || v == 'e' || v == 'o')) return kCircumflex;
  if (c == '+' && (v == 'o' || v == 'u')) return kHorn;
  return 0;
}

bool IsAsciiVowel(char c) { return IsOneOf(static_cast<char>(c | 0x20), "aeiouy"); }

// Decodes VIQR from bytes[*i]; needs bytes[*i .. *i+2] when they exist.
// `tone_in_word`: the word so far has a tone mark.
void DecodeViqrStep(std::string_view s, size_t* i, bool* tone_in_word, std::string* out) {
  const char c = s[*i];
  const size_t n = s.size();
  if (c == '\\' && *i + 1 < n && IsViqrSpecial(s[*i + 1])) {
    const char lit = s[*i + 1];
    out->push_back(lit);
    if (!IsAsciiLetter(lit)) *tone_in_word = false;
    *i += 2;
    return;
  }
  if ((c == 'd' || c == 'D') && *i + 1 < n && (s[*i + 1] == 'd' || s[*i + 1] == 'D')) {
    Append(c == 'd' ? 0x0111 : 0x0110, out);
    *i += 2;
    return;
  }
  if (IsAsciiVowel(c)) {
    out->push_back(c);
    size_t j = *i + 1;
    if (j < n) {
      if (char32_t m = ViqrModifier(c, s[j]); m != 0) {
        Append(m, out);
        ++j;
      }
    }
    if (j < n && !*tone_in_word) {
      if (char32_t t = ViqrToneMark(s[j]); t != 0) {
        Append(t, out);
        *tone_in_word = true;
        ++j;
      }
    }
    *i = j;
    return;
  }
  out->push_back(c);
  if (!IsAsciiLetter(c)) *tone_in_word = false;
  ++*i;
}

}  // namespace

const char* EncodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8: return "utf8";
    case Encoding::kTcvn3: return "tcvn3";
    case Encoding::kVni: return "vni";
    case Encoding::kViscii: return "viscii";
    case Encoding::kCp1258: return "cp1258";
    case Encoding::kViqr: return "viqr";
  }
  return "?";
}

std::optional<Encoding> ParseEncoding(std::string_view name) {
  for (Encoding e : {Encoding::kUtf8, Encoding::kTcvn3, Encoding::kVni, Encoding::kViscii,
                     Encoding::kCp1258, Encoding::kViqr}) {
    if (name == EncodingName(e)) return e;
  }
  return std::nullopt;
}

void Decoder::Decode(std::string_view bytes, bool last, std::string* out) {
  switch (encoding_) {
    case Encoding::kUtf8: out->append(bytes); return;
    case Encoding::kTcvn3: DecodeTable(kTcvnTable, bytes, out); return;
    case Encoding::kViscii: DecodeTable(kVisciiTable, bytes, out); return;
    case Encoding::kCp1258: DecodeTable(kCp1258Table, bytes, out); return;
    case Encoding::kVni: DecodeVni(bytes, out); return;
    case Encoding::kViqr: break;
  }
  // VIQR looks at most 2 bytes past a step's first: a step starts only
  // where they are all here (or nothing follows), the rest waits. The
  // state of the word (tone_in_word_) is carried across with it.
  pending_.append(bytes);
  std::string_view s(pending_);
  size_t i = 0;
  while (i < s.size() && (last || i + 3 <= s.size())) {
    DecodeViqrStep(s, &i, &tone_in_word_, out);
  }
  pending_.erase(0, i);
  if (last) tone_in_word_ = false;
}

std::string DecodeAll(Encoding encoding, std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  Decoder decoder(encoding);
  decoder.Decode(bytes, /*last=*/true, &out);
  return out;
}

}  // namespace vnseg

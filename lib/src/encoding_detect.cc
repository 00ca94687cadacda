// DetectEncoding (vnseg/encoding.h): each encoding's reading of a sample
// scored by how much of it reads as Vietnamese.
//
// The legacy encodings all put Vietnamese letters on the high bytes, so a
// wrong reading still gives letters, but in syllables Vietnamese does not
// have: "Viỏằèt" (UTF-8's ệ read as TCVN3), two tones in a syllable, a
// tone on the wrong vowel, "ă" without a final consonant. A well-formed
// syllable with diacritics counts for a reading; a malformed one, a
// control character, an invalid byte or a stray combining mark against it.
// Plain ASCII words count for no reading (all read them alike).
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "char_table.h"
#include "utf8_fast.h"
#include "vnseg/encoding.h"
#include "vietnamese_score.h"
#include "vnseg/utf8.h"

namespace vnseg {
namespace {

using U32 = std::u32string_view;

bool StartsWith(U32 s, U32 prefix) { return s.substr(0, prefix.size()) == prefix; }

bool IsVowel(char32_t c) { return U32(U"aăâeêioôơuưy").find(c) != U32::npos; }
bool HasQualityMark(char32_t c) { return U32(U"ăâêôơư").find(c) != U32::npos; }

// Length of the initial consonant of `s` (lower case, without tones).
size_t OnsetLength(U32 s) {
  if (StartsWith(s, U"ngh")) return 3;
  for (U32 two : {U32(U"ch"), U32(U"gh"), U32(U"gi"), U32(U"kh"), U32(U"ng"), U32(U"nh"),
                  U32(U"ph"), U32(U"qu"), U32(U"th"), U32(U"tr")}) {
    if (StartsWith(s, two)) return 2;
  }
  if (!s.empty() && U32(U"bcdđghklmnprstvx").find(s[0]) != U32::npos) return 1;
  return 0;
}

// The vowel groups of Vietnamese rhymes (after qu and gi have taken their
// u and i). `open`: the group ends in a glide (no final consonant may
// follow); `closed`: it needs one.
struct VowelGroup {
  U32 letters;
  bool open = false, closed = false;
};
constexpr VowelGroup kGroups[] = {
    {U"a"}, {U"ă", false, true}, {U"â", false, true}, {U"e"}, {U"ê"}, {U"i"}, {U"o"}, {U"ô"},
    {U"ơ"}, {U"u"}, {U"ư"}, {U"y"},
    {U"ai", true}, {U"ao", true}, {U"au", true}, {U"ay", true}, {U"âu", true}, {U"ây", true},
    {U"eo", true}, {U"êu", true}, {U"ia", true}, {U"iê", false, true}, {U"iu", true},
    {U"oa"}, {U"oă", false, true}, {U"oe"}, {U"oi", true}, {U"oo"}, {U"ôi", true}, {U"ơi", true},
    {U"ua", true}, {U"uâ", false, true}, {U"uê"}, {U"ui", true}, {U"uô", false, true},
    {U"uơ", true}, {U"uy"}, {U"ưa", true}, {U"ưi", true}, {U"ưu", true}, {U"ươ", false, true},
    {U"yê", false, true}, {U"iêu", true}, {U"yêu", true}, {U"oai", true}, {U"oao", true},
    {U"oay", true}, {U"oeo", true}, {U"uây", true}, {U"uôi", true}, {U"uya", true},
    {U"uyê", false, true}, {U"uyu", true}, {U"ươi", true}, {U"ươu", true},
};

bool IsFinal(U32 s) {
  for (U32 f : {U32(U""), U32(U"c"), U32(U"ch"), U32(U"m"), U32(U"n"), U32(U"ng"), U32(U"nh"),
                U32(U"p"), U32(U"t")}) {
    if (s == f) return true;
  }
  return false;
}

// Whether `tone_at` (an index into `vowels`, or -1 without a tone) is where
// old or new style puts the tone of that vowel group before `final`.
bool ToneWellPlaced(U32 vowels, bool has_final, int tone_at) {
  if (tone_at < 0) return true;
  for (size_t i = vowels.size(); i-- > 0;) {  // ươ: on ơ
    if (HasQualityMark(vowels[i])) return tone_at == static_cast<int>(i);
  }
  const int n = static_cast<int>(vowels.size());
  if (n == 1) return tone_at == 0;
  if (has_final) return tone_at == n - 1;
  if (n == 3) return tone_at == 1;
  if (vowels == U"oa" || vowels == U"oe" || vowels == U"uy") return true;  // hoà / hòa
  return tone_at == 0;
}

// Whether the letters of a word (lower case, without tones; `tone` and
// where it is, -1: none) make one Vietnamese syllable.
bool IsSyllable(U32 s, uint8_t tone, int tone_at) {
  size_t onset = OnsetLength(s);
  if (onset == 2 && s[0] == U'g' && s[1] == U'i' && (s.size() == 2 || !IsVowel(s[2]))) onset = 1;
  size_t v_end = onset;
  while (v_end < s.size() && IsVowel(s[v_end])) ++v_end;
  U32 vowels = s.substr(onset, v_end - onset);
  U32 final = s.substr(v_end);
  if (vowels.empty() || !IsFinal(final)) return false;
  const VowelGroup* group = nullptr;
  for (const VowelGroup& g : kGroups) {
    if (g.letters == vowels) group = &g;
  }
  if (group == nullptr) return false;
  if ((group->open && !final.empty()) || (group->closed && final.empty())) return false;
  const bool stop = final == U"c" || final == U"ch" || final == U"p" || final == U"t";
  if (stop && tone != kAcute && tone != kDotBelow) return false;
  return ToneWellPlaced(vowels, !final.empty(), tone_at - static_cast<int>(onset));
}

bool IsNoise(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') ||
         (c >= 0x7F && c < 0xA0) || c == 0xFFFD || (c >= 0x300 && c < 0x370);
}

}  // namespace

VietnameseScore ScoreVietnamese(std::string_view text) {
  VietnameseScore score;
  std::u32string letters;
  uint8_t tone = kNoTone;
  int tone_at = -1, tones = 0;
  bool marked = false, foreign = false;  // a non-ASCII letter; a letter no syllable has
  auto end_word = [&] {
    if (marked) {
      if (!foreign && tones <= 1 && IsSyllable(letters, tone, tone_at)) {
        ++score.good;
      } else {
        ++score.bad;
      }
    }
    letters.clear();
    tone = kNoTone;
    tone_at = -1;
    tones = 0;
    marked = foreign = false;
  };
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    char32_t c;
    int len = DecodeUtf8(p, end, &c);
    if (len == 0) {  // cannot happen on replaced text; count it anyway
      c = 0xFFFD;
      len = 1;
    }
    p += len;
    const LatinInfo* info = LatinLookup(c);
    if (info != nullptr && (info->flags & kIsLetter)) {
      if (c >= 0x80) marked = true;
      if (info->tone != kNoTone) {
        ++tones;
        tone = info->tone;
        tone_at = static_cast<int>(letters.size());
      }
      char32_t base = info->lower_base;
      if (!(base < 0x80 || base == U'đ' || IsVowel(base))) foreign = true;
      letters.push_back(base);
      continue;
    }
    if (c >= 0x300 && c < 0x370 && !letters.empty()) {  // a mark NFC could not compose
      marked = foreign = true;
      continue;
    }
    end_word();
    if (IsNoise(c)) ++score.bad;
  }
  end_word();
  return score;
}

namespace {

// The reading of `sample` in `encoding`, NFC, invalid bytes as U+FFFD.
std::string Reading(Encoding encoding, std::string_view sample) {
  std::string decoded = DecodeAll(encoding, sample);
  std::string text;
  ReplaceInvalidUtf8(decoded, &text);
  absl::StatusOr<Normalizers> normalizers = IcuNormalizers();
  if (!normalizers.ok()) return text;
  UErrorCode status = U_ZERO_ERROR;
  std::string composed;
  icu::StringByteSink<std::string> sink(&composed);
  normalizers->nfc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())),
                                  sink, nullptr, status);
  return U_SUCCESS(status) ? composed : text;
}

bool HasHighOrControlBytes(std::string_view s) {
  for (char ch : s) {
    const unsigned char b = static_cast<unsigned char>(ch);
    if (b >= 0x80 || (b < 0x20 && b != '\t' && b != '\n' && b != '\r')) return true;
  }
  return false;
}

// Whether a VIQR mark follows a vowel somewhere ("a`", "e^", "o+") or "dd".
bool HasViqrMarks(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    const char a = static_cast<char>(s[i] | 0x20);
    if (IsOneOf(a, "aeiouy") && IsOneOf(s[i + 1], "(^+'`?~.")) return true;
    if (a == 'd' && (s[i + 1] | 0x20) == 'd') return true;
  }
  return false;
}

}  // namespace

Detection DetectEncoding(std::string_view sample) {
  // A sample cut inside a UTF-8 character: drop the cut character's bytes.
  size_t keep = sample.size();
  for (size_t k = 0; k < 3 && keep > 0 && static_cast<unsigned char>(sample[keep - 1]) >= 0x80; ++k) {
    --keep;
  }
  if (keep < sample.size() && IsValidUtf8(sample.data(), sample.data() + keep)) {
    sample = sample.substr(0, keep);
  }
  const bool valid_utf8 = IsValidUtf8(sample.data(), sample.data() + sample.size());
  if (valid_utf8 && HasHighOrControlBytes(sample)) {
    // Clean Vietnamese UTF-8, the common case, needs no other reading: one
    // that is nearly all well-formed syllables is what no other encoding's
    // bytes give (it also keeps --from auto cheap, see bench/).
    const VietnameseScore utf8 = ScoreVietnamese(Reading(Encoding::kUtf8, sample));
    if (utf8.good >= 20 && utf8.bad * 20 <= utf8.good) {
      Detection d;
      d.confidence = 1;
      d.syllables = utf8.good;
      return d;
    }
  }
  std::array<Encoding, 6> candidates{};
  size_t n = 0;
  candidates[n++] = Encoding::kUtf8;
  if (HasHighOrControlBytes(sample)) {
    for (Encoding e : {Encoding::kTcvn3, Encoding::kVni, Encoding::kViscii, Encoding::kCp1258}) {
      candidates[n++] = e;
    }
  }
  if (valid_utf8 && HasViqrMarks(sample)) candidates[n++] = Encoding::kViqr;

  std::array<VietnameseScore, 6> scores{};
  for (size_t i = 0; i < n; ++i) scores[i] = ScoreVietnamese(Reading(candidates[i], sample));
  size_t best = 0, second = n;
  for (size_t i = 1; i < n; ++i) {
    if (scores[i].value() > scores[best].value()) best = i;
  }
  // Valid UTF-8 is read otherwise only when that is clearly better: by more
  // than a tenth of its syllables, and with few bad words (VIQR: English
  // "I'm" reads as a syllable).
  if (best != 0 && valid_utf8) {
    const VietnameseScore& s = scores[best];
    const double margin = 1.0 + 0.1 * static_cast<double>(s.good);
    if (s.value() <= scores[0].value() + margin || s.good < 2 || s.bad * 4 > s.good) best = 0;
  }
  for (size_t i = 0; i < n; ++i) {
    if (i != best && (second == n || scores[i].value() > scores[second].value())) second = i;
  }
  Detection d;
  d.encoding = candidates[best];
  d.syllables = scores[best].good;
  const double lead = second == n ? 0.0 : scores[best].value() - scores[second].value();
  const double evidence = static_cast<double>(std::max<size_t>(1, scores[best].good + scores[best].bad));
  d.confidence = std::clamp(lead / (2.0 * evidence), 0.0, 1.0);
  if (n == 1) d.confidence = 1;  // ASCII without VIQR marks reads alike in every encoding
  return d;
}

}  // namespace vnseg

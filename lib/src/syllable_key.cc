#include "vnseg/syllable_key.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <utf8.h>

#include "char_table.h"
#include "vnseg/tokenizer.h"
#include "vnseg/utf8.h"

namespace vnseg {
namespace {

// Longest syllable we key letter by letter; longer tokens are only folded.
constexpr int kMaxLetters = 24;

bool IsVowel(char32_t lower_base) {
  const LatinInfo* info = LatinLookup(lower_base);
  return info != nullptr && (info->flags & kIsVowel);
}

bool HasQualityMark(char32_t v) {
  return v == U'ă' || v == U'â' || v == U'ê' || v == U'ô' || v == U'ơ' || v == U'ư';
}

// The vowel cluster [*begin, *end) of a syllable given as lower-case letters
// without tone. The u of "qu" and the i of "gi" belong to the onset when
// another vowel follows. False if there is no vowel.
bool FindNucleus(const char32_t* letters, int n, int* begin, int* end) {
  int s = 0;
  while (s < n && !IsVowel(letters[s])) ++s;
  if (s == n) return false;
  int t = s;
  while (t < n && IsVowel(letters[t])) ++t;
  if (s == 1 && t - s >= 2 &&
      ((letters[0] == U'q' && letters[1] == U'u') || (letters[0] == U'g' && letters[1] == U'i'))) {
    ++s;
  }
  *begin = s;
  *end = t;
  return true;
}

bool IsOpenOaOeUy(const char32_t* letters, int n, int s, int t) {
  if (t - s != 2 || t != n) return false;
  char32_t a = letters[s], b = letters[s + 1];
  return (a == U'o' && (b == U'a' || b == U'e')) || (a == U'u' && b == U'y');
}

// Index of the letter that carries the tone mark under `style` (kKeep is
// treated as kNew), or -1 if the syllable has no vowel.
int TonePosition(const char32_t* letters, int n, ToneStyle style) {
  int s, t;
  if (!FindNucleus(letters, n, &s, &t)) return -1;
  if (t - s == 1) return s;
  for (int i = t - 1; i >= s; --i) {
    if (HasQualityMark(letters[i])) return i;
  }
  if (t < n) return t - 1;  // closed syllable: hoàn, toán, huỳnh
  if (IsOpenOaOeUy(letters, n, s, t)) return style == ToneStyle::kOld ? s + 1 : s;
  if (t - s == 3) return s + 1;  // ngoài, khuỷu
  return s;                      // mái, mía, múa
}

void AppendUtf8(const char32_t* cps, int n, std::string* out) {
  auto it = std::back_inserter(*out);
  for (int i = 0; i < n; ++i) it = utf8::unchecked::append(cps[i], it);
}

// Keys an NFC syllable; false if it needs normalization first.
bool AppendKeyOfNfc(std::string_view s, bool allow_marks, std::string* out) {
  char32_t base[kMaxLetters];
  char32_t lower[kMaxLetters];
  int n = 0, tones = 0;
  uint8_t tone = kNoTone;
  const char* p = s.data();
  const char* end = p + s.size();
  bool too_long = false;
  std::string folded;  // used only for over-long tokens
  while (p < end) {
    char32_t c = utf8::unchecked::next(p);
    const LatinInfo* info = LatinLookup(c);
    char32_t b, l;
    if (info != nullptr) {
      b = info->lower_base;
      l = info->lower;
      if (info->tone != kNoTone) {
        ++tones;
        tone = info->tone;
      }
    } else {
      if (c >= 0x300 && c < 0x370 && !allow_marks) return false;
      b = l = static_cast<char32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT));
    }
    if (n == kMaxLetters) too_long = true;
    if (too_long) {
      utf8::unchecked::append(l, std::back_inserter(folded));
      continue;
    }
    base[n] = b;
    lower[n] = l;
    ++n;
  }
  if (too_long) {
    AppendUtf8(lower, n, out);
    out->append(folded);
    return true;
  }
  if (tones == 1) {
    int at = TonePosition(base, n, ToneStyle::kNew);
    char32_t composed = at >= 0 ? ComposeTone(base[at], tone) : 0;
    if (composed != 0) {
      AppendUtf8(base, at, out);
      utf8::unchecked::append(composed, std::back_inserter(*out));
      AppendUtf8(base + at + 1, n - at - 1, out);
      return true;
    }
    // No vowel can carry it: keep the mark where it was (below).
  }
  AppendUtf8(lower, n, out);
  return true;
}

}  // namespace

void AppendSyllableKey(std::string_view syllable, std::string* out) {
  if (!IsValidUtf8(syllable)) {
    out->append(syllable);  // not text: nothing to canonicalize
    return;
  }
  if (AppendKeyOfNfc(syllable, /*allow_marks=*/false, out)) return;
  // Decomposed (NFD) or otherwise unnormalized: compose with ICU first.
  // Without ICU's data, the text as it is (no dictionary loads then).
  absl::StatusOr<Normalizers> normalizers = IcuNormalizers();
  if (!normalizers.ok()) {
    out->append(syllable);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString composed = normalizers->nfc->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(syllable.data(), syllable.size())), status);
  std::string utf8;
  composed.toUTF8String(utf8);
  std::string key;
  AppendKeyOfNfc(utf8, /*allow_marks=*/true, &key);
  // Moving the tone mark can leave a combining mark after a letter it now
  // composes with ("Ŕ" U+0301 "I" -> "r" U+0301 "í"): compose again, so
  // that the key is NFC and is its own key (Lookup keys a stored key again).
  icu::UnicodeString recomposed =
      normalizers->nfc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(key.data(), key.size())), status);
  recomposed.toUTF8String(*out);
}

std::string WordKey(std::string_view word) {
  // '_' separates syllables too; then every white space token (NBSP and
  // other Unicode spaces included) separates them.
  std::string spaced(word);
  for (char& c : spaced) {
    if (c == '_') c = ' ';
  }
  std::vector<Token> tokens;
  PreTokenize(spaced, &tokens);
  std::string key;
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kSpace) continue;
    if (!key.empty()) key.push_back(' ');
    AppendSyllableKey(std::string_view(spaced).substr(t.begin, t.end - t.begin), &key);
  }
  return key;
}

void AppendWithToneStyle(std::string_view syllable, ToneStyle style, std::string* out) {
  char32_t cps[kMaxLetters];
  char32_t base[kMaxLetters];
  int n = 0, tones = 0, tone_at = -1;
  uint8_t tone = kNoTone;
  bool movable = style != ToneStyle::kKeep && IsValidUtf8(syllable);
  const char* p = syllable.data();
  const char* end = p + syllable.size();
  while (movable && p < end) {
    char32_t c = utf8::unchecked::next(p);
    const LatinInfo* info = LatinLookup(c);
    if (info == nullptr || !(info->flags & kIsLetter) || n == kMaxLetters) {
      movable = false;
      break;
    }
    if (info->tone != kNoTone) {
      ++tones;
      tone = info->tone;
      tone_at = n;
    }
    cps[n] = c;
    base[n] = info->lower_base;
    ++n;
  }
  int s, t;
  if (!movable || tones != 1 || !FindNucleus(base, n, &s, &t) || !IsOpenOaOeUy(base, n, s, t) ||
      (tone_at != s && tone_at != s + 1)) {
    out->append(syllable);
    return;
  }
  int target = style == ToneStyle::kOld ? s + 1 : s;
  if (target != tone_at) {
    char32_t moved = ComposeTone(LatinLookup(cps[target])->base, tone);
    if (moved == 0) {
      out->append(syllable);
      return;
    }
    cps[tone_at] = LatinLookup(cps[tone_at])->base;
    cps[target] = moved;
  }
  AppendUtf8(cps, n, out);
}

void AppendWithoutDiacritics(std::string_view text, std::string* out) {
  if (!IsValidUtf8(text)) {
    out->append(text);
    return;
  }
  absl::StatusOr<Normalizers> normalizers = IcuNormalizers();
  if (!normalizers.ok()) {  // without ICU's data: the text as it is
    out->append(text);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = normalizers->nfd->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size())), status);
  auto it = std::back_inserter(*out);
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    // đ has no decomposition: it is a letter of its own, folded by hand.
    if (c == U'đ' || c == U'ð') c = U'd';
    if (c == U'Đ' || c == U'Ð') c = U'D';
    it = utf8::unchecked::append(static_cast<char32_t>(c), it);
  }
}

}  // namespace vnseg

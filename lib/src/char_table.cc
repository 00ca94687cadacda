#include "char_table.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>

#include "absl/strings/str_cat.h"

namespace vnseg {
namespace {

constexpr char32_t kRange1End = 0x250;
constexpr char32_t kRange2Begin = 0x1E00;
constexpr char32_t kRange2End = 0x1F00;
constexpr size_t kTableSize = kRange1End + (kRange2End - kRange2Begin);

bool IsVowelBase(char32_t lower) {
  switch (lower) {
    case U'a': case U'ă': case U'â': case U'e': case U'ê': case U'i':
    case U'o': case U'ô': case U'ơ': case U'u': case U'ư': case U'y':
      return true;
    default:
      return false;
  }
}

LatinInfo Describe(char32_t c, const icu::Normalizer2* nfd, const icu::Normalizer2* nfc) {
  LatinInfo info{c, static_cast<char32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT)),
                 static_cast<char32_t>(u_foldCase(c, U_FOLD_CASE_DEFAULT)), kNoTone, 0};
  if (u_isalpha(c)) info.flags |= kIsLetter;
  if (u_isupper(c)) info.flags |= kIsUpper;
  if (u_isdigit(c)) info.flags |= kIsDigit;
  if (!(info.flags & kIsLetter)) return info;
  if (nfd == nullptr || nfc == nullptr) return info;  // IcuNormalizers() reports why

  // Split off the tone mark: decompose, drop it, recompose.
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
  icu::UnicodeString rest;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    UChar32 d = decomposed.char32At(i);
    uint8_t tone = ToneOfCombiningMark(d);
    if (tone != kNoTone && info.tone == kNoTone) {
      info.tone = tone;
    } else {
      rest.append(d);
    }
  }
  icu::UnicodeString recomposed = nfc->normalize(rest, status);
  if (U_SUCCESS(status) && info.tone != kNoTone && recomposed.countChar32() == 1) {
    info.base = recomposed.char32At(0);
  } else {
    info.tone = kNoTone;  // not a toned Vietnamese vowel: leave it whole
  }
  info.lower_base = u_foldCase(info.base, U_FOLD_CASE_DEFAULT);
  if (info.lower_base == U'ð' || info.lower_base == U'Ð') info.lower_base = U'đ';
  if (info.tone == kNoTone) info.lower = info.lower_base;
  if (IsVowelBase(info.lower_base)) info.flags |= kIsVowel;
  return info;
}

// ICU's normalizer `name` got from `get`, or the error saying why not.
absl::StatusOr<const icu::Normalizer2*> GetNormalizer(
    const icu::Normalizer2* (*get)(UErrorCode&), const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = get(status);
  if (U_SUCCESS(status) && normalizer != nullptr) return normalizer;
  return absl::FailedPreconditionError(
      absl::StrCat("ICU has no ", name, " normalizer (", u_errorName(status),
                   "): its data is missing or unreadable"));
}

struct Tables {
  std::array<LatinInfo, kTableSize> latin;
  absl::StatusOr<Normalizers> normalizers;

  Tables() : normalizers(Get()) {
    const icu::Normalizer2* nfd = normalizers.ok() ? normalizers->nfd : nullptr;
    const icu::Normalizer2* nfc = normalizers.ok() ? normalizers->nfc : nullptr;
    for (char32_t c = 0; c < kRange1End; ++c) latin[c] = Describe(c, nfd, nfc);
    for (char32_t c = kRange2Begin; c < kRange2End; ++c) {
      latin[kRange1End + c - kRange2Begin] = Describe(c, nfd, nfc);
    }
  }

  static absl::StatusOr<Normalizers> Get() {
    auto nfc = GetNormalizer(&icu::Normalizer2::getNFCInstance, "NFC");
    if (!nfc.ok()) return nfc.status();
    auto nfd = GetNormalizer(&icu::Normalizer2::getNFDInstance, "NFD");
    if (!nfd.ok()) return nfd.status();
    return Normalizers{*nfc, *nfd};
  }
};

// Out of line so that GetTables() stays a cheap inlined guard check.
[[gnu::noinline]] const Tables* BuildTables() { return new Tables(); }

// Never destroyed: usable until exit, whatever the order of destructors.
inline const Tables& GetTables() {
  static const Tables* tables = BuildTables();
  return *tables;
}

}  // namespace

absl::StatusOr<Normalizers> IcuNormalizers() { return GetTables().normalizers; }

uint8_t ToneOfCombiningMark(char32_t c) {
  switch (c) {
    case 0x0300: return kGrave;
    case 0x0301: return kAcute;
    case 0x0309: return kHook;
    case 0x0303: return kTilde;
    case 0x0323: return kDotBelow;
    default: return kNoTone;
  }
}

const LatinInfo* LatinLookup(char32_t c) {
  const Tables& t = GetTables();
  if (c < kRange1End) return &t.latin[c];
  if (c >= kRange2Begin && c < kRange2End) return &t.latin[kRange1End + c - kRange2Begin];
  return nullptr;
}

char32_t ComposeTone(char32_t base, uint8_t tone) {
  static constexpr char32_t kMarks[] = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
  if (tone == kNoTone) return base;
  const Tables& t = GetTables();
  if (tone > kDotBelow || !t.normalizers.ok()) return 0;
  UChar32 composed = t.normalizers->nfc->composePair(base, kMarks[tone]);
  return composed < 0 ? 0 : static_cast<char32_t>(composed);
}

}  // namespace vnseg

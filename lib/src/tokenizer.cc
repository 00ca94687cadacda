#include "vnseg/tokenizer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>

#include "absl/strings/match.h"
#include "char_table.h"
#include "string_view_util.h"
#include "tokenizer_internal.h"
#include "utf8_fast.h"

namespace vnseg {
namespace {

enum CharClass : uint8_t { kLetter, kDigit, kSpaceChar, kMark, kPunctChar, kSymbol, kInvisible };

constexpr CharClass AsciiClass(char32_t c) {
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return kLetter;
  if (c >= '0' && c <= '9') return kDigit;
  if (c == ' ' || (c >= '\t' && c <= '\r')) return kSpaceChar;
  if (c < 0x20 || c == 0x7F) return kSymbol;
  return kPunctChar;
}

struct AsciiClasses {
  CharClass of[128];
  constexpr AsciiClasses() : of() {
    for (char32_t c = 0; c < 128; ++c) of[c] = AsciiClass(c);
  }
};
constexpr AsciiClasses kAscii;

// Latin-1 letters, Latin Extended-A and B, IPA (U+00C0..U+027F but the
// signs × and ÷) and Latin Extended Additional (U+1E00..U+1EFF, the
// precomposed Vietnamese vowels with tones): letters, all of them (checked
// against ICU once). Scanner::VietnameseLetterBytes reads the same ranges
// off the UTF-8 bytes.
bool InLatinLetterRanges(char32_t c) {
  return (c >= 0xC0 && c < 0x280 && c != 0xD7 && c != 0xF7) || (c >= 0x1E00 && c < 0x1F00);
}

CharClass Classify(char32_t c) {
  if (c < 0x80) return kAscii.of[c];
  if (InLatinLetterRanges(c)) return kLetter;  // most of Vietnamese: no table lookup
  if (const LatinInfo* info = LatinLookup(c); info != nullptr && (info->flags & kIsLetter)) {
    return kLetter;
  }
  if (IsInvisibleFormatChar(c)) return kInvisible;
  if (u_isUWhiteSpace(c)) return kSpaceChar;
  uint32_t mask = U_GET_GC_MASK(c);
  if (mask & U_GC_L_MASK) return kLetter;
  if (mask & U_GC_M_MASK) return kMark;
  if (mask & U_GC_ND_MASK) return kDigit;
  if (mask & U_GC_P_MASK) return kPunctChar;
  return kSymbol;
}

bool IsRegionalIndicator(char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }

// The characters after a word that may make it a URL, e-mail address,
// domain, abbreviation or identifier.
bool MayContinueWord(char c) {
  switch (c) {
    case '.': case '@': case '_': case '%': case '+': case '-': case ':': return true;
    default: return false;
  }
}

// A URL scheme or "www." (ASCII letters compared without case, nothing
// else folded: "\x1A" is not ':').
bool StartsLikeUrl(std::string_view s) {
  static constexpr absl::string_view kPrefixes[] = {"http://", "https://", "ftp://", "www."};
  for (absl::string_view prefix : kPrefixes) {
    if (absl::StartsWithIgnoreCase(ToAbsl(s), prefix)) return true;
  }
  return false;
}

// Walks the text code point by code point; invalid bytes come back as
// code point kInvalid of length 1.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : begin_(text.data()), end_(text.data() + text.size()) {}
  static constexpr char32_t kInvalid = 0xFFFFFFFFu;

  // Code point at `pos` and its length in bytes.
  char32_t At(size_t pos, size_t* len) const {
    char32_t c;
    int n = DecodeUtf8(begin_ + pos, end_, &c);
    if (n == 0) {
      *len = 1;
      return kInvalid;
    }
    *len = static_cast<size_t>(n);
    return c;
  }

  CharClass ClassAt(size_t pos, size_t* len) const {
    char32_t c = At(pos, len);
    return c == kInvalid ? kSymbol : Classify(c);
  }

 private:
  const char* begin_;
  const char* end_;
};

// Every scanner is linear in the text: a loop reads the bytes of the token
// it emits, plus a bounded look-ahead, and the look-ahead scanners that may
// give up (e-mail, domain) remember what they found for the later word
// starts inside the same run, which would otherwise rescan it (quadratic:
// 200 KB of "a." took 20 s). steps_ counts the bytes the loops pass over,
// so a test can check that bound (tokenizer_internal.h).
class Scanner {
 public:
  Scanner(std::string_view text, std::vector<Token>* tokens)
      : text_(text), cursor_(text), tokens_(tokens) {}

  void Run() {
    size_t pos = 0;
    while (pos < text_.size()) pos = ScanOne(pos);
  }

  uint64_t steps() const { return steps_; }

 private:
  size_t ScanOne(size_t pos) {
    // The one space between two syllables (most tokens after syllables):
    // the next byte is ASCII but no space, or starts a letter.
    if (text_[pos] == ' ' && pos + 1 < text_.size()) {
      const unsigned char next = static_cast<unsigned char>(text_[pos + 1]);
      if (next < 0x80 ? kAscii.of[next] != kSpaceChar : VietnameseLetterBytes(pos + 1) != 0) {
        return Emit(pos, pos + 1, TokenKind::kSpace);
      }
    }
    size_t len;
    char32_t c = cursor_.At(pos, &len);
    if (c == Cursor::kInvalid) return Emit(pos, pos + 1, TokenKind::kOther);
    switch (Classify(c)) {
      case kSpaceChar: return Emit(pos, SkipClass(pos, kSpaceChar), TokenKind::kSpace);
      case kLetter: return ScanWord(pos);
      case kDigit: return ScanNumber(pos);
      case kPunctChar: return ScanPunct(pos, c, len);
      case kMark:
      case kSymbol: {
        size_t end = pos + len;
        size_t next_len;
        if (IsRegionalIndicator(c) && end < text_.size() &&
            IsRegionalIndicator(cursor_.At(end, &next_len))) {
          end += next_len;  // a flag: two regional indicators
        }
        return Emit(pos, SkipSymbolTail(end), TokenKind::kOther);
      }
      case kInvisible: return Emit(pos, pos + len, TokenKind::kOther);
    }
    return Emit(pos, pos + len, TokenKind::kOther);
  }

  size_t Emit(size_t begin, size_t end, TokenKind kind) {
    // Field by field: a braced temporary of mixed-width fields costs a
    // store-forwarding stall per token (see Lattice::AddEdge).
    Token& t = tokens_->emplace_back();
    t.begin = static_cast<uint32_t>(begin);
    t.end = static_cast<uint32_t>(end);
    t.kind = kind;
    return end;
  }

  size_t SkipClass(size_t pos, CharClass cls) {
    const size_t start = pos;
    size_t len;
    while (pos < text_.size() && cursor_.ClassAt(pos, &len) == cls) pos += len;
    steps_ += pos - start;
    return pos;
  }

  bool IsWordCharAt(size_t pos, size_t* len) {
    if (pos >= text_.size()) return false;
    CharClass cls = cursor_.ClassAt(pos, len);
    return cls == kLetter || cls == kDigit || cls == kMark;
  }

  // Length of the letter at `pos` if it lies in InLatinLetterRanges, read
  // off its UTF-8 bytes without decoding; 0 for anything else.
  size_t VietnameseLetterBytes(size_t pos) const {
    const auto* s = reinterpret_cast<const unsigned char*>(text_.data()) + pos;
    const size_t avail = text_.size() - pos;
    const auto cont = [](unsigned char b) { return (b & 0xC0) == 0x80; };
    if (s[0] >= 0xC3 && s[0] <= 0xC9) {  // U+00C0..U+027F, but × and ÷
      return avail >= 2 && cont(s[1]) && !(s[0] == 0xC3 && (s[1] == 0x97 || s[1] == 0xB7)) ? 2 : 0;
    }
    if (s[0] == 0xE1) {  // U+1E00..U+1EFF
      return avail >= 3 && s[1] >= 0xB8 && s[1] <= 0xBB && cont(s[2]) ? 3 : 0;
    }
    return 0;
  }

  bool IsLetterAt(size_t pos) {
    size_t len;
    return pos < text_.size() && cursor_.ClassAt(pos, &len) == kLetter;
  }

  // Letters, marks and digits from `pos` (and '_' with `underscore`: the
  // identifiers foo_bar, __init__); stops at `limit` or soon after (within
  // the character that crosses it).
  size_t SkipWordChars(size_t pos, size_t limit = SIZE_MAX, bool underscore = false) {
    const size_t start = pos;
    const size_t end = std::min(limit, text_.size());
    size_t len;
    while (pos < end) {
      const unsigned char b = static_cast<unsigned char>(text_[pos]);
      if (b < 0x80) {  // half the letters of Vietnamese text: no decoding
        if (!IsAsciiAlnum(static_cast<char>(b)) && !(underscore && b == '_')) break;
        ++pos;
      } else if (size_t n = VietnameseLetterBytes(pos)) {
        pos += n;  // the other half, read off the bytes
      } else if (IsWordCharAt(pos, &len)) {
        pos += len;
      } else {
        break;
      }
    }
    steps_ += pos - start;
    return pos;
  }

  // Emoji modifiers, variation selectors and ZWJ sequences stay with the
  // symbol they modify, so `--tokenize` never splits an emoji.
  size_t SkipSymbolTail(size_t pos) {
    const size_t start = pos;
    size_t len;
    while (pos < text_.size()) {
      char32_t c = cursor_.At(pos, &len);
      if (c == 0x200D && pos + len < text_.size()) {
        size_t next_len;
        char32_t next = cursor_.At(pos + len, &next_len);
        if (next == Cursor::kInvalid || Classify(next) != kSymbol) break;
        pos += len + next_len;
      } else if (c == 0xFE0F || c == 0xFE0E || (c >= 0x1F3FB && c <= 0x1F3FF) ||
                 (c != Cursor::kInvalid && Classify(c) == kMark)) {
        pos += len;
      } else {
        break;
      }
    }
    steps_ += pos - start;
    return pos;
  }

  // One or more syllable-like units joined by '-' or an apostrophe.
  size_t SkipJoinedWord(size_t pos) {
    pos = SkipWordChars(pos);
    while (pos < text_.size()) {
      size_t len;
      char32_t c = cursor_.At(pos, &len);
      size_t next_len;
      if ((c == '-' || c == '\'' || c == 0x2019) && IsWordCharAt(pos + len, &next_len)) {
        pos = SkipWordChars(pos + len);
      } else {
        break;
      }
    }
    return pos;
  }

  size_t ScanWord(size_t start) {
    size_t end = SkipJoinedWord(start);
    // Every longer form below (URL, e-mail, domain, abbreviation,
    // identifier) continues the word with one of these characters; a
    // syllable followed by anything else (most of them) needs no more tests.
    if (end == text_.size() || !MayContinueWord(text_[end])) {
      return Emit(start, end, TokenKind::kSyllable);
    }
    if (size_t version_end = ScanVersionEnd(start, end)) {
      return Emit(start, version_end, TokenKind::kNumber);
    }
    if (StartsLikeUrl(text_.substr(start))) {
      return Emit(start, ScanUrlEnd(start), TokenKind::kUrl);
    }
    if (size_t email_end = ScanEmailEnd(start)) return Emit(start, email_end, TokenKind::kEmail);
    if (end < text_.size() && text_[end] == '_') {
      return Emit(start, SkipIdentifier(end), TokenKind::kOther);
    }
    if (size_t domain_end = ScanDomainEnd(start, end)) {
      return Emit(start, domain_end, TokenKind::kUrl);
    }
    if (size_t abbr_end = ScanAbbreviationEnd(start, end)) {
      return Emit(start, abbr_end, TokenKind::kAbbreviation);
    }
    return Emit(start, end, TokenKind::kSyllable);
  }

  // Word characters and '_' (identifiers such as foo_bar, __init__).
  size_t SkipIdentifier(size_t pos) { return SkipWordChars(pos, SIZE_MAX, /*underscore=*/true); }

  size_t ScanUrlEnd(size_t pos) {
    size_t end = pos;
    while (end < text_.size()) {
      size_t len;
      char32_t c = cursor_.At(end, &len);
      if (c == Cursor::kInvalid || c == '"' || c == '<' || c == '>') break;
      CharClass cls = Classify(c);
      if (cls == kSpaceChar || cls == kInvisible) break;
      end += len;
    }
    steps_ += end - pos;
    // Sentence punctuation after a URL is not part of it.
    const size_t scanned = end;
    while (end > pos && IsOneOf(text_[end - 1], ".,;:!?)'\"")) --end;
    steps_ += scanned - end;
    return end;
  }

  static bool IsEmailLocalChar(char c) {
    return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  // name@domain.tld (ASCII); 0 if `pos` does not start an e-mail address.
  // The answer depends only on where the run of local-part characters from
  // `pos` ends, which is the same for every start inside one run: it is
  // kept for the next word starts of that run (scanning goes forward).
  size_t ScanEmailEnd(size_t pos) {
    if (pos < email_run_end_) return email_end_;
    size_t i = pos;
    while (i < text_.size() && IsEmailLocalChar(text_[i])) ++i;
    steps_ += i - pos;
    email_run_end_ = i;
    email_end_ = i == pos ? 0 : EmailDomainEnd(i);
    return email_end_;
  }

  // End of the e-mail address whose local part ends at `at`, or 0.
  size_t EmailDomainEnd(size_t at) {
    if (at >= text_.size() || text_[at] != '@') return 0;
    size_t domain = at + 1, j = domain;
    while (j < text_.size() && (IsAsciiAlnum(text_[j]) || text_[j] == '-' || text_[j] == '.')) ++j;
    steps_ += j - domain;
    while (j > domain && text_[j - 1] == '.') --j;  // a sentence's full stop
    // The domain needs a dot after its first character: only that part is
    // searched (searching the whole text back made this quadratic too).
    const size_t from = domain + 1;
    if (j < from + 1) return 0;
    const size_t dot = text_.substr(from, j - from).rfind('.');
    steps_ += dot == std::string_view::npos ? j - from : j - from - dot;
    if (dot == std::string_view::npos || j - (from + dot) < 3) return 0;
    return j;
  }

  // example.vn, vnexpress.net/path: an ASCII word followed by .label with a
  // known top-level domain. 0 if not a domain.
  size_t ScanDomainEnd(size_t start, size_t word_end) {
    if (word_end >= text_.size() || text_[word_end] != '.') return 0;
    steps_ += word_end - start;
    for (size_t i = start; i < word_end; ++i) {
      if (!IsAsciiAlnum(text_[i]) && text_[i] != '-') return 0;
    }
    // The labels from a dot inside the chain last scanned are a tail of
    // that chain: it ends at the same place with the same last label.
    if (word_end >= labels_.end) labels_ = ScanLabels(word_end);
    if (labels_.last == 0 ||
        !IsKnownTld(text_.substr(labels_.last, labels_.last_end - labels_.last))) {
      return 0;
    }
    if (labels_.end < text_.size() && text_[labels_.end] == '/') return ScanUrlEnd(start);
    return labels_.last_end;
  }

  // A chain of ".label" (ASCII letters, digits, '-') from `pos`.
  struct Labels {
    size_t end = 0;                 // where the chain stops
    size_t last = 0, last_end = 0;  // its last label; last == 0 if none
  };
  Labels ScanLabels(size_t pos) {
    Labels labels;
    size_t i = pos;
    while (i < text_.size() && text_[i] == '.') {
      size_t j = i + 1;
      while (j < text_.size() && (IsAsciiAlnum(text_[j]) || text_[j] == '-')) ++j;
      if (j == i + 1) break;
      labels.last = i + 1;
      labels.last_end = j;
      i = j;
    }
    steps_ += i - pos;
    labels.end = i;
    return labels;
  }

  static bool IsKnownTld(std::string_view tld) {
    static constexpr std::string_view kTlds[] = {
        "com", "net", "org", "vn", "edu", "gov", "info", "io", "biz", "asia", "uk", "us", "de",
        "fr", "jp", "cn", "kr", "ru", "au", "ca", "tv", "me", "co", "int"};
    for (std::string_view known : kTlds) {
      if (absl::EqualsIgnoreCase(ToAbsl(tld), ToAbsl(known))) return true;
    }
    return false;
  }

  // TP.HCM, Q.1, PGS.TS: a short word starting with a capital, then '.' and
  // a capital or digit, repeated. 0 if not an abbreviation.
  size_t ScanAbbreviationEnd(size_t start, size_t end) {
    constexpr size_t kMaxPartBytes = 10;
    if (end - start > kMaxPartBytes) return 0;
    size_t len;
    char32_t first = cursor_.At(start, &len);
    if (!u_isupper(first)) return 0;
    size_t pos = end;
    bool extended = false;
    while (pos + 1 < text_.size() && text_[pos] == '.') {
      char32_t next = cursor_.At(pos + 1, &len);
      if (next == Cursor::kInvalid || !(u_isupper(next) || (next >= '0' && next <= '9'))) break;
      // A longer part ends the abbreviation: no need to read all of it.
      size_t part_end = SkipWordChars(pos + 1, pos + 2 + kMaxPartBytes);
      if (part_end - (pos + 1) > kMaxPartBytes) break;
      pos = part_end;
      extended = true;
    }
    return extended ? pos : 0;
  }

  // v1.2.3, V2.0: 'v' and digits, then '.' and digits, once or more (a
  // version number, whole like 1.2.3). 0 if not one.
  size_t ScanVersionEnd(size_t start, size_t end) {
    if ((text_[start] | 0x20) != 'v' || end - start < 2) return 0;
    for (size_t i = start + 1; i < end; ++i) {
      if (!IsAsciiDigit(text_[i])) return 0;
    }
    size_t pos = end;
    while (pos + 1 < text_.size() && text_[pos] == '.' && IsAsciiDigit(text_[pos + 1])) {
      pos = SkipWordChars(pos + 1);
    }
    return pos == end ? 0 : pos;
  }

  // 2.000  3,5  15/7/2023  2020-2023  10:30  50%  3G  10km  5h30
  size_t ScanNumber(size_t start) {
    size_t pos = SkipWordChars(start);
    while (pos + 1 < text_.size() && IsOneOf(text_[pos], ".,/:-") && text_[pos + 1] >= '0' &&
           text_[pos + 1] <= '9') {
      pos = SkipWordChars(pos + 1);
    }
    if (pos < text_.size() && text_[pos] == '%') ++pos;
    if (pos < text_.size() && text_[pos] == '_') {
      return Emit(start, SkipIdentifier(pos), TokenKind::kOther);
    }
    return Emit(start, pos, TokenKind::kNumber);
  }

  size_t ScanPunct(size_t pos, char32_t c, size_t len) {
    if (c == '.' || c == '-') {  // "..." and a dash written "--" are one mark
      size_t end = pos + 1;
      while (end < text_.size() && text_[end] == static_cast<char>(c)) ++end;
      steps_ += end - pos;
      return Emit(pos, end, TokenKind::kPunct);
    }
    size_t next_len;
    if (c == '#' && IsLetterAt(pos + 1)) {
      return Emit(pos, SkipIdentifier(pos + 1), TokenKind::kHashtag);
    }
    if (c == '@' && IsWordCharAt(pos + 1, &next_len)) {
      return Emit(pos, SkipIdentifier(pos + 1), TokenKind::kMention);
    }
    if (c == '_') return Emit(pos, SkipIdentifier(pos), TokenKind::kOther);
    return Emit(pos, pos + len, TokenKind::kPunct);
  }

  std::string_view text_;
  Cursor cursor_;
  std::vector<Token>* tokens_;
  uint64_t steps_ = 0;
  // ScanEmailEnd's last run of local-part characters ended here (before
  // any text: nothing kept yet), and its answer.
  size_t email_run_end_ = 0;
  size_t email_end_ = 0;
  Labels labels_;  // ScanDomainEnd's last chain of labels
};

}  // namespace

const char* TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kSyllable: return "syllable";
    case TokenKind::kNumber: return "number";
    case TokenKind::kUrl: return "url";
    case TokenKind::kEmail: return "email";
    case TokenKind::kHashtag: return "hashtag";
    case TokenKind::kMention: return "mention";
    case TokenKind::kAbbreviation: return "abbreviation";
    case TokenKind::kPunct: return "punct";
    case TokenKind::kSpace: return "space";
    case TokenKind::kOther: return "other";
  }
  return "other";
}

void PreTokenize(std::string_view text, std::vector<Token>* tokens) {
  Scanner(text, tokens).Run();
}

namespace internal {

uint64_t PreTokenizeCountingSteps(std::string_view text, std::vector<Token>* tokens) {
  Scanner scanner(text, tokens);
  scanner.Run();
  return scanner.steps();
}

}  // namespace internal

bool IsWordChar(char32_t c) {
  CharClass cls = Classify(c);
  return cls == kLetter || cls == kDigit || cls == kMark;
}

bool IsSpaceChar(char32_t c) { return Classify(c) == kSpaceChar; }

}  // namespace vnseg

#include "vnseg/stream_cut.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>

#include "abbreviations.h"
#include "char_table.h"
#include "utf8_fast.h"
#include "vnseg/segmenter.h"
#include "vnseg/sentences.h"
#include "vnseg/tokenizer.h"

namespace vnseg {
namespace {

// If text[end - 1] is '.', the run of dots ending there is one the
// segmenter takes for a sentence end: "." or "..." (".." and "...." are
// not, see Segmenter::StartsSentence). True for any other character.
bool SentenceDots(std::string_view text, size_t end) {
  size_t n = 0;
  while (n < end && text[end - 1 - n] == '.') ++n;
  return n <= 1 || n == 3;
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Rule 2 of kSegment: 16 bytes before the end of the last run of 32 or more
// ASCII letters and digits; 0 if there is none.
constexpr size_t kAlnumHalf = 16;
size_t AlnumRunCut(std::string_view text) {
  size_t run = 0;  // letters and digits from i on
  for (size_t i = text.size(); i-- > 0;) {
    if (!IsAsciiAlnum(text[i])) {
      run = 0;
      continue;
    }
    if (++run == 2 * kAlnumHalf) return i + kAlnumHalf;
  }
  return 0;
}

// Code points that attach to the one before them (or, a joiner, to the one
// after): the tokenizer keeps them with it, so a cut must not fall there.
bool Attaches(char32_t c) {
  return (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0 || c == 0x200D || c == 0xFE0E || c == 0xFE0F ||
         (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0x1F1E6 && c <= 0x1F1FF);
}

// Rule 3 of kSegment: the last code point boundary, with a whole code point
// after it, before which Unicode normalization (NFC, after dropping the
// invisible characters) starts afresh and the tokenizer sees a character of
// its own, before `limit` (code points are decoded against the end of
// `text`, which may go on past it). 0 if there is none.
Cut BoundaryCut(std::string_view text, size_t limit) {
  const absl::StatusOr<Normalizers> normalizers = IcuNormalizers();
  if (!normalizers.ok()) return Cut{};
  const icu::Normalizer2* nfc = normalizers->nfc;
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  for (size_t p = std::min(limit, text.size()); p-- > 1;) {
    if (IsContinuationByte(text[p]) || text[p] == '_' || text[p - 1] == '_') continue;
    char32_t c, before;
    if (DecodeUtf8(begin + p, end, &c) == 0 || DecodeUtf8Before(begin, begin + p, &before) == 0) continue;
    if (Attaches(c) || before == 0x200D || IsInvisibleFormatChar(c) || !nfc->hasBoundaryBefore(c)) {
      continue;
    }
    const bool glued = (IsWordChar(before) && IsWordChar(c)) || (before == '.' && c == '.');
    return Cut{p, glued, false};
  }
  return Cut{};
}

// The last position before `limit` that is not inside a well-formed UTF-8
// sequence; 0 if there is none. The sequences are decoded against the end
// of `text`: one that crosses `limit` is whole, not ill-formed.
size_t CodePointCut(std::string_view text, size_t limit) {
  for (size_t p = std::min(limit, text.size()); p-- > 1;) {
    if (!IsContinuationByte(text[p])) return p;
    char32_t c;  // a continuation byte: inside a sequence unless that is ill-formed
    bool inside = false;
    for (size_t k = 1; k <= 3 && k <= p && !inside; ++k) {
      int len = DecodeUtf8(text.data() + p - k, text.data() + text.size(), &c);
      inside = len > static_cast<int>(k);
    }
    if (!inside) return p;
  }
  return 0;
}

size_t WhiteSpaceCut(std::string_view text, bool fallback);

// Rule 4 of kSegment: before the last run of '_' that has a character
// before it; 0 if none.
size_t UnderscoreCut(std::string_view text) {
  for (size_t p = text.size(); p-- > 1;) {
    if (text[p] == '_' && text[p - 1] != '_') return p;
  }
  return 0;
}

// The start of the initial and its period that end `text` ("H." after a
// character that is no word character, or at the start: IsInitial), which
// --tokenize may keep as one word (JoinAbbreviations); npos if none.
size_t InitialBefore(std::string_view text) {
  const size_t n = text.size();
  if (n < 2 || text[n - 1] != '.') return std::string_view::npos;
  char32_t c, before;
  const int len = DecodeUtf8Before(text.data(), text.data() + n - 1, &c);
  if (len == 0) return std::string_view::npos;
  const size_t start = n - 1 - static_cast<size_t>(len);
  if (!IsInitial(text.substr(start, static_cast<size_t>(len)))) return std::string_view::npos;
  if (start > 0 && DecodeUtf8Before(text.data(), text.data() + start, &before) != 0 &&
      IsWordChar(before)) {
    return std::string_view::npos;
  }
  return start;
}

// kTokenized: WhiteSpaceCut, but never just after an abbreviation whose
// period --tokenize keeps (KeepsPeriod) or an initial and its period
// (InitialBefore): the piece before the cut would end there as a line
// does, which splits the period off ("Mr . |Smith", "ông H . |nói").
// `*blocked`: the last cut refused so (0 if none). Each try looks only
// before the last, so this stays linear.
size_t TokenizedCut(std::string_view text, size_t* blocked) {
  size_t cut = WhiteSpaceCut(text, false);
  while (cut > 0) {
    size_t end = cut;
    while (end > 0 && IsOneOf(text[end - 1], " \t\r")) --end;
    size_t abbreviation = std::string_view::npos;
    for (size_t n = 2; n <= kMaxAbbreviationBytes && n <= end; ++n) {
      if (KeepsPeriod(text.substr(end - n, n))) abbreviation = end - n;
    }
    if (size_t initial = InitialBefore(text.substr(0, end)); initial != std::string_view::npos) {
      abbreviation = std::min(abbreviation, initial);
    }
    if (abbreviation == std::string_view::npos) return cut;
    if (*blocked == 0) *blocked = cut;
    cut = WhiteSpaceCut(text.substr(0, abbreviation), false);
  }
  return 0;
}

Cut SegmentCut(const std::string_view all, bool tokenized) {
  std::string_view text = all;
  if (tokenized) {
    // Its exact cuts change nothing wherever they fall: small pieces, as
    // its output and the windows of long runs take more memory.
    const std::string_view head = text.substr(0, kMaxSpacelessPiece);
    size_t blocked = 0;
    if (size_t cut = TokenizedCut(head, &blocked)) return Cut{cut, false, true};
    // Only after an abbreviation: read on while the text is short (with
    // the reader's 1 MiB blocks it never is), else cut there after all.
    if (blocked > 0 && all.size() < kMaxSpacelessPiece) return Cut{};
    if (blocked > 0) return Cut{blocked, false, false};
    // A window starts every 16384 syllables: well within the head.
    if (size_t cut = Segmenter::LastRunWindow(head)) return Cut{cut, false, true, true};
  }
  // No piece may hold a stretch without white space longer than
  // kMaxSpacelessPiece, even one that a line end follows (SegmentText
  // splits a piece only at white space): cut before the first such
  // stretch, or, if the text starts with it, inside its head.
  const size_t stretch = SpacelessRunStart(text);
  if (stretch != std::string_view::npos) text = text.substr(0, stretch);
  if (size_t cut = WhiteSpaceCut(text, false)) return Cut{cut, false, !tokenized};
  if (size_t cut = WhiteSpaceCut(text, true)) return Cut{cut, false, false};
  // No white space before the stretch, or none at all. Code points are
  // decoded against the end of `all`: one that crosses the head's is whole.
  const std::string_view head = all.substr(0, kMaxSpacelessPiece);
  if (size_t cut = AlnumRunCut(head)) return Cut{cut, true, false};
  if (Cut cut = BoundaryCut(all, head.size()); cut.size > 0) return cut;
  if (size_t cut = UnderscoreCut(head)) return Cut{cut, true, false};
  return Cut{CodePointCut(all, head.size()), true, false};
}

// A joint: one '_' between two word characters, which join turns into a
// space (text[p + 1] must exist).
bool IsJointAt(std::string_view text, size_t p) {
  if (p == 0 || p + 1 >= text.size() || text[p] != '_' || text[p - 1] == '_' || text[p + 1] == '_') {
    return false;
  }
  const char* const begin = text.data();
  char32_t before, after;
  return DecodeUtf8Before(begin, begin + p, &before) != 0 && IsWordChar(before) &&
         DecodeUtf8(begin + p + 1, begin + text.size(), &after) != 0 && IsWordChar(after);
}

bool IsTokenByte(char c) { return c != ' ' && c != '_' && c != '\n' && c != '\r'; }

Cut JoinCut(std::string_view text) {
  size_t nl = text.rfind('\n');
  if (nl != std::string_view::npos) return Cut{nl + 1, false};
  // Rule 2, not after a lone straight quote (and spaces): --detok reads
  // the token after one to pair it.
  const size_t last_space = text.rfind(' ');
  for (size_t space = last_space; space != std::string_view::npos;) {
    const size_t token_end = text.find_last_not_of(' ', space);
    if (token_end == std::string_view::npos) break;
    const bool lone_quote = (text[token_end] == '"' || text[token_end] == '\'') &&
                            (token_end == 0 || text[token_end - 1] == ' ');
    if (!lone_quote) return Cut{space + 1, false};
    space = token_end == 0 ? std::string_view::npos : text.rfind(' ', token_end - 1);
  }
  if (last_space != std::string_view::npos) return Cut{last_space + 1, false, false};
  // Rules 3-6 look at the head only, but decode against the whole text: a
  // code point that crosses the head's end is whole.
  const std::string_view head = text.substr(0, kMaxSpacelessPiece);
  // Rule 3: before a joint, '_' between two word characters.
  for (size_t p = head.size() >= 2 ? head.size() - 2 : 0; p >= 1; --p) {
    if (IsJointAt(text, p)) return Cut{p, false};
  }
  // Rule 4: inside a token of at least 5 bytes.
  size_t run = 0;  // token bytes from i on
  for (size_t i = head.size(); i-- > 0;) {
    run = IsTokenByte(head[i]) ? run + 1 : 0;
    // A cut at p = i + 4 has text[i .. p] (5 bytes) in the token.
    if (run >= 5 && !IsContinuationByte(head[i + 4])) return Cut{i + 4, true};
  }
  // Rule 5: before a run of literal '_' (a token character to --detok) with
  // 8 bytes before it in the same token: at least 4 once joined.
  for (size_t p = head.size(); p-- > 8;) {
    if (text[p] != '_' || text[p - 1] == '_' || IsJointAt(text, p)) continue;
    bool token = true;
    for (size_t i = p - 8; i < p && token; ++i) {
      token = text[i] != ' ' && text[i] != '\n' && text[i] != '\r' && !IsJointAt(text, i);
    }
    if (token) return Cut{p, true};
  }
  return Cut{CodePointCut(text, head.size()), true, false};
}

// SafeCutPoint and ExactCutPoint: the exact cut nearest the end, else the
// last white space if `fallback`.
size_t WhiteSpaceCut(std::string_view text, bool fallback) {
  size_t nl = text.rfind('\n');
  if (nl != std::string_view::npos) return nl + 1;
  size_t last = 0;
  for (size_t i = text.size(); i-- > 0;) {
    char c = text[i];
    if (c != ' ' && c != '\t' && c != '\r') continue;
    if (last == 0) last = i + 1;
    // After a full stop (and the like) a sentence starts on both sides of
    // the cut, so the name rule of the segmenter sees the same context.
    bool after_punct = i > 0 && IsOneOf(text[i - 1], ".!?:") && SentenceDots(text, i);
    bool not_single_space = c != ' ' || (i + 1 < text.size() && text[i + 1] == ' ');
    // Before a digit or ASCII punctuation no syllable starts: no run of
    // syllables crosses the cut, and the tokens after it decide for
    // themselves whether a sentence starts.
    bool before_non_syllable = i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0x80 &&
                               text[i + 1] > ' ' && text[i + 1] != 0x7F &&
                               !IsAsciiLetter(text[i + 1]);
    if (after_punct || not_single_space || before_non_syllable) return i + 1;
  }
  return fallback ? last : 0;
}

}  // namespace

size_t SpacelessRunStart(std::string_view text) {
  // Every block of the reader goes through here: look at the few bytes
  // before the end of each window of kMaxSpacelessPiece, not at every byte.
  // A stretch from `start` is too long if text[start, start + k] has no
  // white space; else the next that can be starts after the last white
  // space found there. text[start, clean) is known to have none, so no
  // byte is looked at twice.
  auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  const size_t k = kMaxSpacelessPiece;
  size_t start = 0, clean = 0;
  while (start + k < text.size()) {
    size_t i = start + k + 1;  // look back from text[start + k]
    while (i > clean && !is_space(text[i - 1])) --i;
    if (i == clean) return start;  // text[start, start + k] has no white space
    clean = start + k + 1;
    start = i;
  }
  return std::string_view::npos;
}

size_t SafeCutPoint(std::string_view text) { return WhiteSpaceCut(text, true); }

size_t ExactCutPoint(std::string_view text) { return WhiteSpaceCut(text, false); }

Cut FindCut(std::string_view text, CutRules rules) {
  if (rules == CutRules::kJoin) return JoinCut(text);
  if (rules == CutRules::kSentences) {
    std::string_view head = text.substr(0, SpacelessRunStart(text));
    if (size_t nl = head.rfind('\n'); nl != std::string_view::npos) return Cut{nl + 1, false};
    if (size_t cut = LastSentenceCut(head)) return Cut{cut, false};
  }
  return SegmentCut(text, rules == CutRules::kTokenized);
}

}  // namespace vnseg

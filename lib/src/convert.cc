#include "vnseg/convert.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "abbreviations.h"
#include "line_ends.h"
#include "sentence_marks.h"
#include "utf8_fast.h"
#include "vnseg/sentences.h"

namespace vnseg {
namespace {

constexpr bool kLittleEndian = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;

// IsWordChar(c), with ASCII and the Latin letter ranges of Vietnamese
// (tokenizer.cc's AsciiClass and InLatinLetterRanges) answered inline:
// join asks for each '_', and the call and the classification were a
// sixth of its time. convert_test checks it against IsWordChar.
inline bool IsWordCharFast(char32_t c) {
  if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
  if ((c >= 0xC0 && c < 0x280 && c != 0xD7 && c != 0xF7) || (c >= 0x1E00 && c < 0x1F00)) return true;
  return IsWordChar(c);
}

// Is the code point that ends at byte `pos` a word character?
inline bool WordCharBefore(std::string_view text, size_t pos) {
  if (pos == 0) return false;
  const unsigned char last = static_cast<unsigned char>(text[pos - 1]);
  if (last < 0x80) return IsWordCharFast(last);  // no decoding
  // Nor for the letters of IsWordCharFast's ranges (most Vietnamese ones):
  // C3..C9 and a continuation byte (U+00C0..U+027F but × and ÷), or E1,
  // B8..BB and one (U+1E00..U+1EFF). Decoding backwards was a tenth of join.
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  if (last <= 0xBF && pos >= 2 && s[pos - 2] >= 0xC3 && s[pos - 2] <= 0xC9) {
    return !(s[pos - 2] == 0xC3 && (last == 0x97 || last == 0xB7));
  }
  if (last <= 0xBF && pos >= 3 && s[pos - 3] == 0xE1 && s[pos - 2] >= 0xB8 && s[pos - 2] <= 0xBB) return true;
  char32_t c;
  return DecodeUtf8Before(text.data(), text.data() + pos, &c) != 0 && IsWordCharFast(c);
}

// Is the code point that starts at byte `pos` a word character?
bool WordCharAfter(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  const unsigned char first = static_cast<unsigned char>(text[pos]);
  if (first < 0x80) return IsWordCharFast(first);  // no decoding
  char32_t c;
  return DecodeUtf8(text.data() + pos, text.data() + text.size(), &c) != 0 && IsWordCharFast(c);
}

// Appends text[pos, end) to `out`, doubling each run of literal '_' that
// sits between two word characters (the escape documented in convert.h).
// `word_char_before`: text[0] follows a word character (PieceState).
void AppendEscaped(std::string_view text, size_t pos, size_t end, bool word_char_before,
                   std::string* out) {
  while (pos < end) {
    const void* hit = std::memchr(text.data() + pos, '_', end - pos);
    if (hit == nullptr) {
      out->append(text.data() + pos, end - pos);
      return;
    }
    size_t run = static_cast<size_t>(static_cast<const char*>(hit) - text.data());
    out->append(text.data() + pos, run - pos);
    size_t run_end = run;
    while (run_end < end && text[run_end] == '_') ++run_end;
    size_t n = run_end - run;
    bool escape = (run == 0 ? word_char_before : WordCharBefore(text, run)) &&
                  WordCharAfter(text, run_end);
    out->append(escape ? 2 * n : n, '_');
    pos = run_end;
  }
}

// Appends one word with its inner spaces written as '_'.
void AppendWord(std::string_view text, const Word& w, bool word_char_before, std::string* out) {
  size_t pos = w.begin;
  if (w.syllables > 1) {
    for (size_t i = w.begin; i < w.end; ++i) {
      if (text[i] == ' ') {
        AppendEscaped(text, pos, i, word_char_before, out);
        out->push_back('_');
        pos = i + 1;
      }
    }
  }
  AppendEscaped(text, pos, w.end, word_char_before, out);
}

constexpr size_t kSegmentPieceBytes = 1 << 16;
constexpr size_t kMaxLinePieceBytes = 1 << 17;

void RenderLossless(std::string_view text, const std::vector<Word>& words, bool word_char_before,
                    std::string* out) {
  if (std::memchr(text.data(), '_', text.size()) == nullptr) {
    // Nothing to escape (most text): copy it whole, then turn the inner
    // spaces of multi-syllable words into '_' in place.
    const size_t base = out->size();
    out->append(text);
    char* copy = out->data() + base;
    for (const Word& w : words) {
      if (w.syllables < 2) continue;
      for (size_t i = w.begin; i < w.end; ++i) {
        if (copy[i] == ' ') copy[i] = '_';
      }
    }
    return;
  }
  size_t pos = 0;
  for (const Word& w : words) {
    AppendEscaped(text, pos, w.begin, word_char_before, out);  // white space between words
    AppendWord(text, w, word_char_before, out);
    pos = w.end;
  }
  AppendEscaped(text, pos, text.size(), word_char_before, out);
}

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// `start`: the state of the line before `text` (PieceState).
void RenderTokenized(std::string_view text, const std::vector<Word>& segmented,
                     const PieceState& start, std::vector<Word>* scratch, std::string* out) {
  scratch->assign(segmented.begin(), segmented.end());
  JoinAbbreviations(text, scratch);
  const std::vector<Word>& words = *scratch;
  size_t pos = 0;
  bool line_has_word = start.after_word;
  auto emit_gap = [&](size_t end) {  // keep only the line ends of a gap
    for (; pos < end; ++pos) {
      if (text[pos] == '\n' || text[pos] == '\r') {
        out->push_back(text[pos]);
        line_has_word = false;
      }
    }
  };
  bool after_mark = false;  // a byte order mark, no word: it stays on the word after it
  for (size_t k = 0; k < words.size(); ++k) {
    const Word& w = words[k];
    emit_gap(w.begin);
    const bool continues = k == 0 && start.inside_word && w.begin == 0;  // one word cut in two
    if (line_has_word && !continues && !after_mark) out->push_back(' ');
    AppendWord(text, w, start.word_char_before, out);
    line_has_word = true;
    after_mark = text.substr(w.begin, w.end - w.begin) == kByteOrderMark;
    pos = w.end;
  }
  emit_gap(text.size());
}

bool IsClosing(std::string_view t) {
  static constexpr std::string_view kClosing[] = {",", ".", ":", ";", "!", "?", ")", "]", "}",
                                                  "%", "…", "...", "”", "’", "»"};
  for (std::string_view c : kClosing) {
    if (t == c) return true;
  }
  return false;
}

bool IsClosingBracket(std::string_view t) { return t == ")" || t == "]" || t == "}"; }

bool IsOpening(std::string_view t) {
  return t == "(" || t == "[" || t == "{" || t == "“" || t == "‘" || t == "«";
}

// One line of tokenized text (no line end) back to natural spacing, from
// the state `s` of the line before it, which it updates; appends to `out`
// unless it is null (the reader only follows the state).
void DetokenizeLine(std::string_view line, PieceState* s, std::string* out) {
  size_t i = 0;
  if (s->inside_word) {  // the rest of a token cut in two: no space, no test
    i = std::min(line.find(' '), line.size());
    if (out != nullptr) out->append(line.substr(0, i));
    s->inside_word = false;
    // The token is terminal only if its rest is dots too ("...." + "..").
    if (line.substr(0, i).find_first_not_of('.') != std::string_view::npos) {
      s->sentence_end = false;
    }
  }
  // A hand-made split on ' ': absl::StrSplit(..., absl::SkipEmpty()) here
  // costs 22% more instructions for join --detok (cachegrind, 3 MB of UD VTB).
  while (i < line.size()) {
    if (line[i] == ' ') {
      ++i;
      continue;
    }
    size_t j = line.find(' ', i);
    if (j == std::string_view::npos) j = line.size();
    std::string_view tok = line.substr(i, j - i);
    bool space_before = s->after_word && !s->glue_next;
    s->glue_next = false;
    // Straight quotes are paired per sentence: a capital after the end of
    // a sentence starts another, and the quotes still open become stale.
    const bool after_end = s->sentence_end;
    if (after_end && StartsWithCapital(tok)) {
      s->double_stale = s->in_double;
      s->single_stale = s->in_single;
    }
    bool closed = false;
    if (tok == "\"" || tok == "'") {
      const bool is_double = tok == "\"";
      bool& open = is_double ? s->in_double : s->in_single;
      bool& stale = is_double ? s->double_stale : s->single_stale;
      // A stale quote closes right after the end of a sentence (a quotation
      // of several: "\"Mẹ! Bố!\"") or before a closing mark or the line end
      // ("\"Tôi ... 91... LBKT nhờ chị xem lại\"."); between two words it
      // was unpaired, and stays where it is while this one opens ("\"Chạy
      // đi! Rồi anh nói \"đừng sợ\""). The token after the quote is in the
      // same piece: the reader's cut never follows a lone quote (FindCut).
      if (open && stale && !after_end) {
        const size_t next = line.find_first_not_of(' ', j);
        open = next == std::string_view::npos ||
               IsClosing(line.substr(next, std::min(line.find(' ', next), line.size()) - next));
      }
      stale = false;
      if (open) {
        space_before = false;  // closing quote
        closed = true;
      } else {
        s->glue_next = true;  // opening quote
      }
      open = !open;
    } else if (IsClosing(tok)) {
      space_before = false;
    } else if (tok == "/" && s->after_word) {
      // Between two tokens a slash joins them (AFP/TTXVN, đồng/tháng,
      // HIV/AIDS, 2554/QĐ, as UD VTB's "đồng / tháng" was written): the
      // tokenizer splits every such slash, so x/y comes back whole.
      space_before = false;
      s->glue_next = true;
    }
    if (IsOpening(tok)) s->glue_next = true;
    // The end of a sentence: a terminal mark, then any closing quotes and
    // brackets (an opening straight quote starts the next sentence).
    s->sentence_end = IsTerminal(tok) || (after_end && IsCloser(tok) &&
                                          (closed || (tok != "\"" && tok != "'")));
    if (out != nullptr) {
      if (space_before) out->push_back(' ');
      out->append(tok);
    }
    s->after_word = true;
    i = j;
  }
}

// Detokenizes `all` (the plain join of a piece, any number of lines) from
// `start`, keeping the line ends; returns the state after it. Appends to
// `out` unless it is null.
PieceState Detokenize(std::string_view all, const PieceState& start, std::string* out) {
  PieceState state = start;
  size_t pos = 0;
  while (pos <= all.size()) {
    size_t nl = all.find('\n', pos);
    size_t stop = nl == std::string_view::npos ? all.size() : nl;
    std::string_view line = all.substr(pos, stop - pos);
    bool cr = !line.empty() && line.back() == '\r';
    if (cr) line.remove_suffix(1);
    DetokenizeLine(line, &state, out);
    if (cr && out != nullptr) out->push_back('\r');
    if (nl == std::string_view::npos) break;
    if (out != nullptr) out->push_back('\n');
    state = PieceState{};
    pos = nl + 1;
  }
  return state;
}

// Where the first '_' of the 8 bytes at `p` is (0..7), or 8 if none: the
// zero-byte test of x ^ "________" (its lowest flagged byte is the first
// match; flags above it may be false). Little-endian byte order.
inline int FirstUnderscore(const char* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  x ^= 0x5F5F5F5F5F5F5F5Full;
  const uint64_t flags = (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
  return flags == 0 ? 8 : __builtin_ctzll(flags) / 8;
}

// Bit k set exactly where p[k] == '_', of the 64 bytes at `p`: the exact
// zero-byte test of x ^ "________" per 8 bytes (no carries between bytes),
// its high bits gathered into a byte by a multiply. One mask per 64 bytes:
// a branch per 8 bytes mispredicted at every '_'. Little-endian byte order.
inline uint64_t UnderscoreMask(const char* p) {
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
  uint64_t mask = 0;
  for (int k = 0; k < 8; ++k) {
    uint64_t x;
    std::memcpy(&x, p + 8 * k, 8);
    x ^= 0x5F5F5F5F5F5F5F5Full;
    const uint64_t high = ~(((x & kLow7) + kLow7) | x | kLow7);  // bit 7 of each '_' byte
    mask |= (((high >> 7) * 0x0102040810204080ull) >> 56) << (8 * k);
  }
  return mask;
}

// Whether the run of `count` '_' at text[run, end) is segment's: between two
// word characters, one (a space) or an even number (count / 2 literal '_').
bool JoinsRun(std::string_view text, size_t run, size_t end, bool word_char_before) {
  const size_t count = end - run;
  return (count == 1 || count % 2 == 0) && (run == 0 ? word_char_before : WordCharBefore(text, run)) &&
         WordCharAfter(text, end);
}

// JoinPlain from text[i] on, where out[base, base + n) holds a copy of
// `text` and out[base, base + i) is joined: copies 8 bytes at a time and
// rewrites the runs of '_', closing up behind a run that shrinks (the
// output is never longer than the input, so a store of 8 stays inside).
void JoinCompacting(std::string_view text, size_t i, bool word_char_before, size_t base, std::string* out) {
  const size_t n = text.size();
  const char* in = text.data();
  char* w = out->data() + base + i;  // <= out + base + i
  while (i < n) {
    if (i + 8 <= n && kLittleEndian) {
      std::memcpy(w, in + i, 8);
      const int k = FirstUnderscore(in + i);
      i += k;
      w += k;
      if (k == 8) continue;
    } else if (in[i] != '_') {
      *w++ = in[i++];
      continue;
    }
    const size_t run = i;  // in[i] == '_'
    while (i < n && in[i] == '_') ++i;
    const size_t count = i - run;
    if (!JoinsRun(text, run, i, word_char_before)) {
      w = std::fill_n(w, count, '_');  // not written by segment: keep as it is
    } else if (count == 1) {
      *w++ = ' ';
    } else {
      w = std::fill_n(w, count / 2, '_');
    }
  }
  out->resize(static_cast<size_t>(w - out->data()));
}

// The plain join of `text` (see JoinText) appended to `out`. A '_' comes
// every 30 bytes or so of segmented text: a memchr and two appends per '_'
// were half of `vnseg join`'s time. So `text` is copied whole and a '_'
// between two words becomes a space in place; the text is scanned for '_'
// at fixed steps, which the processor overlaps (a loop that steps to the
// next '_' waits for each load). Only an escaped run ("a__b"), which
// shrinks, hands the rest to JoinCompacting.
void JoinPlain(std::string_view text, bool word_char_before, std::string* out) {
  const size_t base = out->size();
  const size_t n = text.size();
  out->append(text);
  if (!kLittleEndian) return JoinCompacting(text, 0, word_char_before, base, out);
  const char* in = text.data();
  char* copy = out->data() + base;
  size_t next = 0;  // the first byte that no run seen so far covers
  for (size_t block = 0; block < n; block += 64) {
    char bytes[64] = {};  // the last block, padded with NULs
    const char* at = in + block;
    if (n - block < 64) at = static_cast<const char*>(std::memcpy(bytes, at, n - block));
    for (uint64_t mask = UnderscoreMask(at); mask != 0; mask &= mask - 1) {
      const size_t run = block + static_cast<size_t>(__builtin_ctzll(mask));
      if (run < next) continue;  // inside the run before
      next = run;
      while (next < n && in[next] == '_') ++next;
      if (!JoinsRun(text, run, next, word_char_before)) continue;  // kept as copied
      if (next - run > 1) return JoinCompacting(text, run, word_char_before, base, out);
      copy[run] = ' ';
    }
  }
}

// SentenceLines, each sentence written by `write(sentence, state, out)`
// (state: `start` for a sentence that goes on a word cut in two at the start
// of `text`, else fresh: a sentence starts its own output line).
template <typename Write>
void WriteSentenceLines(std::string_view text, const PieceState& start, Write write,
                        std::string* out) {
  std::vector<SentenceSpan> sentences;
  SplitSentences(text, &sentences);
  size_t pos = 0;
  bool on_line = start.after_word || start.inside_word;  // a sentence on the line so far
  for (const SentenceSpan& s : sentences) {
    size_t ends = CountLineEnds(text.substr(pos, s.begin - pos));
    if (ends > 0 && on_line) --ends;  // the line end of the sentence before
    out->append(ends, '\n');
    write(text.substr(s.begin, s.end - s.begin),
          s.begin == 0 && start.inside_word ? start : PieceState{}, out);
    out->push_back('\n');
    on_line = true;
    pos = s.end;
  }
  size_t ends = CountLineEnds(text.substr(pos));
  if (ends > 0 && on_line) --ends;
  out->append(ends, '\n');
}

// Whether the initial w[k] ("H", IsInitial) and the period w[k + 1] are one
// word, as UD VTB writes them ("ông H. nói"): the period touches nothing
// after it, and the line goes on after it with a word that it does not end
// a sentence before, as the sentence splitter decides: one that starts
// with neither a capital nor a digit, or any word when the initial follows
// a name (`before`, the word before it, is a syllable that
// NamesBeforeInitial, one space before: "bà G. Nam", "ông H. Nam";
// but "ở phường K. Ông ...", "từ A đến Z. 15 ..."). `before` may be null.
bool JoinsInitial(std::string_view text, const Word* before, const std::vector<Word>& w,
                  size_t k) {
  auto text_of = [text](const Word& x) { return text.substr(x.begin, x.end - x.begin); };
  if (k + 2 >= w.size() || w[k].kind != TokenKind::kSyllable || !IsInitial(text_of(w[k])) ||
      (before != nullptr && before->end == w[k].begin) || w[k + 1].begin != w[k].end ||
      text_of(w[k + 1]) != ".") {
    return false;
  }
  const Word& next = w[k + 2];
  if (next.begin == w[k + 1].end ||
      CountLineEnds(text.substr(w[k + 1].end, next.begin - w[k + 1].end)) != 0 ||
      (next.kind != TokenKind::kSyllable && next.kind != TokenKind::kNumber)) {
    return false;
  }
  const std::string_view next_text = text_of(next);
  const bool digit = next_text[0] >= '0' && next_text[0] <= '9';
  if (!StartsWithCapital(next_text) && !digit) return true;
  if (before == nullptr || before->kind != TokenKind::kSyllable ||
      text.substr(before->end, w[k].begin - before->end) != " ") {
    return false;
  }
  const std::string_view name = text_of(*before);
  return NamesBeforeInitial(name.substr(name.rfind(' ') + 1));  // its last syllable
}

}  // namespace

void JoinAbbreviations(std::string_view text, std::vector<Word>* words) {
  std::vector<Word>& w = *words;
  size_t to = 0;
  for (size_t k = 0; k < w.size(); ++k, ++to) {
    Word word = w[k];
    // w[0, to) are the words so far; w[k..] are as Segment() gave them.
    if (JoinsInitial(text, to > 0 ? &w[to - 1] : nullptr, w, k)) {
      word.end = w[k + 1].end;
      word.kind = TokenKind::kAbbreviation;
      w[to] = word;
      ++k;
      continue;
    }
    // words[k..j] touch one another, and no word touches the last but a
    // closing bracket ("(Mr.)", "(v.v.)": the period is the abbreviation's,
    // a sentence's would follow the bracket).
    for (size_t j = k + 1; j < w.size() && w[j].begin == w[j - 1].end &&
                           w[j].end - word.begin <= kMaxAbbreviationBytes; ++j) {
      const bool touched = j + 1 < w.size() && w[j + 1].begin == w[j].end;
      if (touched && !IsClosingBracket(text.substr(w[j + 1].begin, w[j + 1].end - w[j + 1].begin))) {
        continue;
      }
      if (!KeepsPeriod(text.substr(word.begin, w[j].end - word.begin))) continue;
      const size_t gap = w[j].end;
      const bool line_ends = !touched && (j + 1 == w.size() ||
          text.substr(gap, w[j + 1].begin - gap).find_first_of("\n\r") != std::string_view::npos);
      const size_t last = line_ends ? j - 1 : j;  // a period before a line end stays alone
      if (last == k) break;
      word.end = w[last].end;
      word.kind = TokenKind::kAbbreviation;
      word.syllables = 1;
      k = last;
      break;
    }
    w[to] = word;
  }
  w.resize(to);
}

void SentenceLines(std::string_view text, const PieceState& start, std::string* out) {
  WriteSentenceLines(
      text, start,
      [](std::string_view sentence, const PieceState&, std::string* o) { o->append(sentence); },
      out);
}

void SegmentText(Segmenter& segmenter, std::string_view text, const SegmentOptions& options,
                 std::string* out) {
  SegmentText(segmenter, text, options, PieceState{}, out);
}

void SegmentText(Segmenter& segmenter, std::string_view text, const SegmentOptions& options,
                 const PieceState& start, std::string* out) {
  if (options.sentences) {
    SegmentOptions each = options;
    each.sentences = false;
    WriteSentenceLines(
        text, start,
        [&](std::string_view sentence, const PieceState& state, std::string* o) {
          SegmentText(segmenter, sentence, each, state, o);
        },
        out);
    return;
  }
  out->reserve(out->size() + text.size() + text.size() / 16);
  // In pieces of about kSegmentPieceBytes that end at a line end: a run of
  // syllables never crosses one and a line starts a sentence either way, so
  // the words are the same as in one go, while the tokens and words of a
  // piece (some 7 times its size) stay in the processor's cache. (A
  // megabyte at once made them a round trip through memory: 9% of the time.)
  // A line longer than kMaxLinePieceBytes (a piece of one from the CLI's
  // reader) is cut where the parts segment like the whole (ExactCutPoint),
  // if it can be: its tokens and words (up to 24 bytes a byte) stay small.
  size_t begin = 0;
  PieceState state = start;
  std::vector<Word> joined;  // RenderTokenized's words
  do {
    size_t end = text.size();
    if (end - begin > kSegmentPieceBytes) {
      const size_t nl = text.find('\n', begin + kSegmentPieceBytes);
      if (nl != std::string_view::npos) end = nl + 1;
      if (end - begin > kMaxLinePieceBytes) {
        if (size_t cut = ExactCutPoint(text.substr(begin, kMaxLinePieceBytes))) end = begin + cut;
      }
    }
    const std::string_view piece = text.substr(begin, end - begin);
    const std::vector<Word>& words =
        segmenter.Segment(piece, state.continues_run, state.lower_case_sentence);
    if (options.tokenize) {
      RenderTokenized(piece, words, state, &joined, out);
    } else {
      RenderLossless(piece, words, state.word_char_before, out);
    }
    state = SegmentStateAfter(piece, state, Cut{});
    begin = end;
  } while (begin < text.size());
}

PieceState SegmentStateAfter(std::string_view piece, const PieceState& start, const Cut& cut) {
  PieceState state;
  state.word_char_before = WordCharBefore(piece, piece.size());
  state.continues_run = cut.continues_run;
  state.lower_case_sentence =
      Segmenter::LowerCaseSentenceAfter(piece, start.continues_run, start.lower_case_sentence);
  if (cut.inside_word) {
    state.after_word = state.inside_word = true;
    return state;
  }
  // Back over the white space at the end (the gap that tokenized output
  // drops) to a line end (none on the line yet) or a word.
  size_t pos = piece.size();
  while (pos > 0) {
    const char last = piece[pos - 1];
    if (last == '\n' || last == '\r') return state;
    char32_t c;
    const int len = DecodeUtf8Before(piece.data(), piece.data() + pos, &c);
    if (len == 0 || !IsSpaceChar(c)) {  // an invalid byte is a word too
      state.after_word = true;
      return state;
    }
    pos -= static_cast<size_t>(len);
  }
  state.after_word = start.after_word || start.inside_word;
  return state;
}

void JoinText(std::string_view text, const JoinOptions& options, std::string* out) {
  JoinText(text, options, PieceState{}, out);
}

void JoinText(std::string_view text, const JoinOptions& options, const PieceState& start,
              std::string* out) {
  if (!options.detok) {
    JoinPlain(text, start.word_char_before, out);
    return;
  }
  std::string joined;
  JoinPlain(text, start.word_char_before, &joined);
  Detokenize(joined, start, out);
}

PieceState DetokStateAfter(std::string_view piece, const PieceState& start, const Cut& cut) {
  std::string joined;
  JoinPlain(piece, start.word_char_before, &joined);
  PieceState state = Detokenize(joined, start, nullptr);
  // FindCut leaves at least 4 bytes of a token it cuts in two on the left
  // of the cut: not a quote or bracket, so it changed nothing above but
  // after_word, and its rest goes on without a space.
  state.inside_word = cut.inside_word;
  state.word_char_before = WordCharBefore(piece, piece.size());
  return state;
}

PieceState JoinStateAfter(std::string_view piece, const PieceState&, const Cut&) {
  PieceState state;
  state.word_char_before = WordCharBefore(piece, piece.size());
  return state;
}

void ResegmentText(Segmenter& segmenter, std::string_view text, std::string* out) {
  ResegmentText(segmenter, text, PieceState{}, out);
}

void ResegmentText(Segmenter& segmenter, std::string_view text, const PieceState& start,
                   std::string* out) {
  std::string joined;
  JoinText(text, JoinOptions{}, start, &joined);
  SegmentText(segmenter, joined, SegmentOptions{}, start, out);
}

}  // namespace vnseg

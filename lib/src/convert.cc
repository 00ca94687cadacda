#include "vnseg/convert.h"


#include <cstring>

#include "utf8_fast.h"

namespace vnseg {
namespace {

// Is the code point that ends at byte `pos` a word character?
bool WordCharBefore(std::string_view text, size_t pos) {
  if (pos == 0) return false;
  const unsigned char last = static_cast<unsigned char>(text[pos - 1]);
  if (last < 0x80) return IsWordChar(last);  // no decoding
  char32_t c;
  return DecodeUtf8Before(text.data(), text.data() + pos, &c) != 0 && IsWordChar(c);
}

// Is the code point that starts at byte `pos` a word character?
bool WordCharAfter(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  const unsigned char first = static_cast<unsigned char>(text[pos]);
  if (first < 0x80) return IsWordChar(first);  // no decoding
  char32_t c;
  return DecodeUtf8(text.data() + pos, text.data() + text.size(), &c) != 0 && IsWordChar(c);
}

// Appends text[pos, end) to `out`, doubling each run of literal '_' that
// sits between two word characters (the escape documented in convert.h).
void AppendEscaped(std::string_view text, size_t pos, size_t end, std::string* out) {
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
    bool escape = WordCharBefore(text, run) && WordCharAfter(text, run_end);
    out->append(escape ? 2 * n : n, '_');
    pos = run_end;
  }
}

// Appends one word with its inner spaces written as '_'.
void AppendWord(std::string_view text, const Word& w, std::string* out) {
  size_t pos = w.begin;
  if (w.syllables > 1) {
    for (size_t i = w.begin; i < w.end; ++i) {
      if (text[i] == ' ') {
        AppendEscaped(text, pos, i, out);
        out->push_back('_');
        pos = i + 1;
      }
    }
  }
  AppendEscaped(text, pos, w.end, out);
}

constexpr size_t kSegmentPieceBytes = 1 << 16;

void RenderLossless(std::string_view text, const std::vector<Word>& words, std::string* out) {
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
    AppendEscaped(text, pos, w.begin, out);  // white space between words
    AppendWord(text, w, out);
    pos = w.end;
  }
  AppendEscaped(text, pos, text.size(), out);
}

void RenderTokenized(std::string_view text, const std::vector<Word>& words, std::string* out) {
  size_t pos = 0;
  bool line_has_word = false;
  auto emit_gap = [&](size_t end) {  // keep only the line ends of a gap
    for (; pos < end; ++pos) {
      if (text[pos] == '\n' || text[pos] == '\r') {
        out->push_back(text[pos]);
        line_has_word = false;
      }
    }
  };
  for (const Word& w : words) {
    emit_gap(w.begin);
    if (line_has_word) out->push_back(' ');
    AppendWord(text, w, out);
    line_has_word = true;
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

bool IsOpening(std::string_view t) {
  return t == "(" || t == "[" || t == "{" || t == "“" || t == "‘" || t == "«";
}

// One line of tokenized text back to natural spacing.
void DetokenizeLine(std::string_view line, std::string* out) {
  bool first = true, glue_next = false;
  bool in_double = false, in_single = false;
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ') {
      ++i;
      continue;
    }
    size_t j = line.find(' ', i);
    if (j == std::string_view::npos) j = line.size();
    std::string_view tok = line.substr(i, j - i);
    bool space_before = !first && !glue_next;
    glue_next = false;
    if (tok == "\"" || tok == "'") {
      bool& open = tok == "\"" ? in_double : in_single;
      if (open) {
        space_before = false;  // closing quote
      } else {
        glue_next = true;  // opening quote
      }
      open = !open;
    } else if (IsClosing(tok)) {
      space_before = false;
    }
    if (IsOpening(tok)) glue_next = true;
    if (space_before) out->push_back(' ');
    out->append(tok);
    first = false;
    i = j;
  }
}

}  // namespace

void SegmentText(Segmenter& segmenter, std::string_view text, const SegmentOptions& options,
                 std::string* out) {
  out->reserve(out->size() + text.size() + text.size() / 16);
  // In pieces of about kSegmentPieceBytes that end at a line end: a run of
  // syllables never crosses one and a line starts a sentence either way, so
  // the words are the same as in one go, while the tokens and words of a
  // piece (some 7 times its size) stay in the processor's cache. (A
  // megabyte at once made them a round trip through memory: 9% of the time.)
  size_t start = 0;
  do {
    size_t end = text.size();
    if (end - start > kSegmentPieceBytes) {
      const size_t nl = text.find('\n', start + kSegmentPieceBytes);
      if (nl != std::string_view::npos) end = nl + 1;
    }
    const std::string_view piece = text.substr(start, end - start);
    const std::vector<Word>& words = segmenter.Segment(piece);
    if (options.tokenize) {
      RenderTokenized(piece, words, out);
    } else {
      RenderLossless(piece, words, out);
    }
    start = end;
  } while (start < text.size());
}

void JoinText(std::string_view text, const JoinOptions& options, std::string* out) {
  std::string joined;
  std::string* target = options.detok ? &joined : out;
  target->reserve(target->size() + text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const void* hit = std::memchr(text.data() + pos, '_', text.size() - pos);
    if (hit == nullptr) break;
    size_t run = static_cast<size_t>(static_cast<const char*>(hit) - text.data());
    target->append(text.data() + pos, run - pos);
    size_t run_end = run;
    while (run_end < text.size() && text[run_end] == '_') ++run_end;
    size_t n = run_end - run;
    if (WordCharBefore(text, run) && WordCharAfter(text, run_end) && (n == 1 || n % 2 == 0)) {
      if (n == 1) {
        target->push_back(' ');
      } else {
        target->append(n / 2, '_');
      }
    } else {
      target->append(n, '_');  // not written by segment: keep as it is
    }
    pos = run_end;
  }
  target->append(text.data() + pos, text.size() - pos);
  if (!options.detok) return;
  // Detokenize line by line, keeping the line ends.
  std::string_view all(joined);
  size_t start = 0;
  while (start <= all.size()) {
    size_t nl = all.find('\n', start);
    size_t stop = nl == std::string_view::npos ? all.size() : nl;
    std::string_view line = all.substr(start, stop - start);
    bool cr = !line.empty() && line.back() == '\r';
    if (cr) line.remove_suffix(1);
    DetokenizeLine(line, out);
    if (cr) out->push_back('\r');
    if (nl == std::string_view::npos) break;
    out->push_back('\n');
    start = nl + 1;
  }
}

void ResegmentText(Segmenter& segmenter, std::string_view text, std::string* out) {
  std::string joined;
  JoinText(text, JoinOptions{}, &joined);
  SegmentText(segmenter, joined, SegmentOptions{}, out);
}

size_t SafeCutPoint(std::string_view text) {
  size_t nl = text.rfind('\n');
  if (nl != std::string_view::npos) return nl + 1;
  size_t fallback = 0;
  for (size_t i = text.size(); i-- > 0;) {
    char c = text[i];
    if (c != ' ' && c != '\t' && c != '\r') continue;
    if (fallback == 0) fallback = i + 1;
    // After a full stop (and the like) a sentence starts on both sides of
    // the cut, so the name rule of the segmenter sees the same context.
    bool after_punct = i > 0 && text[i - 1] != '\0' && std::strchr(".!?:", text[i - 1]) != nullptr;
    bool not_single_space = c != ' ' || (i + 1 < text.size() && text[i + 1] == ' ');
    if (after_punct || not_single_space) return i + 1;
  }
  return fallback;
}

}  // namespace vnseg

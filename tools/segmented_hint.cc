#include "segmented_hint.h"

#include <vector>

namespace vnseg::cli {

namespace {

// The first `limit` bytes of `text`, less what follows its last white
// space (a word or code point the limit would cut); all of a shorter text.
std::string_view Sample(std::string_view text, size_t limit) {
  if (text.size() <= limit) return text;
  std::string_view head = text.substr(0, limit);
  size_t space = head.find_last_of(" \t\r\n");
  return space == std::string_view::npos ? head : head.substr(0, space + 1);
}

// A '_' between two characters that are not '_' ("Tổng_thống"; not "_x",
// "x_" or "__init__"), in a token with a letter beyond ASCII: Vietnamese,
// not an identifier of code (foo_bar), which segmented text seldom lacks.
bool HasJoint(std::string_view word) {
  bool joint = false, non_ascii = false;
  for (size_t i = 0; i < word.size(); ++i) {
    non_ascii |= static_cast<unsigned char>(word[i]) >= 0x80;
    joint |= i > 0 && i + 1 < word.size() && word[i] == '_' && word[i - 1] != '_' &&
             word[i + 1] != '_';
  }
  return joint && non_ascii;
}

}  // namespace

SegmentedCount CountSegmented(Segmenter& segmenter, std::string_view text) {
  std::string_view sample = Sample(text, kSegmentedSampleBytes);
  SegmentedCount count;
  for (const Word& w : segmenter.Segment(sample)) {
    if (w.syllables > 1) {
      ++count.spaced;
    } else if (w.kind == TokenKind::kOther && HasJoint(sample.substr(w.begin, w.end - w.begin))) {
      ++count.joined;
    }
  }
  return count;
}

}  // namespace vnseg::cli

#include "run_finder.h"

namespace vnseg {
namespace {

bool EndsSentence(std::string_view punct) {
  return punct == "." || punct == "!" || punct == "?" || punct == "..." || punct == "…";
}

}  // namespace

// True if the token at `index` starts a sentence: nothing before it, or
// before it (past single spaces) a line end, other white space, or sentence
// punctuation. Stopping at any white space other than one space keeps the
// answer the same when SafeCutPoint() cuts the text there.
inline bool RunFinder::StartsSentence(size_t index) const {
  for (size_t i = index; i-- > 0;) {
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::kSpace) {
      if (IsSingleSpace(i)) continue;
      return true;
    }
    if (t.kind != TokenKind::kPunct) return false;
    std::string_view p = text_.substr(t.begin, t.end - t.begin);
    return EndsSentence(p) || p == ":" || p == "\"" || p == "“" || p == "-" || p == "–" || p == "(";
  }
  return !continues_run_;  // the text's start: a sentence's, unless cut in a run
}

bool RunFinder::Next(SyllableRun* run) {
  const size_t n = tokens_.size();
  size_t i = next_;
  while (i < n && tokens_[i].kind != TokenKind::kSyllable) ++i;
  if (i == n) {
    next_ = n;
    return false;
  }
  size_t last = i;
  auto goes_on = [&] {
    return last + 2 < n && IsSingleSpace(last + 1) && tokens_[last + 2].kind == TokenKind::kSyllable;
  };
  while (goes_on() && (last - i) / 2 + 1 < kMaxRunSyllables) last += 2;
  run->first = i;
  run->last = last;
  run->sentence_start = StartsSentence(i);
  run->cut = (last - i) / 2 + 1 == kMaxRunSyllables && goes_on();
  next_ = last + 1;
  return true;
}

}  // namespace vnseg

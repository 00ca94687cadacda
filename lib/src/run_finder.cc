#include "run_finder.h"

#include <unicode/uchar.h>

#include "utf8_fast.h"

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

RunFinder::Initial RunFinder::InitialOf(size_t index) const {
  const Token& t = tokens_[index];
  char32_t cp;
  if (DecodeUtf8(text_.data() + t.begin, text_.data() + t.end, &cp) == 0) return Initial::kNone;
  if (u_islower(cp)) return Initial::kLower;
  if (u_isupper(cp) || u_istitle(cp)) return Initial::kUpper;
  return Initial::kNone;
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
  // Of the run alone: a state carried from run to run would differ where
  // the streaming reader cuts the text (SafeCutPoint), which starts each
  // part afresh; sentence_start already gives the same answer there.
  Initial initial = Initial::kNone;
  for (size_t k = i; k <= last && initial == Initial::kNone; k += 2) initial = InitialOf(k);
  run->lower_case_sentence = run->sentence_start && initial == Initial::kLower;
  run->cut = (last - i) / 2 + 1 == kMaxRunSyllables && goes_on();
  next_ = last + 1;
  return true;
}

}  // namespace vnseg

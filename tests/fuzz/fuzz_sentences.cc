// (i) Sentence splitting on arbitrary bytes: the spans are in order, never
// empty, inside the text, and only white space lies between them (so they
// give the text back); and cutting the text where LastSentenceCut says
// (as the streaming CLI does) splits each part as the whole is split.
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "vnseg/sentences.h"
#include "vnseg/tokenizer.h"

namespace {

// True if `gap` is empty or white space only, as the pre-tokenizer reads it.
bool IsWhiteSpace(std::string_view gap) {
  std::vector<vnseg::Token> tokens;
  vnseg::PreTokenize(gap, &tokens);
  for (const vnseg::Token& t : tokens) {
    if (t.kind != vnseg::TokenKind::kSpace) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace vnseg;
  std::string_view text = fuzz::AsText(data, size);
  std::vector<SentenceSpan> spans;
  SplitSentences(text, &spans);
  uint32_t previous_end = 0;
  for (const SentenceSpan& s : spans) {
    fuzz::Check(s.begin < s.end && s.end <= text.size(), "a sentence is empty or outside the text");
    fuzz::Check(s.begin >= previous_end, "sentences overlap or are out of order");
    fuzz::Check(IsWhiteSpace(text.substr(previous_end, s.begin - previous_end)),
                "something other than white space between sentences");
    previous_end = s.end;
  }
  fuzz::Check(IsWhiteSpace(text.substr(previous_end)), "something other than white space after the last");

  const size_t cut = LastSentenceCut(text);
  fuzz::Check(cut <= text.size(), "LastSentenceCut past the end");
  if (cut == 0) return 0;
  std::vector<SentenceSpan> parts;
  SplitSentences(text.substr(0, cut), &parts);
  std::vector<SentenceSpan> rest;
  SplitSentences(text.substr(cut), &rest);
  for (SentenceSpan s : rest) parts.push_back({s.begin + static_cast<uint32_t>(cut), s.end + static_cast<uint32_t>(cut)});
  fuzz::Check(parts.size() == spans.size(), "cut at LastSentenceCut: another number of sentences");
  for (size_t i = 0; i < parts.size() && i < spans.size(); ++i) {
    fuzz::Check(parts[i].begin == spans[i].begin && parts[i].end == spans[i].end,
                "cut at LastSentenceCut: other sentences");
  }
  return 0;
}

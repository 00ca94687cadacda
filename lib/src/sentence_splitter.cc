#include <unicode/uchar.h>

#include <string_view>

#include "abbreviations.h"
#include "line_ends.h"
#include "sentence_marks.h"
#include "utf8_fast.h"
#include "vnseg/sentences.h"
#include "vnseg/tokenizer.h"

namespace vnseg {
namespace {

// An abbreviation token made of titles only (PGS.TS, Th.S, GS.TSKH): unlike
// TP.HCM, which ends many a sentence, a name follows it.
bool IsTitleAbbreviation(std::string_view token) {
  size_t start = 0;
  while (start <= token.size()) {
    size_t dot = token.find('.', start);
    if (dot == std::string_view::npos) dot = token.size();
    std::string_view part = token.substr(start, dot - start);
    // "Th.S": a part of one capital after a title.
    if (!IsTitle(part) && !(start > 0 && part.size() == 1 && part[0] >= 'A' && part[0] <= 'Z')) {
      return false;
    }
    start = dot + 1;
  }
  return true;
}

bool IsRoman(std::string_view s) {
  if (s.empty() || s.size() > 5) return false;
  for (char c : s) {
    if (c != 'I' && c != 'V' && c != 'X' && c != 'L' && c != 'C') return false;
  }
  return true;
}

bool HasLineEnd(std::string_view space) { return CountLineEnds(space) != 0; }

bool IsQuote(std::string_view p) {
  return p == "\"" || p == "'" || p == "\u201C" || p == "\u2018" || p == "\u00AB" ||
         p == "\u2039";
}

// Opening quotes, brackets and dashes.
bool IsOpener(std::string_view p) {
  return IsQuote(p) || p == "(" || p == "[" || p == "{" || p == "-" || p == "--" ||
         p == "\u2013" || p == "\u2014";
}

class Splitter {
 public:
  Splitter(std::string_view text, const std::vector<Token>& tokens)
      : text_(text), tokens_(tokens) {}

  void Run(std::vector<SentenceSpan>* out) {
    size_t first = kNone;  // the current sentence's first token
    size_t last = kNone;   // its last token that is not white space
    for (size_t i = 0; i < tokens_.size(); ++i) {
      if (tokens_[i].kind != TokenKind::kSpace) {
        if (first == kNone) first = i;
        last = i;
        continue;
      }
      if (first == kNone) continue;
      if (HasLineEnd(Text(i))) {
        out->push_back({tokens_[first].begin, tokens_[last].end});
        first = last = kNone;
        continue;
      }
      const size_t mark = EndMark(first, i);
      if (mark != kNone && StartsSentence(i + 1, Text(mark))) {
        out->push_back({tokens_[first].begin, tokens_[last].end});
        first = last = kNone;
      }
    }
    if (first != kNone) out->push_back({tokens_[first].begin, tokens_[last].end});
  }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  std::string_view Text(size_t i) const {
    return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }
  bool IsPunct(size_t i, bool (*test)(std::string_view)) const {
    return tokens_[i].kind == TokenKind::kPunct && test(Text(i));
  }

  // The terminal mark that ends the tokens [first, space) of a sentence, if
  // they may end it (the next token decides): the mark, then closers, right
  // before the white space `space`. kNone if they do not.
  size_t EndMark(size_t first, size_t space) const {
    size_t j = space;  // one past the terminal mark
    while (j > first && IsPunct(j - 1, IsCloser)) --j;
    if (j == first || !IsPunct(j - 1, IsTerminal)) return kNone;
    const size_t mark = j - 1;
    return mark == first || Text(mark) != "." || FullStopEnds(first, mark) ? mark : kNone;
  }

  // Whether the single '.' `mark` (after `first`) may end its sentence.
  bool FullStopEnds(size_t first, size_t mark) const {
    const size_t before = mark - 1;  // the token the '.' is glued to
    const std::string_view word = Text(before);
    switch (tokens_[before].kind) {
      case TokenKind::kSpace:
        return true;  // a '.' of its own: "... cái sai ."
      case TokenKind::kAbbreviation:
        return !IsTitleAbbreviation(word);
      case TokenKind::kSyllable:
        if (IsTitle(word) || (IsInitial(word) && AfterName(before))) return false;
        break;
      default:
        break;
    }
    // "1. Giới thiệu", "a. ...", "II. ...": the mark of a list item.
    const bool item = tokens_[before].kind == TokenKind::kNumber ||
                      (tokens_[before].kind == TokenKind::kSyllable &&
                       (word.size() == 1 || IsRoman(word)));
    return !(item && before == first);
  }

  // Whether the token `i` follows white space and a syllable that makes an
  // initial there part of a name (NamesBeforeInitial).
  bool AfterName(size_t i) const {
    if (i < 2 || tokens_[i - 1].kind != TokenKind::kSpace ||
        tokens_[i - 2].kind != TokenKind::kSyllable) {
      return false;
    }
    return NamesBeforeInitial(Text(i - 2));
  }

  // Whether the tokens from `i` on start a sentence (`after` is the
  // terminal mark before them): an opening quote, bracket or dash, or a
  // capital letter, a digit (not after "...": "từ 91... 98"), a URL or the
  // like. False at the end of the text, which ends the sentence anyway.
  bool StartsSentence(size_t i, std::string_view after) const {
    if (i >= tokens_.size()) return false;
    // An opening quote glued to a word starts a sentence whatever its case
    // (quoted speech may start in lower case); a bracket or dash only
    // before a capital ("(xã Phù Long)" and "- tôi hỏi" go on).
    if (IsPunct(i, IsQuote)) {
      return i + 1 < tokens_.size() && tokens_[i + 1].kind != TokenKind::kSpace &&
             tokens_[i + 1].kind != TokenKind::kPunct;
    }
    while (i < tokens_.size() &&
           (IsPunct(i, IsOpener) || (tokens_[i].kind == TokenKind::kSpace && i > 0 &&
                                     IsPunct(i - 1, IsOpener) && !HasLineEnd(Text(i))))) {
      ++i;
    }
    if (i >= tokens_.size()) return false;
    switch (tokens_[i].kind) {
      case TokenKind::kNumber:
        return after != "..." && after != "\u2026";
      case TokenKind::kUrl:
      case TokenKind::kEmail:
      case TokenKind::kHashtag:
      case TokenKind::kMention:
        return true;
      case TokenKind::kSpace:
      case TokenKind::kPunct:
        return false;
      default:
        return StartsWithCapital(Text(i));
    }
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
};

}  // namespace

void SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                    std::vector<SentenceSpan>* sentences) {
  Splitter(text, tokens).Run(sentences);
}

void SplitSentences(std::string_view text, std::vector<SentenceSpan>* sentences) {
  std::vector<Token> tokens;
  PreTokenize(text, &tokens);
  SplitSentences(text, tokens, sentences);
}

size_t LastSentenceCut(std::string_view text) {
  std::vector<Token> tokens;
  PreTokenize(text, &tokens);
  if (tokens.empty()) return 0;
  // Without the last token, which the text after `text` may extend: every
  // split left is decided by tokens that are whole.
  const size_t end = tokens.back().begin;
  tokens.pop_back();
  std::vector<SentenceSpan> sentences;
  SplitSentences(text.substr(0, end), tokens, &sentences);
  return sentences.size() >= 2 ? sentences.back().begin : 0;
}

}  // namespace vnseg

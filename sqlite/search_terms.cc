#include "search_terms.h"

#include <utf8.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"

#include "vnseg/syllable_key.h"
#include "vnseg/tokenizer.h"
#include "vnseg/utf8.h"

namespace vnseg {
namespace {

// Punctuation and white space are not searchable; of the other tokens
// (symbols, emoji, invalid bytes, identifiers with '_') only those that
// start like a word are.
bool IsIndexed(std::string_view text, TokenKind kind) {
  switch (kind) {
    case TokenKind::kPunct:
    case TokenKind::kSpace:
      return false;
    case TokenKind::kOther:
      return IsValidUtf8(text) &&
             IsWordChar(static_cast<char32_t>(utf8::unchecked::peek_next(text.begin())));
    default:
      return true;
  }
}

}  // namespace

SearchTerms::SearchTerms(const Dictionary* dictionary, const UserWords* user_words,
                         const SearchTermOptions& options)
    : segmenter_(dictionary, user_words), part_segmenter_(dictionary, user_words),
      options_(options) {}

void SearchTerms::AppendKey(std::string_view token, std::string* out) {
  if (!options_.remove_diacritics) {
    AppendSyllableKey(token, out);
    return;
  }
  folded_.clear();
  AppendSyllableKey(token, &folded_);
  AppendWithoutDiacritics(folded_, out);
}

int SearchTerms::ForEach(std::string_view text, bool query,
                         absl::FunctionRef<int(const SearchTerm&)> emit) {
  const std::vector<Word>& words = segmenter_.Segment(text);
  const std::vector<Word>* parts = nullptr;  // made at the first hyphenated word
  size_t next_part = 0;
  for (const Word& word : words) {
    std::string_view span = text.substr(word.begin, word.end - word.begin);
    if (!IsIndexed(span, word.kind)) continue;
    // Word mode: the parts of a hyphenated word share its one position.
    // Syllable mode: each syllable has its own, and so its own parts
    // ("malaysia-trung", then "malaysia" and "trung"; "quoc" after them).
    for (size_t from = 0; from <= span.size();) {
      size_t to = options_.remove_diacritics ? span.find(' ', from) : std::string_view::npos;
      if (to == std::string_view::npos) to = span.size();
      std::string_view piece = span.substr(from, to - from);
      const auto begin = word.begin + static_cast<uint32_t>(from);
      from = to + 1;
      bool emitted = false;
      if (int rc = EmitWord(piece, begin, query, /*colocated=*/false, {0, UINT32_MAX}, emit,
                            &emitted);
          rc != 0) {
        return rc;
      }
      if (query || !emitted || !IsHyphenated(piece, word.kind)) continue;
      if (parts == nullptr) parts = &SegmentParts(text, words);
      const uint32_t end = begin + static_cast<uint32_t>(piece.size());
      // The words of the parts that overlap the piece, in order.
      while (next_part < parts->size() && (*parts)[next_part].end <= begin) ++next_part;
      for (size_t i = next_part; i < parts->size() && (*parts)[i].begin < end; ++i) {
        const Word& part = (*parts)[i];
        // A part that starts before the piece joined a word before it (the
        // text again with spaces for hyphens): not a part of the piece, and
        // it would start before the position's first term.
        if (part.begin < begin) continue;
        std::string_view part_span =
            std::string_view(parts_text_).substr(part.begin, part.end - part.begin);
        if (!IsIndexed(part_span, part.kind)) continue;
        if (int rc = EmitWord(part_span, part.begin, /*query=*/false, /*colocated=*/true,
                              {begin, end}, emit, &emitted);
            rc != 0) {
          return rc;
        }
      }
    }
  }
  return 0;
}

bool SearchTerms::IsHyphenated(std::string_view span, TokenKind kind) {
  // Syllable tokens are the ones that keep a hyphen between two letters
  // (the tokenizer's Wai-kru); numbers (2020-2023) and URLs are left whole.
  return (kind == TokenKind::kSyllable || kind == TokenKind::kAbbreviation) &&
         span.find('-') != std::string_view::npos;
}

const std::vector<Word>& SearchTerms::SegmentParts(std::string_view text,
                                                   const std::vector<Word>& words) {
  // The same bytes with the hyphens of hyphenated words as spaces: the
  // offsets stay the text's, and a part joins the words around it
  // ("Trung" and "Quốc" after "Malaysia-Trung").
  parts_text_.assign(text);
  for (const Word& w : words) {
    std::string_view span = text.substr(w.begin, w.end - w.begin);
    if (!IsHyphenated(span, w.kind)) continue;
    for (uint32_t i = w.begin; i < w.end; ++i) {
      if (parts_text_[i] == '-') parts_text_[i] = ' ';
    }
  }
  return part_segmenter_.Segment(parts_text_);
}

int SearchTerms::EmitWord(std::string_view span, uint32_t base, bool query, bool colocated,
                          Range within, absl::FunctionRef<int(const SearchTerm&)> emit,
                          bool* emitted) {
  // Key each syllable once: the word term is made of the same keys.
  syllables_.clear();
  syllable_keys_.clear();
  // The segmenter separates the syllables of a word by single ASCII spaces.
  const absl::string_view word_text(span.data(), span.size());
  for (absl::string_view syllable : absl::StrSplit(word_text, ' ')) {
    size_t key_begin = syllable_keys_.size();
    AppendKey(std::string_view(syllable.data(), syllable.size()), &syllable_keys_);
    // A token of combining marks alone keys to nothing without
    // diacritics. An empty term would still take a position (the phrase
    // "x y" would miss "x \u0301 y"): such a syllable is not indexed.
    if (syllable_keys_.size() == key_begin) continue;
    const auto begin = base + static_cast<uint32_t>(syllable.data() - span.data());
    syllables_.push_back({begin, begin + static_cast<uint32_t>(syllable.size()), key_begin,
                          syllable_keys_.size()});
  }
  if (syllables_.empty()) return 0;
  auto key_of = [&](const Syllable& s) {
    return std::string_view(syllable_keys_).substr(s.key_begin, s.key_end - s.key_begin);
  };
  const bool as_word = syllables_.size() > 1 && !options_.remove_diacritics;
  if (as_word) {
    word_key_.clear();
    for (size_t i = 0; i < syllables_.size(); ++i) {
      if (i > 0) word_key_.push_back('_');
      word_key_.append(key_of(syllables_[i]));
    }
    const uint32_t begin = std::max(base, within.begin);
    const uint32_t end = std::min(base + static_cast<uint32_t>(span.size()), within.end);
    *emitted = true;
    if (int rc = emit({word_key_, begin, end, colocated}); rc != 0) return rc;
    if (query) return 0;  // a query looks the word up, not its parts
  }
  for (const Syllable& s : syllables_) {
    if (s.begin < within.begin || s.end > within.end) continue;
    *emitted = true;
    if (int rc = emit({key_of(s), s.begin, s.end, colocated || as_word}); rc != 0) return rc;
  }
  return 0;
}

}  // namespace vnseg

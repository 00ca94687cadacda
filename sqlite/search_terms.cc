#include "search_terms.h"

#include <utf8.h>

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
    : segmenter_(dictionary, user_words), options_(options) {}

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
  for (const Word& word : segmenter_.Segment(text)) {
    std::string_view span = text.substr(word.begin, word.end - word.begin);
    if (!IsIndexed(span, word.kind)) continue;
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
      const auto begin = word.begin + static_cast<uint32_t>(syllable.data() - span.data());
      syllables_.push_back({begin, begin + static_cast<uint32_t>(syllable.size()), key_begin,
                            syllable_keys_.size()});
    }
    if (syllables_.empty()) continue;
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
      if (int rc = emit({word_key_, word.begin, word.end, false}); rc != 0) return rc;
      if (query) continue;  // a query looks the word up, not its parts
    }
    for (const Syllable& s : syllables_) {
      if (int rc = emit({key_of(s), s.begin, s.end, as_word}); rc != 0) return rc;
    }
  }
  return 0;
}

}  // namespace vnseg

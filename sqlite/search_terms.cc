#include "search_terms.h"

#include <utf8.h>

#include "vnseg/syllable_key.h"
#include "vnseg/tokenizer.h"

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
      return utf8::is_valid(text.begin(), text.end()) &&
             IsWordChar(static_cast<char32_t>(utf8::unchecked::peek_next(text.begin())));
    default:
      return true;
  }
}

// Calls f(begin, end) with the offsets in `word` of each of its syllables,
// which the segmenter separates by single ASCII spaces.
template <typename F>
void ForEachSyllable(std::string_view word, F f) {
  for (size_t start = 0; start <= word.size();) {
    size_t space = word.find(' ', start);
    if (space == std::string_view::npos) space = word.size();
    f(start, space);
    start = space + 1;
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
    ForEachSyllable(span, [&](size_t begin, size_t end) {
      size_t key_begin = syllable_keys_.size();
      AppendKey(span.substr(begin, end - begin), &syllable_keys_);
      // A token of combining marks alone keys to nothing without
      // diacritics. An empty term would still take a position (the phrase
      // "x y" would miss "x \u0301 y"): such a syllable is not indexed.
      if (syllable_keys_.size() == key_begin) return;
      syllables_.push_back({word.begin + static_cast<uint32_t>(begin),
                            word.begin + static_cast<uint32_t>(end), key_begin,
                            syllable_keys_.size()});
    });
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

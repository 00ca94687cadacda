// (g) The FTS5 tokenizer's terms (sqlite/search_terms.h) over any bytes, as
// SQLite passes them: the first byte chooses syllable mode and query, the
// rest is the text. Every term has a non-empty key and a span inside the
// text; positions do not go backwards (the first term of each starts at or
// after the previous position's), and the terms colocated at a position
// (a word's syllables, a hyphenated word's parts) start at or after its
// first term; the first term is not colocated; the
// callback's non-zero result stops the walk and is returned.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "search_terms.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace vnseg;
  if (size == 0) return 0;
  const uint8_t choice = data[0];
  std::string_view text = fuzz::AsText(data + 1, size - 1);
  SearchTermOptions options;
  options.remove_diacritics = (choice & 1) != 0;
  const bool query = (choice & 2) != 0;
  static SearchTerms word_terms(&fuzz::RealDictionary(), nullptr, SearchTermOptions{});
  static SearchTerms syllable_terms(&fuzz::RealDictionary(), nullptr, SearchTermOptions{true});
  SearchTerms& terms = options.remove_diacritics ? syllable_terms : word_terms;

  size_t count = 0;
  uint32_t position_begin = 0;  // the first term of the current position
  int result = terms.ForEach(text, query, [&](const SearchTerm& term) {
    fuzz::Check(!term.key.empty(), "an empty search term");
    fuzz::Check(term.begin <= term.end && term.end <= text.size(), "a term span outside the text");
    fuzz::Check(term.begin >= position_begin, "term spans go backwards");
    fuzz::Check(count > 0 || !term.colocated, "the first term is colocated");
    if (!term.colocated) position_begin = term.begin;
    ++count;
    return 0;
  });
  fuzz::Check(result == 0, "ForEach returned non-zero though emit never did");
  if (count > 0) {
    // Stopping: the walk ends at the first non-zero result and returns it.
    size_t seen = 0;
    const size_t stop_at = choice % count;
    result = terms.ForEach(text, query, [&](const SearchTerm&) { return seen++ == stop_at ? 7 : 0; });
    fuzz::Check(result == 7 && seen == stop_at + 1, "ForEach did not stop at a non-zero result");
  }
  return 0;
}

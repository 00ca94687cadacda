// The terms a search index stores for Vietnamese text, and the terms a
// query is looked up by: the policy of the SQLite FTS5 tokenizer, kept free
// of SQLite so that it can be unit-tested.
//
// Word mode (the default). Every word is one position. A multi-syllable
// word is indexed as the word term (its syllable keys joined by '_':
// "Hoà bình" -> "hòa_bình") plus, at the same position, each syllable's key
// ("hòa", "bình"), so that a query for one syllable still finds the word.
// A query is segmented the same way but yields only word terms, so the
// phrase "hòa bình" matches the word and never "hoa" + "bình" of two other
// words, and "sinh học" does not match "học sinh học bài".
//
// Syllable mode (remove_diacritics). Keys lose every diacritic and đ -> d.
// Text typed without diacritics cannot be segmented, so each syllable is
// its own position and phrases match runs of syllables, as unicode61 does.
//
// A hyphenated token ("Nagorno-Karabakh", "Malaysia-Trung") is indexed
// whole as above and, at the same position, as the words that overlap it
// when the text is segmented again with its hyphens as spaces ("malaysia",
// "trung_quốc", "trung": the part "Trung" joins the "Quốc" after it), so
// that "Karabakh" and the phrase "Trung Quốc" find it. A query is not
// split: "Nagorno-Karabakh" looks up the whole. (The parts share one
// position: the phrase "Malaysia Trung Quốc", two positions, does not match
// them in word mode; in syllable mode each hyphenated syllable has its
// position and its parts there.)
//
// Keys are canonical (syllable_key.h): NFC, case-folded, one tone placement,
// so "HOÀ BÌNH", "hòa bình" and decomposed input share terms. Punctuation,
// white space and symbols are not indexed; numbers, URLs, e-mails, hashtags
// and abbreviations are, one term each.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"
#include "vnseg/dictionary.h"
#include "vnseg/segmenter.h"

namespace vnseg {

struct SearchTermOptions {
  bool remove_diacritics = false;  // syllable mode, see above
};

// One term: `key` at the byte span [begin, end) of the text. `colocated`:
// at the same position as the term before it.
struct SearchTerm {
  std::string_view key;
  uint32_t begin;
  uint32_t end;
  bool colocated;
};

// Not thread-safe (it owns a Segmenter): one per thread.
class SearchTerms {
 public:
  // The dictionaries must outlive this object; `user_words` may be null.
  SearchTerms(const Dictionary* dictionary, const UserWords* user_words,
              const SearchTermOptions& options);

  // Calls `emit` for each term of `text`, in order: the document's terms,
  // or with `query` the terms to look up. No key is ever empty: a token that
  // keys to nothing (combining marks alone, in syllable mode) is skipped. Stops at the first non-zero
  // result of `emit` and returns it; returns 0 otherwise.
  int ForEach(std::string_view text, bool query,
              absl::FunctionRef<int(const SearchTerm&)> emit);

 private:
  // Appends the key of one syllable (or other token) to `out`.
  void AppendKey(std::string_view token, std::string* out);

  // A span of the text, as [begin, end) byte offsets.
  struct Range {
    uint32_t begin, end;
  };

  // Emits the terms of the word `span` (syllables separated by single
  // spaces) at text offset `base`: the word term of several syllables and
  // the syllables' keys (with `query`, the word term alone); only the
  // syllables inside `within`, the word term's offsets clamped to it.
  // `colocated`: the first term too is at the position of the term before.
  // Sets `*emitted` when a term was emitted. The first non-zero result of
  // emit.
  int EmitWord(std::string_view span, uint32_t base, bool query, bool colocated, Range within,
               absl::FunctionRef<int(const SearchTerm&)> emit, bool* emitted);

  // A word whose parts are indexed too: a syllable token with a hyphen.
  static bool IsHyphenated(std::string_view span, TokenKind kind);

  // The words of `text` (whose words are `words`) with the hyphens of its
  // hyphenated words as spaces, in parts_text_; valid until the next call.
  const std::vector<Word>& SegmentParts(std::string_view text, const std::vector<Word>& words);

  // One syllable of the current word: its span in the text and its key in
  // syllable_keys_.
  struct Syllable {
    uint32_t begin, end;
    size_t key_begin, key_end;
  };

  Segmenter segmenter_;
  // Segments parts_text_ while segmenter_'s words of the text are in use.
  Segmenter part_segmenter_;
  SearchTermOptions options_;
  // Scratch, reused across calls.
  std::vector<Syllable> syllables_;
  std::string syllable_keys_;  // the keys of syllables_, one after another
  std::string word_key_;
  std::string folded_;
  std::string parts_text_;  // the text with spaces for hyphens (SegmentParts)
};

}  // namespace vnseg

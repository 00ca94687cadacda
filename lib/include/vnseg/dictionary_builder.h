// Compiling words (and a learned model) into a dictionary image, the
// format Dictionary::Open and Dictionary::FromBytes read. Word lists in
// their text form are read by word_list.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace vnseg {

// Collects words, then writes the image. Not thread-safe: one builder per
// thread.
class DictionaryBuilder {
 public:
  DictionaryBuilder();
  ~DictionaryBuilder();

  // Adds `word` (syllables separated by spaces or '_', any spelling: words
  // are keyed as Dictionary::Lookup keys them) with `flags` (WordFlags; bits
  // outside kAllWordFlags are dropped; 0 is fine: the word is still a word). Adding a word twice ORs the
  // flags. Returns false, adding nothing, for a word the segmenter could
  // never match: empty, or with a part that is not one syllable token
  // (punctuation, as in the idioms "ao có bờ, sông có bến").
  bool Add(std::string_view word, uint32_t flags);

  // Distinct words added so far, and calls of Add() that returned false.
  size_t size() const;
  size_t skipped() const;

  // Stores a learned model with the words: `model_text` in the text form
  // written by LearnModel() (learn.h), replacing any model set before.
  // Errors (InvalidArgument) name `origin` and the line; the builder is
  // unchanged then.
  absl::Status SetModel(std::string_view model_text, std::string_view origin);

  // The image of the words and model added so far, with `source` recorded
  // in the header (DictionaryInfo::source). Deterministic: the same words
  // (in any order or spelling) and model give the same bytes.
  std::string Build(std::string_view source) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vnseg

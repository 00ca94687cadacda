// Learning from underscore-segmented corpora: word counts for the
// dictionary and the weights of the segmentation model (`vnseg dict learn`).
//
// Corpus format: UTF-8 text, one sentence (or paragraph) a line, the words
// of the line separated by white space and the syllables of a word joined
// by '_' ("Tổng_thống Mỹ nói ."), as vnseg segment, VnCoreNLP and the VLSP
// and UD corpora write it. Tokenized (spaces around punctuation) or not.
// A literal '_' inside a word is written "__" (see convert.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "vnseg/dictionary.h"
#include "vnseg/dictionary_builder.h"

namespace vnseg {

// The words of the corpora with their number of occurrences, as a word
// list (word_list.h: "word<TAB>count" a line, sorted by word). Added to a
// dictionary with no flag of their own (flags 0), the words are words of
// the trie all the same; the counts are not stored. Fails
// (InvalidArgument) on invalid UTF-8, naming the corpus, line and byte.
// Thread-safe.
absl::StatusOr<std::string> CorpusWordList(const std::vector<std::string>& corpora);

// How LearnModel learns.
struct LearnOptions {
  int epochs = 10;  // passes of the averaged perceptron over the corpus
  // Each corpus line is also learned in lower case with this probability,
  // and, drawn apart, in upper case (a fixed pseudo-random choice: the same
  // corpus gives the same model). 0 learns the corpus as written. Lower-case
  // and ALL-CAPS text then sees the same word boundaries as normal text.
  double case_variants = 0;
};

// What LearnModel did, for the CLI to print.
struct LearnReport {
  size_t lines = 0;          // sentences learned from
  size_t skipped_lines = 0;  // lines whose '_' could not be read back (literal "__")
  size_t runs = 0;           // runs of syllables per epoch
  std::vector<double> run_accuracy;  // per epoch: runs already segmented right
  size_t features = 0;       // n-gram weights kept
};

// Learns the model's weights from the corpora (texts in the format above)
// over the word lists of `dictionary` (compiled without a model, else
// InvalidArgument), and returns the model in the text form that
// DictionaryBuilder::SetModel reads. `report` may be null; else it gets the
// figures above. Deterministic: the same inputs give the same bytes.
// Errors: InvalidArgument for a corpus with no lines or invalid UTF-8
// (naming the corpus, line and byte). Thread-safe (the dictionary is only
// read).
absl::StatusOr<std::string> LearnModel(const Dictionary& dictionary,
                                       const std::vector<std::string>& corpora,
                                       const LearnOptions& options, LearnReport* report);

// The corpus words and the model that LearnDictionary added, in text form
// (for `dict learn --export-words` and `--export-model`).
struct LearnedParts {
  std::string corpus_words;  // CorpusWordList of the corpora
  std::string model;         // LearnModel's text
};

// The whole of `vnseg dict learn` after the word lists: adds the corpus
// words (CorpusWordList, no flag) to `builder`, which holds the lists
// already, learns the model over the builder's words (the very dictionary
// the model ships in, minus the model) and sets it in `builder`. Returns
// the parts in text form. On error (as CorpusWordList and LearnModel)
// `builder` may hold the corpus words but no model. `report` may be null.
// Not thread-safe on one builder.
absl::StatusOr<LearnedParts> LearnDictionary(const std::vector<std::string>& corpora,
                                             const LearnOptions& options,
                                             DictionaryBuilder* builder, LearnReport* report);

}  // namespace vnseg

// LearnDictionary (learn.h): the order of the steps of `vnseg dict learn`,
// kept in the library so that every front end learns the same dictionary.
#include "absl/status/statusor.h"
#include "vnseg/learn.h"
#include "vnseg/word_list.h"

namespace vnseg {

absl::StatusOr<LearnedParts> LearnDictionary(const std::vector<std::string>& corpora,
                                             const LearnOptions& options,
                                             DictionaryBuilder* builder, LearnReport* report) {
  LearnedParts parts;
  absl::StatusOr<std::string> words = CorpusWordList(corpora);
  if (!words.ok()) return words.status();
  parts.corpus_words = *std::move(words);
  if (absl::Status s = AddWordList(parts.corpus_words, "corpus words", 0, builder); !s.ok()) return s;
  // The model learns over the very dictionary it ships in, minus itself.
  absl::StatusOr<std::unique_ptr<Dictionary>> lexicon = Dictionary::FromBytes(builder->Build("lexicon"));
  if (!lexicon.ok()) return lexicon.status();
  absl::StatusOr<std::string> model = LearnModel(**lexicon, corpora, options, report);
  if (!model.ok()) return model.status();
  parts.model = *std::move(model);
  if (absl::Status s = builder->SetModel(parts.model, "learned model"); !s.ok()) return s;
  return parts;
}

}  // namespace vnseg

// Plain-text word lists: one word a line, syllables separated by spaces or
// '_', optionally a tab and a frequency (a whole number, checked but not
// stored: counts from corpora are kept in this column), optionally another
// tab and tags (comma-separated: common, headword, classifier, function,
// verb, noun, adjective; see WordFlags); '#' starts a comment line. A UTF-8
// byte order mark at the start of a list is skipped.
//
// Thread safety: the functions keep no state of their own; a builder they
// add to serves one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "vnseg/dictionary.h"
#include "vnseg/dictionary_builder.h"

namespace vnseg {

// The entries of a word list that DictionaryBuilder::Add refused: words
// the segmenter could never match: punctuation inside, as in "a.b" or
// "Nagorno–Karabakh" with an en dash (a hyphen stays inside a token).
// Bounded: only the first kMaxKept are kept.
struct SkippedEntries {
  static constexpr size_t kMaxKept = 5;
  struct Entry {
    size_t line;       // from 1
    std::string word;  // as the list spells it
  };
  size_t count = 0;           // all of them
  std::vector<Entry> first;   // the first min(count, kMaxKept), in order
};

// Adds the words of the list in `text` to `builder` (not null) with
// `flags` ORed with those of their tags. Lines the segmenter could never
// match are skipped (DictionaryBuilder::Add) and, when `skipped` is not
// null, added to it. Errors (InvalidArgument) name `origin` (a file name)
// and the line: invalid UTF-8, an unknown tag, a frequency that is not a
// whole number; the words of the lines before are added then.
absl::Status AddWordList(std::string_view text, std::string_view origin, uint32_t flags,
                         DictionaryBuilder* builder, SkippedEntries* skipped = nullptr);

// The whole content of the file at `path` (a regular file, a pipe or a
// device; not a directory). Errors name the path: NotFound (or
// PermissionDenied) when it cannot be opened, InvalidArgument for a
// directory, DataLoss when reading fails. Thread-safe.
absl::StatusOr<std::string> ReadFileToString(const std::string& path);

// Reads the file at `path` and adds it as AddWordList does (the entries
// skipped go to `skipped` unless it is null); the errors of both.
absl::Status AddWordListFile(const std::string& path, uint32_t flags, DictionaryBuilder* builder,
                             SkippedEntries* skipped = nullptr);

// Compiles the word list at `path` into user words (flags kFromUserList
// and those of their tags): the --user-words of the CLI, searched by a
// segmenter beside its main dictionary. Never null on success; the errors
// of ReadFileToString and AddWordList. The entries skipped go to `skipped`
// unless it is null (callers warn of them). Thread-safe.
absl::StatusOr<std::unique_ptr<UserWords>> LoadUserWords(const std::string& path,
                                                         SkippedEntries* skipped = nullptr);

// The same from a word list already in memory (the Python binding's
// user_words=[...]); `origin` names it in errors and in info().source.
absl::StatusOr<std::unique_ptr<UserWords>> CompileUserWords(std::string_view text,
                                                            std::string_view origin,
                                                            SkippedEntries* skipped = nullptr);

}  // namespace vnseg

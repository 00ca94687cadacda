// Plain-text word lists: one word a line, syllables separated by spaces or
// '_', optionally a tab and a frequency, optionally another tab and tags
// (comma-separated: common, headword, classifier, function, verb, noun,
// adjective; see WordFlags); '#' starts a comment line. A UTF-8 byte order
// mark at the start of a list is skipped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "vnseg/dictionary.h"

namespace vnseg {

// Adds the words of the list in `text` to `builder` with `flags`. `origin`
// (a file name) is used in errors, which name the line.
absl::Status AddWordList(std::string_view text, std::string_view origin, uint32_t flags,
                         DictionaryBuilder* builder);

// The whole content of the file at `path` (a regular file, a pipe or a
// device; not a directory). Errors name the path: NotFound (or
// PermissionDenied) when it cannot be opened, InvalidArgument for a
// directory, DataLoss when reading fails.
absl::StatusOr<std::string> ReadFileToString(const std::string& path);

// Reads the file at `path` and adds it as above.
absl::Status AddWordListFile(const std::string& path, uint32_t flags, DictionaryBuilder* builder);

// Compiles the word list at `path` into an in-memory dictionary, marked
// kFromUserList: the --user-words of the CLI, searched beside the main one.
absl::StatusOr<std::unique_ptr<Dictionary>> LoadUserWords(const std::string& path);

// The same from a word list already in memory (the Python binding's
// user_words=[...]); `origin` names it in errors and in the header.
absl::StatusOr<std::unique_ptr<Dictionary>> CompileUserWords(std::string_view text,
                                                             std::string_view origin);

}  // namespace vnseg

// The command-line parsing every vnseg command shares, on CLI11: how a
// command is declared (help, --version, flags that take no value, repeated
// options, checked values), how it is run, and the exit codes and messages.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "vnseg/dictionary.h"
#include "vnseg/word_list.h"

namespace vnseg::cli {

// Exit codes of every command.
inline constexpr int kExitOk = 0, kExitBadInput = 1, kExitUsage = 2;

// Prints "vnseg COMMAND: MESSAGE" and "Try 'vnseg COMMAND --help'." to
// stderr ("vnseg: MESSAGE" when `command` is empty); returns kExitUsage.
int UsageError(const std::string& command, const std::string& message);

// Prints "vnseg COMMAND: STATUS MESSAGE" to stderr; returns kExitBadInput.
int Fail(const std::string& command, const absl::Status& status);

// Flushes stdout and checks that everything written to it arrived (a full
// disk, /dev/full, a closed pipe): if not, prints "vnseg COMMAND: cannot
// write to stdout: REASON" and returns kExitBadInput when `rc` was kExitOk;
// otherwise returns `rc`. Called once, as the command ends.
int CheckStdout(const std::string& command, int rc);

// What the command that runs shares with Run: the arguments after "--"
// (Run splits them off, see there) and the exit code the command returns.
struct Invocation {
  std::vector<std::string> after_dashes;
  int rc = -1;  // -1: no command ran
};

// The command's name as messages give it: "segment", "dict info"; "" for
// the top level.
std::string CommandName(const CLI::App* app);

// Adds -h/--help and --version (which print to stdout and exit 0) to `app`.
void AddHelpAndVersion(CLI::App* app);

// What the help says of a command: its name, its line in the parent's
// help, and the text after its options (may be empty).
struct CommandDoc {
  const char* name;
  const char* summary;
  const char* details;
};

// Adds the subcommand `doc.name` to `parent`, with AddHelpAndVersion.
// Returns the new subcommand, owned by `parent`.
CLI::App* AddCommand(CLI::App* parent, const CommandDoc& doc);

// The "commands:" list of the top-level help: every command under `root`
// with its summary, the subcommands of a group (`dict learn`) each on its
// own line. Hides them from CLI11's own, one-level list.
std::string CommandList(CLI::App* root);

// Makes `app` a command: when it is the one parsed, the arguments after
// "--" are appended to `*positionals` (nullptr: the command takes none, and
// any is a usage error), then `run` gives the exit code. Both must outlive
// Run.
void OnRun(CLI::App* app, Invocation* invocation, std::vector<std::string>* positionals,
           std::function<int()> run);

// Adds the flag --NAME (no value: "--NAME=1" is a usage error).
CLI::Option* AddFlag(CLI::App* app, const std::string& name, bool* value, const std::string& help);

// Adds --NAME VALUE_NAME, which may repeat: each occurrence appends one
// value to `*values`, in order.
CLI::Option* AddRepeated(CLI::App* app, const std::string& name, const std::string& value_name,
                         std::vector<std::string>* values, const std::string& help);

// A CLI11 check: the value is one of `names` ("must be a, b or c, not 'x'").
CLI::Validator OneOfValidator(std::vector<std::string> names);
// A CLI11 check: the value is a whole number from `lo` to `hi`, written in
// digits only ("must be a whole number from LO to HI, not 'x'").
CLI::Validator WholeNumberValidator(int lo, int hi);

// A decimal number from 0 to 1 (a probability), else the message says so.
CLI::Validator ProbabilityValidator();

// Adds --NAME VALUE_NAME taking one of `choices` (first: the text given,
// second: the value stored in `*value`); another is a usage error
// "--NAME: must be a, b or c, not 'x'". `*value` keeps its default when
// the option is absent.
template <typename T>
CLI::Option* AddChoice(CLI::App* app, const std::string& name, const std::string& value_name,
                       std::vector<std::pair<std::string, T>> choices, T* value,
                       const std::string& help) {
  std::vector<std::string> names;
  for (const auto& c : choices) names.push_back(c.first);
  CLI::Option* option = app->add_option_function<std::string>(
      name,
      [choices = std::move(choices), value](const std::string& given) {
        for (const auto& c : choices) {
          if (c.first == given) *value = c.second;
        }
      },
      help);
  return option->type_name(value_name)->check(OneOfValidator(std::move(names)));
}

// The dictionary a --dict option names: `option`, or the library's
// DefaultDictionaryPath() when it was not given (empty).
std::string DictionaryPath(const std::string& option);

// Dictionary::Open(DictionaryPath(option)). When the default one (no
// --dict) is missing, the error lists every place looked in and says how
// to choose one (--dict FILE or VNSEG_DICT=FILE).
absl::StatusOr<std::unique_ptr<Dictionary>> OpenDictionary(const std::string& option);

// The warning for the entries of the word list `path` that were skipped, on
// stderr from `command` (nothing when there are none): "vnseg segment:
// warning: FILE: 2 entries skipped, never matched (punctuation inside a
// word): line 3 'Nagorno–Karabakh', line 7 'a.b'" (", ..." after the
// first SkippedEntries::kMaxKept).
void WarnSkipped(const std::string& command, const std::string& path,
                 const SkippedEntries& skipped);

// The dictionaries of --dict and --user-words (empty: none), opened. The
// user words that cannot be matched (punctuation inside) are skipped with
// a warning on stderr from `command`: how many, and the first lines.
struct LoadedDictionaries {
  std::unique_ptr<Dictionary> main;  // not null
  std::unique_ptr<UserWords> user;   // null without --user-words
};
absl::StatusOr<LoadedDictionaries> LoadDictionaries(const std::string& command,
                                                    const std::string& dict_option,
                                                    const std::string& user_words);

// Parses argv with `root` (whose commands OnRun set up) and runs the
// command given; prints help or the version for -h/--help/--version at any
// level, usage errors as UsageError does. Ends with CheckStdout. Returns
// the exit code.
int Run(CLI::App* root, Invocation* invocation, int argc, char** argv);

}  // namespace vnseg::cli

// A small command-line parser for the subcommands: --name=value,
// --name value, -o value, boolean --flags, positionals, and "--".
#pragma once

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace vnseg::cli {

struct OptionSpec {
  const char* name;         // without dashes: "dict", "o"
  const char* value_name;   // nullptr for a boolean flag
  const char* help;
};

struct ParsedArgs {
  std::map<std::string, std::string> values;  // flags present map to "1"
  std::vector<std::string> positionals;

  bool Has(const std::string& name) const { return values.count(name) != 0; }
  std::string Get(const std::string& name, const std::string& fallback = "") const {
    auto it = values.find(name);
    return it == values.end() ? fallback : it->second;
  }
};

// Parses argv[first..argc). An unknown option or a missing value is an
// InvalidArgument error whose message says which.
absl::StatusOr<ParsedArgs> ParseArgs(int argc, char** argv, int first,
                                     const std::vector<OptionSpec>& specs);

// Exit codes of every command.
inline constexpr int kExitOk = 0, kExitBadInput = 1, kExitUsage = 2;

// Prints "vnseg COMMAND: MESSAGE" and a hint to stderr; returns kExitUsage.
int UsageError(const std::string& command, const std::string& message);

// Prints "vnseg COMMAND: STATUS MESSAGE" to stderr; returns kExitBadInput.
int Fail(const std::string& command, const absl::Status& status);

// Flushes stdout and checks that everything written to it arrived (a full
// disk, /dev/full, a closed pipe): if not, prints "vnseg COMMAND: cannot
// write to stdout: REASON" and returns kExitBadInput when `rc` was kExitOk;
// otherwise returns `rc`. Called once, as the command ends.
int CheckStdout(const std::string& command, int rc);

// The option list of `specs`, one per line, for --help.
std::string FormatOptions(const std::vector<OptionSpec>& specs);

}  // namespace vnseg::cli

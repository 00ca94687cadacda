#include "cli_args.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "absl/strings/str_cat.h"

namespace vnseg::cli {

absl::StatusOr<ParsedArgs> ParseArgs(int argc, char** argv, int first,
                                     const std::vector<OptionSpec>& specs) {
  ParsedArgs out;
  bool options_done = false;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (options_done || arg.size() < 2 || arg[0] != '-') {
      out.positionals.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    std::string name = arg.substr(arg[1] == '-' ? 2 : 1);
    std::string value;
    bool has_inline_value = false;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_inline_value = true;
    }
    const OptionSpec* spec = nullptr;
    for (const OptionSpec& s : specs) {
      if (name == s.name) spec = &s;
    }
    if (spec == nullptr) return absl::InvalidArgumentError(absl::StrCat("unknown option ", arg));
    if (spec->value_name == nullptr) {
      if (has_inline_value) {
        return absl::InvalidArgumentError(absl::StrCat("option --", name, " takes no value"));
      }
      out.values[name] = "1";
      continue;
    }
    if (!has_inline_value) {
      if (i + 1 >= argc) {
        return absl::InvalidArgumentError(
            absl::StrCat("option ", arg, " needs a value (", spec->value_name, ")"));
      }
      value = argv[++i];
    }
    out.values[name] = value;
  }
  return out;
}

int UsageError(const std::string& command, const std::string& message) {
  std::string name = command.empty() ? "vnseg" : "vnseg " + command;
  std::cerr << name << ": " << message << "\nTry '" << name << " --help'.\n";
  return kExitUsage;
}

int Fail(const std::string& command, const absl::Status& status) {
  std::cerr << "vnseg " << command << ": " << status.message() << "\n";
  return kExitBadInput;
}

int CheckStdout(const std::string& command, int rc) {
  // std::cout shares stdout's buffer (sync_with_stdio): a failed write sets
  // stdout's error flag, and what is still buffered fails on fflush.
  std::cout.flush();
  bool failed = std::fflush(stdout) != 0;
  int reason = errno;  // of the fflush, else of the failed write before it
  if (!failed && !std::ferror(stdout) && std::cout.good()) return rc;
  std::cerr << "vnseg" << (command.empty() ? "" : " ") << command << ": cannot write to stdout"
            << (reason != 0 ? absl::StrCat(": ", std::strerror(reason)) : std::string()) << "\n";
  return rc == kExitOk ? kExitBadInput : rc;
}

std::string FormatOptions(const std::vector<OptionSpec>& specs) {
  std::string out;
  for (const OptionSpec& s : specs) {
    std::string left = absl::StrCat(std::strlen(s.name) == 1 ? "  -" : "  --", s.name);
    if (s.value_name != nullptr) absl::StrAppend(&left, " ", s.value_name);
    if (left.size() < 24) left.resize(24, ' ');
    absl::StrAppend(&out, left, " ", s.help, "\n");
  }
  return out;
}

}  // namespace vnseg::cli

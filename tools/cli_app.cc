#include "cli_app.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "vnseg/dictionary.h"
#include "vnseg/word_list.h"
#include "vnseg/version.h"

namespace vnseg::cli {
namespace {

// The command being parsed or run: the deepest subcommand CLI11 selected.
const CLI::App* Selected(const CLI::App* root) {
  const CLI::App* app = root;
  while (!app->get_subcommands().empty()) app = app->get_subcommands().front();
  return app;
}

// The usage error for an argument CLI11 could not place.
std::string Unexpected(const CLI::App* root, const CLI::App* app, const std::string& arg) {
  if (arg.size() > 1 && arg[0] == '-') return "unknown option " + arg;
  if (!app->get_subcommands({}).empty()) {
    return absl::StrCat(app == root ? "unknown command '" : "unknown subcommand '", arg, "'");
  }
  return "unexpected argument '" + arg + "'";
}

// `vnseg help`, `vnseg dict help`: the word "help" where a subcommand is
// expected is --help, as with the parser before CLI11.
void HelpWordToFlag(const CLI::App* root, std::vector<std::string>* args) {
  const CLI::App* app = root;
  for (std::string& arg : *args) {
    if (app->get_subcommands({}).empty()) return;
    if (arg == "help") {
      arg = "--help";
      return;
    }
    std::vector<const CLI::App*> named =
        app->get_subcommands([&arg](const CLI::App* sub) { return sub->get_name() == arg; });
    if (named.empty()) return;
    app = named.front();
  }
}

}  // namespace

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

std::string CommandName(const CLI::App* app) {
  std::string name;
  for (; app != nullptr && app->get_parent() != nullptr; app = app->get_parent()) {
    name = name.empty() ? app->get_name() : absl::StrCat(app->get_name(), " ", name);
  }
  return name;
}

void AddHelpAndVersion(CLI::App* app) {
  app->set_help_flag("-h,--help", "show this help and exit")->disable_flag_override();
  app->set_version_flag("--version", "vnseg " VNSEG_VERSION_STRING, "show the version and exit")
      ->disable_flag_override();
}

CLI::App* AddCommand(CLI::App* parent, const CommandDoc& doc) {
  CLI::App* app = parent->add_subcommand(doc.name, doc.summary);
  // An option given twice keeps the last value, as before CLI11 (which
  // would refuse it); the repeatable ones (AddRepeated) keep all.
  app->option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  AddHelpAndVersion(app);
  if (*doc.details != '\0') app->footer(doc.details);
  // A word that names another command is a FILE once one is chosen.
  parent->require_subcommand(0, 1);
  return app;
}

std::string CommandList(CLI::App* root) {
  std::string out = "commands:\n";
  auto add = [&out](const std::string& name, const CLI::App* app) {
    absl::StrAppend(&out, "  ", name, std::string(name.size() < 14 ? 14 - name.size() : 1, ' '),
                    app->get_description(), "\n");
  };
  for (CLI::App* app : root->get_subcommands({})) {
    std::vector<const CLI::App*> subs = static_cast<const CLI::App*>(app)->get_subcommands({});
    if (subs.empty()) add(app->get_name(), app);
    for (const CLI::App* sub : subs) add(CommandName(sub), sub);
    app->group("");  // listed here instead
  }
  return out;
}

void OnRun(CLI::App* app, Invocation* invocation, std::vector<std::string>* positionals,
           std::function<int()> run) {
  app->callback([app, invocation, positionals, run = std::move(run)] {
    const std::vector<std::string>& rest = invocation->after_dashes;
    if (positionals == nullptr && !rest.empty()) {
      invocation->rc = UsageError(CommandName(app), "unexpected argument '" + rest.front() + "'");
      return;
    }
    if (positionals != nullptr) positionals->insert(positionals->end(), rest.begin(), rest.end());
    invocation->rc = run();
  });
}

CLI::Option* AddFlag(CLI::App* app, const std::string& name, bool* value, const std::string& help) {
  return app->add_flag(name, *value, help)->disable_flag_override();
}

CLI::Option* AddRepeated(CLI::App* app, const std::string& name, const std::string& value_name,
                         std::vector<std::string>* values, const std::string& help) {
  // One value per occurrence: what follows is a FILE, not a second value.
  return app->add_option(name, *values, help)->type_name(value_name)->allow_extra_args(false);
}

CLI::Validator OneOfValidator(std::vector<std::string> names) {
  std::string listed =
      names.size() < 2
          ? absl::StrJoin(names, "")
          : absl::StrCat(absl::StrJoin(names.begin(), names.end() - 1, ", "), " or ", names.back());
  return CLI::Validator(
      [names = std::move(names), listed](std::string& given) {
        if (std::find(names.begin(), names.end(), given) != names.end()) return std::string();
        return absl::StrCat("must be ", listed, ", not '", given, "'");
      },
      "");
}

CLI::Validator WholeNumberValidator(int lo, int hi) {
  return CLI::Validator(
      [lo, hi](std::string& given) {
        int n = 0;
        bool digits =
            !given.empty() && given.size() <= 9 &&
            std::all_of(given.begin(), given.end(), [](char c) { return absl::ascii_isdigit(c); });
        if (digits && absl::SimpleAtoi(given, &n) && n >= lo && n <= hi) return std::string();
        return absl::StrCat("must be a whole number from ", lo, " to ", hi, ", not '", given, "'");
      },
      "");
}

CLI::Validator ProbabilityValidator() {
  return CLI::Validator(
      [](std::string& given) {
        double p = 0;
        if (absl::SimpleAtod(given, &p) && p >= 0 && p <= 1) return std::string();
        return absl::StrCat("must be a number from 0 to 1, not '", given, "'");
      },
      "");
}

namespace {
// CLI11's message, in vnseg's words where CLI11 names an option without
// its dashes ("tokenize was given a disallowed flag override").
std::string ParseErrorMessage(const CLI::ParseError& e) {
  std::string message = e.what();
  constexpr absl::string_view kFlagValue = " was given a disallowed flag override";
  if (absl::EndsWith(message, kFlagValue)) {
    return absl::StrCat("--", message.substr(0, message.size() - kFlagValue.size()),
                        " takes no value");
  }
  return message;
}
}  // namespace

int Run(CLI::App* root, Invocation* invocation, int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  // CLI11 2.1 hands a "--" inside a subcommand back to the parent once the
  // subcommand's positionals need no more values, and the parent then
  // reads what follows as options; so the arguments after the first "--"
  // are split off here, and OnRun gives them to the command as FILEs.
  if (auto dashes = std::find(args.begin(), args.end(), "--"); dashes != args.end()) {
    invocation->after_dashes.assign(dashes + 1, args.end());
    args.erase(dashes, args.end());
  }
  HelpWordToFlag(root, &args);
  std::reverse(args.begin(), args.end());  // CLI11 takes them last first
  int rc = kExitUsage;
  try {
    root->parse(args);
    const CLI::App* app = Selected(root);
    if (invocation->rc >= 0) {
      rc = invocation->rc;
    } else {
      // The top level or `dict` without a subcommand: the help of that group.
      std::cerr << root->help();
      rc = UsageError(CommandName(app), app == root ? "missing command" : "missing subcommand");
    }
  } catch (const CLI::CallForHelp&) {
    std::cout << root->help();  // the help of the selected subcommand
    rc = kExitOk;
  } catch (const CLI::CallForVersion& e) {
    std::cout << e.what() << "\n";
    rc = kExitOk;
  } catch (const CLI::ParseError& e) {
    // An argument CLI11 could not place is reported before what it found
    // missing (-o of dict build): the missing one may be that argument.
    const CLI::App* app = Selected(root);
    std::vector<std::string> extras = root->remaining(true);
    rc = UsageError(CommandName(app),
                    extras.empty() ? ParseErrorMessage(e) : Unexpected(root, app, extras.front()));
  }
  return CheckStdout(CommandName(Selected(root)), rc);
}

std::string DictionaryPath(const std::string& option) {
  return option.empty() ? DefaultDictionaryPath() : option;
}

absl::StatusOr<std::unique_ptr<Dictionary>> OpenDictionary(const std::string& option) {
  if (!option.empty()) return Dictionary::Open(option);
  return OpenDefaultDictionary("--dict", "Choose one with --dict FILE or VNSEG_DICT=FILE.");
}

void WarnSkipped(const std::string& command, const std::string& path,
                 const SkippedEntries& skipped) {
  if (skipped.count == 0) return;
  std::string lines;
  for (const SkippedEntries::Entry& e : skipped.first) {
    absl::StrAppend(&lines, lines.empty() ? "" : ", ", "line ", e.line, " '", e.word, "'");
  }
  if (skipped.count > skipped.first.size()) absl::StrAppend(&lines, ", ...");
  std::cerr << "vnseg " << command << ": warning: " << path << ": " << skipped.count
            << (skipped.count == 1 ? " entry" : " entries")
            << " skipped, never matched (punctuation inside a word): " << lines << "\n";
}

absl::StatusOr<LoadedDictionaries> LoadDictionaries(const std::string& command,
                                                    const std::string& dict_option,
                                                    const std::string& user_words) {
  LoadedDictionaries d;
  auto main = OpenDictionary(dict_option);
  if (!main.ok()) return main.status();
  d.main = *std::move(main);
  if (!user_words.empty()) {
    SkippedEntries skipped;
    auto user = LoadUserWords(user_words, &skipped);
    if (!user.ok()) return user.status();
    WarnSkipped(command, user_words, skipped);
    d.user = *std::move(user);
  }
  return d;
}

}  // namespace vnseg::cli

// vnseg: command-line front end. Parses flags, loads the dictionary, and
// streams text through the library's converters; no logic of its own.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "cli_args.h"
#include "dict_command.h"
#include "output_file.h"
#include "text_stream.h"
#include "vnseg/convert.h"
#include "vnseg/dictionary.h"
#include "vnseg/normalizer.h"
#include "vnseg/segmenter.h"
#include "vnseg/version.h"
#include "vnseg/word_list.h"

namespace vnseg::cli {
namespace {

const char kUsage[] =
    "vnseg " VNSEG_VERSION_STRING " - Vietnamese word segmentation\n"
    "\n"
    "usage: vnseg COMMAND [OPTIONS] [FILE...]\n"
    "\n"
    "commands:\n"
    "  segment     natural text -> words joined with '_' (Tổng thống Mỹ -> Tổng_thống Mỹ)\n"
    "  join        '_' form -> natural text (exact inverse of segment)\n"
    "  resegment   re-segment text another tool segmented (join, then segment)\n"
    "  normalize   NFC, Unicode spaces, invisible characters, tone-mark placement\n"
    "  dict        build | info | lookup: the compiled dictionary\n"
    "\n"
    "FILEs default to stdin ('-' is stdin); output goes to stdout or -o FILE.\n"
    "Exit status: 0 ok, 1 bad input or data, 2 usage error.\n"
    "'vnseg COMMAND --help' describes each command.\n";

const OptionSpec kOutput{"o", "FILE",
                          "write to FILE (a regular file is replaced only when the run succeeds, "
                          "keeping its mode and links; a device or FIFO is written as is)"};
const OptionSpec kInvalid{"invalid", "MODE",
                          "invalid UTF-8: error (default: report line and byte, exit 1), "
                          "replace (U+FFFD), pass (copy the bytes)"};
const OptionSpec kProgress{"no-progress", nullptr, "no progress line on a terminal"};
const OptionSpec kHelp{"help", nullptr, "show this help"};
const OptionSpec kThreads{"threads", "N",
                          "convert N blocks at once (default 1; 0: one per core); same output"};
const OptionSpec kDict{"dict", "FILE", "compiled dictionary (default: $VNSEG_DICT or the installed one)"};
const OptionSpec kUserWords{"user-words", "FILE",
                            "extra words, one a line ('_' or space between syllables, "
                            "optional TAB frequency)"};

struct Command {
  const char* name;
  const char* summary;
  std::vector<OptionSpec> options;
};

void PrintHelp(const Command& c) {
  std::cout << "usage: vnseg " << c.name << " [OPTIONS] [FILE...]\n\n" << c.summary << "\n\noptions:\n"
            << FormatOptions(c.options);
}

absl::StatusOr<StreamOptions> GetStreamOptions(const ParsedArgs& args) {
  StreamOptions s;
  s.inputs = args.positionals;
  s.output = args.Get("o");
  std::string invalid = args.Get("invalid", "error");
  if (invalid == "error") {
    s.invalid = InvalidUtf8::kError;
  } else if (invalid == "replace") {
    s.invalid = InvalidUtf8::kReplace;
  } else if (invalid == "pass") {
    s.invalid = InvalidUtf8::kPass;
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat("--invalid must be error, replace or pass, not '", invalid, "'"));
  }
  s.progress = !args.Has("no-progress");
  // A test hook: a small block makes the tests' lines "long" (hidden).
  if (const char* block = std::getenv("VNSEG_BLOCK_SIZE"); block != nullptr && *block != '\0') {
    char* end = nullptr;
    const unsigned long long n = std::strtoull(block, &end, 10);
    if (*end != '\0' || n < 16 || n > (1u << 30)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "VNSEG_BLOCK_SIZE must be a number of bytes from 16 to 2^30, not '", block, "'"));
    }
    s.block_size = static_cast<size_t>(n);
  }
  if (args.Has("threads")) {
    const std::string n = args.Get("threads");
    int threads = -1;
    if (n.empty() || n.size() > 3 || n.find_first_not_of("0123456789") != std::string::npos ||
        (threads = std::stoi(n)) > 256) {
      return absl::InvalidArgumentError("--threads must be a whole number from 0 to 256, not '" +
                                        n + "'");
    }
    s.threads = threads == 0 ? static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))
                             : threads;
  }
  return s;
}

struct LoadedDictionaries {
  std::unique_ptr<Dictionary> main;
  std::unique_ptr<UserWords> user;
};

absl::StatusOr<LoadedDictionaries> LoadDictionaries(const ParsedArgs& args) {
  LoadedDictionaries d;
  auto main = Dictionary::Open(args.Get("dict", DefaultDictionaryPath()));
  if (!main.ok()) return main.status();
  d.main = *std::move(main);
  if (args.Has("user-words")) {
    auto user = LoadUserWords(args.Get("user-words"));
    if (!user.ok()) return user.status();
    d.user = *std::move(user);
  }
  return d;
}

// Parses, handles --help and usage errors; returns -1 to go on.
int Prepare(const Command& c, int argc, char** argv, ParsedArgs* args, StreamOptions* stream) {
  auto parsed = ParseArgs(argc, argv, 2, c.options);
  if (!parsed.ok()) return UsageError(c.name, std::string(parsed.status().message()));
  if (parsed->Has("help")) {
    PrintHelp(c);
    return kExitOk;
  }
  auto s = GetStreamOptions(*parsed);
  if (!s.ok()) return UsageError(c.name, std::string(s.status().message()));
  // -o onto a file the command reads would lose it (or, hard-linked,
  // rewrite a dictionary while it is mapped): refused, nothing written.
  std::vector<std::string> inputs = parsed->positionals;
  bool has_dict = std::any_of(c.options.begin(), c.options.end(),
                              [](const OptionSpec& o) { return std::string(o.name) == "dict"; });
  if (has_dict) inputs.push_back(parsed->Get("dict", DefaultDictionaryPath()));
  if (parsed->Has("user-words")) inputs.push_back(parsed->Get("user-words"));
  if (absl::Status same = CheckNotAnInput({s->output}, inputs); !same.ok()) return Fail(c.name, same);
  *args = *std::move(parsed);
  *stream = *std::move(s);
  return -1;
}

// Streams the inputs through transforms made by `make_transform` (one per
// thread); the exit code of the command.
int StreamAndExit(const Command& c, const StreamOptions& stream,
                  const TransformFactory& make_transform) {
  absl::Status s = RunStream(stream, make_transform);
  return s.ok() ? kExitOk : Fail(c.name, s);
}

// For stateless transforms: every thread shares `transform`.
TransformFactory Shared(Transform transform) {
  return [transform = std::move(transform)] { return transform; };
}

int RunSegmentLike(const Command& c, int argc, char** argv, bool resegment) {
  ParsedArgs args;
  StreamOptions stream;
  if (int rc = Prepare(c, argc, argv, &args, &stream); rc >= 0) return rc;
  auto dicts = LoadDictionaries(args);
  if (!dicts.ok()) return Fail(c.name, dicts.status());
  SegmentOptions options;
  options.tokenize = args.Has("tokenize");
  stream.cut_rules = options.tokenize ? CutRules::kTokenized : CutRules::kSegment;
  stream.state_after = SegmentStateAfter;
  // A Segmenter per thread; the dictionaries are shared.
  return StreamAndExit(c, stream, [&]() -> Transform {
    auto segmenter = std::make_shared<Segmenter>(dicts->main.get(), dicts->user.get());
    return [segmenter, options, resegment](std::string_view in, const PieceState& start,
                                           std::string* out) {
      if (resegment) {
        ResegmentText(*segmenter, in, start, out);
      } else {
        SegmentText(*segmenter, in, options, start, out);
      }
    };
  });
}

int RunJoin(const Command& c, int argc, char** argv) {
  ParsedArgs args;
  StreamOptions stream;
  if (int rc = Prepare(c, argc, argv, &args, &stream); rc >= 0) return rc;
  JoinOptions options;
  options.detok = args.Has("detok");
  stream.cut_rules = CutRules::kJoin;
  stream.state_after = options.detok ? DetokStateAfter : JoinStateAfter;
  return StreamAndExit(c, stream, Shared([options](std::string_view in, const PieceState& start,
                                                   std::string* out) {
    JoinText(in, options, start, out);
  }));
}

int RunNormalize(const Command& c, int argc, char** argv) {
  ParsedArgs args;
  StreamOptions stream;
  if (int rc = Prepare(c, argc, argv, &args, &stream); rc >= 0) return rc;
  NormalizeOptions options;
  std::string tone = args.Get("tone", "keep");
  if (tone == "old") {
    options.tone = ToneStyle::kOld;
  } else if (tone == "new") {
    options.tone = ToneStyle::kNew;
  } else if (tone != "keep") {
    return UsageError(c.name, "--tone must be old, new or keep, not '" + tone + "'");
  }
  options.fold_quotes = args.Has("fold-quotes");
  options.spaces = !args.Has("keep-spaces");
  options.invisible = !args.Has("keep-invisible");
  // The stream has rejected or replaced invalid UTF-8, unless
  // --invalid=pass: then the bad bytes are copied through.
  options.pass_invalid = stream.invalid == InvalidUtf8::kPass;
  // On valid (or passed) text, Normalize fails only when ICU cannot
  // normalize at all: found out once here, not ignored on every block.
  std::string probe;
  if (absl::Status s = Normalize("", options, &probe); !s.ok()) return Fail(c.name, s);
  return StreamAndExit(c, stream, Shared([options](std::string_view in, const PieceState&,
                                                   std::string* out) {
    Normalize(in, options, out).IgnoreError();  // cannot fail: validated or passing, ICU checked
  }));
}

std::vector<OptionSpec> With(std::vector<OptionSpec> specific) {
  for (const OptionSpec& o : {kOutput, kInvalid, kProgress, kThreads, kHelp}) specific.push_back(o);
  return specific;
}

}  // namespace

int Main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  std::string command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (command == "--version") {
    std::cout << "vnseg " << VNSEG_VERSION_STRING << "\n";
    return kExitOk;
  }
  static const Command kSegment{
      "segment",
      "Segment natural text into words: the spaces inside a word become '_'.\n"
      "Default output is lossless ('vnseg join' gives the input back byte for byte);\n"
      "a literal '_' between two letters or digits is written '__'.",
      With({kDict, kUserWords,
            {"tokenize", nullptr,
             "VnCoreNLP/PhoBERT style: words and punctuation separated by one space"}})};
  static const Command kResegment{
      "resegment",
      "Re-segment text that another tool segmented: join its words, then segment\n"
      "again, keeping the input's spacing.",
      With({kDict, kUserWords})};
  static const Command kJoin{
      "join",
      "Turn '_' word form back into natural text: '_' between two letters or digits\n"
      "becomes a space, '__' there becomes '_', other underscores stay.",
      With({{"detok", nullptr,
             "also undo tokenized spacing: no space before , . : ; ! ? ) ], none after ( ["}})};
  static const Command kNormalize{
      "normalize",
      "Normalize text: Unicode NFC, Unicode spaces to ' ', zero-width characters and\n"
      "soft hyphens removed, Ð/ð to Đ/đ, optional tone placement and quote folding.",
      With({{"tone", "STYLE", "keep (default), old (hoà khoẻ thuỷ) or new (hòa khỏe thủy)"},
            {"fold-quotes", nullptr, "curly and angle quotes to \" and '"},
            {"keep-spaces", nullptr, "keep NBSP and other Unicode spaces"},
            {"keep-invisible", nullptr, "keep zero-width characters and soft hyphens"}})};

  if (command == "segment") return RunSegmentLike(kSegment, argc, argv, false);
  if (command == "resegment") return RunSegmentLike(kResegment, argc, argv, true);
  if (command == "join") return RunJoin(kJoin, argc, argv);
  if (command == "normalize") return RunNormalize(kNormalize, argc, argv);
  if (command == "dict") return RunDict(argc, argv);
  return UsageError("", "unknown command '" + command + "'");
}

}  // namespace vnseg::cli

int main(int argc, char** argv) {
  int rc = vnseg::cli::Main(argc, argv);
  // Messages name the command: "dict info", "segment", "--help".
  std::string command = argc > 1 ? argv[1] : "";
  if (command == "dict" && argc > 2 && argv[2][0] != '-') command = command + " " + argv[2];
  return vnseg::cli::CheckStdout(command, rc);
}

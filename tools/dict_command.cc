#include "dict_command.h"

#include <iostream>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli_args.h"
#include "output_file.h"
#include "absl/strings/numbers.h"
#include "vnseg/dictionary.h"
#include "vnseg/learn.h"
#include "vnseg/syllable_key.h"
#include "vnseg/word_list.h"

namespace vnseg::cli {
namespace {

const char kDictUsage[] =
    "usage: vnseg dict build -o OUT [--source TEXT] [--base LIST]... [--tags LIST]...\n"
    "                        [--corpus-words LIST]... [--model MODEL.tsv] [LIST...]\n"
    "       vnseg dict learn -o OUT [--source TEXT] [--base LIST]... [--tags LIST]...\n"
    "                        [--names LIST]... [--epochs N] [--export-model FILE]\n"
    "                        [--export-words FILE] CORPUS...\n"
    "       vnseg dict info [--dict FILE]\n"
    "       vnseg dict lookup [--dict FILE] [--user-words FILE] WORD...\n"
    "\n"
    "build   compile word lists (one word a line, '_' or space between syllables,\n"
    "        optional TAB frequency, '#' comments) into a binary dictionary.\n"
    "        --base marks a list as the base list, others as name lists;\n"
    "        --tags adds what a lexicon says of words (third column: common,\n"
    "        headword, classifier, function, verb, noun, adjective);\n"
    "        --corpus-words adds word counts learned from a corpus; --model adds\n"
    "        a learned model (the text form written by learn --export-model).\n"
    "learn   learn word counts and the segmentation model from '_'-segmented\n"
    "        corpora (one sentence a line, syllables of a word joined by '_'),\n"
    "        over the given word lists, and write a dictionary with both.\n"
    "info    print the header of a dictionary: version, counts, checksum, source.\n"
    "lookup  look words up (any case or tone placement); exit 1 if one is missing.\n";

std::string FlagNames(uint32_t flags) {
  std::string out;
  auto add = [&](uint32_t bit, const char* name) {
    if (flags & bit) absl::StrAppend(&out, out.empty() ? "" : ",", name);
  };
  add(kFromBaseList, "base");
  add(kFromNameList, "names");
  add(kFromUserList, "user");
  return out.empty() ? "-" : out;
}

// --base may repeat: collect every occurrence, in order.
std::vector<std::string> Repeated(int argc, char** argv, const std::string& name) {
  std::vector<std::string> values;
  for (int i = 3; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--" + name && i + 1 < argc) {
      values.push_back(argv[++i]);
    } else if (arg.rfind("--" + name + "=", 0) == 0) {
      values.push_back(arg.substr(name.size() + 3));
    }
  }
  return values;
}

// Adds the lists named by --FLAG (each occurrence) with `flags`.
absl::Status AddLists(int argc, char** argv, const std::string& flag, uint32_t word_flags,
                      DictionaryBuilder* builder) {
  for (const std::string& path : Repeated(argc, argv, flag)) {
    if (absl::Status s = AddWordListFile(path, word_flags, builder); !s.ok()) return s;
  }
  return absl::OkStatus();
}

// Every file named by a --FLAG of `flags`, and the positionals.
std::vector<std::string> InputFiles(int argc, char** argv, const ParsedArgs& args,
                                    const std::vector<std::string>& flags) {
  std::vector<std::string> files = args.positionals;
  for (const std::string& flag : flags) {
    for (std::string& path : Repeated(argc, argv, flag)) files.push_back(std::move(path));
  }
  return files;
}

int WriteDictionary(const char* command, const DictionaryBuilder& builder,
                    const ParsedArgs& args) {
  std::string image = builder.Build(args.Get("source", "vnseg dictionary"));
  // Always a new file by rename (or a device written as is), never an
  // existing dictionary rewritten in place: other processes may have it
  // mapped, and a mapped file changed under them crashes them.
  if (absl::Status s = WriteWholeFile(args.Get("o"), image, OutputFile::Replace::kAlwaysRename); !s.ok()) {
    return Fail(command, s);
  }
  std::cerr << "vnseg " << command << ": " << builder.size() << " words -> " << args.Get("o")
            << " (" << image.size() << " bytes); " << builder.skipped()
            << " entries skipped (punctuation inside: never matchable)\n";
  return kExitOk;
}

// Parses the options of a subcommand that writes -o OUT. Returns the exit
// code to stop with (a usage error, or success after --help), or nothing.
std::optional<int> ParseWriterArgs(int argc, char** argv, const char* command,
                                   const std::vector<OptionSpec>& specs, ParsedArgs* out) {
  auto args = ParseArgs(argc, argv, 3, specs);
  if (!args.ok()) return UsageError(command, std::string(args.status().message()));
  if (args->Has("help")) {
    std::cout << kDictUsage << "\noptions:\n" << FormatOptions(specs);
    return kExitOk;
  }
  if (!args->Has("o")) return UsageError(command, "-o OUT is required");
  *out = *std::move(args);
  return std::nullopt;
}

int Build(int argc, char** argv) {
  std::vector<OptionSpec> specs = {{"o", "OUT", "output file"},
                                   {"source", "TEXT", "description stored in the header"},
                                   {"base", "LIST", "a base word list (repeatable)"},
                                   {"tags", "LIST", "a list of word tags (repeatable)"},
                                   {"corpus-words", "LIST", "word counts from a corpus (repeatable)"},
                                   {"model", "FILE", "a learned model in text form"},
                                   {"help", nullptr, "show this help"}};
  ParsedArgs parsed;
  if (std::optional<int> rc = ParseWriterArgs(argc, argv, "dict build", specs, &parsed)) return *rc;
  const ParsedArgs* args = &parsed;
  absl::Status s = CheckNotAnInput({args->Get("o")},
                                   InputFiles(argc, argv, *args, {"base", "tags", "corpus-words", "model"}));
  if (!s.ok()) return Fail("dict build", s);
  DictionaryBuilder builder;
  s = AddLists(argc, argv, "base", kFromBaseList, &builder);
  if (s.ok()) s = AddLists(argc, argv, "tags", 0, &builder);
  if (s.ok()) s = AddLists(argc, argv, "corpus-words", 0, &builder);
  for (size_t i = 0; s.ok() && i < args->positionals.size(); ++i) {
    s = AddWordListFile(args->positionals[i], kFromNameList, &builder);
  }
  if (s.ok() && args->Has("model")) {
    auto text = ReadFileToString(args->Get("model"));
    s = text.ok() ? builder.SetModel(*text, args->Get("model")) : text.status();
  }
  if (!s.ok()) return Fail("dict build", s);
  if (builder.size() == 0) return UsageError("dict build", "no words: give at least one list");
  return WriteDictionary("dict build", builder, *args);
}

int Learn(int argc, char** argv) {
  std::vector<OptionSpec> specs = {{"o", "OUT", "output dictionary"},
                                   {"source", "TEXT", "description stored in the header"},
                                   {"base", "LIST", "a base word list (repeatable)"},
                                   {"tags", "LIST", "a list of word tags (repeatable)"},
                                   {"names", "LIST", "a name list (repeatable)"},
                                   {"epochs", "N", "passes over the corpus (default 10)"},
                                   {"export-model", "FILE", "also write the model in text form"},
                                   {"export-words", "FILE", "also write the corpus word counts"},
                                   {"help", nullptr, "show this help"}};
  ParsedArgs parsed;
  if (std::optional<int> rc = ParseWriterArgs(argc, argv, "dict learn", specs, &parsed)) return *rc;
  const ParsedArgs* args = &parsed;
  if (args->positionals.empty()) return UsageError("dict learn", "give at least one CORPUS file");
  std::vector<std::string> outputs = {args->Get("o")};
  for (const char* flag : {"export-model", "export-words"}) {
    if (args->Has(flag)) outputs.push_back(args->Get(flag));
  }
  if (absl::Status s = CheckNotAnInput(outputs, InputFiles(argc, argv, *args, {"base", "tags", "names"}));
      !s.ok()) {
    return Fail("dict learn", s);
  }
  LearnOptions options;
  if (args->Has("epochs")) {
    int epochs = 0;
    if (!absl::SimpleAtoi(args->Get("epochs"), &epochs) || epochs < 1 || epochs > 1000) {
      return UsageError("dict learn", "--epochs must be a whole number from 1 to 1000");
    }
    options.epochs = epochs;
  }
  std::vector<std::string> corpora;
  for (const std::string& path : args->positionals) {
    auto text = ReadFileToString(path);
    if (!text.ok()) return Fail("dict learn", text.status());
    corpora.push_back(*std::move(text));
  }
  auto words = CorpusWordList(corpora);
  if (!words.ok()) return Fail("dict learn", words.status());

  DictionaryBuilder builder;
  absl::Status s = AddLists(argc, argv, "base", kFromBaseList, &builder);
  if (s.ok()) s = AddLists(argc, argv, "tags", 0, &builder);
  if (s.ok()) s = AddLists(argc, argv, "names", kFromNameList, &builder);
  if (s.ok()) s = AddWordList(*words, "corpus words", 0, &builder);
  if (!s.ok()) return Fail("dict learn", s);
  // The model learns over the very dictionary it ships in, minus itself.
  auto lexicon = Dictionary::FromBytes(builder.Build("lexicon"));
  if (!lexicon.ok()) return Fail("dict learn", lexicon.status());
  LearnReport report;
  auto model = LearnModel(**lexicon, corpora, options, &report);
  if (!model.ok()) return Fail("dict learn", model.status());
  std::cerr << "vnseg dict learn: " << report.lines << " lines (" << report.skipped_lines
            << " skipped), " << report.runs << " runs; runs right per epoch:";
  for (double a : report.run_accuracy) std::cerr << absl::StrFormat(" %.3f", a);
  std::cerr << "; " << report.features << " n-gram weights\n";
  if (args->Has("export-model")) s = WriteWholeFile(args->Get("export-model"), *model);
  if (s.ok()) s = builder.SetModel(*model, "learned model");
  if (s.ok() && args->Has("export-words")) s = WriteWholeFile(args->Get("export-words"), *words);
  if (!s.ok()) return Fail("dict learn", s);
  return WriteDictionary("dict learn", builder, *args);
}

int InfoOrLookup(int argc, char** argv, bool lookup) {
  std::vector<OptionSpec> specs = {{"dict", "FILE", "dictionary (default: the installed one)"},
                                   {"help", nullptr, "show this help"}};
  if (lookup) specs.push_back({"user-words", "FILE", "also look in this word list"});
  const char* name = lookup ? "dict lookup" : "dict info";
  auto args = ParseArgs(argc, argv, 3, specs);
  if (!args.ok()) return UsageError(name, std::string(args.status().message()));
  if (args->Has("help")) {
    std::cout << kDictUsage << "\noptions:\n" << FormatOptions(specs);
    return kExitOk;
  }
  std::string path = args->Get("dict", DefaultDictionaryPath());
  auto dict = Dictionary::Open(path);
  if (!dict.ok()) return Fail(name, dict.status());
  if (!lookup) {
    const DictionaryInfo& info = (*dict)->info();
    std::cout << "file:           " << path << "\n"
              << "format version: " << info.format_version << "\n"
              << "words:          " << info.word_count << "\n"
              << "syllables:      " << info.syllable_count << "\n"
              << "longest word:   " << info.max_word_syllables << " syllables\n"
              << "model:          "
              << (info.model_features ? absl::StrCat(info.model_features, " n-gram weights")
                                      : std::string("none (dictionary maximal matching)"))
              << "\n"
              << "size:           " << info.file_size << " bytes\n"
              << "checksum:       " << absl::StrFormat("%016x", info.checksum) << "\n"
              << "source:         " << info.source << "\n";
    return kExitOk;
  }
  if (args->positionals.empty()) return UsageError(name, "give at least one WORD");
  std::unique_ptr<UserWords> user;
  if (args->Has("user-words")) {
    auto loaded = LoadUserWords(args->Get("user-words"));
    if (!loaded.ok()) return Fail(name, loaded.status());
    user = *std::move(loaded);
  }
  int rc = kExitOk;
  for (const std::string& word : args->positionals) {
    uint32_t flags = 0;
    bool found = (*dict)->Lookup(word, &flags) || (user && user->Lookup(word, &flags));
    std::cout << word << "\tkey=" << WordKey(word);
    if (found) {
      std::cout << "\tfound\tfrom=" << FlagNames(flags) << "\n";
    } else {
      std::cout << "\tnot found\n";
      rc = kExitBadInput;
    }
  }
  return rc;
}

}  // namespace

int RunDict(int argc, char** argv) {
  std::string sub = argc > 2 ? argv[2] : "";
  if (sub == "build") return Build(argc, argv);
  if (sub == "learn") return Learn(argc, argv);
  if (sub == "info") return InfoOrLookup(argc, argv, false);
  if (sub == "lookup") return InfoOrLookup(argc, argv, true);
  if (sub == "--help" || sub == "-h" || sub == "help") {
    std::cout << kDictUsage;
    return kExitOk;
  }
  std::cerr << kDictUsage;
  return sub.empty() ? UsageError("dict", "missing subcommand")
                     : UsageError("dict", "unknown subcommand '" + sub + "'");
}

}  // namespace vnseg::cli

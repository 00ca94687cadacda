#include "dict_command.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli_args.h"
#include "vnseg/dictionary.h"
#include "vnseg/syllable_key.h"
#include "vnseg/word_list.h"

namespace vnseg::cli {
namespace {

const char kDictUsage[] =
    "usage: vnseg dict build -o OUT [--source TEXT] [--base LIST]... [LIST...]\n"
    "       vnseg dict info [--dict FILE]\n"
    "       vnseg dict lookup [--dict FILE] [--user-words FILE] WORD...\n"
    "\n"
    "build   compile word lists (one word a line, '_' or space between syllables,\n"
    "        optional TAB frequency, '#' comments) into a binary dictionary.\n"
    "        --base marks a list as the base list, others as name lists.\n"
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
  add(kFromCorpus, "corpus");
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

int Build(int argc, char** argv) {
  std::vector<OptionSpec> specs = {{"o", "OUT", "output file"},
                                   {"source", "TEXT", "description stored in the header"},
                                   {"base", "LIST", "a base word list (repeatable)"},
                                   {"help", nullptr, "show this help"}};
  auto args = ParseArgs(argc, argv, 3, specs);
  if (!args.ok()) return UsageError("dict build", std::string(args.status().message()));
  if (args->Has("help")) {
    std::cout << kDictUsage << "\noptions:\n" << FormatOptions(specs);
    return kExitOk;
  }
  if (!args->Has("o")) return UsageError("dict build", "-o OUT is required");
  DictionaryBuilder builder;
  for (const std::string& path : Repeated(argc, argv, "base")) {
    if (absl::Status s = AddWordListFile(path, kFromBaseList, &builder); !s.ok()) {
      return Fail("dict build", s);
    }
  }
  for (const std::string& path : args->positionals) {
    if (absl::Status s = AddWordListFile(path, kFromNameList, &builder); !s.ok()) {
      return Fail("dict build", s);
    }
  }
  if (builder.size() == 0) return UsageError("dict build", "no words: give at least one list");
  std::string image = builder.Build(args->Get("source", "vnseg dictionary"));
  std::string out_path = args->Get("o");
  std::string temp = out_path + ".tmp";
  std::ofstream out(temp, std::ios::binary | std::ios::trunc);
  out.write(image.data(), static_cast<std::streamsize>(image.size()));
  out.close();
  if (!out || std::rename(temp.c_str(), out_path.c_str()) != 0) {
    std::remove(temp.c_str());
    return Fail("dict build", absl::DataLossError("cannot write " + out_path));
  }
  std::cerr << "vnseg dict build: " << builder.size() << " words -> " << out_path << " ("
            << image.size() << " bytes); " << builder.skipped()
            << " entries skipped (punctuation inside: never matchable)\n";
  return kExitOk;
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
              << "size:           " << info.file_size << " bytes\n"
              << "checksum:       " << absl::StrFormat("%016x", info.checksum) << "\n"
              << "source:         " << info.source << "\n";
    return kExitOk;
  }
  if (args->positionals.empty()) return UsageError(name, "give at least one WORD");
  std::unique_ptr<Dictionary> user;
  if (args->Has("user-words")) {
    auto loaded = LoadUserWords(args->Get("user-words"));
    if (!loaded.ok()) return Fail(name, loaded.status());
    user = *std::move(loaded);
  }
  int rc = kExitOk;
  for (const std::string& word : args->positionals) {
    WordEntry entry;
    bool found = (*dict)->Lookup(word, &entry) || (user && user->Lookup(word, &entry));
    std::cout << word << "\tkey=" << WordKey(word);
    if (found) {
      std::cout << "\tfound\tfrequency=" << entry.frequency << "\tfrom=" << FlagNames(entry.flags) << "\n";
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

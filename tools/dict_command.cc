#include "dict_command.h"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "output_file.h"
#include "vnseg/dictionary.h"
#include "vnseg/dictionary_builder.h"
#include "vnseg/learn.h"
#include "vnseg/syllable_key.h"
#include "vnseg/word_list.h"

namespace vnseg::cli {
namespace {

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

// Adds each list of `paths`, in order, with `word_flags`; the entries of a
// list that are skipped are a warning from `command` that names the list and
// their lines, as for --user-words.
absl::Status AddLists(const char* command, const std::vector<std::string>& paths,
                      uint32_t word_flags, DictionaryBuilder* builder) {
  for (const std::string& path : paths) {
    SkippedEntries skipped;
    if (absl::Status s = AddWordListFile(path, word_flags, builder, &skipped); !s.ok()) return s;
    WarnSkipped(command, path, skipped);
  }
  return absl::OkStatus();
}

// All of `lists`, concatenated: the files a command reads.
std::vector<std::string> Concat(std::initializer_list<const std::vector<std::string>*> lists) {
  std::vector<std::string> out;
  for (const std::vector<std::string>* list : lists)
    out.insert(out.end(), list->begin(), list->end());
  return out;
}

int WriteDictionary(const char* command, const DictionaryBuilder& builder,
                    const std::string& source, const std::string& out) {
  std::string image = builder.Build(source);
  // Always a new file by rename (or a device written as is), never an
  // existing dictionary rewritten in place: other processes may have it
  // mapped, and a mapped file changed under them crashes them.
  if (absl::Status s = WriteWholeFile(out, image, OutputFile::Replace::kAlwaysRename); !s.ok()) {
    return Fail(command, s);
  }
  std::cerr << "vnseg " << command << ": " << builder.size() << " words -> " << out << " ("
            << image.size() << " bytes); " << builder.skipped()
            << " entries skipped (punctuation inside: never matchable)\n";
  return kExitOk;
}

// -o OUT (required), --source, and the repeatable --base and --tags of
// build and learn.
struct WriterArgs {
  std::string out;
  std::string source = "vnseg dictionary";
  std::vector<std::string> base, tags;
};

void AddWriterOptions(CLI::App* app, WriterArgs* args, const char* out_help) {
  app->add_option("-o", args->out, out_help)->type_name("OUT")->required();
  app->add_option("--source", args->source, "description stored in the header")->type_name("TEXT");
  AddRepeated(app, "--base", "LIST", &args->base, "a base word list (repeatable)");
  AddRepeated(app, "--tags", "LIST", &args->tags, "a list of word tags (repeatable)");
}

struct BuildArgs {
  WriterArgs writer;
  std::vector<std::string> corpus_words, name_lists;
  std::string model;
};

int RunBuild(const BuildArgs& args) {
  const char* name = "dict build";
  const WriterArgs& w = args.writer;
  std::vector<std::string> model =
      args.model.empty() ? std::vector<std::string>{} : std::vector<std::string>{args.model};
  absl::Status s = CheckNotAnInput(
      {w.out}, Concat({&args.name_lists, &w.base, &w.tags, &args.corpus_words, &model}));
  if (!s.ok()) return Fail(name, s);
  DictionaryBuilder builder;
  s = AddLists(name, w.base, kFromBaseList, &builder);
  if (s.ok()) s = AddLists(name, w.tags, 0, &builder);
  if (s.ok()) s = AddLists(name, args.corpus_words, 0, &builder);
  if (s.ok()) s = AddLists(name, args.name_lists, kFromNameList, &builder);
  if (s.ok() && !args.model.empty()) {
    auto text = ReadFileToString(args.model);
    s = text.ok() ? builder.SetModel(*text, args.model) : text.status();
  }
  if (!s.ok()) return Fail(name, s);
  if (builder.size() == 0) return UsageError(name, "no words: give at least one list");
  return WriteDictionary(name, builder, w.source, w.out);
}

struct LearnArgs {
  WriterArgs writer;
  std::vector<std::string> names, corpora;
  LearnOptions options;
  std::string export_model, export_words;
};

int RunLearn(const LearnArgs& args) {
  const char* name = "dict learn";
  const WriterArgs& w = args.writer;
  if (args.corpora.empty()) return UsageError(name, "give at least one CORPUS file");
  std::vector<std::string> outputs = {w.out};
  for (const std::string* extra : {&args.export_model, &args.export_words}) {
    if (!extra->empty()) outputs.push_back(*extra);
  }
  if (absl::Status s =
          CheckNotAnInput(outputs, Concat({&args.corpora, &w.base, &w.tags, &args.names}));
      !s.ok()) {
    return Fail(name, s);
  }
  std::vector<std::string> corpora;
  for (const std::string& path : args.corpora) {
    auto text = ReadFileToString(path);
    if (!text.ok()) return Fail(name, text.status());
    corpora.push_back(*std::move(text));
  }
  DictionaryBuilder builder;
  absl::Status s = AddLists(name, w.base, kFromBaseList, &builder);
  if (s.ok()) s = AddLists(name, w.tags, 0, &builder);
  if (s.ok()) s = AddLists(name, args.names, kFromNameList, &builder);
  if (!s.ok()) return Fail(name, s);
  LearnReport report;
  auto learned = LearnDictionary(corpora, args.options, &builder, &report);
  if (!learned.ok()) return Fail(name, learned.status());
  std::cerr << "vnseg dict learn: " << report.lines << " lines (" << report.skipped_lines
            << " skipped), " << report.runs << " runs; runs right per epoch:";
  for (double a : report.run_accuracy) std::cerr << absl::StrFormat(" %.3f", a);
  std::cerr << "; " << report.features << " n-gram weights\n";
  if (!args.export_model.empty()) s = WriteWholeFile(args.export_model, learned->model);
  if (s.ok() && !args.export_words.empty()) s = WriteWholeFile(args.export_words, learned->corpus_words);
  if (!s.ok()) return Fail(name, s);
  return WriteDictionary(name, builder, w.source, w.out);
}

int RunInfo(const std::string& dict_option) {
  std::string path = DictionaryPath(dict_option);
  auto dict = OpenDictionary(dict_option);
  if (!dict.ok()) return Fail("dict info", dict.status());
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

struct LookupArgs {
  std::string dict, user_words;
  std::vector<std::string> words;
};

int RunLookup(const LookupArgs& args) {
  const char* name = "dict lookup";
  if (args.words.empty()) return UsageError(name, "give at least one WORD");
  auto dicts = LoadDictionaries(name, args.dict, args.user_words);
  if (!dicts.ok()) return Fail(name, dicts.status());
  const std::unique_ptr<UserWords>& user = dicts->user;
  int rc = kExitOk;
  for (const std::string& word : args.words) {
    uint32_t flags = 0;
    bool found = dicts->main->Lookup(word, &flags) || (user && user->Lookup(word, &flags));
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

CLI::Option* AddDictOption(CLI::App* app, std::string* dict) {
  return app->add_option("--dict", *dict, "dictionary (default: $VNSEG_DICT or the installed one)")
      ->type_name("FILE");
}

const CommandDoc kDict{"dict", "the compiled dictionary: build, learn, info, lookup", ""};
const CommandDoc kBuild{
    "build", "compile word lists into a binary dictionary",
    "Compile word lists (one word a line, '_' or space between syllables, optional\n"
    "TAB frequency, '#' comments) into a binary dictionary. --base marks a list as\n"
    "the base list, LISTs are name lists; --tags adds what a lexicon says of words\n"
    "(third column: common, headword, classifier, function, verb, noun, adjective);\n"
    "--corpus-words adds word counts learned from a corpus; --model adds a learned\n"
    "model (the text form written by dict learn --export-model)."};
const CommandDoc kLearn{
    "learn", "learn word counts and the model from segmented corpora",
    "Learn word counts and the segmentation model from '_'-segmented corpora (one\n"
    "sentence a line, syllables of a word joined by '_'), over the given word\n"
    "lists, and write a dictionary with both."};
const CommandDoc kInfo{"info",
                       "print a dictionary's header: version, counts, model, checksum, source", ""};
const CommandDoc kLookup{"lookup", "look words up (any case or tone placement)",
                         "Exit status 1 if a WORD is not found."};

}  // namespace

void AddDictCommands(CLI::App* root, Invocation* invocation) {
  CLI::App* dict = AddCommand(root, kDict);
  // Each command's values are held by its callback (so by its CLI::App).
  auto build = std::make_shared<BuildArgs>();
  CLI::App* app = AddCommand(dict, kBuild);
  app->add_option("LIST", build->name_lists, "name lists")->type_name("");
  AddWriterOptions(app, &build->writer, "output dictionary");
  AddRepeated(app, "--corpus-words", "LIST", &build->corpus_words,
              "word counts from a corpus (repeatable)");
  app->add_option("--model", build->model, "a learned model in text form")->type_name("FILE");
  OnRun(app, invocation, &build->name_lists, [build] { return RunBuild(*build); });

  auto learn = std::make_shared<LearnArgs>();
  app = AddCommand(dict, kLearn);
  // Not ->required(): the words after "--" join them only after parsing.
  app->add_option("CORPUS", learn->corpora, "segmented corpus files")->type_name("");
  AddWriterOptions(app, &learn->writer, "output dictionary");
  AddRepeated(app, "--names", "LIST", &learn->names, "a name list (repeatable)");
  app->add_option("--epochs", learn->options.epochs, "passes over the corpus (default 10)")
      ->type_name("N")
      ->check(WholeNumberValidator(1, 1000));
  app->add_option("--case-variants", learn->options.case_variants,
                  "also learn each line in lower and in upper case, each with probability P "
                  "(default 0)")
      ->type_name("P")
      ->check(ProbabilityValidator());
  app->add_option("--export-model", learn->export_model, "also write the model in text form")
      ->type_name("FILE");
  app->add_option("--export-words", learn->export_words, "also write the corpus word counts")
      ->type_name("FILE");
  OnRun(app, invocation, &learn->corpora, [learn] { return RunLearn(*learn); });

  auto info_dict = std::make_shared<std::string>();
  app = AddCommand(dict, kInfo);
  AddDictOption(app, info_dict.get());
  OnRun(app, invocation, nullptr, [info_dict] { return RunInfo(*info_dict); });

  auto lookup = std::make_shared<LookupArgs>();
  app = AddCommand(dict, kLookup);
  app->add_option("WORD", lookup->words, "words, '_' or space between syllables")->type_name("");
  AddDictOption(app, &lookup->dict);
  app->add_option("--user-words", lookup->user_words, "also look in this word list")
      ->type_name("FILE");
  OnRun(app, invocation, &lookup->words, [lookup] { return RunLookup(*lookup); });
}

}  // namespace vnseg::cli

#include "convert_commands.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "conversions.h"
#include "output_file.h"
#include "segmented_hint.h"
#include "text_stream.h"
#include "token_output.h"
#include "vnseg/convert.h"
#include "vnseg/dictionary.h"
#include "vnseg/encoding.h"
#include "vnseg/normalizer.h"
#include "vnseg/segmenter.h"
#include "vnseg/word_list.h"

namespace vnseg::cli {
namespace {

// The options every conversion takes.
struct StreamArgs {
  std::vector<std::string> files;
  std::string output;
  InvalidUtf8 invalid = InvalidUtf8::kError;
  bool no_progress = false;
  int threads = 1;  // 0: one per core
};

// --dict and --user-words, of segment and resegment.
struct DictArgs {
  std::string dict;        // empty: DefaultDictionaryPath()
  std::string user_words;  // empty: none
};

void AddStreamOptions(CLI::App* app, StreamArgs* args) {
  app->add_option("FILE", args->files, "input files (default, or '-': stdin), read in order")
      ->type_name("");
  app->add_option("-o", args->output,
                  "write to FILE: replaced when the run succeeds, keeping its mode and links\n"
                  "(a device or FIFO is written as is)")
      ->type_name("FILE");
  AddChoice(app, "--invalid", "MODE",
            {{"error", InvalidUtf8::kError},
             {"replace", InvalidUtf8::kReplace},
             {"pass", InvalidUtf8::kPass}},
            &args->invalid,
            "invalid UTF-8: error (default: say where, exit 1), replace (U+FFFD)\n"
            "or pass (copy the bytes)");
  AddFlag(app, "--no-progress", &args->no_progress, "no progress line on a terminal");
  app->add_option("--threads", args->threads,
                  "convert N blocks at once (default 1; 0: one per core); same output")
      ->type_name("N")
      ->check(WholeNumberValidator(0, 256));
}

void AddDictOptions(CLI::App* app, DictArgs* args) {
  app->add_option("--dict", args->dict,
                  "compiled dictionary (default: $VNSEG_DICT or the installed one)")
      ->type_name("FILE");
  app->add_option("--user-words", args->user_words,
                  "extra words, one a line ('_' or space between syllables,\n"
                  "optional TAB frequency)")
      ->type_name("FILE");
}

// The StreamOptions of `args`, or why they are not valid (a usage error).
absl::StatusOr<StreamOptions> MakeStreamOptions(const StreamArgs& args) {
  StreamOptions s;
  s.inputs = args.files;
  s.output = args.output;
  s.invalid = args.invalid;
  s.progress = !args.no_progress;
  // A test hook: a small block makes the tests' lines "long" (hidden).
  if (const char* block = std::getenv("VNSEG_BLOCK_SIZE"); block != nullptr && *block != '\0') {
    unsigned long long n = 0;
    if (!absl::SimpleAtoi(block, &n) || n < kMinBlockSize || n > kMaxBlockSize) {
      return absl::InvalidArgumentError(absl::StrCat(
          "VNSEG_BLOCK_SIZE must be a number of bytes from 16 to 2^30, not '", block, "'"));
    }
    s.block_size = static_cast<size_t>(n);
  }
  s.threads = args.threads == 0
                  ? static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))
                  : args.threads;
  return s;
}

// What every conversion does before it streams: the StreamOptions, and the
// refusal of -o onto a file the command reads (that would lose it or, hard
// linked, rewrite a dictionary while it is mapped). Returns the exit code
// to stop with, or -1 to go on.
int Prepare(const std::string& name, const StreamArgs& args, const DictArgs* dict,
            StreamOptions* stream) {
  auto s = MakeStreamOptions(args);
  if (!s.ok()) return UsageError(name, std::string(s.status().message()));
  std::vector<std::string> inputs = args.files;
  if (dict != nullptr) {
    inputs.push_back(DictionaryPath(dict->dict));
    if (!dict->user_words.empty()) inputs.push_back(dict->user_words);
  }
  if (absl::Status same = CheckNotAnInput({s->output}, inputs); !same.ok()) return Fail(name, same);
  *stream = *std::move(s);
  return -1;
}

// Streams the inputs through transforms made by `make_transform` (one per
// thread); the exit code of the command.
int StreamAndExit(const std::string& name, const StreamOptions& stream,
                  const TransformFactory& make_transform) {
  absl::Status s = RunStream(stream, make_transform);
  return s.ok() ? kExitOk : Fail(name, s);
}

// For stateless transforms: every thread shares `transform`.
TransformFactory Shared(Transform transform) {
  return [transform = std::move(transform)] { return transform; };
}

// The options of segment and resegment.
struct SegmenterArgs {
  StreamArgs stream;
  DictArgs dict;
};

// Streams the inputs of `args` through the transforms `make(segmenter)`
// (SegmentTransform or ResegmentTransform with its options bound), with a
// Segmenter per thread over the shared dictionaries, the stream set up by
// `set_up` (SegmentStream or ResegmentStream); the exit code of the
// command `name`.
using SegmenterTransform = std::function<Transform(Segmenter*)>;
// `hint_segmented`: print a hint on stderr when the input looks segmented
// already (segmented_hint.h), once, from its first piece.
int StreamSegmented(const std::string& name, const SegmenterArgs& args,
                    const std::function<void(StreamOptions*)>& set_up, bool hint_segmented,
                    SegmenterTransform make) {
  StreamOptions stream;
  if (int rc = Prepare(name, args.stream, &args.dict, &stream); rc >= 0) return rc;
  auto dicts = LoadDictionaries(name, args.dict.dict, args.dict.user_words);
  if (!dicts.ok()) return Fail(name, dicts.status());
  set_up(&stream);
  if (hint_segmented) {
    stream.first_piece = [&dicts, &name](std::string_view piece) {
      Segmenter segmenter(dicts->main.get(), dicts->user.get());
      SegmentedCount count = CountSegmented(segmenter, piece);
      if (!count.looks_segmented()) return;
      std::cerr << "vnseg " << name << ": hint: the input looks segmented already ("
                << count.joined << " of its first " << count.joined + count.spaced
                << " words of several syllables are joined with '_'); to re-segment it,"
                   " use 'vnseg resegment'\n";
    };
  }
  return StreamAndExit(name, stream, [&]() -> Transform {
    auto segmenter = std::make_shared<Segmenter>(dicts->main.get(), dicts->user.get());
    return [segmenter, transform = make(segmenter.get())](
               std::string_view in, const PieceState& start, const ChunkPosition& at,
               std::string* out) { transform(in, start, at, out); };
  });
}

struct SegmentArgs : SegmenterArgs {
  SegmentOptions options;
};

int RunSegment(const SegmentArgs& args) {
  const SegmentOptions options = args.options;
  return StreamSegmented(
      "segment", args, [options](StreamOptions* s) { SegmentStream(options, s); },
      /*hint_segmented=*/true,
      [options](Segmenter* segmenter) { return SegmentTransform(segmenter, options); });
}

int RunResegment(const SegmenterArgs& args) {
  return StreamSegmented("resegment", args, ResegmentStream, /*hint_segmented=*/false,
                         ResegmentTransform);
}

struct TokenizeArgs : SegmenterArgs {
  TokenFormat format = TokenFormat::kJsonl;
};

// A chunk's output is held whole until it is written, and tokenize makes
// up to some 40 bytes of JSON per input byte (a token a byte: "a.a.a."):
// 64 KiB blocks keep it to a few MB (a 20 MB line of them peaks at 22 MB,
// 35 MB with --threads 2; 256 KiB blocks took 58 and 109 MB).
constexpr size_t kTokenizeBlockBytes = 1 << 16;

int RunTokenize(const TokenizeArgs& args) {
  const TokenFormat format = args.format;
  if (format != TokenFormat::kTsv && args.stream.invalid == InvalidUtf8::kPass) {
    return UsageError("tokenize",
                      "--invalid=pass: JSON and CoNLL-U are UTF-8 (use --invalid=replace, or "
                      "--format tsv, which copies the bytes)");
  }
  StreamOptions stream;
  if (int rc = Prepare("tokenize", args.stream, &args.dict, &stream); rc >= 0) return rc;
  auto dicts = LoadDictionaries("tokenize", args.dict.dict, args.dict.user_words);
  if (!dicts.ok()) return Fail("tokenize", dicts.status());
  stream.cut_rules = CutRules::kTokenized;
  stream.state_after = SegmentStateAfter;
  stream.block_size = std::min(stream.block_size, kTokenizeBlockBytes);
  return StreamAndExit("tokenize", stream, [&]() -> Transform {
    auto segmenter = std::make_shared<Segmenter>(dicts->main.get(), dicts->user.get());
    return [segmenter, format](std::string_view in, const PieceState& start,
                               const ChunkPosition& at, std::string* out) {
      TokenizeChunk(*segmenter, format, in, start, at, out);
    };
  });
}

struct JoinArgs {
  StreamArgs stream;
  JoinOptions options;
};

int RunJoin(const JoinArgs& args) {
  StreamOptions stream;
  if (int rc = Prepare("join", args.stream, nullptr, &stream); rc >= 0) return rc;
  const JoinOptions options = args.options;
  JoinStream(options, &stream);
  return StreamAndExit("join", stream, Shared(JoinTransform(options)));
}

struct SentencesArgs {
  StreamArgs stream;
};

int RunSentences(const SentencesArgs& args) {
  StreamOptions stream;
  if (int rc = Prepare("sentences", args.stream, nullptr, &stream); rc >= 0) return rc;
  SentencesStream(&stream);
  return StreamAndExit("sentences", stream, Shared(SentencesTransform()));
}

struct NormalizeArgs {
  StreamArgs stream;
  NormalizeOptions options;
  bool keep_spaces = false, keep_invisible = false;
  std::optional<Encoding> from = Encoding::kUtf8;  // nullopt: auto
  bool report = false;
};

int RunNormalize(const NormalizeArgs& args) {
  StreamOptions stream;
  if (int rc = Prepare("normalize", args.stream, nullptr, &stream); rc >= 0) return rc;
  NormalizeOptions options = args.options;
  options.spaces = !args.keep_spaces;
  options.invisible = !args.keep_invisible;
  NormalizeStream(&options, &stream);
  stream.from = args.from;
  if (args.report) {
    stream.on_detect = [](const std::string& input, const Detection& found) {
      std::cerr << "vnseg normalize: " << input << ": " << EncodingName(found.encoding)
                << " (confidence " << absl::StrFormat("%.2f", found.confidence) << ")\n";
    };
  }
  // On valid (or passed) text, Normalize fails only when ICU cannot
  // normalize at all: found out once here, not ignored on every block.
  std::string probe;
  if (absl::Status s = Normalize("", options, &probe); !s.ok()) return Fail("normalize", s);
  return StreamAndExit("normalize", stream, Shared(NormalizeTransform(options)));
}

const CommandDoc kSegment{
    "segment", "natural text -> words joined with '_' (Tổng thống Mỹ -> Tổng_thống Mỹ)",
    "Segment natural text into words: the spaces inside a word become '_'.\n"
    "Default output is lossless ('vnseg join' gives the input back byte for byte);\n"
    "a literal '_' between two letters or digits is written '__'."};
const CommandDoc kTokenize{
    "tokenize", "natural text -> words with offsets (JSON lines, TSV or CoNLL-U)",
    "Segment each line into words, punctuation apart (the words of segment --tokenize),\n"
    "and write each word with its kind and its offsets in the line:\n"
    "  jsonl:  one object a line: {\"line\":N,\"text\":...,\"tokens\":[{\"text\",\"kind\",\n"
    "          \"start\",\"end\" (bytes),\"cp_start\",\"cp_end\" (code points)},...]}\n"
    "  tsv:    LINE<TAB>WORD<TAB>KIND<TAB>START<TAB>END (bytes), an empty line after each line\n"
    "  conllu: a sentence a line (none for a line without words): # sent_id, # text,\n"
    "          ID, FORM (syllables spaced), MISC SpaceAfter=No; other columns '_'\n"
    "Lines are numbered from 1 over all the FILEs. A line longer than a block comes\n"
    "in parts, each a record of its own with offsets into the whole line."};
const CommandDoc kJoin{
    "join", "'_' form -> natural text (exact inverse of segment)",
    "Turn '_' word form back into natural text: '_' between two letters or digits\n"
    "becomes a space, '__' there becomes '_', other underscores stay."};
const CommandDoc kResegment{
    "resegment", "re-segment text another tool segmented (join, then segment)",
    "Re-segment text that another tool segmented: join its words, then segment\n"
    "again, keeping the input's spacing."};
const CommandDoc kSentences{
    "sentences", "one sentence a line (white space between sentences dropped)",
    "Split natural text into sentences, one a line. A line end always ends a\n"
    "sentence; so does white space after . ! ? ... (and closing quotes or brackets)\n"
    "before a capital, digit or opening quote, but not after an abbreviation\n"
    "(TP. GS. PGS.TS. Q. ...), an initial (Nguyễn Văn A. Nam) or a list mark (1. a.).\n"
    "Dropped: the white space between two sentences of a line and at the start and\n"
    "end of a line; each line with no sentence (empty or white space only) gives an\n"
    "empty line. Each output line is a sentence exactly as written, so an input line\n"
    "is its sentences joined by the white space dropped between them (for the exact\n"
    "spans, use the library's SplitSentences or Python's vnseg.sentences)."};
const CommandDoc kNormalize{
    "normalize", "NFC, Unicode spaces, invisible characters, tone-mark placement",
    "Normalize text: Unicode NFC, Unicode spaces to ' ', zero-width characters and\n"
    "soft hyphens removed, Ð/ð to Đ/đ, optional tone placement and quote folding.\n"
    "--from reads legacy Vietnamese encodings (auto: decided per FILE on its first\n"
    "64 KiB; clean UTF-8 is never changed); --fix-mojibake repairs UTF-8 that was\n"
    "read as Windows-1252 or Latin-1 (\"Viá»‡t\" -> \"Việt\"), once or twice."};

// Adds the conversion `doc` (see AddCommand) with the options of
// StreamArgs, run by `run(*args)`; returns it for its own options. `args`
// is held by the command's callback, so by its CLI::App: CLI11 writes the
// values while it parses, `run` reads them.
template <typename Args>
CLI::App* AddStreamCommand(CLI::App* root, Invocation* invocation, const CommandDoc& doc,
                           std::shared_ptr<Args> args, int (*run)(const Args&)) {
  CLI::App* app = AddCommand(root, doc);
  AddStreamOptions(app, &args->stream);
  OnRun(app, invocation, &args->stream.files, [args, run] { return run(*args); });
  return app;
}

}  // namespace

void AddConvertCommands(CLI::App* root, Invocation* invocation) {
  auto segment = std::make_shared<SegmentArgs>();
  CLI::App* app = AddStreamCommand(root, invocation, kSegment, segment, RunSegment);
  AddDictOptions(app, &segment->dict);
  AddFlag(app, "--tokenize", &segment->options.tokenize,
          "VnCoreNLP/PhoBERT style: words and punctuation separated by one space");

  AddFlag(app, "--sentences", &segment->options.sentences,
          "one sentence a line, as 'vnseg sentences' splits them");

  auto sentences = std::make_shared<SentencesArgs>();
  AddStreamCommand(root, invocation, kSentences, sentences, RunSentences);
  auto tokenize = std::make_shared<TokenizeArgs>();
  app = AddStreamCommand(root, invocation, kTokenize, tokenize, RunTokenize);
  AddDictOptions(app, &tokenize->dict);
  AddChoice(app, "--format", "FORMAT",
            {{"jsonl", TokenFormat::kJsonl},
             {"tsv", TokenFormat::kTsv},
             {"conllu", TokenFormat::kConllu}},
            &tokenize->format, "jsonl (default), tsv or conllu");

  auto join = std::make_shared<JoinArgs>();
  app = AddStreamCommand(root, invocation, kJoin, join, RunJoin);
  AddFlag(app, "--detok", &join->options.detok,
          "also undo tokenized spacing: no space before , . : ; ! ? ) ], none after ( [");

  auto resegment = std::make_shared<SegmenterArgs>();
  app = AddStreamCommand(root, invocation, kResegment, resegment, RunResegment);
  AddDictOptions(app, &resegment->dict);

  auto normalize = std::make_shared<NormalizeArgs>();
  app = AddStreamCommand(root, invocation, kNormalize, normalize, RunNormalize);
  AddChoice(app, "--tone", "STYLE",
            {{"keep", ToneStyle::kKeep}, {"old", ToneStyle::kOld}, {"new", ToneStyle::kNew}},
            &normalize->options.tone, "keep (default), old (hoà khoẻ thuỷ) or new (hòa khỏe thủy)");
  AddFlag(app, "--fold-quotes", &normalize->options.fold_quotes,
          "curly and angle quotes to \" and '");
  AddFlag(app, "--keep-spaces", &normalize->keep_spaces, "keep NBSP and other Unicode spaces");
  AddFlag(app, "--keep-invisible", &normalize->keep_invisible,
          "keep zero-width characters and soft hyphens");
  AddChoice(app, "--from", "ENCODING",
            {{"auto", std::optional<Encoding>()},
             {"utf8", std::optional<Encoding>(Encoding::kUtf8)},
             {"tcvn3", std::optional<Encoding>(Encoding::kTcvn3)},
             {"vni", std::optional<Encoding>(Encoding::kVni)},
             {"viscii", std::optional<Encoding>(Encoding::kViscii)},
             {"cp1258", std::optional<Encoding>(Encoding::kCp1258)},
             {"viqr", std::optional<Encoding>(Encoding::kViqr)}},
            &normalize->from,
            "the input's encoding: utf8 (default), tcvn3, vni, viscii, cp1258,\n"
            "viqr, or auto (detected per FILE)");
  AddFlag(app, "--fix-mojibake", &normalize->options.fix_mojibake,
          "repair UTF-8 read as Windows-1252 or Latin-1 (once or twice)");
  AddFlag(app, "--report", &normalize->report,
          "with --from auto: print each FILE's encoding and confidence on stderr");
}

}  // namespace vnseg::cli

#include "text_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "output_file.h"
#include "vnseg/convert.h"
#include "vnseg/utf8.h"

namespace vnseg::cli {
namespace {

class Progress {
 public:
  Progress(bool enabled, uint64_t total) : enabled_(enabled && ::isatty(STDERR_FILENO)), total_(total) {}
  void Update(uint64_t done) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double mb = done / 1e6;
    std::string line = total_ > 0 ? absl::StrFormat("\r%.1f / %.1f MB (%d%%)  %.1f MB/s ", mb,
                                                    total_ / 1e6, static_cast<int>(100.0 * done / total_),
                                                    secs > 0 ? mb / secs : 0.0)
                                  : absl::StrFormat("\r%.1f MB  %.1f MB/s ", mb, secs > 0 ? mb / secs : 0.0);
    std::fputs(line.c_str(), stderr);
    shown_ = true;
  }
  ~Progress() {
    if (shown_) std::fputs("\r\033[K", stderr);
  }

 private:
  bool enabled_;
  uint64_t total_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

// An input: a file descriptor, or bytes in memory (ConvertBlock) read as
// if they were at byte `offset` of a file on line `line`.
struct Input {
  std::string name;  // for messages
  int fd = -1;       // -1: `memory`
  std::string_view memory;
  uint64_t offset = 0;
  uint64_t line = 1;
};

// Reads up to `size` bytes of `in` into `buffer`, as ::read does. Memory
// is read in the reads a file would give from its start (`size` bytes at
// a time: the first ends where the file's would), so each line meets the
// same block ends, and its pieces are cut where they are in the file.
ssize_t ReadSome(const Input& in, size_t* memory_done, char* buffer, size_t size) {
  if (in.fd >= 0) return ::read(in.fd, buffer, size);
  if (*memory_done == 0) size -= (in.offset % size);
  const size_t n = std::min(size, in.memory.size() - *memory_done);
  std::memcpy(buffer, in.memory.data() + *memory_done, n);
  *memory_done += n;
  return static_cast<ssize_t>(n);
}

// Converts chunks with one transform per thread and writes the results in
// order. Chunks are queued until there is one for every transform.
class Converter {
 public:
  using Sink = std::function<absl::Status(std::string_view)>;
  Converter(std::vector<Transform> transforms, Sink out)
      : transforms_(std::move(transforms)), out_(out), inputs_(transforms_.size()),
        results_(transforms_.size()), starts_(transforms_.size()), positions_(transforms_.size()) {}

  absl::Status Add(std::string_view chunk, const PieceState& start, const ChunkPosition& at) {
    if (transforms_.size() == 1) {  // no copy, no thread
      results_[0].clear();
      transforms_[0](chunk, start, at, &results_[0]);
      return out_(results_[0]);
    }
    starts_[queued_] = start;
    positions_[queued_] = at;
    inputs_[queued_++].assign(chunk);
    return queued_ == transforms_.size() ? Flush() : absl::OkStatus();
  }

  absl::Status Flush() {
    std::vector<std::thread> workers;
    for (size_t i = 1; i < queued_; ++i) workers.emplace_back([this, i] { Convert(i); });
    if (queued_ > 0) Convert(0);
    for (std::thread& t : workers) t.join();
    absl::Status status;
    for (size_t i = 0; i < queued_ && status.ok(); ++i) status = out_(results_[i]);
    queued_ = 0;
    return status;
  }

 private:
  void Convert(size_t i) {
    results_[i].clear();
    transforms_[i](inputs_[i], starts_[i], positions_[i], &results_[i]);
  }

  std::vector<Transform> transforms_;
  Sink out_;
  std::vector<std::string> inputs_, results_;
  std::vector<PieceState> starts_;
  std::vector<ChunkPosition> positions_;
  size_t queued_ = 0;
};

// Lines are long next to a machine word: memchr from one to the next beats
// looking at every byte (std::count was a tenth of `vnseg join`'s time).
size_t CountNewlines(std::string_view text) {
  size_t count = 0;
  const char* p = text.data();
  const char* const end = p + text.size();
  while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)))) != nullptr) {
    ++count;
    ++p;
  }
  return count;
}

// The code points of valid (or repaired) UTF-8: every byte but a
// continuation byte starts one (a passed invalid byte counts as one unless
// it is a stray continuation byte).
uint64_t CountCodePoints(std::string_view text) {
  uint64_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// Moves `at` past `chunk` (as the transform saw it): to the next chunk's
// line, its bytes and code points before that chunk, and its pieces.
void Advance(std::string_view chunk, size_t newlines, ChunkPosition* at) {
  at->line += newlines;
  if (newlines == 0) {
    at->byte_in_line += chunk.size();
    at->cp_in_line += CountCodePoints(chunk);
    ++at->part;
    return;
  }
  std::string_view tail = chunk.substr(chunk.rfind('\n') + 1);
  at->byte_in_line = tail.size();
  at->cp_in_line = CountCodePoints(tail);
  at->part = tail.empty() ? 0 : 1;
}

bool HasWhiteSpace(std::string_view text) {
  for (char c : {' ', '\n', '\t', '\r'}) {
    if (std::memchr(text.data(), c, text.size()) != nullptr) return true;
  }
  return false;
}

// ValidateUtf8's message about decoded text: the only invalid bytes there
// are the ones the encoding leaves undefined, copied as they are.
std::string UndefinedByteMessage(std::string_view message, Encoding encoding) {
  const std::string what = absl::StrCat("a byte ", EncodingName(encoding), " does not define at");
  const std::vector<std::pair<absl::string_view, absl::string_view>> replacements = {
      {"invalid UTF-8 at", what}, {"(byte offset", "(byte offset in the decoded text"}};
  return absl::StrReplaceAll(absl::string_view(message.data(), message.size()), replacements);
}

// The decoder of an input read with --from auto, chosen on `sample` (its
// start); tells options.on_detect.
std::optional<Decoder> Decide(const Input& in, const StreamOptions& options, std::string_view sample) {
  Detection found = DetectEncoding(sample);
  if (options.on_detect) options.on_detect(in.name, found);
  return Decoder(found.encoding);
}

// Processes one input. `done` counts bytes read across all inputs,
// `lines` the lines of the inputs before (and, once done, this one).
// `first_seen`: the run's first piece was given to options.first_piece.
absl::Status RunInput(const Input& in, const StreamOptions& options, Converter& converter,
                      Progress& progress, uint64_t& done, uint64_t& lines, bool* first_seen) {
  std::string buffer, repaired;
  std::string sample;  // --from auto: the start of the input, undecided yet
  std::optional<Decoder> decoder;
  if (options.from.has_value() && *options.from != Encoding::kUtf8) decoder.emplace(*options.from);
  size_t line = in.line;       // line number of buffer[0]
  size_t column = 0;           // bytes of that line before buffer[0]
  uint64_t offset = in.offset;  // byte offset of buffer[0] in this input
  size_t memory_done = 0;      // bytes of in.memory read
  std::vector<char> block(options.block_size);
  PieceState state;      // of the line before buffer[0]
  ChunkPosition at;      // of buffer[0], in the text the transforms get
  at.line = lines + 1;
  bool eof = false;
  bool read_more = true;  // the buffer holds less than a block, or no cut
  while (!eof || !buffer.empty()) {
    if (!eof && read_more) {
      ssize_t n = ReadSome(in, &memory_done, block.data(), block.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return absl::DataLossError(absl::StrCat(in.name, ": read failed: ", std::strerror(errno)));
      if (n == 0) {
        eof = true;
        if (!decoder && !options.from.has_value()) decoder = Decide(in, options, sample);
        if (decoder) {
          decoder->Decode(sample, /*last=*/true, &buffer);
          sample.clear();
        }
      } else {
        std::string_view raw(block.data(), static_cast<size_t>(n));
        done += static_cast<uint64_t>(n);
        progress.Update(done);
        if (options.from == Encoding::kUtf8) {
          buffer.append(raw);
        } else if (decoder) {
          decoder->Decode(raw, /*last=*/false, &buffer);
        } else {  // --from auto: gather the start, then decide
          sample.append(raw);
          if (sample.size() < kDetectSampleBytes) continue;
          decoder = Decide(in, options, sample);
          decoder->Decode(sample, /*last=*/false, &buffer);
          sample.clear();
        }
        if (buffer.size() < options.block_size) continue;
      }
    }
    // A cut may leave a block or more (FindCut keeps pieces without white
    // space small): then cut again before reading on. At the end the rest
    // goes whole, unless it is long and has no white space, or holds a
    // stretch without white space that a piece may not hold whole.
    Cut found{buffer.size(), false};
    if (!eof || (buffer.size() > options.block_size / 4 && !HasWhiteSpace(buffer)) ||
        SpacelessRunStart(buffer) != std::string_view::npos) {
      found = FindCut(buffer, options.cut_rules);
      if (found.size == 0 && eof) found = Cut{buffer.size(), false};
    }
    const size_t cut = found.size;
    read_more = cut == 0 || buffer.size() - cut < options.block_size;
    if (cut == 0) continue;  // too little text to cut: read more
    std::string_view chunk(buffer.data(), cut);
    if (options.invalid != InvalidUtf8::kPass) {
      absl::Status valid = ValidateUtf8(chunk, offset, line, column);
      if (!valid.ok()) {
        if (options.invalid == InvalidUtf8::kError) {
          // What came before the bad byte is still written, as with one thread.
          if (absl::Status s = converter.Flush(); !s.ok()) return s;
          std::string message(valid.message());
          if (decoder && decoder->encoding() != Encoding::kUtf8) message = UndefinedByteMessage(message, decoder->encoding());
          return absl::InvalidArgumentError(absl::StrCat(in.name, ": ", message,
                                                         " (use --invalid=replace or --invalid=pass to go on)"));
        }
        repaired.clear();
        ReplaceInvalidUtf8(chunk, &repaired);
        chunk = repaired;
      }
    }
    if (options.first_piece && !*first_seen) {
      *first_seen = true;
      options.first_piece(chunk);
    }
    const bool last = eof && cut == buffer.size();
    at.line_goes_on = chunk.back() != '\n' && !last;
    if (absl::Status s = converter.Add(chunk, state, at); !s.ok()) return s;
    // After every piece but the input's last, even one that took the whole
    // buffer: the next piece goes on from it. A line end resets it (every
    // converter starts a line from PieceState{}), with no look at the piece.
    if (chunk.back() == '\n') {
      state = PieceState{};
    } else if (options.state_after && !last) {
      state = options.state_after(chunk, state, found);
    }
    std::string_view done_part(buffer.data(), cut);
    size_t newlines = CountNewlines(done_part);
    Advance(chunk, newlines, &at);
    line += newlines;
    column = newlines == 0 ? column + cut : cut - done_part.rfind('\n') - 1;
    offset += cut;
    buffer.erase(0, cut);
  }
  lines = at.line - (at.byte_in_line == 0 ? 1 : 0);
  return converter.Flush();
}

}  // namespace

absl::Status RunStream(const StreamOptions& options, const TransformFactory& make_transform) {
  std::vector<std::string> names = options.inputs;
  if (names.empty()) names.push_back("-");
  // Open every input first: a missing file fails before any output.
  std::vector<Input> inputs;
  uint64_t total = 0;
  absl::Status status;
  for (const std::string& name : names) {
    if (name == "-") {
      inputs.push_back({"<stdin>", STDIN_FILENO, {}, 0, 1});
      continue;
    }
    int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      status = absl::NotFoundError(absl::StrCat("cannot open ", name, ": ", std::strerror(errno)));
      break;
    }
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) total += static_cast<uint64_t>(st.st_size);
    inputs.push_back({name, fd, {}, 0, 1});
  }
  OutputFile out;  // every kind of OUT: see output_file.h
  if (status.ok()) status = out.Open(options.output);
  if (status.ok()) {
    std::vector<Transform> transforms;
    for (int i = 0; i < std::max(1, options.threads); ++i) transforms.push_back(make_transform());
    Converter converter(std::move(transforms),
                        [&out](std::string_view data) { return out.Write(data); });
    Progress progress(options.progress, total);
    uint64_t done = 0, lines = 0;
    bool first_seen = false;
    for (const Input& in : inputs) {
      status = RunInput(in, options, converter, progress, done, lines, &first_seen);
      if (!status.ok()) break;
    }
  }
  for (const Input& in : inputs) {
    if (in.fd != STDIN_FILENO) ::close(in.fd);
  }
  if (status.ok()) status = out.Commit();
  return status;
}

absl::Status ConvertBlock(const StreamOptions& options, const Transform& transform,
                          const BlockInput& block, std::string* out) {
  // A caller's value, not the CLI's checked one: 0 would divide by zero in
  // ReadSome, and a huge one allocate it all.
  if (options.block_size < kMinBlockSize || options.block_size > kMaxBlockSize) {
    return absl::InvalidArgumentError(absl::StrCat("block_size must be a number of bytes from ",
                                                   kMinBlockSize, " to 2^30, not ",
                                                   options.block_size));
  }
  Converter converter({transform}, [out](std::string_view data) {
    out->append(data);
    return absl::OkStatus();
  });
  Progress progress(false, 0);
  uint64_t done = 0, lines = 0;
  bool first_seen = true;  // the hint is the caller's
  StreamOptions one = options;
  one.threads = 1;
  one.first_piece = nullptr;
  return RunInput({block.name, -1, block.data, block.offset, block.line}, one, converter, progress,
                  done, lines, &first_seen);
}

}  // namespace vnseg::cli

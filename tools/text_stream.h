// Streams input files (or stdin) through a text transform in bounded
// memory: complete lines are processed block by block; a line longer than
// a block is cut (vnseg::FindCut) and each piece is told the state of the
// line before it (vnseg::PieceState), so any line, of any length and with
// or without white space, is read in a few blocks of memory. Output goes to
// stdout or an output path, written by OutputFile (output_file.h): a failed
// run leaves no half-written file and a device or FIFO is written as is. With
// several threads, consecutive blocks are converted in parallel (each thread
// with its own transform) and written in order: the output is the same.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "vnseg/convert.h"
#include "vnseg/encoding.h"

namespace vnseg::cli {

enum class InvalidUtf8 { kError, kReplace, kPass };

// The read sizes StreamOptions::block_size may take (VNSEG_BLOCK_SIZE's range):
// a read must hold a few characters, and a block is allocated whole.
inline constexpr size_t kMinBlockSize = 16;
inline constexpr size_t kMaxBlockSize = size_t{1} << 30;

struct StreamOptions {
  std::vector<std::string> inputs;  // empty or "-": stdin
  std::string output;               // empty or "-": stdout
  InvalidUtf8 invalid = InvalidUtf8::kError;
  bool progress = false;            // progress line on stderr
  CutRules cut_rules = CutRules::kSegment;  // where a long line may be cut
  // The state of the line after a piece, from the state before it (null:
  // the transform needs none, every piece gets PieceState{}).
  std::function<PieceState(std::string_view piece, const PieceState& start, const Cut& cut)>
      state_after;
  // Called once, with the run's first piece (valid or repaired UTF-8) before
  // it is converted, from the calling thread (null: not called).
  std::function<void(std::string_view piece)> first_piece;
  // The inputs' encoding, decoded into UTF-8 as they are read, before
  // lines are cut and validated (so a cut never falls inside a legacy
  // sequence, and undefined bytes meet `invalid`). nullopt: detected per
  // input on its first kDetectSampleBytes (DetectEncoding), then read in
  // that encoding to its end; `on_detect` is told the choice.
  std::optional<Encoding> from = Encoding::kUtf8;
  std::function<void(const std::string& input, const Detection& found)> on_detect;
  size_t block_size = 1 << 20;      // tests set it with VNSEG_BLOCK_SIZE
  int threads = 1;                  // blocks converted at once
};

// Where a chunk starts, for a transform that numbers lines or reports
// offsets in them (tokenize). Counted in the text the transform is given
// (after --invalid=replace), over all the inputs: a file's last line ends
// with the file, line end or not.
struct ChunkPosition {
  uint64_t line = 1;          // the line of chunk[0] (1-based)
  uint64_t byte_in_line = 0;  // bytes of that line before the chunk
  uint64_t cp_in_line = 0;    // code points of that line before the chunk
  uint64_t part = 0;          // chunks that ended inside that line before this one
  bool line_goes_on = false;  // the chunk's last line goes on in the next chunk
};

// Converts one piece of the input; `start` is the state of its line before
// it, `at` where it starts.
using Transform = std::function<void(std::string_view chunk, const PieceState& start,
                                     const ChunkPosition& at, std::string* out)>;
// Makes one transform per thread (a transform may keep state, such as a
// Segmenter, that is not thread-safe).
using TransformFactory = std::function<Transform()>;

// Runs the transforms over the inputs. Errors name the file, line and byte.
absl::Status RunStream(const StreamOptions& options, const TransformFactory& make_transform);

// Bytes of an input given in memory: `data` starts at byte `offset` of the
// input `name` (0, or just after a '\n'), on its line `line`, and ends at a
// line end or at the input's end.
struct BlockInput {
  std::string name;  // for messages
  std::string_view data;
  uint64_t offset = 0;
  uint64_t line = 1;
};

// Appends to *out the output of `block` as RunStream gives it inside its
// whole input: the same validation (errors name the input's line and byte
// offset), the same cuts of long lines where their text decides them. A
// line's output depends on that line only, so the outputs of consecutive
// blocks, concatenated, are the whole input's; the exception is a line on
// which RunStream's own output depends on its cuts (see README, "Long lines
// and memory"): its cuts fall where a file's block reads put them, and a
// long line is held whole when it fits in the reads from the block's start.
// options.inputs, output, progress, first_piece and threads are not used
// (one thread: `transform`). options.block_size outside kMinBlockSize..
// kMaxBlockSize: InvalidArgumentError, nothing converted.
absl::Status ConvertBlock(const StreamOptions& options, const Transform& transform,
                          const BlockInput& block, std::string* out);

}  // namespace vnseg::cli

#include "py_block.h"

#include <string>
#include <string_view>

#include "conversions.h"
#include "segmented_hint.h"
#include "status_error.h"
#include "text_stream.h"

namespace vnseg::python {

namespace py = pybind11;

namespace {

template <typename T>
T Option(const py::dict& options, const char* name, T fallback) {
  return options.contains(name) ? options[name].cast<T>() : fallback;
}

}  // namespace

py::bytes ConvertBlock(SegmenterPool* pool, const std::string& op, const py::bytes& data,
                       const std::string& name, uint64_t offset, uint64_t line, int invalid,
                       size_t block_size, const py::dict& options) {
  // The enum's values only: another would reach the stream reader's switch.
  if (invalid < 0 || invalid > static_cast<int>(cli::InvalidUtf8::kPass)) {
    throw py::value_error("invalid must be 0 (error), 1 (replace) or 2 (pass), not " +
                          std::to_string(invalid));
  }
  cli::StreamOptions stream;
  stream.invalid = static_cast<cli::InvalidUtf8>(invalid);
  stream.block_size = block_size;
  SegmentOptions segment{Option(options, "tokenize", false), Option(options, "sentences", false)};
  NormalizeOptions normalize;
  normalize.tone = static_cast<ToneStyle>(Option(options, "tone", 0));
  normalize.fold_quotes = Option(options, "fold_quotes", false);
  normalize.spaces = Option(options, "spaces", true);
  normalize.invisible = Option(options, "invisible", true);
  const JoinOptions join{Option(options, "detok", false)};
  const bool segmenting = op == "segment" || op == "resegment";
  if (segmenting && pool == nullptr) throw py::value_error(op + ": needs a Segmenter");
  const std::string_view in(data);
  std::string out;
  absl::Status status;
  // The conversion with `segmenter` (null but for segment and resegment).
  auto convert = [&](Segmenter* segmenter) {
    cli::Transform transform;
    if (op == "segment") {
      cli::SegmentStream(segment, &stream);
      transform = cli::SegmentTransform(segmenter, segment);
    } else if (op == "resegment") {
      cli::ResegmentStream(&stream);
      transform = cli::ResegmentTransform(segmenter);
    } else if (op == "join") {
      cli::JoinStream(join, &stream);
      transform = cli::JoinTransform(join);
    } else if (op == "sentences") {
      cli::SentencesStream(&stream);
      transform = cli::SentencesTransform();
    } else if (op == "normalize") {
      cli::NormalizeStream(&normalize, &stream);
      std::string probe;
      status = Normalize("", normalize, &probe);  // ICU works (see NormalizeTransform)
      transform = cli::NormalizeTransform(normalize);
    } else {
      status = absl::InvalidArgumentError("unknown conversion '" + op + "'");
    }
    if (status.ok()) status = cli::ConvertBlock(stream, transform, {name, in, offset, line}, &out);
  };
  {
    py::gil_scoped_release release;  // `data` is immutable and held by the caller
    if (segmenting) {
      SegmenterPool::Lease lease = pool->Acquire();
      convert(&*lease);
    } else {
      convert(nullptr);
    }
  }
  if (!status.ok()) ThrowStatus(status);
  return py::bytes(out);
}

py::tuple SegmentedHint(SegmenterPool* pool, const py::bytes& data) {
  const std::string_view in(data);
  cli::SegmentedCount count;
  {
    py::gil_scoped_release release;
    SegmenterPool::Lease lease = pool->Acquire();
    count = cli::CountSegmented(*lease, in);
  }
  return py::make_tuple(count.joined, count.spaced, count.looks_segmented());
}

}  // namespace vnseg::python

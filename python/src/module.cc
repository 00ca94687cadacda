// vnseg._vnseg: the C++ side of the Python package, a thin shim over the
// library. Its functions take and return plain values (str, bool, int,
// dicts, lists and tuples of them) and release the GIL for the work; the
// Python API itself (names, signatures, docstrings, argument checks, Token,
// the default Segmenter) is python/vnseg/. Private to the package; typed in
// _vnseg.pyi.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "convert_calls.h"
#include "pool.h"
#include "py_block.h"
#include "py_output_file.h"
#include "py_text.h"
#include "status_error.h"
#include "vnseg/convert.h"
#include "vnseg/dictionary.h"
#include "vnseg/encoding.h"
#include "vnseg/normalizer.h"
#include "vnseg/sentences.h"
#include "vnseg/utf8.h"
#include "vnseg/word_list.h"
#include "vnseg/version.h"

namespace vnseg::python {
namespace {

namespace py = pybind11;

// The Python name of a word's kind (WordKindName), interned. Made once and
// never freed: they outlive any interpreter teardown order.
py::str KindName(TokenKind kind) {
  static PyObject* const* names = [] {
    static PyObject* table[static_cast<int>(TokenKind::kOther) + 1];
    for (int k = 0; k <= static_cast<int>(TokenKind::kOther); ++k) {
      auto kind = static_cast<TokenKind>(k);
      table[k] = PyUnicode_InternFromString(WordKindName(kind));
    }
    return table;
  }();
  return py::reinterpret_borrow<py::str>(names[static_cast<int>(kind)]);
}

// A word of tokenize(): str indices and kind.
struct WordSpan {
  size_t start, end;
  TokenKind kind;
};

// Without the GIL: the words of `in` (the UTF-8 of a str; `ascii`: it is
// ASCII) with str indices, into *spans (cleared).
void WordSpans(Segmenter& segmenter, std::string_view in, bool ascii,
               std::vector<WordSpan>* spans) {
  const std::vector<Word>& words = segmenter.Segment(in);
  CodePointIndex index(in, ascii);
  spans->clear();
  spans->reserve(words.size());
  for (const Word& w : words) spans->push_back({index.At(w.begin), index.At(w.end), w.kind});
}

// With the GIL: the words of the str `text` as (text[start:end], start,
// end, kind) tuples (the slice is made here: cheaper than in Python, per
// word). A new reference.
PyObject* TokenList(py::handle text, const std::vector<WordSpan>& spans) {
  py::list tokens(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    const auto start = static_cast<Py_ssize_t>(spans[i].start);
    const auto end = static_cast<Py_ssize_t>(spans[i].end);
    PyObject* slice = PyUnicode_Substring(text.ptr(), start, end);
    if (slice == nullptr) throw py::error_already_set();
    tokens[i] = py::make_tuple(py::reinterpret_steal<py::str>(slice), start, end,
                               KindName(spans[i].kind));
  }
  return tokens.release().ptr();
}

// _vnseg.Segmenter: a SegmenterPool and the calls that use it.
class PySegmenter {
 public:
  // Raises the library's error (ThrowStatus) when a file is missing or bad.
  PySegmenter(const std::string& dict_path, const std::optional<std::string>& user_words_path,
              const std::optional<std::string>& user_words_text) {
    absl::StatusOr<std::unique_ptr<SegmenterPool>> pool =
        SegmenterPool::Open(dict_path, user_words_path, user_words_text, &skipped_);
    if (!pool.ok()) ThrowStatus(pool.status());
    pool_ = *std::move(pool);
  }

  // The user words skipped as never matchable: (how many, [(line, word)]
  // for the first few), which the Python layer warns of.
  py::tuple SkippedUserWords() const {
    py::list first;
    for (const SkippedEntries::Entry& e : skipped_.first) first.append(py::make_tuple(e.line, e.word));
    return py::make_tuple(skipped_.count, first);
  }

  py::str Segment(py::handle text, bool tokenize) {
    return ConvertOne(text, [&](std::string_view in, std::string* out) {
      SegmentText(*pool_->Acquire(), in, SegmentOptions{tokenize}, out);
    });
  }

  py::str Resegment(py::handle text) {
    return ConvertOne(text, [&](std::string_view in, std::string* out) {
      ResegmentText(*pool_->Acquire(), in, out);
    });
  }

  // The words of `text` as TokenList tuples.
  py::list Tokenize(py::handle text) {
    std::string_view in = TextUtf8(text);
    const bool ascii = PyUnicode_IS_ASCII(text.ptr());
    SegmenterPool::Lease lease = pool_->Acquire();
    std::vector<WordSpan> spans;
    if (in.size() >= kReleaseGilBytes) {
      py::gil_scoped_release release;
      WordSpans(*lease, in, ascii, &spans);
    } else {
      WordSpans(*lease, in, ascii, &spans);
    }
    return py::reinterpret_steal<py::list>(TokenList(text, spans));
  }

  // Tokenize for each of `texts` (any iterable of str), on `threads` C++
  // threads: each segments a chunk of texts without the GIL, then takes it
  // to make the chunk's tuples (Python objects need it).
  py::list TokenizeMany(py::handle texts, int threads) {
    Batch batch(texts, BatchThreads(threads));
    RunBatch(batch, [&] {
      SegmenterPool::Lease lease = pool_->Acquire();
      std::vector<std::string_view> in;
      std::vector<std::string> buffers;
      std::vector<std::vector<WordSpan>> spans;
      size_t first, last;
      while (batch.NextChunk(&first, &last)) {
        const size_t end = batch.Encode(first, last, &in, &buffers);
        if (spans.size() < end - first) spans.resize(end - first);
        for (size_t i = 0; i < end - first; ++i) {
          // (ASCII-ness from the bytes: the str is not looked at without the GIL.)
          WordSpans(*lease, in[i], false, &spans[i]);
        }
        py::gil_scoped_acquire gil;
        for (size_t i = 0; i < end - first; ++i) {
          batch.Set(first + i, TokenList(batch.item(first + i), spans[i]));
        }
      }
    });
    return batch.Finish();
  }

  py::list SegmentMany(py::handle texts, bool tokenize, int threads) {
    return ConvertMany(texts, threads, [&] {
      return [lease = pool_->Acquire(), tokenize](std::string_view in, std::string* out) {
        SegmentText(*lease, in, SegmentOptions{tokenize}, out);
      };
    });
  }

  py::list ResegmentMany(py::handle texts, int threads) {
    return ConvertMany(texts, threads, [&] {
      return [lease = pool_->Acquire()](std::string_view in, std::string* out) {
        ResegmentText(*lease, in, out);
      };
    });
  }

  SegmenterPool* pool() const { return pool_.get(); }

  py::dict Info() const {
    const DictionaryInfo& info = pool_->info();
    py::dict d;
    d["format_version"] = info.format_version;
    d["word_count"] = info.word_count;
    d["syllable_count"] = info.syllable_count;
    d["max_word_syllables"] = info.max_word_syllables;
    d["file_size"] = info.file_size;
    d["checksum"] = info.checksum;
    d["source"] = info.source;
    d["user_word_count"] = pool_->user_word_count();
    return d;
  }

 private:
  std::unique_ptr<SegmenterPool> pool_;
  SkippedEntries skipped_;
};

py::str Join(py::handle text, bool detok) {
  return ConvertOne(text, [&](std::string_view in, std::string* out) {
    JoinText(in, JoinOptions{detok}, out);
  });
}

py::list JoinMany(py::handle texts, bool detok, int threads) {
  return ConvertMany(texts, threads, [&] {
    return [detok](std::string_view in, std::string* out) { JoinText(in, JoinOptions{detok}, out); };
  });
}

// tone: a value of TONES (checked by the Python layer).
py::str Normalize(py::handle text, int tone, bool fold_quotes, bool spaces, bool invisible) {
  NormalizeOptions options;
  options.tone = static_cast<ToneStyle>(tone);
  options.fold_quotes = fold_quotes;
  options.spaces = spaces;
  options.invisible = invisible;
  absl::Status status;
  py::str result = ConvertOne(text, [&](std::string_view in, std::string* out) {
    status = vnseg::Normalize(in, options, out);
  });
  // A str always encodes to valid UTF-8, the only input Normalize rejects.
  if (!status.ok()) ThrowStatus(status);
  return result;
}

// NormalizeEncoded of `data` (bytes, or a str as its UTF-8); `from`: an
// EncodingName or "auto" (checked by the Python layer). Returns (text,
// encoding used, confidence).
py::tuple NormalizeFrom(py::handle data, const std::string& from, int tone, bool fold_quotes,
                        bool spaces, bool invisible, bool fix_mojibake) {
  NormalizeOptions options;
  options.tone = static_cast<ToneStyle>(tone);
  options.fold_quotes = fold_quotes;
  options.spaces = spaces;
  options.invisible = invisible;
  options.fix_mojibake = fix_mojibake;
  std::optional<Encoding> encoding;
  if (from != "auto") encoding = ParseEncoding(from);
  std::string_view in;
  if (PyBytes_Check(data.ptr())) {
    in = std::string_view(PyBytes_AS_STRING(data.ptr()), static_cast<size_t>(PyBytes_GET_SIZE(data.ptr())));
  } else {
    in = TextUtf8(data);
  }
  std::string out;
  Detection found;
  absl::Status status;
  {
    py::gil_scoped_release release;
    status = NormalizeEncoded(in, encoding, options, &out, &found);
  }
  if (!status.ok()) ThrowStatus(status);
  return py::make_tuple(py::str(out.data(), out.size()), EncodingName(found.encoding),
                        found.confidence);
}

// DetectEncoding of the first kDetectSampleBytes of `data` (bytes or str):
// (encoding, confidence).
py::tuple Detect(py::handle data) {
  std::string_view in;
  if (PyBytes_Check(data.ptr())) {
    in = std::string_view(PyBytes_AS_STRING(data.ptr()), static_cast<size_t>(PyBytes_GET_SIZE(data.ptr())));
  } else {
    in = TextUtf8(data);
  }
  Detection found = DetectEncoding(in.substr(0, kDetectSampleBytes));
  return py::make_tuple(EncodingName(found.encoding), found.confidence);
}

// The sentences of `text` as (start, end) str indices (SplitSentences).
py::list Sentences(py::handle text) {
  std::string_view in = TextUtf8(text);
  std::vector<SentenceSpan> spans;
  if (in.size() >= kReleaseGilBytes) {
    py::gil_scoped_release release;
    SplitSentences(in, &spans);
  } else {
    SplitSentences(in, &spans);
  }
  CodePointIndex index(in, PyUnicode_IS_ASCII(text.ptr()));
  py::list out(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    const size_t start = index.At(spans[i].begin);  // in order: At only goes forward
    const size_t end = index.At(spans[i].end);
    out[i] = py::make_tuple(start, end);
  }
  return out;
}

// The library's message for the first invalid byte of `data`, a block of
// whole lines starting at `base_offset` on line `base_line`; "" if valid
// (python -m vnseg reports bad input as the CLI does).
std::string InvalidUtf8Message(const py::bytes& data, size_t base_offset, size_t base_line) {
  const std::string_view bytes(data);
  absl::Status status = ValidateUtf8(bytes, base_offset, base_line, 0);
  return status.ok() ? std::string() : std::string(status.message());
}

}  // namespace
}  // namespace vnseg::python

PYBIND11_MODULE(_vnseg, m) {
  using namespace vnseg::python;
  using vnseg::ToneStyle;
  using py::arg;
  m.attr("__version__") = VNSEG_VERSION_STRING;
  py::dict tones;
  tones["keep"] = static_cast<int>(ToneStyle::kKeep);
  tones["old"] = static_cast<int>(ToneStyle::kOld);
  tones["new"] = static_cast<int>(ToneStyle::kNew);
  m.attr("TONES") = tones;
  py::class_<PySegmenter>(m, "Segmenter")
      .def(py::init<const std::string&, const std::optional<std::string>&,
                    const std::optional<std::string>&>(),
           arg("dict_path"), arg("user_words_path") = py::none(),
           arg("user_words_text") = py::none())
      .def("segment", &PySegmenter::Segment, arg("text"), arg("tokenize"))
      .def("resegment", &PySegmenter::Resegment, arg("text"))
      .def("tokenize", &PySegmenter::Tokenize, arg("text"))
      .def("tokenize_many", &PySegmenter::TokenizeMany, arg("texts"), arg("threads"))
      .def("segment_many", &PySegmenter::SegmentMany, arg("texts"), arg("tokenize"),
           arg("threads"))
      .def("resegment_many", &PySegmenter::ResegmentMany, arg("texts"), arg("threads"))
      .def("convert_block",
           [](PySegmenter& s, const std::string& op, const py::bytes& data, const std::string& name,
              uint64_t offset, uint64_t line, int invalid, size_t block_size,
              const py::dict& options) {
             return ConvertBlock(s.pool(), op, data, name, offset, line, invalid, block_size, options);
           },
           arg("op"), arg("data"), arg("name"), arg("offset"), arg("line"), arg("invalid"),
           arg("block_size"), arg("options"))
      .def("segmented_hint",
           [](PySegmenter& s, const py::bytes& data) { return SegmentedHint(s.pool(), data); },
           arg("data"))
      .def("info", &PySegmenter::Info)
      .def("skipped_user_words", &PySegmenter::SkippedUserWords);
  m.def("join", &Join, arg("text"), arg("detok"));
  m.def("join_many", &JoinMany, arg("texts"), arg("detok"), arg("threads"));
  m.def("sentences", &Sentences, arg("text"));
  m.def("normalize", &Normalize, arg("text"), arg("tone"), arg("fold_quotes"), arg("spaces"),
        arg("invisible"));
  m.def("normalize_from", &NormalizeFrom, arg("data"), arg("from_"), arg("tone"),
        arg("fold_quotes"), arg("spaces"), arg("invisible"), arg("fix_mojibake"));
  m.def("detect", &Detect, arg("data"));
  m.def("default_dictionary_path",
        [](const std::string& extra) { return vnseg::DefaultDictionaryPath(extra); },
        arg("extra"));
  m.def("describe_dictionary_search",
        [](const std::string& extra, const std::string& extra_what) {
          return vnseg::DescribeDictionarySearch(extra, extra_what);
        },
        arg("extra"), arg("extra_what"));
  m.def("_invalid_utf8_message", &InvalidUtf8Message, arg("data"), arg("base_offset"),
        arg("base_line"));
  m.def("_convert_block",
        [](const std::string& op, const py::bytes& data, const std::string& name, uint64_t offset,
           uint64_t line, int invalid, size_t block_size, const py::dict& options) {
          return ConvertBlock(nullptr, op, data, name, offset, line, invalid, block_size, options);
        },
        arg("op"), arg("data"), arg("name"), arg("offset"), arg("line"), arg("invalid"),
        arg("block_size"), arg("options"));
  DefineOutputFile(m);
}

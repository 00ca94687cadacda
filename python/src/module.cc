// vnseg._vnseg: the pybind11 module. Declares the Python API (names,
// signatures, docstrings) over py_segmenter.h and text_functions.h; the
// package's __init__.py re-exports it.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <string>

#include "py_output_file.h"
#include "py_segmenter.h"
#include "text_functions.h"
#include "vnseg/version.h"

namespace vnseg::python {
namespace {

namespace py = pybind11;
using py::arg;

// The Segmenter behind the module-level functions, loaded on first use
// with the default dictionary. Made under the GIL, which loading never
// releases, so two threads cannot both make it; a failed load is retried
// (and reported) by the next call.
std::shared_ptr<PySegmenter> DefaultSegmenter() {
  static std::shared_ptr<PySegmenter> segmenter;
  if (!segmenter) segmenter = std::make_shared<PySegmenter>(py::none(), py::none());
  return segmenter;
}

const char kModuleDoc[] = R"(Vietnamese word segmentation: "Tổng thống Mỹ" <-> "Tổng_thống Mỹ".

The module-level functions use a Segmenter loaded on first use with the
dictionary shipped in the package ($VNSEG_DICT overrides it). All functions
take and return str; offsets are str indices.)";

const char kSegmentDoc[] = R"(segment(text: str, *, tokenize: bool = False) -> str

Segment natural text into words joined with '_'.

tokenize=False (default): lossless, only the spaces inside words become '_'
(and a literal '_' between two letters or digits is written '__'), so
join(segment(x)) == x for every str x.
tokenize=True: VnCoreNLP/PhoBERT style, every word and punctuation mark
separated by one space, line ends kept.)";

const char kJoinDoc[] = R"(join(text: str, *, detok: bool = False) -> str

Turn '_' word form back into natural text: the inverse of segment().

'_' between two letters or digits becomes a space, '__' there becomes '_',
other underscores stay. detok=True also undoes the tokenized spacing (no space
before , . : ; ! ? ) ], none after ( [, straight quotes paired per line).)";

const char kResegmentDoc[] = R"(resegment(text: str) -> str

Re-segment text that another tool segmented: join, then segment
again (lossless), keeping the input's spacing.)";

const char kNormalizeDoc[] = R"(normalize(text: str, *, tone: str = "keep", fold_quotes: bool = False, spaces: bool = True, invisible: bool = True) -> str

Normalize text: Unicode NFC, Unicode spaces to ' ', zero-width
characters and soft hyphens removed, Ð/ð to Đ/đ.

tone: "keep" (default), "old" (tone mark on the second vowel of open oa/oe/uy:
hoà khoẻ thuỷ, as VnCoreNLP and PhoBERT's data) or "new" (hòa khỏe thủy).
fold_quotes: curly and angle quotes to " and '. spaces=False keeps Unicode
spaces, invisible=False keeps zero-width characters.)";

const char kTokenizeDoc[] = R"(tokenize(text: str) -> list[Token]

The words of text as a list of Token(text, start, end, kind).

start and end are str indices into text (text[start:end] == token.text), in
order; white space belongs to no token. kind is "word" (one or more
syllables), "number", "url", "email", "hashtag", "mention", "abbreviation",
"punct" or "other" (symbols, emoji).)";

const char kManyDoc[] = R"(Like the single-text call for each str of texts (any iterable), in
order. The work is split across `threads` C++ threads (default and most:
one per core) with the GIL released.)";

// The docstring of a batch call: its signature, then the single call's
// description (without its signature line), then kManyDoc.
std::string ManyDoc(const char* signature, const char* single) {
  std::string body = single;
  return std::string(signature) + "\n\n" + body.substr(body.find("\n\n") + 2) + "\n\n" + kManyDoc;
}

void DefineToken(py::module_& m) {
  py::class_<PyToken>(m, "Token", "A word of vnseg.tokenize: text == original[start:end].")
      .def_readonly("text", &PyToken::text, "the word as written in the original text")
      .def_readonly("start", &PyToken::start, "str index of its first character")
      .def_readonly("end", &PyToken::end, "str index one past its last character")
      .def_readonly("kind", &PyToken::kind, "word, number, url, email, hashtag, mention, abbreviation, punct or other")
      .def("__repr__", [](const PyToken& t) {
        return py::str("Token(text={!r}, start={}, end={}, kind={!r})")
            .format(t.text, t.start, t.end, t.kind);
      })
      .def("__eq__", [](const PyToken& a, const PyToken& b) {
        return a.start == b.start && a.end == b.end && a.text.equal(b.text) && a.kind.equal(b.kind);
      })
      .def("__hash__", [](const PyToken& t) {
        return py::hash(py::make_tuple(t.text, t.start, t.end, t.kind));
      });
}

void DefineSegmenter(py::module_& m) {
  py::class_<PySegmenter, std::shared_ptr<PySegmenter>>(m, "Segmenter", R"(A loaded dictionary and the calls that use it.

Segmenter(dict_path=None, user_words=None): dict_path is a compiled vnseg
dictionary (default: the package's, or $VNSEG_DICT); user_words is a word-list
file (one word a line, '_' or space between syllables, optional TAB
frequency) or an iterable of words, matched beside the dictionary.
A missing file raises FileNotFoundError, a bad one ValueError.

One Segmenter may be shared by any number of threads.)")
      .def(py::init<const py::object&, const py::object&>(), arg("dict_path") = py::none(),
           arg("user_words") = py::none(),
           "__init__(dict_path: str | os.PathLike | None = None, user_words: str | os.PathLike | Iterable[str] | None = None)")
      .def("segment", &PySegmenter::Segment, arg("text"), py::kw_only(), arg("tokenize") = false,
           kSegmentDoc)
      .def("resegment", &PySegmenter::Resegment, arg("text"), kResegmentDoc)
      .def("tokenize", &PySegmenter::Tokenize, arg("text"), kTokenizeDoc)
      .def("join", [](const PySegmenter&, py::handle text, bool detok) { return Join(text, detok); },
           arg("text"), py::kw_only(), arg("detok") = false, kJoinDoc)
      .def("normalize",
           [](const PySegmenter&, py::handle text, const std::string& tone, bool fold_quotes,
              bool spaces, bool invisible) {
             return Normalize(text, MakeNormalizeOptions(tone, fold_quotes, spaces, invisible));
           },
           arg("text"), py::kw_only(), arg("tone") = "keep", arg("fold_quotes") = false,
           arg("spaces") = true, arg("invisible") = true, kNormalizeDoc)
      .def("segment_many", &PySegmenter::SegmentMany, arg("texts"), py::kw_only(),
           arg("tokenize") = false, arg("threads") = py::none(), ManyDoc("segment_many(texts: Iterable[str], *, tokenize: bool = False, threads: int | None = None) -> list[str]", kSegmentDoc).c_str())
      .def("resegment_many", &PySegmenter::ResegmentMany, arg("texts"), py::kw_only(),
           arg("threads") = py::none(), ManyDoc("resegment_many(texts: Iterable[str], *, threads: int | None = None) -> list[str]", kResegmentDoc).c_str())
      .def("join_many",
           [](const PySegmenter&, py::handle texts, bool detok, const std::optional<int>& threads) {
             return JoinMany(texts, detok, threads);
           },
           arg("texts"), py::kw_only(), arg("detok") = false, arg("threads") = py::none(),
           ManyDoc("join_many(texts: Iterable[str], *, detok: bool = False, threads: int | None = None) -> list[str]", kJoinDoc).c_str())
      .def("__repr__", [](const PySegmenter& s) {
        return py::str("vnseg.Segmenter(dict_path={!r})").format(s.dictionary_path());
      })
      .def_property_readonly("dict_path", &PySegmenter::dictionary_path,
                             "path of the loaded dictionary")
      .def_property_readonly("dictionary_info", &PySegmenter::DictionaryInfo,
                             "the dictionary's header: word counts, checksum, source");
}

void DefineFunctions(py::module_& m) {
  m.def("default_segmenter", &DefaultSegmenter,
        "default_segmenter() -> Segmenter\n\nThe Segmenter the module-level functions use (loaded on first use).");
  m.def("segment", [](py::handle text, bool tokenize) {
        return DefaultSegmenter()->Segment(text, tokenize);
      }, arg("text"), py::kw_only(), arg("tokenize") = false, kSegmentDoc);
  m.def("resegment", [](py::handle text) { return DefaultSegmenter()->Resegment(text); },
        arg("text"), kResegmentDoc);
  m.def("tokenize", [](py::handle text) { return DefaultSegmenter()->Tokenize(text); },
        arg("text"), kTokenizeDoc);
  m.def("join", &Join, arg("text"), py::kw_only(), arg("detok") = false, kJoinDoc);
  m.def("normalize",
        [](py::handle text, const std::string& tone, bool fold_quotes, bool spaces, bool invisible) {
          return Normalize(text, MakeNormalizeOptions(tone, fold_quotes, spaces, invisible));
        },
        arg("text"), py::kw_only(), arg("tone") = "keep", arg("fold_quotes") = false,
        arg("spaces") = true, arg("invisible") = true, kNormalizeDoc);
  m.def("segment_many",
        [](py::handle texts, bool tokenize, const std::optional<int>& threads) {
          return DefaultSegmenter()->SegmentMany(texts, tokenize, threads);
        },
        arg("texts"), py::kw_only(), arg("tokenize") = false, arg("threads") = py::none(),
        ManyDoc("segment_many(texts: Iterable[str], *, tokenize: bool = False, threads: int | None = None) -> list[str]", kSegmentDoc).c_str());
  m.def("resegment_many",
        [](py::handle texts, const std::optional<int>& threads) {
          return DefaultSegmenter()->ResegmentMany(texts, threads);
        },
        arg("texts"), py::kw_only(), arg("threads") = py::none(), ManyDoc("resegment_many(texts: Iterable[str], *, threads: int | None = None) -> list[str]", kResegmentDoc).c_str());
  m.def("join_many", &JoinMany, arg("texts"), py::kw_only(), arg("detok") = false,
        arg("threads") = py::none(), ManyDoc("join_many(texts: Iterable[str], *, detok: bool = False, threads: int | None = None) -> list[str]", kJoinDoc).c_str());
  m.def("_noop", [](py::handle text) { return text; }, arg("text"),
        "_noop(text: str) -> str\n\nReturns text: a baseline for measuring the cost of a call (bench/python_bench.py).");
}

}  // namespace
}  // namespace vnseg::python

PYBIND11_MODULE(_vnseg, m) {
  using namespace vnseg::python;
  // Signatures are written in the docstrings: pybind11's would show the
  // C++ parameter types (handle) instead of str and Iterable[str].
  py::options options;
  options.disable_function_signatures();
  m.doc() = kModuleDoc;
  m.attr("__version__") = VNSEG_VERSION_STRING;
  DefineToken(m);
  DefineSegmenter(m);
  DefineFunctions(m);
  DefineOutputFile(m);
}

#include "py_segmenter.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <string_view>
#include <utility>

#include "convert_calls.h"
#include "py_text.h"
#include "status_error.h"
#include "vnseg/convert.h"
#include "vnseg/word_list.h"

namespace vnseg::python {

namespace py = pybind11;

namespace {

// Directory of the shared object this code is in: the package directory.
std::string ModuleDir() {
  Dl_info info;
  if (dladdr(reinterpret_cast<void*>(&ResolveDictionaryPath), &info) == 0 ||
      info.dli_fname == nullptr) {
    return "";
  }
  std::string path = info.dli_fname;
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

// os.fspath(path) as a str; TypeError for bytes paths and non-paths.
std::string PathString(const py::object& path) {
  py::object s = py::module_::import("os").attr("fspath")(path);
  if (!PyUnicode_Check(s.ptr())) throw py::type_error("paths must be str or os.PathLike of str");
  return std::string(Utf8Of(s));
}

bool IsPath(const py::object& o) {
  return PyUnicode_Check(o.ptr()) || py::hasattr(o, "__fspath__");
}

// user_words as a word list in memory: one word a line.
std::string WordListText(const py::object& words) {
  std::string text;
  size_t i = 0;
  for (py::handle word : py::iter(words)) {
    std::string_view w = Utf8Of(word);
    if (w.find_first_of("\n\r\t") != std::string_view::npos) {
      throw py::value_error("user_words[" + std::to_string(i) +
                            "]: a word must not contain a line break or a tab");
    }
    text.append(w);
    text.push_back('\n');
    ++i;
  }
  return text;
}

std::unique_ptr<UserWords> LoadUserWordsArgument(const py::object& user_words) {
  if (user_words.is_none()) return nullptr;
  absl::StatusOr<std::unique_ptr<UserWords>> user =
      IsPath(user_words) ? LoadUserWords(PathString(user_words))
                         : CompileUserWords(WordListText(user_words), "user_words");
  if (!user.ok()) ThrowStatus(user.status());
  return *std::move(user);
}

}  // namespace

std::string ResolveDictionaryPath() {
  if (const char* env = std::getenv("VNSEG_DICT"); env != nullptr && *env != '\0') return env;
  std::string beside_module = ModuleDir() + "/vnseg.dic";
  if (::access(beside_module.c_str(), R_OK) == 0) return beside_module;
  return DefaultDictionaryPath();
}

py::str KindName(TokenKind kind) {
  // Made once and never freed: they outlive any interpreter teardown order.
  static PyObject* const* names = [] {
    static PyObject* table[static_cast<int>(TokenKind::kOther) + 1];
    for (int k = 0; k <= static_cast<int>(TokenKind::kOther); ++k) {
      auto kind = static_cast<TokenKind>(k);
      table[k] = PyUnicode_InternFromString(kind == TokenKind::kSyllable ? "word"
                                                                         : TokenKindName(kind));
    }
    return table;
  }();
  return py::reinterpret_borrow<py::str>(names[static_cast<int>(kind)]);
}

PySegmenter::PySegmenter(const py::object& dict_path, const py::object& user_words) {
  dictionary_path_ = dict_path.is_none() ? ResolveDictionaryPath() : PathString(dict_path);
  absl::StatusOr<std::unique_ptr<Dictionary>> main = Dictionary::Open(dictionary_path_);
  if (!main.ok()) ThrowStatus(main.status());
  pool_ = std::make_unique<SegmenterPool>(*std::move(main), LoadUserWordsArgument(user_words));
}

py::str PySegmenter::Segment(py::handle text, bool tokenize) {
  return ConvertOne(text, [&](std::string_view in, std::string* out) {
    SegmentText(*pool_->Acquire(), in, SegmentOptions{tokenize}, out);
  });
}

py::str PySegmenter::Resegment(py::handle text) {
  return ConvertOne(text, [&](std::string_view in, std::string* out) {
    ResegmentText(*pool_->Acquire(), in, out);
  });
}

py::list PySegmenter::Tokenize(py::handle text) {
  std::string_view in = TextUtf8(text);
  SegmenterPool::Lease lease = pool_->Acquire();
  const std::vector<Word>* words;
  if (in.size() >= kReleaseGilBytes) {
    py::gil_scoped_release release;
    words = &(*lease).Segment(in);
  } else {
    words = &(*lease).Segment(in);
  }
  CodePointIndex index(in, PyUnicode_IS_ASCII(text.ptr()));
  py::list tokens(words->size());
  for (size_t i = 0; i < words->size(); ++i) {
    const Word& w = (*words)[i];
    Py_ssize_t start = static_cast<Py_ssize_t>(index.At(w.begin));
    Py_ssize_t end = static_cast<Py_ssize_t>(index.At(w.end));
    PyObject* slice = PyUnicode_Substring(text.ptr(), start, end);
    if (slice == nullptr) throw py::error_already_set();
    tokens[i] = py::cast(PyToken{py::reinterpret_steal<py::str>(slice), start, end, KindName(w.kind)});
  }
  return tokens;
}

py::list PySegmenter::SegmentMany(py::handle texts, bool tokenize,
                                  const std::optional<int>& threads) {
  return ConvertMany(texts, threads, [&] {
    return [lease = pool_->Acquire(), tokenize](std::string_view in, std::string* out) {
      SegmentText(*lease, in, SegmentOptions{tokenize}, out);
    };
  });
}

py::list PySegmenter::ResegmentMany(py::handle texts, const std::optional<int>& threads) {
  return ConvertMany(texts, threads, [&] {
    return [lease = pool_->Acquire()](std::string_view in, std::string* out) {
      ResegmentText(*lease, in, out);
    };
  });
}

py::dict PySegmenter::DictionaryInfo() const {
  const vnseg::DictionaryInfo& info = pool_->main().info();
  py::dict d;
  d["path"] = dictionary_path_;
  d["format_version"] = info.format_version;
  d["word_count"] = info.word_count;
  d["syllable_count"] = info.syllable_count;
  d["max_word_syllables"] = info.max_word_syllables;
  d["file_size"] = info.file_size;
  d["checksum"] = info.checksum;
  d["source"] = info.source;
  d["user_word_count"] = pool_->user() ? pool_->user()->info().word_count : 0;
  return d;
}

}  // namespace vnseg::python

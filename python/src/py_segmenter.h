// vnseg.Segmenter and vnseg.Token: what the Python API calls. Each method
// marshals Python text to UTF-8, calls one library function, and marshals
// the result back; the segmentation itself is all in the library.
#pragma once

#include <pybind11/pybind11.h>

#include <memory>
#include <optional>
#include <string>

#include "pool.h"

namespace vnseg::python {

// One word of vnseg.tokenize: text == original[start:end] (str indices).
struct PyToken {
  pybind11::str text;
  Py_ssize_t start;
  Py_ssize_t end;
  pybind11::str kind;  // "word", "number", "url", "punct", ... (KindName)
};

// The Python name of a word's kind: TokenKindName, except that a word of
// syllables is a "word".
pybind11::str KindName(TokenKind kind);

class PySegmenter {
 public:
  // dict_path: None (the package's dictionary, see ResolveDictionaryPath) or
  // a path (str or os.PathLike). user_words: None, a word-list path, or an
  // iterable of words. Raises FileNotFoundError / ValueError with the
  // library's message when a file is missing or bad.
  PySegmenter(const pybind11::object& dict_path, const pybind11::object& user_words);

  pybind11::str Segment(pybind11::handle text, bool tokenize);
  pybind11::str Resegment(pybind11::handle text);
  pybind11::list Tokenize(pybind11::handle text);
  pybind11::list SegmentMany(pybind11::handle texts, bool tokenize,
                             const std::optional<int>& threads);
  pybind11::list ResegmentMany(pybind11::handle texts, const std::optional<int>& threads);

  const std::string& dictionary_path() const { return dictionary_path_; }
  pybind11::dict DictionaryInfo() const;

 private:
  std::string dictionary_path_;
  std::unique_ptr<SegmenterPool> pool_;
};

// The dictionary used when none is given: $VNSEG_DICT if set, else the
// vnseg.dic shipped beside the extension module (found from the module's
// own file, so any working directory and any install location do), else
// the library's DefaultDictionaryPath().
std::string ResolveDictionaryPath();

}  // namespace vnseg::python

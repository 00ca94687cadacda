// Opening a compiled dictionary (vnseg.dic, written by `vnseg dict build`
// or DictionaryBuilder) and looking words up in it. The segmenter
// (segmenter.h) is what reads a dictionary; this header is for opening one,
// describing it and checking single words.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace vnseg {

// What the dictionary stores of a word: where it came from (several may be
// set) and what a lexicon says of it. The values are part of the file
// format.
enum WordFlags : uint32_t {
  kFromBaseList = 1u << 0,   // the base word list (Viet74K)
  kFromNameList = 1u << 1,   // the project's own lists (places, people, ...)
  kFromUserList = 1u << 2,   // user words (LoadUserWords, --user-words)
  // 1u << 3 and 1u << 4 are not stored (corpus words carry no flag of
  // their own; the segmenter uses bit 4 internally).
  kLowerThenUpper = 1u << 5, // spelled with a lower-case syllable before a
                             // Capitalised one ("châu Âu", "sông Hồng")
  kProperName = 1u << 6,     // a list spells every syllable Capitalised ("Hà
                             // Nội", "Quy Nhơn"): a name however the text
                             // writes it (lower-case queries, ALL CAPS)
  // What a lexicon says of the word (word-list tags, see word_list.h). The
  // learned model reads them: a corpus's conventions follow them better
  // than mere presence in a big list ("con tàu" is listed but split in UD
  // VTB: "con" is a classifier).
  kCommonWord = 1u << 8,    // "common": in a list of everyday words (Viet22K)
  kHeadword = 1u << 9,      // "headword": a headword of a defining dictionary
  kClassifier = 1u << 10,   // "classifier": a sense is a classifier or unit noun
  kFunctionWord = 1u << 11, // "function": a sense is a preposition, conjunction,
                            // adverb, particle or interjection
  kVerb = 1u << 12,         // "verb"
  kNoun = 1u << 13,         // "noun"
  kAdjective = 1u << 14,    // "adjective"
};

// Every stored WordFlags bit. DictionaryBuilder::Add drops any other, and
// a file whose words carry another is refused as corrupt.
inline constexpr uint32_t kAllWordFlags = kFromBaseList | kFromNameList | kFromUserList |
                                          kLowerThenUpper | kProperName | kCommonWord | kHeadword |
                                          kClassifier | kFunctionWord | kVerb | kNoun |
                                          kAdjective;

// The header of a compiled dictionary, as `vnseg dict info` prints it.
struct DictionaryInfo {
  uint32_t format_version = 0;
  uint32_t word_count = 0;
  uint32_t syllable_count = 0;
  uint32_t max_word_syllables = 0;
  uint32_t model_features = 0;  // learned n-gram weights; 0 without a model
  uint64_t file_size = 0;
  uint64_t checksum = 0;
  std::string source;  // free text: the word lists and their licenses
};

// What a Dictionary and UserWords share: a compiled word list's header and
// word lookups. Immutable once created: every method is const and safe to
// call from any number of threads at once.
class Lexicon {
 public:
  virtual ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // The header. Valid as long as the lexicon.
  virtual const DictionaryInfo& info() const = 0;

  // True if `word` (valid UTF-8) is a word of the lexicon, in any
  // spelling: case, tone placement ("hoà"/"hòa"), composed or not, '_' or
  // white space between syllables. Then stores its WordFlags in `*flags`
  // unless `flags` is null (a word may have none: flags 0). False (and
  // `*flags` untouched) otherwise, including for "".
  virtual bool Lookup(std::string_view word, uint32_t* flags) const = 0;

 protected:
  Lexicon() = default;
};

// A compiled main dictionary: its words and, usually, a learned
// segmentation model. One dictionary may serve any number of segmenters,
// in any threads. Created only by Open() and FromBytes(); the library's
// segmenter relies on that, so do not derive from this class.
class Dictionary : public Lexicon {
 public:
  // Maps the file at `path` (read-only, shared pages) and checks magic,
  // version, byte order, size, checksum (of the whole file, header
  // included), section bounds, tables and model weights (finite,
  // |w| <= 1e6), so that a damaged or hostile file is an error here and
  // never a bad read later. Never returns null on success. Errors name the
  // path and the reason: NotFound/PermissionDenied when it cannot be
  // opened, DataLoss when it is no usable dictionary (a file of an older
  // format says to rebuild it), FailedPrecondition when ICU has no
  // normalizer (its data missing), which every lookup key needs.
  // Thread-safe.
  static absl::StatusOr<std::unique_ptr<Dictionary>> Open(const std::string& path);

  // The same checks over an in-memory image (DictionaryBuilder::Build),
  // which the dictionary then owns. Never returns a null pointer on
  // success; thread-safe (no shared state).
  static absl::StatusOr<std::unique_ptr<Dictionary>> FromBytes(std::string bytes);

 protected:
  Dictionary() = default;
};

// The words of a user word list (word_list.h: LoadUserWords,
// CompileUserWords), searched by a segmenter beside its main dictionary;
// their flags include kFromUserList. Its own type, so that a user list
// cannot be passed where the main dictionary is expected, nor the other
// way round. Created only by those functions: do not derive from it.
class UserWords : public Lexicon {
 protected:
  UserWords() = default;
};

// Path of the default dictionary: $VNSEG_DICT if set, else the first that
// is readable of: `extra` (a caller's own candidate, such as the vnseg.dic a
// binding ships beside its module; ignored when empty); the installed
// dictionary seen from the file this code was loaded from (a shared
// libvnseg, or a plug-in such as the SQLite extension that links vnseg
// statically, in <prefix>/lib); <dir of this executable>/../share/vnseg/
// vnseg.dic (an install, even a moved one); the build tree's file; else the
// configured install path (returned even when missing, so that Open()
// reports it). Never fails. Thread-safe; reads the environment.
std::string DefaultDictionaryPath(std::string_view extra = {});

// For the message of a front end that could not open the default
// dictionary: every place DefaultDictionaryPath(extra) looks in, in its
// order, one line each ("  WHAT: PATH: STATE\n", STATE "exists" or why it
// cannot be read, e.g. "No such file or directory"). $VNSEG_DICT comes
// first ("  $VNSEG_DICT: not set" when it is not); when it is set, the
// others follow under a line saying they were not looked in. `extra_what`
// names `extra` ("beside the Python package"). Never fails; thread-safe.
std::string DescribeDictionarySearch(std::string_view extra = {},
                                     std::string_view extra_what = "given by the caller");

// Dictionary::Open(DefaultDictionaryPath()), for a front end whose user named
// no dictionary. When none can be opened (kNotFound: nothing at the place
// $VNSEG_DICT names, or at any default place), the error is kNotFound with
// the message every front end gives: "no dictionary found; looked in, in
// order:\n", then "  OPTION: not given\n" (`option`: how the front end's
// user names a file, "--dict"), DescribeDictionarySearch(), and `choose`
// (one line without a line end: "Choose one with --dict FILE or
// VNSEG_DICT=FILE."). Other errors (a damaged file, permission denied) are
// Open's own. Thread-safe; reads the environment.
absl::StatusOr<std::unique_ptr<Dictionary>> OpenDefaultDictionary(std::string_view option,
                                                                  std::string_view choose);

}  // namespace vnseg

// The compiled dictionary: a versioned, checksummed binary file used in place
// after mmap (see lib/src/dictionary_format.h for the layout). Words are keyed
// by canonical syllable keys (syllable_key.h) and stored in a trie whose
// edges are syllable ids, so a lookup costs one hash probe per syllable.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace vnseg {

namespace model {
struct Weights;
}

// Where a word came from; stored per word, several may be set.
enum WordFlags : uint32_t {
  kFromBaseList = 1u << 0,   // the base word list (Viet74K)
  kFromNameList = 1u << 1,   // the project's own lists (places, people, ...)
  kFromUserList = 1u << 2,   // --user-words
  kFromCorpus = 1u << 3,     // learned from a segmented corpus
  kProperName = 1u << 4,     // lattice only: a run of Capitalised syllables
  kLowerThenUpper = 1u << 5, // spelled with a lower-case syllable before a
                             // Capitalised one ("châu Âu", "sông Hồng")
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

struct WordEntry {
  uint32_t frequency = 0;
  uint32_t flags = 0;
};

class Dictionary {
 public:
  static constexpr uint32_t kNoSyllable = 0xFFFFFFFFu;
  static constexpr uint32_t kRoot = 0;

  // Maps the file at `path` and checks magic, version, byte order, size,
  // checksum (of the whole file, header included), section bounds, tables
  // and model weights (finite, |w| <= 1e6). Errors name the path and the
  // reason; FailedPrecondition when ICU has no normalizer (its data
  // missing), which the keys of every lookup need.
  static absl::StatusOr<std::unique_ptr<Dictionary>> Open(const std::string& path);

  // The same checks over an in-memory image (owned by the dictionary).
  static absl::StatusOr<std::unique_ptr<Dictionary>> FromBytes(std::string bytes);

  ~Dictionary();
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  const DictionaryInfo& info() const { return info_; }

  // Id of the syllable with canonical key `key`, or kNoSyllable.
  uint32_t SyllableId(std::string_view key) const;

  // Trie walk: the node reached from `node` over syllable `syllable_id`, or
  // kNoNode. Start from kRoot.
  static constexpr uint32_t kNoNode = 0xFFFFFFFFu;
  uint32_t Child(uint32_t node, uint32_t syllable_id) const;

  // The word ending at `node`, if any.
  bool WordAt(uint32_t node, WordEntry* entry) const;
  // The same for its flags alone (faster: they are stored in the node).
  bool WordFlagsAt(uint32_t node, uint32_t* flags) const;

  // Looks up a whole word (any spelling: case, tone placement, '_' or
  // spaces between syllables).
  bool Lookup(std::string_view word, WordEntry* entry) const;

  // The learned segmentation model stored with the words, or null (then
  // the segmenter falls back to dictionary maximal matching).
  const model::Weights* model() const { return model_.get(); }

  // Canonical keys of all words, in trie order (for `dict dump` and tests).
  std::vector<std::string> AllKeys() const;

 private:
  Dictionary() = default;
  absl::Status Attach(const char* data, size_t size, const std::string& origin);

  class Mapping;
  std::unique_ptr<Mapping> mapping_;
  std::string owned_bytes_;
  DictionaryInfo info_;
  // Views into the image, set by Attach().
  const uint32_t* hash_slots_ = nullptr;
  uint32_t hash_mask_ = 0;
  const uint32_t* syllable_offsets_ = nullptr;
  const char* syllable_bytes_ = nullptr;
  const struct TrieNode* nodes_ = nullptr;
  uint32_t node_count_ = 0;
  const struct TrieEdge* edges_ = nullptr;
  const WordEntry* words_ = nullptr;
  std::unique_ptr<model::Weights> model_;
};

// Collects words and compiles them into the binary image.
class DictionaryBuilder {
 public:
  // Adds `word` (syllables separated by spaces or '_'). Adding a word twice
  // sums frequencies and ORs flags. Returns false, adding nothing, for a word
  // the segmenter could never match: empty, or with a part that is not one
  // syllable token (punctuation, as in the idioms "ao có bờ, sông có bến").
  bool Add(std::string_view word, uint32_t frequency, uint32_t flags);

  size_t size() const;
  size_t skipped() const;

  // Stores a learned model with the words: `model_text` in the text form
  // written by LearnModel() (learn.h). Errors name `origin` and the line.
  absl::Status SetModel(std::string_view model_text, std::string_view origin);

  // The image, with `source` recorded in the header.
  std::string Build(std::string_view source) const;

  DictionaryBuilder();
  ~DictionaryBuilder();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Path of the default dictionary: $VNSEG_DICT if set, else the first that
// is readable of: `extra` (a caller's own candidate, such as the vnseg.dic a
// binding ships beside its module; ignored when empty); the installed
// dictionary seen from the file this code was loaded from (a shared
// libvnseg, or a plug-in such as the SQLite extension that links vnseg
// statically, in <prefix>/lib); <dir of this executable>/../share/vnseg/
// vnseg.dic (an install, even a moved one); the build tree's file; else the
// configured install path, readable or not (Dictionary::Open reports it
// missing). Never fails; thread-safe.
std::string DefaultDictionaryPath(std::string_view extra = {});

}  // namespace vnseg

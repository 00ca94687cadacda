// The dictionary as the engine reads it: a checked image of the file
// (dictionary_format.h) and the trie walk over it. Dictionary and UserWords
// (vnseg/dictionary.h) are the public faces; every one the library creates
// is one of the classes below, which ImageOf() relies on.
//
// The walk (SyllableId, Child, WordFlagsAt) is the segmenter's inner loop:
// plain member functions, never virtual.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "dictionary_format.h"
#include "vnseg/dictionary.h"

namespace vnseg {

namespace model {
struct Weights;
}

class MappedFile;

class DictionaryImage final : public Dictionary {
 public:
  // As Dictionary::Open and Dictionary::FromBytes (same checks, same errors).
  static absl::StatusOr<std::unique_ptr<DictionaryImage>> Open(const std::string& path);
  static absl::StatusOr<std::unique_ptr<DictionaryImage>> FromBytes(std::string bytes);

  ~DictionaryImage() override;

  const DictionaryInfo& info() const override { return info_; }
  bool Lookup(std::string_view word, uint32_t* flags) const override;

  static constexpr uint32_t kNoSyllable = 0xFFFFFFFFu;
  static constexpr uint32_t kRoot = 0;
  static constexpr uint32_t kNoNode = 0xFFFFFFFFu;

  // Id of the syllable with canonical key `key` (syllable_key.h), or
  // kNoSyllable.
  uint32_t SyllableId(std::string_view key) const;

  // Trie walk: the node reached from `node` over syllable `syllable_id`, or
  // kNoNode. Start from kRoot.
  uint32_t Child(uint32_t node, uint32_t syllable_id) const;

  // True if a word ends at `node`; `*flags` (not null) gets its WordFlags,
  // 0 when there is none.
  bool WordFlagsAt(uint32_t node, uint32_t* flags) const {
    const TrieNode& n = nodes_[node];
    *flags = n.word_flags;
    return n.is_word != 0;
  }

  // The learned segmentation model stored with the words, or null (then
  // the segmenter falls back to dictionary maximal matching). Lives as
  // long as the image.
  const model::Weights* model() const { return model_.get(); }

  // Canonical keys of all words, in trie order (for tests and fuzzers).
  std::vector<std::string> AllKeys() const;

 private:
  DictionaryImage();
  absl::Status Attach(const char* data, size_t size, const std::string& origin);

  std::unique_ptr<MappedFile> file_;  // null for an image in owned_bytes_
  std::string owned_bytes_;
  DictionaryInfo info_;
  // Views into the image, set by Attach().
  const uint32_t* hash_slots_ = nullptr;
  uint32_t hash_mask_ = 0;
  const uint32_t* syllable_offsets_ = nullptr;
  const char* syllable_bytes_ = nullptr;
  const TrieNode* nodes_ = nullptr;
  const TrieEdge* edges_ = nullptr;
  std::unique_ptr<model::Weights> model_;
};

// User words: an image without a model, in its own type.
class UserWordsImage final : public UserWords {
 public:
  explicit UserWordsImage(std::unique_ptr<DictionaryImage> image) : image_(std::move(image)) {}

  const DictionaryInfo& info() const override { return image_->info(); }
  bool Lookup(std::string_view word, uint32_t* flags) const override {
    return image_->Lookup(word, flags);
  }
  const DictionaryImage& image() const { return *image_; }

 private:
  std::unique_ptr<DictionaryImage> image_;  // not null
};

// The image behind a dictionary or user words the library created (the
// only kinds there are: the public classes are not to be derived from).
inline const DictionaryImage& ImageOf(const Dictionary& dictionary) {
  return static_cast<const DictionaryImage&>(dictionary);
}
inline const DictionaryImage& ImageOf(const UserWords& user_words) {
  return static_cast<const UserWordsImage&>(user_words).image();
}

}  // namespace vnseg

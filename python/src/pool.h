// A loaded dictionary (plus optional user words) and a pool of Segmenters
// over it. The C++ Segmenter keeps scratch state and serves one thread at a
// time; the pool hands each caller its own, so one Python Segmenter can be
// shared by any number of threads. The only file of the binding that
// names the library's dictionary, user-word and Segmenter types.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "vnseg/dictionary.h"
#include "vnseg/segmenter.h"
#include "vnseg/word_list.h"

namespace vnseg::python {

class SegmenterPool {
 public:
  // Opens the compiled dictionary at `dict_path` and the user words: none,
  // the word-list file `user_words_path`, or the word-list text
  // `user_words_text` (errors name it "user_words"); at most one of the
  // two. Errors are the library's (NotFound, InvalidArgument, ...). The
  // user words skipped (never matchable) go to `skipped` (not null).
  static absl::StatusOr<std::unique_ptr<SegmenterPool>> Open(
      const std::string& dict_path, const std::optional<std::string>& user_words_path,
      const std::optional<std::string>& user_words_text, SkippedEntries* skipped);
  ~SegmenterPool();
  SegmenterPool(const SegmenterPool&) = delete;
  SegmenterPool& operator=(const SegmenterPool&) = delete;

  // A segmenter for the holder's exclusive use, returned to the pool when
  // the lease ends. Callable without the GIL.
  class Lease {
   public:
    Lease(SegmenterPool* pool, std::unique_ptr<Segmenter> segmenter)
        : pool_(pool), segmenter_(std::move(segmenter)) {}
    ~Lease() { pool_->Return(std::move(segmenter_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Segmenter& operator*() const { return *segmenter_; }

   private:
    SegmenterPool* pool_;
    std::unique_ptr<Segmenter> segmenter_;
  };
  Lease Acquire();

  // The main dictionary's header, and the number of user words (0 without).
  const DictionaryInfo& info() const { return main_->info(); }
  size_t user_word_count() const { return user_ ? user_->info().word_count : 0; }

 private:
  SegmenterPool(std::unique_ptr<Dictionary> main, std::unique_ptr<UserWords> user);
  void Return(std::unique_ptr<Segmenter> segmenter);

  // Declared before the segmenters, which point into them.
  std::unique_ptr<Dictionary> main_;
  std::unique_ptr<UserWords> user_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Segmenter>> idle_;  // guarded by mutex_
};

}  // namespace vnseg::python

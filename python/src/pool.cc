#include "pool.h"

#include <utility>

#include "vnseg/word_list.h"

namespace vnseg::python {

absl::StatusOr<std::unique_ptr<SegmenterPool>> SegmenterPool::Open(
    const std::string& dict_path, const std::optional<std::string>& user_words_path,
    const std::optional<std::string>& user_words_text, SkippedEntries* skipped) {
  absl::StatusOr<std::unique_ptr<Dictionary>> main = Dictionary::Open(dict_path);
  if (!main.ok()) return main.status();
  std::unique_ptr<UserWords> user;
  if (user_words_path || user_words_text) {
    absl::StatusOr<std::unique_ptr<UserWords>> loaded =
        user_words_path ? LoadUserWords(*user_words_path, skipped)
                        : CompileUserWords(*user_words_text, "user_words", skipped);
    if (!loaded.ok()) return loaded.status();
    user = *std::move(loaded);
  }
  return std::unique_ptr<SegmenterPool>(new SegmenterPool(*std::move(main), std::move(user)));
}

SegmenterPool::SegmenterPool(std::unique_ptr<Dictionary> main, std::unique_ptr<UserWords> user)
    : main_(std::move(main)), user_(std::move(user)) {}

SegmenterPool::~SegmenterPool() = default;

SegmenterPool::Lease SegmenterPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Segmenter> s = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(s));
    }
  }
  // None idle: another thread holds each one. Cheap to make (the
  // dictionaries are shared); the pool keeps it afterwards.
  return Lease(this, std::make_unique<Segmenter>(main_.get(), user_.get()));
}

void SegmenterPool::Return(std::unique_ptr<Segmenter> segmenter) {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(segmenter));
}

}  // namespace vnseg::python

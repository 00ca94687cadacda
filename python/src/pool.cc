#include "pool.h"

#include <utility>

namespace vnseg::python {

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

// A loaded dictionary (plus optional user words) and a pool of Segmenters
// over it. The C++ Segmenter keeps scratch state and serves one thread at a
// time; the pool hands each caller its own, so one Python Segmenter can be
// shared by any number of threads.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "vnseg/dictionary.h"
#include "vnseg/segmenter.h"

namespace vnseg::python {

class SegmenterPool {
 public:
  // `main` must not be null; `user` may be.
  SegmenterPool(std::unique_ptr<Dictionary> main, std::unique_ptr<UserWords> user);
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

  const Dictionary& main() const { return *main_; }
  const UserWords* user() const { return user_.get(); }

 private:
  void Return(std::unique_ptr<Segmenter> segmenter);

  // Declared before the segmenters, which point into them.
  std::unique_ptr<Dictionary> main_;
  std::unique_ptr<UserWords> user_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Segmenter>> idle_;  // guarded by mutex_
};

}  // namespace vnseg::python

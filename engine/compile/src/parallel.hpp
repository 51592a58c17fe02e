#pragma once
// Work that splits into independent items (pages, catalog records) spread
// over the cores. Callers keep results by index and merge them in index
// order, so what they produce does not depend on the number of threads.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace patsel::compile::detail {

/// The threads a parallel pass uses: the cores, at most 8.
inline unsigned worker_count() { return std::max(1u, std::min(8u, std::thread::hardware_concurrency())); }

/// Calls `work(i)` once for each i in [0, count), on up to worker_count()
/// threads (the caller's among them), and returns when all are done. An
/// exception thrown by `work` (running out of memory) stops the other
/// items from starting and is thrown again here, on the caller's thread.
template <class Work>
void parallel_for(std::size_t count, Work work) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto run = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard<std::mutex> hold(failure_lock);
        if (!failure) failure = std::current_exception();
        next = count;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < worker_count() && t < count; ++t) pool.emplace_back(run);
  run();
  for (std::thread& thread : pool) thread.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace patsel::compile::detail

#include "sweep/local.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace tpegen::sweep {

bool run_local(const std::filesystem::path& exe, const std::filesystem::path& work, const std::vector<PointJob>& jobs,
               int parallel, std::vector<Result>& results, size_t done) {
  std::mutex mu;
  std::atomic<size_t> next{0};
  std::atomic<bool> interrupted{false};
  auto worker = [&] {
    for (;;) {
      if (interrupted) return;
      const size_t j = next++;
      if (j >= jobs.size()) return;
      bool stopped = false;
      const Result r = run_point(exe, work, jobs[j], &stopped);
      if (stopped) interrupted = true;
      std::lock_guard<std::mutex> lock(mu);
      results[jobs[j].index] = r;
      print_progress(++done, results.size(), r);
    }
  };
  std::vector<std::thread> threads;
  const size_t nthreads = std::min(jobs.size(), static_cast<size_t>(parallel));
  for (size_t t = 0; t < nthreads; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  return !interrupted;
}

}  // namespace tpegen::sweep

// One point of `tpegen sweep`: what runs it (`tpegen synth --json` into WORK/points/NAME*) and
// how its result reaches the cache and the progress line, shared by every executor.
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "sweep/run_keys.hpp"
#include "sweep/sweep.hpp"

namespace tpegen::sweep {


/// Everything a point's synth run needs, independent of the sweep that planned it.
struct PointJob {
  std::string name;
  nlohmann::json design;  // the design keys (written to points/NAME.config.json)
  nlohmann::json run;     // the point's own run keys (kept in its result)
  RunSettings settings;
  std::string liberty;    // "" for --no-liberty
  bool timing = false;
  std::string key;
  CacheInputs inputs;
  size_t index = 0;       // into the sweep's results
};

/// Runs the point's synth with `exe` (the tpegen binary) in WORK/points and, when it succeeds,
/// writes WORK/cache/<key>.json atomically. Returns the result (failed with the reason
/// otherwise); *interrupted is set when the run was stopped by a signal.
Result run_point(const std::filesystem::path& exe, const std::filesystem::path& work, const PointJob& job,
                        bool* interrupted);

/// The last "error:" line of a log (without "tpegen: error: "), "" when there is none.
std::string last_error_line(const std::filesystem::path& log);

/// "[done/n] NAME: area .. µm², fmax .. MHz" (or FAILED: reason), flushed.
void print_progress(size_t done, size_t n, const Result& r, const std::string& suffix = "");

}  // namespace tpegen::sweep

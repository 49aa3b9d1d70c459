// The local executor of `tpegen sweep`: child `tpegen synth` processes, -j at a time.
#pragma once

#include <filesystem>
#include <vector>

#include "sweep/point.hpp"

namespace tpegen::sweep {

/// Runs every job (results[job.index] gets its result), printing progress as points finish;
/// `done` counts the points already reported (cached ones). Returns false when interrupted.
bool run_local(const std::filesystem::path& exe, const std::filesystem::path& work, const std::vector<PointJob>& jobs,
               int parallel, std::vector<Result>& results, size_t done);

}  // namespace tpegen::sweep

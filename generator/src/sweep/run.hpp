// Running a sweep's points: the plan (each point's cache key; cached points reused), the
// executor (child processes -j at a time, or one Slurm job array), and the reports
// (results.csv, results.md, the plots) with the exit status saying whether all points ran.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "sweep/expand.hpp"
#include "sweep/result.hpp"
#include "sweep/run_keys.hpp"
#include "sweep/slurm.hpp"
#include "synth/tools.hpp"
#include "util/work_lock.hpp"

namespace tpegen::sweep {

struct RunOptions {
  RunSettings defaults;      // every point's run settings before its own run keys
  bool no_timing = false;    // --no-timing (an FPGA point's timing is nextpnr's)
  int jobs = 2;              // local executor: points in parallel
  std::string executor = "local";  // local | slurm
  SlurmOptions slurm;
  bool no_wait = false, collect = false, dry_run = false;
  std::string config;        // the sweep file, named in the --no-wait hint
};

/// The sweep's work folder (--work, claimed and locked: one sweep at a time) and output
/// folder (-o, default WORK/out), with WORK/cache and WORK/points.
struct SweepDirs {
  std::filesystem::path work, out;
  std::unique_ptr<WorkLock> lock;  // held until the sweep ends: a second sweep would share points/<name>
};
SweepDirs claim_dirs(const std::string& work_flag, const std::string& out_flag, bool dry_run);

/// Per point, before anything runs: run keys that contradict each other, and Icarus Verilog
/// for gate-level activity (ConfigError, one line).
void check_points(const std::vector<Point>& points, const RunSettings& defaults, const synth::SynthTools& tools);

/// Plans, runs and reports the points in `work` (claimed and locked by the caller) into `out`.
/// Throws ExitStatus{1} when a point failed, ExitStatus{130} when interrupted.
void run(const std::vector<Point>& points, const synth::SynthTools& tools, const std::filesystem::path& work,
         const std::filesystem::path& out, const RunOptions& o, const BaselineOf& baseline_of);

}  // namespace tpegen::sweep

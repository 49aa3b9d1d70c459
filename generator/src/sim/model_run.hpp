// Building and running the Verilated regression model of `tpegen sim`, with the terminal
// kept readable: a progress line while the model compiles, the per-trial SUCCESS lines in a
// log only, and a Ctrl-C answered with one line of what had been checked (exit 130) instead
// of the tools' own reactions to it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tpegen::sim {

struct ModelRun {
  std::vector<std::string> build;   // the Verilator --build command
  std::filesystem::path build_dir;  // its working directory
  std::filesystem::path build_log;  // its output
  std::vector<std::string> run;     // the built model with its arguments
  std::filesystem::path run_log;    // every line the model prints
};

/// Trials counted from the harness's "SUCCESS: trial" and "FAIL: trial T: N of" lines.
struct TrialCount {
  int passed = 0;
  int failed = 0;
  /// Counts `line` when it opens a trial's verdict; true for a SUCCESS line.
  bool count(const std::string& line);
};

/// Builds and runs the model; returns the model's exit status (0: every GEMM matched).
/// Throws std::runtime_error naming the log when the build fails, and ExitStatus{130}
/// after printing "tpegen: interrupted after N trials, M passed" on SIGINT or SIGTERM.
int build_and_run(const ModelRun& m);

}  // namespace tpegen::sim

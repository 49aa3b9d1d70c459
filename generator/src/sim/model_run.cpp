#include "sim/model_run.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "util/run.hpp"

namespace tpegen::sim {
namespace {

constexpr double kDotSeconds = 5;

// Verilator's own messages (%Warning-..., %Error...: a lint warning under sim --lint, a syntax
// error) are what a failed build's reader needs first; the compiler's output stays in the log.
void print_verilator_messages(const std::filesystem::path& log) {
  constexpr int kMaxLines = 20;
  std::ifstream in(log);
  std::string line;
  int shown = 0;
  while (shown < kMaxLines && std::getline(in, line))
    if (line.rfind("%Warning", 0) == 0 || line.rfind("%Error", 0) == 0) {
      std::fprintf(stderr, "%s\n", line.c_str());
      ++shown;
    }
}

// The build's progress on one line: a dot every kDotSeconds, then its time.
void build_model(const ModelRun& m, bool& mid_line) {
  fmt::print("tpegen: compiling the model (Verilator, then the C++ compiler; a dot every {:g} s) ", kDotSeconds);
  std::fflush(stdout);
  mid_line = true;
  int dots = 0;
  const auto start = std::chrono::steady_clock::now();
  const int status = run_program(m.build, m.build_dir, m.build_log, [&](double seconds) {
    for (; dots < static_cast<int>(seconds / kDotSeconds); ++dots) {
      std::fputc('.', stdout);
      std::fflush(stdout);
    }
  });
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("{}{}\n", dots > 0 ? " " : "", status == 0 ? fmt::format("done in {:.0f} s", seconds) : "failed");
  mid_line = false;
  if (status != 0) {
    print_verilator_messages(m.build_log);
    throw std::runtime_error("Verilator build failed; see " + m.build_log.string());
  }
}

}  // namespace

bool TrialCount::count(const std::string& line) {
  int trial = 0, total = 0;
  long bad = 0;
  if (std::sscanf(line.c_str(), "SUCCESS: trial %d:", &trial) == 1) {
    ++passed;
    return true;
  }
  if (std::sscanf(line.c_str(), "FAIL: trial %d: %ld of %d", &trial, &bad, &total) == 3) ++failed;
  return false;
}

int build_and_run(const ModelRun& m) {
  const InterruptScope interrupts;
  bool mid_line = false;
  TrialCount trials;
  try {
    build_model(m, mid_line);
    std::ofstream log(m.run_log);
    if (!log) throw std::runtime_error("cannot write " + m.run_log.string());
    fmt::print("tpegen: running the model; every trial's line in {}\n", m.run_log.string());
    std::fflush(stdout);
    const int status = run_lines(m.run, [&](const std::string& line) {
      log << line << '\n';
      if (trials.count(line)) return;  // a hundred of them would hide the rest
      fmt::print("{}\n", line);
      std::fflush(stdout);
    });
    return status;
  } catch (const Interrupted&) {
    if (mid_line) fmt::print("\n");
    const int run = trials.passed + trials.failed;
    fmt::print("tpegen: interrupted after {} trial{}, {} passed{}\n", run, run == 1 ? "" : "s", trials.passed,
               trials.failed ? fmt::format(", {} failed", trials.failed) : "");
    std::fflush(stdout);
    throw ExitStatus{130};
  }
}

}  // namespace tpegen::sim

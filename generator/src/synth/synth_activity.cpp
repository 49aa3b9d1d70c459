#include "synth/synth_activity.hpp"

#include <fstream>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "util/run.hpp"
#include "util/text_file.hpp"
#include "util/work_dir.hpp"

namespace fs = std::filesystem;

namespace tpegen::synth {

void check_duty(int duty, const char* flag) {
  if (duty < 1 || duty > 100) throw ConfigError(fmt::format("invalid {} = {}: valid range is 1..100", flag, duty));
}

void check_workload(const ActivityWorkload& w) {
  check_duty(w.duty, "--activity-duty");
  if (w.trials < 1 || w.trials > 1000)
    throw ConfigError(fmt::format("invalid --activity-trials = {}: valid range is 1..1000", w.trials));
  check_activity_dist(w.dist);
}

SimActivity measure_activity(const fs::path& exe, const nlohmann::json& config, const nlohmann::json& manifest,
                             const fs::path& work, const ActivityWorkload& w, bool keep_vcd) {
  const fs::path dir = work / "activity";
  fs::create_directories(dir);
  const fs::path cfg = dir / "config.json", vcd = dir / "run.vcd";
  SimActivity r;
  r.log = dir / "sim.log";
  r.dist = w.dist;
  r.trials = w.trials;
  r.duty_percent = w.duty;
  write_work_file(cfg, config.dump(2) + "\n", "--work");
  fs::remove(vcd);
  // --build-opt 0: the run is short, so the C++ build dominates.
  const TimedRun run = run_timed({exe.string(), "sim", "--config", cfg.string(), "--trials", std::to_string(w.trials),
                                  "--min-cycles", std::to_string(w.min_cycles), "--dist", w.dist, "--duty",
                                  std::to_string(w.duty), "--seed",
                                  std::to_string(w.seed), "--build-opt", "0", "--work", (dir / "sim").string(),
                                  "--vcd", vcd.string()},
                                 {}, r.log);
  r.seconds = run.seconds;
  const int status = run.status;
  const std::string log = read_text_or_empty(r.log);
  if (status != 0)
    throw std::runtime_error(fmt::format("the activity simulation failed (exit status {}); see {}", status,
                                         r.log.string()));
  uint64_t cycles = 0;
  if (!parse_activity_window(log, cycles, r.macs) || cycles == 0 || r.macs == 0)
    throw std::runtime_error("no \"activity window:\" line in " + r.log.string());
  const nlohmann::json timing = manifest.value("timing", nlohmann::json::object());
  r.peak_macs_per_cycle = timing.value("peak_macs_per_cycle", timing.value("macs_per_cycle", 0.0));
  std::vector<std::string> inputs;
  for (const auto& p : manifest.at("ports"))
    if (p.at("dir") == "in") inputs.push_back(p.at("name").get<std::string>());
  std::ifstream vin(vcd);
  if (!vin) throw std::runtime_error("the activity simulation wrote no " + vcd.string());
  r.estimate = estimate_activity(parse_vcd(vin), cycles, inputs);
  vin.close();
  if (keep_vcd)
    r.vcd = vcd;
  else
    fs::remove(vcd);
  return r;
}

}  // namespace tpegen::synth

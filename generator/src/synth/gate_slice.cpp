#include "synth/gate_slice.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "arch/registry.hpp"
#include "arch/resolve.hpp"
#include "output/design_files.hpp"
#include "util/run.hpp"
#include "util/text_file.hpp"
#include "util/work_dir.hpp"

namespace fs = std::filesystem;

namespace tpegen::synth {

DesignConfig slice_config(const DesignConfig& c, int n) {
  const ArchDescriptor& arch = find_arch(c.arch);
  DesignConfig s = c;
  if (arch.rows.used) s.rows = std::min(c.rows, n);
  if (arch.cols.used) s.cols = std::min(c.cols, n);
  if (arch.depth.used) s.depth = std::min(c.depth, n);
  return resolve(s);
}

GateReport run_gate_slice(const DesignConfig& slice, const SliceRun& run) {
  fs::create_directories(run.work);
  const fs::path cfg = run.work / "slice_config.json", json = run.work / "slice_report.json",
                 log = run.work / "slice_synth.log";
  write_work_file(cfg, config_to_json(slice).dump(2) + "\n", "--work");
  fs::remove(json);
  const int status = run_program(
      {run.exe.string(), "synth", "--config", cfg.string(), "--liberty", run.liberty.string(), "--clock-period",
       fmt::format("{}", run.clock_period_ns), "--activity", "gate", "--gate-delay", run.gate_delay,
       "--activity-dist", run.workload.dist, "--activity-trials", std::to_string(run.workload.trials),
       "--activity-duty", std::to_string(run.workload.duty), "--work", (run.work / "synth").string(), "--json",
       json.string()},
      {}, log);
  std::ifstream in(json);
  if (status != 0 || !in)
    throw std::runtime_error("the gate-level run of the slice " + canonical_name(slice) + " failed; see " +
                             log.string());
  auto g = gate_from_json(nlohmann::json::parse(in));
  if (!g) throw std::runtime_error("the slice's report " + json.string() + " has no gate-level energy");
  g->slice = top_name(slice);
  return *g;
}

}  // namespace tpegen::synth

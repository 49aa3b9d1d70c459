#include "synth/asic_flow.hpp"

#include <algorithm>
#include <cstdio>
#include <system_error>

#include <fmt/format.h>

#include "arch/registry.hpp"  // top_name
#include "liberty/cache.hpp"
#include "synth/asic_run.hpp"
#include "synth/asic_summary.hpp"
#include "synth/gate_slice.hpp"
#include "synth/sta_flow.hpp"
#include "util/work_dir.hpp"

namespace fs = std::filesystem;

namespace tpegen::synth {

fs::path link_into_work(const fs::path& work, const fs::path& liberty) {
  const fs::path name = "cells.lib";
  std::error_code ec;
  fs::remove(work / name, ec);
  fs::create_symlink(fs::absolute(liberty), work / name, ec);
  if (ec)
    throw ConfigError(fmt::format("invalid --work = '{}': cannot link the liberty file into it: {}", work.string(),
                                  ec.message()));
  return name;
}

void run_asic_flow(const DesignConfig& c, const DesignFiles& files, const SynthTools& tools, const AsicFlowOptions& o) {
  const LibertyChoice& lib = tools.lib;
  const bool timing = tools.timing;
  const fs::path& work = o.work;
  const std::vector<std::string>& rtl = o.rtl;
  // The tools see the liberty file under a plain name in the work folder (link_into_work).
  const fs::path tool_liberty = lib.path.empty() ? fs::path() : link_into_work(work, lib.path);
  const bool has_clock_gate =
      std::any_of(rtl.begin(), rtl.end(), [](const std::string& f) { return fs::path(f).stem() == "tpe_clock_gate"; });
  const std::string clock_gate_map = has_clock_gate ? clock_gate_map_for(lib.path) : std::string();
  write_work_file(work / "synth.ys", yosys_script({files.top, rtl, tool_liberty, std::nullopt, "", clock_gate_map}),
                  "--work");

  fmt::print("tpegen: synthesizing {} with Yosys in {}\n", files.top, work.string());
  if (lib.path.empty() && !o.no_liberty)
    fmt::print("tpegen: note: {}; reporting generic cells only (give --liberty FILE for area)\n", lib.origin);
  else if (!lib.path.empty())
    fmt::print("tpegen: liberty ({}): {}{}\n", lib.origin, lib.name.empty() ? "" : lib.name + ", ", lib.path.string());
  std::fflush(stdout);

  SynthResult r = run_yosys(work, tool_liberty);
  r.macs_per_cycle = files.manifest.value("timing", nlohmann::json::object()).value("macs_per_cycle", 0.0);
  fmt::print("tpegen: yosys took {:.1f} s; log, script and reports in {}\n", r.yosys_seconds, work.string());
  if (timing) {
    std::optional<SimActivity> sim;
    // The slice's own run measures the gate level; the design's trace is not needed then.
    if (o.activity != "static") {
      fmt::print("tpegen: simulating {} trials ({}, {} % of cycles with data) for switching activity\n",
                 o.workload.trials, o.workload.dist, o.workload.duty);
      std::fflush(stdout);
      sim = measure_activity(fs::read_symlink("/proc/self/exe"), config_to_json(c), files.manifest, work, o.workload,
                             o.activity == "gate" && !o.slice);
      fmt::print("tpegen: activity simulation took {:.1f} s: {:.4f} toggles per bit per cycle over the {} of {} "
                 "bits that toggle, {} cycles; log in {}\n",
                 sim->seconds, sim->estimate.global, sim->estimate.active_bits, sim->estimate.bits,
                 sim->estimate.cycles, sim->log.string());
    }
    std::fflush(stdout);
    r.timing = run_sta(work, tool_liberty, lib.path.empty() ? std::nullopt : find_sta_profile(*liberty::load_library(lib.path)), files.top,
                       o.clock_period_ns, std::move(sim));
    fmt::print("tpegen: OpenSTA took {:.1f} s ({}); log in {}\n", r.timing->sta_seconds,
               r.timing->profile ? fmt::format("inputs driven by {}, outputs load {:g}", r.timing->profile->drive_cell,
                                               r.timing->profile->output_load)
                                 : std::string("unknown library: ideal inputs, no output load"),
               (work / kStaLogFile).string());
    buffer_high_fanout(work, rtl, files.top, tool_liberty, clock_gate_map, r);
    if (o.activity == "gate" && o.slice) {
      fmt::print("tpegen: gate-level activity on the slice {} (every dimension at most {}) in {}\n", top_name(*o.slice),
                 o.gate_slice, (work / "slice").string());
      std::fflush(stdout);
      r.gate = run_gate_slice(*o.slice, {fs::read_symlink("/proc/self/exe"), work / "slice", lib.path, o.clock_period_ns,
                                   o.gate_delay, o.workload});
      fmt::print("tpegen: the slice's gate-level simulation took {:.1f} s\n", r.gate->seconds);
    } else if (o.activity == "gate") {
      run_gate_level(work, tool_liberty, files.top, files.manifest.at("ports"), o.gate_delay == "liberty", r);
    }
  } else {
    r.timing_skipped = o.no_timing ? "--no-timing" : lib.origin == "--no-liberty" ? "--no-liberty" : "no liberty file";
    fs::remove(work / kStaLogFile);  // no stale report from an earlier run in the same --work
  }
  if (timing && o.fmax_search > 0) search_fmax(o.fmax_search, work, rtl, files.top, tool_liberty, clock_gate_map, r);
  const SynthReport report = asic_report(config_to_json(c), files.top, work, lib, r);
  if (!o.json.empty()) write_work_file(o.json, to_json(report).dump(2) + "\n", "--json");
  fmt::print("{}", asic_summary(report));
}

}  // namespace tpegen::synth

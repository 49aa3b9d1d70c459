// `tpegen synth`: the command line. It checks the flags, generates the design into a work
// directory and hands it to the ASIC flow (synth/asic_run: Yosys, OpenSTA, fmax search,
// the report and its "key: value" summary) or an FPGA flow (synth/fpga_run); --json writes
// the report (synth/synth_report).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/design_flags.hpp"
#include "cli/gate_slice.hpp"
#include "cli/help_format.hpp"
#include "cli/synth_tools.hpp"
#include "cli/synth_activity.hpp"
#include "synth/activity.hpp"
#include "synth/asic_run.hpp"
#include "synth/asic_summary.hpp"
#include "synth/fpga_flow.hpp"
#include "synth/fpga_run.hpp"
#include "output/design_files.hpp"
#include "output/dir_writer.hpp"
#include "synth/sta_flow.hpp"
#include "synth/synth_flow.hpp"
#include "util/paths.hpp"
#include "util/run.hpp"
#include "util/text_file.hpp"
#include "util/work_dir.hpp"

namespace fs = std::filesystem;

namespace tpegen::cli {
namespace {

struct SynthOptions {
  DesignFlags design;
  SynthRunFlags run;  // shared with sweep
  std::string work;
  std::string json;
  ActivityWorkload workload;
  std::string target = "asic";  // asic | ice40 | ecp5 | xilinx7 | gowin (synth/fpga_run.hpp)
  std::string device;           // iCE40 part for nextpnr (up5k when empty)
  int gate_slice = 0;           // --activity gate on the design with its dimensions capped (0: whole)
};

// --work as given, or a fresh directory under the system temp dir (never reused, so
// two runs cannot overwrite each other's reports).
fs::path make_work_dir(const std::string& given, const std::string& top) {
  if (!given.empty()) return claim_work_dir(given, "--work");
  std::string tmpl = (fs::temp_directory_path() / ("tpegen-synth-" + top + "-XXXXXX")).string();
  if (const char bad = unsafe_path_char(tmpl))
    throw ConfigError(fmt::format("the temporary folder {} contains '{}', which the tools cannot use: set TMPDIR to "
                                  "another folder or give --work",
                                  fs::temp_directory_path().string(), bad));
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a work directory under " + tmpl);
  return tmpl;
}

// A symbolic link work/cells.lib to the liberty file (replacing an older one); returns its
// name relative to the work folder, the one the tools' scripts use.
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

// Writes the RTL to work/design and returns its Verilog files relative to `work`.
std::vector<std::string> write_design(const fs::path& work, const DesignFiles& files, const std::string& work_flag) {
  try {
    write_tree_atomically(work / "design", files.files, false);
  } catch (const ConfigError& e) {
    throw ConfigError(fmt::format("invalid --work = '{}': {}", work_flag, e.what()));
  }
  std::vector<std::string> rtl;
  for (const auto& [rel, text] : files.files)
    if (rel.rfind("rtl/", 0) == 0) rtl.push_back("design/" + rel);
  return rtl;
}

// Checked before Yosys runs, so that a typo in --json does not waste a long synthesis.
void check_json_target(const std::string& json) {
  if (json.empty()) return;
  std::error_code ec;
  const fs::path dir = fs::absolute(json).parent_path();
  if (!fs::is_directory(dir, ec))
    throw ConfigError(fmt::format("invalid --json = '{}': the directory {} does not exist", json, dir.string()));
}

void run_synth(const SynthOptions& o) {
  const DesignConfig c = load_design(o.design);
  check_json_target(o.json);
  check_synth_run_flags(o.run);
  check_workload(o.workload);
  synth::check_gate_delay_activity(o.run.gate_delay, o.run.activity);
  synth::check_gate_slice(o.gate_slice, o.run.activity);
  // The slice is resolved before the long synthesis of the whole design; none when it is the design.
  std::optional<DesignConfig> slice;
  if (o.gate_slice > 0) slice = slice_config(c, o.gate_slice);
  if (slice && *slice == c) slice.reset();
  synth::check_target(o.target, o.device);
  synth::check_fpga_options(o.target, o.run.fmax_search, o.run.activity);
  if (o.run.activity == "gate") require_tool("iverilog", "iverilog");
  if (o.target != "asic") {
    if (c.clock_gate)
      throw ConfigError(fmt::format("--clock-gate with --target {}: FPGA flip-flops have clock enables, which the "
                                    "design's enables map to; synthesize it without --clock-gate",
                                    o.target));
    const DesignFiles files = make_design_files(c);
    const fs::path work = make_work_dir(o.work, files.top);
    synth::run_fpga_synth({o.target, o.device, files.top, config_to_json(c), files.manifest.at("ports"), work,
                           write_design(work, files, o.work), o.run.clock_period_ns, !o.run.no_timing, o.json});
    return;
  }
  const SynthTools tools = synth::find_synth_tools(o.run.liberty, o.run.no_liberty, o.run.no_timing);
  const synth::LibertyChoice& lib = tools.lib;
  const bool timing = tools.timing;
  const DesignFiles files = make_design_files(c);
  const fs::path work = make_work_dir(o.work, files.top);
  const std::vector<std::string> rtl = write_design(work, files, o.work);
  // The tools see the liberty file under a plain name in the work folder: ABC splits its
  // script at ';' and Yosys/OpenSTA scripts would need quoting of ' ', '[', '$' and '"'.
  const fs::path tool_liberty = lib.path.empty() ? fs::path() : link_into_work(work, lib.path);
  const bool has_clock_gate =
      std::any_of(rtl.begin(), rtl.end(), [](const std::string& f) { return fs::path(f).stem() == "tpe_clock_gate"; });
  const std::string clock_gate_map = has_clock_gate ? synth::clock_gate_map_for(lib.path) : std::string();
  write_work_file(work / "synth.ys", synth::yosys_script({files.top, rtl, tool_liberty, std::nullopt, "", clock_gate_map}),
                  "--work");

  fmt::print("tpegen: synthesizing {} with Yosys in {}\n", files.top, work.string());
  if (lib.path.empty() && !o.run.no_liberty)
    fmt::print("tpegen: note: {}; reporting generic cells only (give --liberty FILE for area)\n", lib.origin);
  else if (!lib.path.empty())
    fmt::print("tpegen: liberty ({}): {}{}\n", lib.origin, lib.name.empty() ? "" : lib.name + ", ", lib.path.string());
  std::fflush(stdout);

  synth::SynthResult r = synth::run_yosys(work, tool_liberty);
  r.macs_per_cycle = files.manifest.value("timing", nlohmann::json::object()).value("macs_per_cycle", 0.0);
  fmt::print("tpegen: yosys took {:.1f} s; log, script and reports in {}\n", r.yosys_seconds, work.string());
  if (timing) {
    std::optional<SimActivity> sim;
    // The slice's own run measures the gate level; the design's trace is not needed then.
    if (o.run.activity != "static") {
      fmt::print("tpegen: simulating {} trials ({}, {} % of cycles with data) for switching activity\n",
                 o.workload.trials, o.workload.dist, o.workload.duty);
      std::fflush(stdout);
      sim = measure_activity(fs::read_symlink("/proc/self/exe"), config_to_json(c), files.manifest, work, o.workload,
                             o.run.activity == "gate" && !slice);
      fmt::print("tpegen: activity simulation took {:.1f} s: {:.4f} toggles per bit per cycle over the {} of {} "
                 "bits that toggle, {} cycles; log in {}\n",
                 sim->seconds, sim->estimate.global, sim->estimate.active_bits, sim->estimate.bits,
                 sim->estimate.cycles, sim->log.string());
    }
    std::fflush(stdout);
    r.timing = synth::run_sta(work, tool_liberty, synth::find_sta_profile(read_text_or_empty(lib.path)), files.top,
                       o.run.clock_period_ns, std::move(sim));
    fmt::print("tpegen: OpenSTA took {:.1f} s ({}); log in {}\n", r.timing->sta_seconds,
               r.timing->profile ? fmt::format("inputs driven by {}, outputs load {:g}", r.timing->profile->drive_cell,
                                               r.timing->profile->output_load)
                                 : std::string("unknown library: ideal inputs, no output load"),
               (work / synth::kStaLogFile).string());
    synth::buffer_high_fanout(work, rtl, files.top, tool_liberty, clock_gate_map, r);
    if (o.run.activity == "gate" && slice) {
      fmt::print("tpegen: gate-level activity on the slice {} (every dimension at most {}) in {}\n", top_name(*slice),
                 o.gate_slice, (work / "slice").string());
      std::fflush(stdout);
      r.gate = run_gate_slice(*slice, {fs::read_symlink("/proc/self/exe"), work / "slice", lib.path, o.run.clock_period_ns,
                                   o.run.gate_delay, o.workload});
      fmt::print("tpegen: the slice's gate-level simulation took {:.1f} s\n", r.gate->seconds);
    } else if (o.run.activity == "gate") {
      synth::run_gate_level(work, tool_liberty, files.top, files.manifest.at("ports"), o.run.gate_delay == "liberty", r);
    }
  } else {
    r.timing_skipped = o.run.no_timing ? "--no-timing" : lib.origin == "--no-liberty" ? "--no-liberty" : "no liberty file";
    fs::remove(work / synth::kStaLogFile);  // no stale report from an earlier run in the same --work
  }
  if (timing && o.run.fmax_search > 0) synth::search_fmax(o.run.fmax_search, work, rtl, files.top, tool_liberty, clock_gate_map, r);
  const synth::SynthReport report = synth::asic_report(config_to_json(c), files.top, work, lib, r);
  if (!o.json.empty()) write_work_file(o.json, to_json(report).dump(2) + "\n", "--json");
  fmt::print("{}", synth::asic_summary(report));
}

}  // namespace

void setup_synth(CLI::App& app) {
  auto o = std::make_shared<SynthOptions>();
  add_design_flags(app, o->design);
  add_from_flag(app, o->design, ", and its clock period unless --clock-period is given");
  add_synth_run_flags(app, o->run, false);
  app.add_option("--work", o->work,
                 "directory for the RTL, Yosys script, log, reports and netlist (default: a fresh one under "
                 "the system temp dir)");
  app.add_option("--json", o->json, "also write the results as JSON to this file");
  app.add_option("--target", o->target,
                 "asic (default: liberty cells, OpenSTA) or an FPGA family mapped by Yosys's own synth_* command: "
                 "ice40 (then placed and routed with nextpnr-ice40), ecp5, xilinx7, gowin; reports LUT/FF/carry/"
                 "DSP/BRAM counts")
      ->type_name(one_of(synth::kSynthTargets));
  app.add_option("--device", o->device, "with --target ice40: up5k (default; DSP blocks used) or hx8k (no DSP)")
      ->type_name(one_of(synth::kIce40Devices));
  app.add_option("--gate-slice", o->gate_slice,
                 "with --activity gate: measure the gate-level energy on a slice, the design with every dimension "
                 "capped at N (for arrays too large to simulate at gate level; the report names the slice)");
  app.add_option("--activity-dist", o->workload.dist, "operands of the activity run (default normal:0:30)");
  app.add_option("--activity-duty", o->workload.duty,
                 "percent of the activity run's cycles that carry data, 1..100 (default 100; see tpegen sim --duty)");
  app.add_option("--activity-trials", o->workload.trials, "random GEMMs in the activity run, 1..1000 (default 3)");
  app.callback([o, &app] {
    // --from: the clock of the folder's SDC unless --clock-period is given.
    if (app.get_option("--clock-period")->count() == 0)
      if (const std::optional<double> period = from_clock_period(o->design)) o->run.clock_period_ns = *period;
    run_synth(*o);
  });
}

}  // namespace tpegen::cli

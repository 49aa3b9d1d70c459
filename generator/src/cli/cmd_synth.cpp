// `tpegen synth`: the command line. It checks the flags, generates the design into a work
// directory and hands it to the ASIC flow (synth/asic_flow: Yosys, OpenSTA, fmax search,
// the report and its "key: value" summary) or an FPGA flow (synth/fpga_run); --json writes
// the report (synth/synth_report). --from a folder of tpegen arith: cli/synth_arith.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/design_flags.hpp"
#include "cli/from_dir_flags.hpp"
#include "cli/help_format.hpp"
#include "cli/synth_arith.hpp"
#include "cli/synth_tools.hpp"
#include "output/design_files.hpp"
#include "output/dir_writer.hpp"
#include "synth/activity.hpp"
#include "synth/asic_flow.hpp"
#include "synth/fpga_flow.hpp"
#include "synth/fpga_run.hpp"
#include "synth/gate_slice.hpp"
#include "util/run.hpp"
#include "util/tools.hpp"
#include "util/work_dir.hpp"

namespace fs = std::filesystem;

namespace tpegen::cli {
namespace {

struct SynthOptions {
  DesignFlags design;
  SynthRunFlags run;  // shared with sweep
  ArithSynthFlags arith;  // --from a tpegen arith folder (cli/synth_arith)
  std::string work;
  std::string json;
  synth::ActivityWorkload workload;
  std::string target = "asic";  // asic | ice40 | ecp5 | xilinx7 | gowin (synth/fpga_run.hpp)
  std::string device;           // iCE40 part for nextpnr (up5k when empty)
  int gate_slice = 0;           // --activity gate on the design with its dimensions capped (0: whole)
};

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
  check_synth_run_flags(o.run);
  synth::check_workload(o.workload);
  synth::check_gate_delay_activity(o.run.gate_delay, o.run.activity);
  synth::check_gate_slice(o.gate_slice, o.run.activity);
  // The slice is resolved before the long synthesis of the whole design; none when it is the design.
  std::optional<DesignConfig> slice;
  if (o.gate_slice > 0) slice = synth::slice_config(c, o.gate_slice);
  if (slice && *slice == c) slice.reset();
  synth::check_target(o.target, o.device);
  synth::check_fpga_options(o.target, o.run.fmax_search, o.run.activity);
  if (o.run.activity == "gate") require_tool(Tool::Iverilog);
  if (o.target != "asic") {
    if (c.clock_gate)
      throw ConfigError(fmt::format("--clock-gate with --target {}: FPGA flip-flops have clock enables, which the "
                                    "design's enables map to; synthesize it without --clock-gate",
                                    o.target));
    const DesignFiles files = make_design_files(c);
    const fs::path work = make_work_dir(o.work, "tpegen-synth-" + files.top);
    synth::run_fpga_synth({o.target, o.device, files.top, config_to_json(c), files.manifest.at("ports"), work,
                           write_design(work, files, o.work), o.run.clock_period_ns, !o.run.no_timing, o.json});
    return;
  }
  const synth::SynthTools tools = synth::find_synth_tools(o.run.liberty, o.run.no_liberty, o.run.no_timing);
  const DesignFiles files = make_design_files(c);
  const fs::path work = make_work_dir(o.work, "tpegen-synth-" + files.top);
  synth::run_asic_flow(c, files, tools,
                       {work, write_design(work, files, o.work), o.json, o.run.no_liberty, o.run.no_timing, o.run.clock_period_ns,
                        o.run.fmax_search, o.run.activity, o.run.gate_delay, o.workload, o.gate_slice, slice});
}

}  // namespace

void setup_synth(CLI::App& app) {
  auto o = std::make_shared<SynthOptions>();
  add_design_flags(app, o->design);
  add_from_flag(app, o->design,
                ", and its clock period unless --clock-period is given (or a folder written by tpegen arith: its "
                "component synthesized flat and timed input to output, area_um2 and delay_ns; see --yosys)");
  add_synth_run_flags(app, o->run, false);
  add_arith_synth_flags(app, o->arith);
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
    check_json_target(o->json);
    if (run_arith_synth(app, o->design.from_dir, o->run.liberty, o->work, o->json, o->arith)) return;
    // --from: the clock of the folder's SDC unless --clock-period is given.
    if (app.get_option("--clock-period")->count() == 0)
      if (const std::optional<double> period = from_clock_period(o->design)) o->run.clock_period_ns = *period;
    run_synth(*o);
  });
}

}  // namespace tpegen::cli

#include "synth/asic_run.hpp"

#include <cstdio>
#include <stdexcept>

#include <fmt/format.h>

#include "config/design_config.hpp"
#include "liberty/cache.hpp"
#include "liberty/error.hpp"
#include "synth/gate_activity.hpp"
#include "synth/liberty_power.hpp"
#include "util/paths.hpp"
#include "util/run.hpp"
#include "util/text_file.hpp"
#include "util/work_dir.hpp"

namespace fs = std::filesystem;

namespace tpegen::synth {
namespace {

StatReport read_stat(const fs::path& p, bool want_area) {
  const StatReport r = parse_stat(read_text_or_empty(p));
  if (r.cells < 0 || (!want_area && r.transistors < 0) || (want_area && !r.area_um2))
    throw std::runtime_error("cannot read the Yosys statistics in " + p.string());
  return r;
}

// Energy of the simulated run at the STA clock period, divided by its useful MACs.
double energy_per_mac_pj(const TimingResult& t) {
  return *t.report.power_w * t.period_ns * 1e-9 * static_cast<double>(t.sim->estimate.cycles) /
         static_cast<double>(t.sim->macs) * 1e12;
}

ReportPath report_path(const StaPath& p) { return {p.arrival_ns, p.slack_ns, p.startpoint, p.endpoint}; }

void add_timing(const TimingResult& t, SynthReport& j) {
  j.clock_period_ns = t.period_ns;
  j.worst = report_path(t.worst);
  j.worst_group = t.worst.group;
  j.wns_ns = t.report.wns_ns;
  j.tns_ns = t.report.tns_ns;
  j.fmax_mhz = 1000.0 / met_period_ns(t);
  j.fmax_definition = kFmaxDefinition;
  j.power_mw = *t.report.power_w * 1e3;
  j.power_breakdown_mw = {{"internal", t.report.internal_w.value_or(0) * 1e3},
                          {"switching", t.report.switching_w.value_or(0) * 1e3},
                          {"leakage", t.report.leakage_w.value_or(0) * 1e3}};
  j.activity_source = t.sim ? "sim" : "static";
  j.activity = t.sim ? t.sim->estimate.global : kDefaultActivity;
  j.input_activity = t.sim ? t.sim->estimate.input : kDefaultInputActivity;
  if (t.sim) {
    j.activity_detail = {{"activity_ports", t.sim->estimate.ports},
                         {"activity_bits", t.sim->estimate.bits},
                         {"activity_active_bits", t.sim->estimate.active_bits},
                         {"activity_sim", {{"cycles", t.sim->estimate.cycles},
                                           {"macs", t.sim->macs},
                                           {"seconds", t.sim->seconds},
                                           {"dist", t.sim->dist},
                                           {"trials", t.sim->trials},
                                           {"duty_percent", t.sim->duty_percent},
                                           {"log", t.sim->log.string()}}}};
    j.energy_per_mac_pj = energy_per_mac_pj(t);
    j.utilization = workload_utilization(t.sim->macs, t.sim->estimate.cycles, t.sim->peak_macs_per_cycle);
  }
  if (t.profile) {
    j.drive_cell = t.profile->drive_cell;
    j.output_load = t.profile->output_load;
  }
  for (const StaPath& p : t.report.paths) j.path_groups[p.group] = report_path(p);
}

}  // namespace

double met_period_ns(const TimingResult& t) {
  for (const StaPath& p : t.report.paths)
    if (p.group == "reg2reg") return t.period_ns - p.slack_ns;
  return t.period_ns - t.worst.slack_ns;
}

SynthResult run_yosys(const fs::path& work, const fs::path& liberty) {
  for (const char* f : {kGenericStatFile, kLibertyStatFile, kNetlistFile})
    fs::remove(work / f);  // a failed run must not report the previous run's numbers
  const fs::path log = work / "yosys.log";
  const TimedRun run = run_timed({"yosys", "-s", "synth.ys"}, work, log);
  SynthResult r;
  r.yosys_seconds = run.seconds;
  if (run.status != 0) {
    const std::string err = first_error_line(read_text_or_empty(log));
    throw std::runtime_error(fmt::format("yosys failed (exit status {}){}; see {}", run.status,
                                         err.empty() ? "" : ": " + err, log.string()));
  }
  r.generic = read_stat(work / kGenericStatFile, false);
  if (!liberty.empty()) r.lib = read_stat(work / kLibertyStatFile, true);
  return r;
}

StaRun run_sta_script(const fs::path& work) {
  const fs::path log = work / kStaLogFile;
  fs::remove(log);
  const TimedRun run = run_timed({"sta", "-no_splash", "-exit", kStaScriptFile}, work, log);
  StaRun r{parse_sta(read_text_or_empty(log)), run.seconds};
  // OpenSTA 2.0.17 exits 0 after errors, so its log decides.
  if (run.status != 0 || !r.report.errors.empty())
    throw std::runtime_error(fmt::format("OpenSTA failed{}{}; see {}",
                                         run.status != 0 ? fmt::format(" (exit status {})", run.status) : "",
                                         r.report.errors.empty() ? "" : ": " + r.report.errors.front(),
                                         log.string()));
  return r;
}

TimingResult run_sta(const fs::path& work, const fs::path& liberty, const std::optional<StaLibProfile>& profile,
                     const std::string& top, double period_ns, std::optional<SimActivity> sim) {
  TimingResult t;
  t.period_ns = period_ns;
  t.sim = std::move(sim);
  t.profile = profile;
  StaInputs in;
  in.liberty = liberty;
  in.netlist = kNetlistFile;
  in.top = top;
  in.period_ns = period_ns;
  in.profile = t.profile;
  if (t.sim) {
    in.activity = t.sim->estimate.global;
    in.input_activity = t.sim->estimate.input;
    in.port_activity = t.sim->estimate.ports;
    in.activity_note = fmt::format("measured: mean toggle rate of the RTL signals over {} simulated cycles",
                                   t.sim->estimate.cycles);
  }
  write_work_file(work / kStaScriptFile, sta_script(in), "--work");
  StaRun run = run_sta_script(work);
  t.report = std::move(run.report);
  t.sta_seconds = run.seconds;
  const StaPath* worst = t.report.worst();
  if (!worst || !t.report.power_w)
    throw std::runtime_error(fmt::format("cannot read the {} in the OpenSTA report {}",
                                         worst ? "total power" : "worst timing path",
                                         (work / kStaLogFile).string()));
  t.worst = *worst;
  return t;
}

void run_gate_level(const fs::path& work, const fs::path& liberty, const std::string& top, const nlohmann::json& ports,
                    bool liberty_delays, SynthResult& r) {
  const TimingResult& t = *r.timing;
  // The netlist the report's figures are of: the buffered one when there is one.
  const fs::path dir = r.unbuffered ? work / kBufferedDir : work;
  const fs::path lib = r.unbuffered ? fs::path("..") / liberty : liberty;
  GateRunInputs in{dir, lib, top, {}, t.sim->vcd, t.sim->macs,
                   t.period_ns, t.profile ? t.profile->output_load : 0};
  in.liberty_delays = liberty_delays;
  for (const auto& p : ports)
    in.ports.push_back({p.at("name").get<std::string>(), p.at("width").get<int>(), p.at("dir") == "in"});
  fmt::print("tpegen: gate-level activity: replaying {} cycles on the netlist in Icarus Verilog\n",
             t.sim->estimate.cycles);
  std::fflush(stdout);
  const GateActivity g = run_gate_activity(in);
  fs::remove(t.sim->vcd);
  fmt::print("tpegen: gate-level simulation took {:.1f} s; files in {}\n", g.sim_seconds, g.dir.string());
  if (g.mismatches)
    fmt::print("tpegen: warning: the netlist's outputs differ from the RTL run's in {} of {} cycles (handshake "
               "outputs, and data outputs while valid; see {}): its activity may not be the RTL run's\n",
               g.mismatches, g.cycles, (g.dir / "tb.v").string());
  r.gate = g.report();
  r.gate->utilization = workload_utilization(t.sim->macs, t.sim->estimate.cycles, t.sim->peak_macs_per_cycle);
}

std::string clock_gate_map_for(const fs::path& liberty) {
  if (liberty.empty()) return "";
  std::shared_ptr<const liberty::Library> lib;
  try {
    lib = liberty::load_library(liberty);
  } catch (const liberty::Error& e) {
    throw ConfigError(std::string("cannot read the liberty file: ") + e.what());
  }
  const auto cell = find_clock_gate_cell(read_liberty_power(*lib));
  if (!cell)
    throw ConfigError(fmt::format("--clock-gate: the liberty file {} has no usable integrated clock-gating cell "
                                  "(clock_gating_integrated_cell : latch_posedge, with clock, enable and output pins, "
                                  "not dont_use); synthesize without --clock-gate or give another --liberty",
                                  liberty.string()));
  return clock_gate_map_verilog(*cell);
}

void buffer_high_fanout(const fs::path& work, const std::vector<std::string>& rtl, const std::string& top,
                        const fs::path& liberty, const std::string& clock_gate_map, SynthResult& r) {
  if (!r.timing || !r.lib) return;
  fs::remove_all(work / kBufferedDir);  // no stale netlist from an earlier run in the same --work
  r.pathology = find_fanout_pathology(r.timing->report);
  if (!r.pathology) return;
  if (!r.timing->profile) {
    fmt::print("tpegen: warning: {}: the netlist has no buffers, and ABC cannot buffer it for an unknown library "
               "(no driving cell and load); {}\n",
               pathology_text(*r.pathology), kHighFanoutAdvice);
    return;
  }
  const fs::path dir = work / kBufferedDir;
  fs::create_directories(dir);
  std::vector<std::string> files;
  for (const std::string& f : rtl) files.push_back("../" + f);
  const fs::path dir_liberty = fs::path("..") / liberty;  // the link in the work folder
  write_work_file(dir / kAbcConstrFile, abc_constraints(r.timing->profile->drive_cell, r.timing->profile->output_load),
                  "--work");
  write_work_file(dir / "synth.ys", yosys_script({top, files, dir_liberty, std::nullopt, kAbcConstrFile, clock_gate_map}),
                  "--work");
  fmt::print("tpegen: {}: the netlist has no buffers; mapping it again with ABC's buffering (abc -constr) in {}\n",
             pathology_text(*r.pathology), dir.string());
  std::fflush(stdout);
  const SynthResult s = run_yosys(dir, dir_liberty);
  TimingResult t = run_sta(dir, dir_liberty, r.timing->profile, top, r.timing->period_ns, r.timing->sim);
  fmt::print("tpegen: buffered netlist: yosys {:.1f} s, OpenSTA {:.1f} s; fmax {:.1f} MHz (unbuffered {:.1f})\n",
             s.yosys_seconds, t.sta_seconds, 1000.0 / met_period_ns(t), 1000.0 / met_period_ns(*r.timing));
  if (const auto still = find_fanout_pathology(t.report))
    fmt::print("tpegen: warning: the buffered netlist's {}\n", pathology_text(*still));
  r.unbuffered = UnbufferedRun{*r.lib->area_um2, std::move(*r.timing)};
  r.lib = s.lib;
  r.timing = std::move(t);
}

void search_fmax(int max_steps, const fs::path& work, const std::vector<std::string>& rtl, const std::string& top,
                 const fs::path& liberty, const std::string& clock_gate_map, SynthResult& r) {
  r.fmax_steps.push_back({0, met_period_ns(*r.timing), *r.lib->area_um2});
  if (!r.timing->profile)
    fmt::print("tpegen: note: unknown liberty library: abc gets no driving cell or load, so its delay target "
               "may change nothing\n");
  while (const auto target = next_fmax_target(r.fmax_steps, max_steps)) {
    const fs::path dir = work / "fmax" / fmt::format("step{}", r.fmax_steps.size());
    fs::create_directories(dir);
    std::vector<std::string> files;
    for (const std::string& f : rtl) files.push_back("../../" + f);
    const fs::path step_liberty = fs::path("../..") / liberty;  // the link in the work folder
    ScriptInputs in{top, files, step_liberty, *target * 1000, "", clock_gate_map};
    if (r.timing->profile) {
      write_work_file(dir / kAbcConstrFile,
                      abc_constraints(r.timing->profile->drive_cell, r.timing->profile->output_load), "--work");
      in.abc_constr = kAbcConstrFile;
    }
    write_work_file(dir / "synth.ys", yosys_script(in), "--work");
    fmt::print("tpegen: fmax search step {}: abc -D {:.0f} ps, timed at {:.3f} ns\n", r.fmax_steps.size(),
               *target * 1000, *target);
    std::fflush(stdout);
    SynthResult s = run_yosys(dir, step_liberty);
    const TimingResult t = run_sta(dir, step_liberty, r.timing->profile, top, *target, std::nullopt);
    r.fmax_steps.push_back({*target, met_period_ns(t), *s.lib->area_um2});
    fmt::print("tpegen: fmax search step {}: meets {:.3f} ns ({:.1f} MHz), area {:.1f} um2\n",
               r.fmax_steps.size() - 1, r.fmax_steps.back().period_ns, 1000.0 / r.fmax_steps.back().period_ns,
               r.fmax_steps.back().area_um2);
  }
}

SynthReport asic_report(const nlohmann::json& config, const std::string& top, const fs::path& work,
                        const LibertyChoice& lib, const SynthResult& r) {
  SynthReport j;
  j.version = version();
  j.top = top;
  j.config = config;
  j.work_dir = work.string();
  j.yosys_log = (work / "yosys.log").string();
  j.yosys_seconds = r.yosys_seconds;
  j.cells = r.generic.cells;
  j.transistors = r.generic.transistors;
  j.transistors_exact = !r.generic.transistors_partial;
  j.generic_cell_types = r.generic.cell_types;
  j.liberty_origin = lib.origin;
  if (r.lib) {
    j.liberty = lib.path.string();
    j.area_um2 = *r.lib->area_um2;
    j.memory_area_um2 = r.lib->memory_area_um2;
    j.area_exact = !r.lib->area_partial;
    j.lib_cells = r.lib->cells;
    j.lib_cell_types = r.lib->cell_types;
    j.netlist = ((r.unbuffered ? work / kBufferedDir : work) / kNetlistFile).string();
  }
  if (!r.timing_skipped.empty()) j.timing_skipped = r.timing_skipped;
  if (r.timing) {
    add_timing(*r.timing, j);
    j.sta_log = ((r.unbuffered ? work / kBufferedDir : work) / kStaLogFile).string();
    j.sta_seconds = r.timing->sta_seconds;
  }
  if (r.gate) {
    j.activity_source = "gate";
    j.energy_per_mac_pj_global_activity = j.energy_per_mac_pj;
    j.energy_per_mac_pj = r.gate->breakdown.total();
    j.gate = r.gate;
  }
  j.fmax_steps = r.fmax_steps;
  if (r.pathology) {
    HighFanoutReport h;
    h.net = r.pathology->net.name;
    h.driver = r.pathology->net.driver;
    h.path_group = r.pathology->group;
    h.fanout = r.pathology->net.fanout;
    h.arrival_ns = r.pathology->arrival_ns;
    h.share = r.pathology->share;
    if (r.unbuffered) {
      h.buffered = true;
      h.buffered_dir = (work / kBufferedDir).string();
      h.unbuffered_area_um2 = r.unbuffered->area_um2;
      h.unbuffered_fmax_mhz = 1000.0 / met_period_ns(r.unbuffered->timing);
      h.unbuffered_critical_path_ns = r.unbuffered->timing.worst.arrival_ns;
      h.unbuffered_netlist = (work / kNetlistFile).string();
    }
    j.high_fanout = h;
  }
  if (r.macs_per_cycle > 0) j.macs_per_cycle = r.macs_per_cycle;
  return j;
}

}  // namespace tpegen::synth

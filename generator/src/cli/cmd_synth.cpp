// `tpegen synth`: generate the design into a work directory, run Yosys 0.23 on it
// hierarchically and report generic cells, a CMOS transistor estimate and, with a
// liberty file, the standard-cell area and (unless --no-timing) OpenSTA timing and power
// of the mapped netlist. The last lines of the output are "key: value" pairs (top, cells,
// transistors, area_um2, then critical_path_ns, slack_ns, fmax_mhz, power_mw) for
// scripts; --json writes the same numbers and more as JSON.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/design_flags.hpp"
#include "cli/synth_tools.hpp"
#include "cli/synth_activity.hpp"
#include "cli/synth_fpga.hpp"
#include "synth/fpga_flow.hpp"
#include "output/design_files.hpp"
#include "output/dir_writer.hpp"
#include "synth/fmax_search.hpp"
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
  std::string liberty;
  bool no_liberty = false;
  std::string work;
  std::string json;
  double clock_period_ns = synth::kDefaultClockPeriodNs;
  bool no_timing = false;
  int fmax_search = 0;              // re-syntheses with a tighter delay target (0: none)
  std::string activity = "static";  // static | sim
  ActivityWorkload workload;
  std::string target = "asic";  // asic | ice40 | ecp5 | xilinx7 | gowin (cli/synth_fpga.hpp)
  std::string device;           // iCE40 part for nextpnr (up5k when empty)
};

struct TimingResult {
  std::optional<SimActivity> sim;  // set with --activity sim
  synth::StaReport report;
  synth::StaPath worst;  // the reported path with the least slack
  double period_ns = 0;
  double sta_seconds = 0;
  std::optional<synth::StaLibProfile> profile;
};

struct SynthResult {
  synth::StatReport generic;
  std::optional<synth::StatReport> lib;  // set when a liberty file was used
  double yosys_seconds = 0;
  std::optional<TimingResult> timing;  // set when OpenSTA ran
  std::string timing_skipped;          // why it did not (empty when it ran)
  std::vector<synth::FmaxStep> fmax_steps;  // --fmax-search: the first run, then each re-synthesis
};

// The clock period a timed netlist meets on the path fmax is quoted for: the
// register-to-register group when there is one (before placement an unbuffered input port
// that fans out to every PE would otherwise dominate), else the worst path.
double met_period_ns(const TimingResult& t) {
  for (const synth::StaPath& p : t.report.paths)
    if (p.group == "reg2reg") return t.period_ns - p.slack_ns;
  return t.period_ns - t.worst.slack_ns;
}

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

synth::StatReport read_stat(const fs::path& p, bool want_area) {
  const synth::StatReport r = synth::parse_stat(read_text_or_empty(p));
  if (r.cells < 0 || (!want_area && r.transistors < 0) || (want_area && !r.area_um2))
    throw std::runtime_error("cannot read the Yosys statistics in " + p.string());
  return r;
}

SynthResult run_yosys(const fs::path& work, const fs::path& liberty) {
  for (const char* f : {synth::kGenericStatFile, synth::kLibertyStatFile, synth::kNetlistFile})
    fs::remove(work / f);  // a failed run must not report the previous run's numbers
  const fs::path log = work / "yosys.log";
  const auto t0 = std::chrono::steady_clock::now();
  const int status = run_program({"yosys", "-s", "synth.ys"}, work, log);
  SynthResult r;
  r.yosys_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (status != 0) {
    const std::string err = synth::first_error_line(read_text_or_empty(log));
    throw std::runtime_error(fmt::format("yosys failed (exit status {}){}; see {}", status,
                                         err.empty() ? "" : ": " + err, log.string()));
  }
  r.generic = read_stat(work / synth::kGenericStatFile, false);
  if (!liberty.empty()) r.lib = read_stat(work / synth::kLibertyStatFile, true);
  return r;
}

// Runs OpenSTA on the netlist Yosys wrote and reads back the worst path and the power.
// `profile`: the library's I/O profile, found once per run (the liberty file can be 13 MB).
TimingResult run_sta(const fs::path& work, const fs::path& liberty, const std::optional<synth::StaLibProfile>& profile,
                     const std::string& top, double period_ns, std::optional<SimActivity> sim) {
  TimingResult t;
  t.period_ns = period_ns;
  t.sim = std::move(sim);
  t.profile = profile;
  synth::StaInputs in;
  in.liberty = liberty;
  in.netlist = synth::kNetlistFile;
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
  write_work_file(work / synth::kStaScriptFile, synth::sta_script(in), "--work");
  const fs::path log = work / synth::kStaLogFile;
  fs::remove(log);
  const auto t0 = std::chrono::steady_clock::now();
  const int status = run_program({"sta", "-no_splash", "-exit", synth::kStaScriptFile}, work, log);
  t.sta_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  t.report = synth::parse_sta(read_text_or_empty(log));
  // OpenSTA 2.0.17 exits 0 after errors, so its log decides.
  if (status != 0 || !t.report.errors.empty())
    throw std::runtime_error(fmt::format("OpenSTA failed{}{}; see {}",
                                         status != 0 ? fmt::format(" (exit status {})", status) : "",
                                         t.report.errors.empty() ? "" : ": " + t.report.errors.front(),
                                         log.string()));
  const synth::StaPath* worst = t.report.worst();
  if (!worst || !t.report.power_w)
    throw std::runtime_error(fmt::format("cannot read the {} in the OpenSTA report {}",
                                         worst ? "total power" : "worst timing path", log.string()));
  t.worst = *worst;
  return t;
}

// Energy of the simulated run at the STA clock period, divided by its useful MACs.
double energy_per_mac_pj(const TimingResult& t) {
  return *t.report.power_w * t.period_ns * 1e-9 * static_cast<double>(t.sim->estimate.cycles) /
         static_cast<double>(t.sim->macs) * 1e12;
}

nlohmann::json report_json(const DesignConfig& c, const std::string& top, const fs::path& work,
                           const synth::LibertyChoice& lib, const SynthResult& r) {
  nlohmann::json j = {{"generator", "tpegen"},
                      {"version", version()},
                      {"top", top},
                      {"config", config_to_json(c)},
                      {"work_dir", work.string()},
                      {"yosys_log", (work / "yosys.log").string()},
                      {"yosys_seconds", r.yosys_seconds},
                      {"cells", r.generic.cells},
                      {"transistors", r.generic.transistors},
                      {"transistors_exact", !r.generic.transistors_partial},
                      {"generic_cell_types", r.generic.cell_types},
                      {"liberty", nullptr},
                      {"liberty_origin", lib.origin},
                      {"area_um2", nullptr},
                      {"lib_cells", nullptr},
                      {"lib_cell_types", nullptr}};
  if (r.lib) {
    j["liberty"] = lib.path.string();
    j["area_um2"] = *r.lib->area_um2;
    j["area_exact"] = !r.lib->area_partial;
    j["lib_cells"] = r.lib->cells;
    j["lib_cell_types"] = r.lib->cell_types;
    j["netlist"] = (work / synth::kNetlistFile).string();
  }
  for (const char* k : {"clock_period_ns", "critical_path_ns", "startpoint", "endpoint", "slack_ns", "fmax_mhz",
                        "power_mw"})
    j[k] = nullptr;
  j["timing_skipped"] = r.timing_skipped.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.timing_skipped);
  if (r.timing) {
    const TimingResult& t = *r.timing;
    j["clock_period_ns"] = t.period_ns;
    j["critical_path_ns"] = t.worst.arrival_ns;
    j["startpoint"] = t.worst.startpoint;
    j["endpoint"] = t.worst.endpoint;
    j["path_group"] = t.worst.group;
    j["slack_ns"] = t.worst.slack_ns;
    j["wns_ns"] = t.report.wns_ns ? nlohmann::json(*t.report.wns_ns) : nlohmann::json(nullptr);
    j["tns_ns"] = t.report.tns_ns ? nlohmann::json(*t.report.tns_ns) : nlohmann::json(nullptr);
    j["fmax_mhz"] = synth::fmax_mhz(t.period_ns, t.worst.slack_ns);
    j["power_mw"] = *t.report.power_w * 1e3;
    j["power_breakdown_mw"] = {{"internal", t.report.internal_w.value_or(0) * 1e3},
                               {"switching", t.report.switching_w.value_or(0) * 1e3},
                               {"leakage", t.report.leakage_w.value_or(0) * 1e3}};
    j["activity_source"] = t.sim ? "sim" : "static";
    j["activity"] = t.sim ? t.sim->estimate.global : synth::kDefaultActivity;
    j["input_activity"] = t.sim ? t.sim->estimate.input : synth::kDefaultInputActivity;
    j["energy_per_mac_pj"] = nullptr;
    if (t.sim) {
      j["activity_ports"] = t.sim->estimate.ports;
      j["activity_bits"] = t.sim->estimate.bits;
      j["activity_sim"] = {{"cycles", t.sim->estimate.cycles},
                           {"macs", t.sim->macs},
                           {"seconds", t.sim->seconds},
                           {"log", t.sim->log.string()}};
      j["energy_per_mac_pj"] = energy_per_mac_pj(t);
    }
    j["drive_cell"] = t.profile ? nlohmann::json(t.profile->drive_cell) : nlohmann::json(nullptr);
    j["output_load"] = t.profile ? nlohmann::json(t.profile->output_load) : nlohmann::json(nullptr);
    nlohmann::json groups = nlohmann::json::object();
    for (const synth::StaPath& p : t.report.paths)
      groups[p.group] = {{"arrival_ns", p.arrival_ns},
                         {"slack_ns", p.slack_ns},
                         {"startpoint", p.startpoint},
                         {"endpoint", p.endpoint}};
    j["path_groups"] = groups;
    j["sta_log"] = (work / synth::kStaLogFile).string();
    j["sta_seconds"] = t.sta_seconds;
  }
  j["fmax_search"] = nullptr;
  if (!r.fmax_steps.empty()) {
    nlohmann::json steps = nlohmann::json::array();
    for (const synth::FmaxStep& st : r.fmax_steps)
      steps.push_back({{"target_ns", st.target_ns > 0 ? nlohmann::json(st.target_ns) : nlohmann::json(nullptr)},
                       {"period_ns", st.period_ns},
                       {"fmax_mhz", 1000.0 / st.period_ns},
                       {"area_um2", st.area_um2}});
    const auto& best = r.fmax_steps[static_cast<size_t>(synth::best_fmax_step(r.fmax_steps))];
    j["fmax_search"] = {{"steps", steps},
                        {"path", "reg2reg when present, else the worst path"},
                        {"fmax_mhz", 1000.0 / best.period_ns},
                        {"period_ns", best.period_ns},
                        {"area_um2", best.area_um2},
                        {"target_ns", best.target_ns > 0 ? nlohmann::json(best.target_ns) : nlohmann::json(nullptr)}};
  }
  return j;
}

void print_summary(const std::string& top, const synth::LibertyChoice& lib, const SynthResult& r) {
  fmt::print("top: {}\n", top);
  fmt::print("cells: {}\n", r.generic.cells);
  fmt::print("transistors: {}{}\n", r.generic.transistors,
             r.generic.transistors_partial ? "+ (some cell types have no cost in Yosys' CMOS model)" : "");
  if (r.lib)
    fmt::print("area_um2: {:.3f}{} (liberty: {})\n", *r.lib->area_um2,
               r.lib->area_partial ? "+ (some cells have no area)" : "", lib.path.string());
  else
    fmt::print("area_um2: none ({})\n", lib.origin == "--no-liberty" ? "--no-liberty" : "no liberty file");
  if (!r.timing) {
    fmt::print("critical_path_ns: none ({})\n", r.timing_skipped);
    return;
  }
  const TimingResult& t = *r.timing;
  if (t.worst.slack_ns < 0)
    fmt::print("tpegen: note: timing is not met at the {} ns clock (worst slack {:.3f} ns); the design runs at "
               "{:.1f} MHz\n",
               t.period_ns, t.worst.slack_ns, synth::fmax_mhz(t.period_ns, t.worst.slack_ns));
  fmt::print("critical_path_ns: {:.3f} ({} -> {})\n", t.worst.arrival_ns, t.worst.startpoint, t.worst.endpoint);
  fmt::print("slack_ns: {:.3f} at period {}\n", t.worst.slack_ns, t.period_ns);
  fmt::print("fmax_mhz: {:.1f}\n", synth::fmax_mhz(t.period_ns, t.worst.slack_ns));
  if (t.sim) {
    fmt::print("power_mw: {:.3f} (simulated activity {:.4f}: {} cycles, {} MACs)\n", *t.report.power_w * 1e3,
               t.sim->estimate.global, t.sim->estimate.cycles, t.sim->macs);
    fmt::print("energy_per_mac_pj: {:.4f}\n", energy_per_mac_pj(t));
  } else {
    fmt::print("power_mw: {:.3f} (static activity {})\n", *t.report.power_w * 1e3, synth::kDefaultActivity);
  }
  std::string groups;
  for (const synth::StaPath& p : t.report.paths)
    groups += fmt::format("{}{} {:.3f}", groups.empty() ? "" : ", ", p.group, p.arrival_ns);
  fmt::print("path_groups_ns: {}\n", groups);
  if (!r.fmax_steps.empty()) {
    const auto& best = r.fmax_steps[static_cast<size_t>(synth::best_fmax_step(r.fmax_steps))];
    fmt::print("fmax_search_mhz: {:.1f} (area_um2 {:.3f}, {} of {} syntheses)\n", 1000.0 / best.period_ns,
               best.area_um2, synth::best_fmax_step(r.fmax_steps) + 1, r.fmax_steps.size());
  }
}

// Re-synthesizes with abc -D at shrinking periods (synth/fmax_search.hpp), each step in
// work/fmax/stepN, and records what each one meets. The first entry is the run already done.
void search_fmax(int max_steps, const fs::path& work, const std::vector<std::string>& rtl, const std::string& top,
                 const fs::path& liberty, SynthResult& r) {
  r.fmax_steps.push_back({0, met_period_ns(*r.timing), *r.lib->area_um2});
  if (!r.timing->profile)
    fmt::print("tpegen: note: unknown liberty library: abc gets no driving cell or load, so its delay target "
               "may change nothing\n");
  while (const auto target = synth::next_fmax_target(r.fmax_steps, max_steps)) {
    const fs::path dir = work / "fmax" / fmt::format("step{}", r.fmax_steps.size());
    fs::create_directories(dir);
    std::vector<std::string> files;
    for (const std::string& f : rtl) files.push_back("../../" + f);
    const fs::path step_liberty = fs::path("../..") / liberty;  // the link in the work folder
    synth::ScriptInputs in{top, files, step_liberty, *target * 1000, ""};
    if (r.timing->profile) {
      write_work_file(dir / synth::kAbcConstrFile,
                 synth::abc_constraints(r.timing->profile->drive_cell, r.timing->profile->output_load), "--work");
      in.abc_constr = synth::kAbcConstrFile;
    }
    write_work_file(dir / "synth.ys", synth::yosys_script(in), "--work");
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
  synth::check_clock_period(o.clock_period_ns);
  synth::check_activity_mode(o.activity);
  check_workload(o.workload);
  synth::check_fmax_search(o.fmax_search);
  synth::check_target(o.target, o.device);
  check_fpga_options(o.target, o.fmax_search, o.activity);
  if (o.target != "asic") {
    const DesignFiles files = make_design_files(c);
    const fs::path work = make_work_dir(o.work, files.top);
    run_fpga_synth({o.target, o.device, files.top, config_to_json(c), files.manifest.at("ports"), work,
                    write_design(work, files, o.work), o.clock_period_ns, !o.no_timing, o.json});
    return;
  }
  const SynthTools tools = find_synth_tools(o.liberty, o.no_liberty, o.no_timing);
  const synth::LibertyChoice& lib = tools.lib;
  const bool timing = tools.timing;
  const DesignFiles files = make_design_files(c);
  const fs::path work = make_work_dir(o.work, files.top);
  const std::vector<std::string> rtl = write_design(work, files, o.work);
  // The tools see the liberty file under a plain name in the work folder: ABC splits its
  // script at ';' and Yosys/OpenSTA scripts would need quoting of ' ', '[', '$' and '"'.
  const fs::path tool_liberty = lib.path.empty() ? fs::path() : link_into_work(work, lib.path);
  write_work_file(work / "synth.ys", synth::yosys_script({files.top, rtl, tool_liberty, std::nullopt, ""}), "--work");

  fmt::print("tpegen: synthesizing {} with Yosys in {}\n", files.top, work.string());
  if (lib.path.empty() && !o.no_liberty)
    fmt::print("tpegen: note: {}; reporting generic cells only (give --liberty FILE for area)\n", lib.origin);
  else if (!lib.path.empty())
    fmt::print("tpegen: liberty ({}): {}\n", lib.origin, lib.path.string());
  std::fflush(stdout);

  SynthResult r = run_yosys(work, tool_liberty);
  fmt::print("tpegen: yosys took {:.1f} s; log, script and reports in {}\n", r.yosys_seconds, work.string());
  if (timing) {
    std::optional<SimActivity> sim;
    if (o.activity == "sim") {
      fmt::print("tpegen: simulating {} trials ({}) for switching activity\n", o.workload.trials, o.workload.dist);
      std::fflush(stdout);
      sim = measure_activity(fs::read_symlink("/proc/self/exe"), config_to_json(c), files.manifest, work, o.workload);
      fmt::print("tpegen: activity simulation took {:.1f} s: {:.4f} toggles per bit per cycle over {} bits, "
                 "{} cycles; log in {}\n",
                 sim->seconds, sim->estimate.global, sim->estimate.bits, sim->estimate.cycles, sim->log.string());
    }
    std::fflush(stdout);
    r.timing = run_sta(work, tool_liberty, synth::find_sta_profile(read_text_or_empty(lib.path)), files.top,
                       o.clock_period_ns, std::move(sim));
    fmt::print("tpegen: OpenSTA took {:.1f} s ({}); log in {}\n", r.timing->sta_seconds,
               r.timing->profile ? fmt::format("inputs driven by {}, outputs load {:g}", r.timing->profile->drive_cell,
                                               r.timing->profile->output_load)
                                 : std::string("unknown library: ideal inputs, no output load"),
               (work / synth::kStaLogFile).string());
  } else {
    r.timing_skipped = o.no_timing ? "--no-timing" : lib.origin == "--no-liberty" ? "--no-liberty" : "no liberty file";
    fs::remove(work / synth::kStaLogFile);  // no stale report from an earlier run in the same --work
  }
  if (timing && o.fmax_search > 0) search_fmax(o.fmax_search, work, rtl, files.top, tool_liberty, r);
  if (!o.json.empty()) write_work_file(o.json, report_json(c, files.top, work, lib, r).dump(2) + "\n", "--json");
  print_summary(files.top, lib, r);
}

}  // namespace

void setup_synth(CLI::App& app) {
  auto o = std::make_shared<SynthOptions>();
  add_design_flags(app, o->design);
  auto* lib = app.add_option("--liberty", o->liberty,
                             "liberty file for dfflibmap/abc/area (default: $TPEGEN_LIBERTY, else the bundled "
                             "sky130hd tt corner when present)");
  app.add_flag("--no-liberty", o->no_liberty, "generic cells only: no standard-cell mapping or area")->excludes(lib);
  app.add_option("--work", o->work,
                 "directory for the RTL, Yosys script, log, reports and netlist (default: a fresh one under "
                 "the system temp dir)");
  app.add_option("--json", o->json, "also write the results as JSON to this file");
  app.add_option("--clock-period", o->clock_period_ns,
                 "clock period in ns for static timing with OpenSTA (default 10; > 0)");
  app.add_flag("--no-timing", o->no_timing, "skip static timing and power (OpenSTA; with --target ice40: nextpnr)");
  app.add_option("--target", o->target,
                 "asic (default: liberty cells, OpenSTA) or an FPGA family mapped by Yosys's own synth_* command: "
                 "ice40 (then placed and routed with nextpnr-ice40), ecp5, xilinx7, gowin; reports LUT/FF/carry/"
                 "DSP/BRAM counts");
  app.add_option("--device", o->device, "with --target ice40: up5k (default; DSP blocks used) or hx8k (no DSP)");
  app.add_option("--fmax-search", o->fmax_search,
                 "after the first run, re-synthesize up to N times with a tighter delay target (abc -D, "
                 "0.85x the best period so far) until the clock stops improving; reports the best fmax and "
                 "its area (0..10, default 0)");
  app.add_option("--activity", o->activity,
                 "switching activity for power: static (0.1 per net, default) or sim (measured by a Verilator run "
                 "of the GEMM workload; also reports energy per MAC)");
  app.add_option("--activity-dist", o->workload.dist, "operands of the activity run (default normal:0:30)");
  app.add_option("--activity-trials", o->workload.trials, "random GEMMs in the activity run, 1..1000 (default 3)");
  app.callback([o] { run_synth(*o); });
}

}  // namespace tpegen::cli

#include "synth/arith_flow.hpp"

#include <cstdio>
#include <set>
#include <stdexcept>
#include <system_error>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "liberty/cache.hpp"
#include "liberty/error.hpp"
#include "synth/asic_flow.hpp"  // link_into_work
#include "synth/asic_run.hpp"   // run_sta_script
#include "synth/synth_flow.hpp"
#include "util/config_error.hpp"
#include "util/paths.hpp"
#include "util/run.hpp"
#include "util/text_file.hpp"
#include "util/work_dir.hpp"

namespace fs = std::filesystem;

namespace tpegen::synth {
namespace {

// Names in the scripts are plain file names in the work folder; anything a Yosys, ABC or Tcl
// parser could split is refused rather than quoted.
const std::string& plain(const std::string& name, const char* what) {
  if (name.empty() || unsafe_path_char(name) || name.find('/') != std::string::npos)
    throw ConfigError(fmt::format("cannot pass {} '{}' to Yosys and OpenSTA: use letters, digits and _-.+", what, name));
  return name;
}

// The RTL copied into the work folder under its plain name, in files.f's order.
std::vector<std::string> copy_rtl(const std::string& from, const std::vector<std::string>& rtl, const fs::path& work) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const std::string& f : rtl) {
    const std::string name = fs::path(f).filename().string();
    if (!seen.insert(name).second)
      throw ConfigError(fmt::format("invalid --from = '{}': files.f lists two files named {}", from, name));
    std::error_code ec;
    fs::copy_file(fs::path(from) / f, work / name, fs::copy_options::overwrite_existing, ec);
    if (ec) throw ConfigError(fmt::format("invalid --work = '{}': cannot copy {} into it: {}", work.string(), f, ec.message()));
    names.push_back(plain(name, "the file"));
  }
  return names;
}

}  // namespace

std::string arith_yosys_script(const std::string& top, const std::vector<std::string>& files, const std::string& liberty,
                               bool booth) {
  std::string s = "# Written by tpegen synth --from (a tpegen arith folder): flat synthesis, mapped by ABC to the\n"
                  "# liberty's cells, timed by OpenSTA from input to output (sta.tcl).\nread_verilog -sv";
  for (const std::string& f : files) s += " " + plain(f, "the file");
  s += fmt::format(
      "\nsynth -flatten{} -top {}\nabc -liberty {}\nopt_clean -purge\ntee -q -o {} stat -liberty {}\n"
      "# -simple-lhs: OpenSTA 2.0.17 cannot parse `assign {{a, b}} = ...`.\n"
      "write_verilog -noattr -noexpr -nohex -nodec -simple-lhs {}\n",
      booth ? " -booth" : "", plain(top, "the top module"), plain(liberty, "the liberty file"), kArithStatFile, liberty,
      kArithNetlistFile);
  return s;
}

std::string arith_sta_script(const std::string& liberty, const std::string& netlist, const std::string& top,
                             const std::optional<StaLibProfile>& profile) {
  std::string s = fmt::format(
      "# Written by tpegen synth --from (a tpegen arith folder) for OpenSTA 2.0.17: input to output\n"
      "# through a virtual clock whose period every path meets; the data arrival time is the delay.\n"
      "read_liberty {{{}}}\nread_verilog {{{}}}\nlink_design {{{}}}\n"
      "create_clock -name vclk -period {:g}\n"
      "set_input_delay 0 -clock vclk [all_inputs]\n"
      "set_output_delay 0 -clock vclk [all_outputs]\n",
      plain(liberty, "the liberty file"), plain(netlist, "the netlist"), plain(top, "the top module"), kArithClockNs);
  if (profile)
    s += fmt::format("# {0} drives every input; every output drives {2:g} ({3}).\n"
                     "set_driving_cell -lib_cell {0} -pin {1} [all_inputs]\nset_load {2:g} [all_outputs]\n",
                     plain(profile->drive_cell, "the drive cell"), plain(profile->drive_pin, "the drive pin"),
                     profile->output_load, profile->load_note);
  else
    s += "# Unknown library: ideal input drivers and no output load (no sensible default cell).\n";
  return s + "report_checks -path_delay max -digits 3\n";
}

std::string check_yosys_program(const std::string& program) {
  if (program.find('/') == std::string::npos) {
    if (!on_path(program))
      throw ConfigError(fmt::format("invalid --yosys = '{}': no such program on PATH (give a name on PATH or the "
                                    "path of an executable file)",
                                    program));
    return program;
  }
  std::error_code ec;
  const fs::path p = fs::absolute(program, ec);
  const auto perms = fs::status(p, ec).permissions();
  if (ec || !fs::is_regular_file(p, ec) || (perms & fs::perms::owner_exec) == fs::perms::none)
    throw ConfigError(fmt::format("invalid --yosys = '{}': not an executable file (give a name on PATH or the path of "
                                  "an executable file)",
                                  program));
  return p.string();
}

void run_arith_flow(const ArithDir& dir, const ArithFlowOptions& o) {
  const fs::path& work = o.work;
  const std::vector<std::string> rtl = copy_rtl(o.from, dir.rtl, work);
  const std::string lib = link_into_work(work, o.lib.path).string();
  std::optional<StaLibProfile> profile;
  try {
    profile = find_sta_profile(*liberty::load_library(o.lib.path));
  } catch (const liberty::Error& e) {
    throw ConfigError(fmt::format("invalid --liberty = '{}': {}", o.lib.path.string(), e.why_at_line()));
  }
  for (const char* f : {kArithStatFile, kArithNetlistFile, kStaLogFile}) fs::remove(work / f);  // no stale results
  write_work_file(work / kArithScriptFile, arith_yosys_script(dir.top, rtl, lib, o.booth), "--work");
  fmt::print("tpegen: synthesizing the {} {} flat with {}{} in {}\ntpegen: liberty ({}): {}{}\n", dir.kind, dir.top,
             o.yosys, o.booth ? " (synth -booth)" : "", work.string(), o.lib.origin,
             o.lib.name.empty() ? "" : o.lib.name + ", ", o.lib.path.string());
  std::fflush(stdout);

  const fs::path ylog = work / "yosys.log";
  const TimedRun yosys = run_timed({o.yosys, "-s", kArithScriptFile}, work, ylog);
  if (yosys.status != 0) {
    const std::string err =
        yosys.status == 127 ? "cannot start " + o.yosys : first_error_line(read_text_or_empty(ylog));
    // Debian 12's Yosys 0.23 has no booth pass: its "Unknown option" says nothing of --booth.
    const std::string hint = o.booth && err.find("Unknown option") != std::string::npos
                                 ? " (--booth needs a Yosys whose synth takes -booth; pass one with --yosys)"
                                 : "";
    throw std::runtime_error(fmt::format("yosys failed (exit status {}){}{}; see {}", yosys.status,
                                         err.empty() ? "" : ": " + err, hint, ylog.string()));
  }
  const StatReport stat = parse_stat(read_text_or_empty(work / kArithStatFile));
  if (!stat.area_um2 || stat.cells < 0)
    throw std::runtime_error("cannot read the Yosys statistics in " + (work / kArithStatFile).string());

  write_work_file(work / kStaScriptFile, arith_sta_script(lib, kArithNetlistFile, dir.top, profile), "--work");
  const fs::path slog = work / kStaLogFile;
  const StaRun sta = run_sta_script(work);
  if (sta.report.paths.empty())
    throw std::runtime_error(fmt::format("cannot read the timing path in the OpenSTA report {}", slog.string()));
  const StaPath& path = sta.report.paths.front();

  nlohmann::json j = {{"version", version()},
                      {"mode", "arith"},
                      {"from", fs::absolute(o.from).lexically_normal().string()},
                      {"top", dir.top},
                      {"kind", dir.kind},
                      {"config", dir.config},
                      {"yosys", o.yosys},
                      {"booth", o.booth},
                      {"liberty", o.lib.path.string()},
                      {"liberty_origin", o.lib.origin},
                      {"work_dir", work.string()},
                      {"yosys_log", ylog.string()},
                      {"yosys_seconds", yosys.seconds},
                      {"netlist", (work / kArithNetlistFile).string()},
                      {"lib_cells", stat.cells},
                      {"lib_cell_types", stat.cell_types},
                      {"area_um2", *stat.area_um2},
                      {"area_exact", !stat.area_partial},
                      {"delay_ns", path.arrival_ns},
                      {"startpoint", path.startpoint},
                      {"endpoint", path.endpoint},
                      {"drive_cell", profile ? nlohmann::json(profile->drive_cell) : nlohmann::json(nullptr)},
                      {"output_load", profile ? nlohmann::json(profile->output_load) : nlohmann::json(nullptr)},
                      {"sta_log", slog.string()},
                      {"sta_seconds", sta.seconds}};
  if (!o.json.empty()) write_work_file(o.json, j.dump(2) + "\n", "--json");
  fmt::print("tpegen: yosys took {:.1f} s, OpenSTA {:.1f} s; scripts, logs and netlist in {}\n", yosys.seconds,
             sta.seconds, work.string());
  fmt::print("top: {}\nkind: {}\ncells: {}\narea_um2: {:.6f}{} (liberty: {})\n", dir.top, dir.kind, stat.cells,
             *stat.area_um2, stat.area_partial ? "+ (some cells have no area)" : "", o.lib.path.string());
  fmt::print("delay_ns: {:.3f} ({} -> {}; input to output, {})\n", path.arrival_ns, path.startpoint, path.endpoint,
             profile ? fmt::format("inputs driven by {}, outputs load {:g}", profile->drive_cell, profile->output_load)
                     : std::string("unknown library: ideal inputs, no output load"));
}

}  // namespace tpegen::synth

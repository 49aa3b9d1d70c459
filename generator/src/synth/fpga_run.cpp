#include "synth/fpga_run.hpp"

#include <cstdio>
#include <optional>

#include <fmt/format.h>

#include "config/design_config.hpp"
#include "synth/fpga_flow.hpp"
#include "synth/fpga_io_wrapper.hpp"
#include "synth/synth_flow.hpp"
#include "synth/synth_report.hpp"
#include "util/paths.hpp"
#include "util/run.hpp"
#include "util/text_file.hpp"
#include "util/tools.hpp"
#include "util/work_dir.hpp"

namespace fs = std::filesystem;

namespace tpegen::synth {
namespace {

struct PnrResult {
  PnrReport report;
  std::string device, package;
  double seconds = 0;
  FpgaIoWrapper wrapper;
};

std::string upper(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

SynthReport fpga_report(const FpgaSynthInputs& in, const std::string& command, double yosys_seconds, long cells,
                        const FpgaCounts& n, const std::optional<PnrResult>& pnr, const std::string& pnr_skipped) {
  SynthReport r;
  r.version = version();
  r.top = in.top;
  r.config = in.config;
  r.target = in.target;
  if (in.target == "ice40") r.device = ice40_device(in.device);
  r.synth_command = command;
  r.work_dir = in.work.string();
  r.yosys_log = (in.work / "yosys.log").string();
  r.yosys_seconds = yosys_seconds;
  r.cells = cells;
  r.lut = n.lut;
  r.ff = n.ff;
  r.carry = n.carry;
  r.dsp = n.dsp;
  r.bram = n.bram;
  r.other_cells = n.other;
  r.fpga_cell_types = n.cell_types;
  if (!pnr_skipped.empty()) r.pnr_skipped = pnr_skipped;
  if (pnr) {
    nlohmann::json util = nlohmann::json::object();
    for (const auto& u : pnr->report.utilization) util[u.name] = {{"used", u.used}, {"available", u.available}};
    r.fmax_mhz = pnr->report.fmax_mhz;
    r.fmax_definition = "nextpnr-ice40's post-route fmax of the clock clk_i";
    r.pnr = {{"tool", "nextpnr-ice40"},
             {"device", pnr->device},
             {"package", pnr->package},
             {"target_mhz", 1000.0 / in.clock_period_ns},
             {"fmax_mhz", r.fmax_mhz ? nlohmann::json(*r.fmax_mhz) : nlohmann::json(nullptr)},
             {"utilization", util},
             {"wrapper", pnr->wrapper.module},
             {"wrapper_input_ffs", pnr->wrapper.input_bits},
             {"wrapper_output_ffs", pnr->wrapper.output_bits},
             {"log", (in.work / kPnrLogFile).string()},
             {"seconds", pnr->seconds}};
  }
  return r;
}

PnrResult place_and_route(const FpgaSynthInputs& in, FpgaIoWrapper wrapper) {
  PnrResult p;
  p.device = ice40_device(in.device);
  p.package = p.device == "up5k" ? "sg48" : "ct256";
  p.wrapper = std::move(wrapper);
  const fs::path log = in.work / kPnrLogFile;
  fs::remove(log);
  fmt::print("tpegen: placing and routing {} on an iCE40 {} ({}) with nextpnr-ice40\n", p.wrapper.module,
             upper(p.device), p.package);
  std::fflush(stdout);
  // A fixed seed: the same design gives the same placement and fmax on every run.
  const TimedRun run = run_timed({"nextpnr-ice40", "--" + p.device, "--package", p.package, "--json", kPnrJsonFile,
                                  "--freq", fmt::format("{:.3f}", 1000.0 / in.clock_period_ns), "--seed", "1",
                                  "--timing-allow-fail"},
                                 in.work, log);
  p.seconds = run.seconds;
  const int status = run.status;
  p.report = parse_nextpnr_log(read_text_or_empty(log));
  const std::string fit = pnr_fit_problem(p.report, p.device);
  if (!fit.empty()) throw ConfigError(fit);
  if (status != 0 || !p.report.fmax_mhz)
    throw std::runtime_error(fmt::format("nextpnr-ice40 failed{}{}; see {}",
                                         status != 0 ? fmt::format(" (exit status {})", status) : "",
                                         p.report.error.empty() ? "" : ": " + p.report.error, log.string()));
  return p;
}

// Runs `yosys -s script` in the work folder; throws naming the log's first error when it fails.
TimedRun run_yosys_script(const fs::path& work, const std::string& script, const std::string& log) {
  const TimedRun t = run_timed({"yosys", "-s", script}, work, work / log);
  if (t.status != 0) {
    const std::string err = first_error_line(read_text_or_empty(work / log));
    throw std::runtime_error(fmt::format("yosys failed (exit status {}){}; see {}", t.status,
                                         err.empty() ? "" : ": " + err, (work / log).string()));
  }
  return t;
}

void print_counts(const FpgaSynthInputs& in, const std::string& command, const FpgaCounts& n) {
  fmt::print("top: {}\n", in.top);
  fmt::print("target: {} ({})\n", in.target, command);
  fmt::print("lut: {}\nff: {}\ncarry: {}\ndsp: {}\nbram: {}\nother_cells: {}\n", n.lut, n.ff, n.carry, n.dsp, n.bram,
             n.other);
}

}  // namespace

void check_fpga_options(const std::string& target, int fmax_search, const std::string& activity) {
  if (target == "asic") return;
  if (fmax_search != 0)
    throw ConfigError(fmt::format("invalid --fmax-search = {}: only --target asic has an fmax search", fmax_search));
  if (activity != "static")
    throw ConfigError(fmt::format("invalid --activity = '{}': only --target asic estimates power", activity));
}

void run_fpga_synth(const FpgaSynthInputs& in) {
  const bool pnr = in.target == "ice40" && in.pnr;
  if (pnr) require_tool(Tool::NextpnrIce40);
  const std::string command = fpga_synth_command(in.target, in.device, in.top);
  write_work_file(in.work / "synth.ys", fpga_yosys_script(in.target, in.device, in.top, in.rtl), "--work");
  for (const char* f : {kFpgaStatFile, kPnrJsonFile}) fs::remove(in.work / f);
  fmt::print("tpegen: synthesizing {} for {} with Yosys ({}) in {}\n", in.top, in.target, command, in.work.string());
  std::fflush(stdout);
  const TimedRun yosys = run_yosys_script(in.work, "synth.ys", "yosys.log");
  const StatReport stat = parse_stat(read_text_or_empty(in.work / kFpgaStatFile));
  if (stat.cells < 0)
    throw std::runtime_error("cannot read the Yosys statistics in " + (in.work / kFpgaStatFile).string());
  const FpgaCounts counts = classify_fpga_cells(in.target, stat.cell_types);
  fmt::print("tpegen: yosys took {:.1f} s; log, script and reports in {}\n", yosys.seconds, in.work.string());
  // Checked before the wrapper's synthesis and place and route, which take far longer than the
  // first pass on a design that is too large (without them, --no-timing, only a note).
  if (const std::string fit = in.target == "ice40" ? ice40_fit_problem(counts, in.device) : ""; !fit.empty()) {
    if (!pnr) {
      fmt::print("tpegen: note: {}\n", fit);
    } else {
      print_counts(in, command, counts);  // what Yosys found is still worth seeing
      throw ConfigError(fit);
    }
  }
  double yosys_seconds = yosys.seconds;
  std::optional<PnrResult> placed;
  if (pnr) {
    const FpgaIoWrapper wrapper = make_fpga_io_wrapper(
        in.top, in.ports, fmt::format("Generated by tpegen {} for nextpnr-ice40 only.", version()));
    write_work_file(in.work / "design" / (wrapper.module + ".v"), wrapper.verilog, "--work");
    std::vector<std::string> files = in.rtl;
    files.push_back("design/" + wrapper.module + ".v");
    write_work_file(in.work / kPnrScriptFile, fpga_pnr_yosys_script(in.target, in.device, wrapper.module, files),
                    "--work");
    fmt::print("tpegen: synthesizing the I/O wrapper {} for nextpnr with Yosys; log in {}\n", wrapper.module,
               (in.work / kPnrYosysLogFile).string());
    std::fflush(stdout);
    yosys_seconds += run_yosys_script(in.work, kPnrScriptFile, kPnrYosysLogFile).seconds;
    try {
      placed = place_and_route(in, wrapper);
    } catch (const ConfigError&) {
      print_counts(in, command, counts);
      throw;
    }
  }
  const std::string skipped = in.target != "ice40" ? "nextpnr is packaged by Debian for iCE40 only"
                              : in.pnr             ? ""
                                                   : "--no-timing";
  if (!in.json.empty())
    write_work_file(in.json,
                    to_json(fpga_report(in, command, yosys_seconds, stat.cells, counts, placed, skipped)).dump(2) + "\n",
                    "--json");
  print_counts(in, command, counts);
  if (!placed) {
    fmt::print("fmax_mhz: none ({})\n", skipped);
    return;
  }
  std::string util;
  for (const auto& r : placed->report.utilization)
    if (r.used > 0) util += fmt::format("{}{} {}/{}", util.empty() ? "" : ", ", r.name, r.used, r.available);
  fmt::print("utilization: {} (iCE40 {}, {}; with the I/O wrapper)\n", util, upper(placed->device), placed->package);
  fmt::print("fmax_mhz: {:.2f} (nextpnr-ice40 --seed 1, target {:.1f} MHz; the core inside a serial I/O wrapper "
             "of {} + {} flip-flops)\n",
             *placed->report.fmax_mhz, 1000.0 / in.clock_period_ns, placed->wrapper.input_bits,
             placed->wrapper.output_bits);
}

}  // namespace tpegen::synth

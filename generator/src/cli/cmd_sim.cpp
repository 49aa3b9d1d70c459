// `tpegen sim`: generate the design, build the Verilator harness (tb/harness) against it
// and run the golden-GEMM regression (sim/model_run). The harness prints the per-trial lines
// (into <work>/sim.log) and the closing "N passed, M failed"; tpegen exits with its status.
#include <cstdio>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/parse_errors.hpp"
#include "cli/design_flags.hpp"
#include "cli/from_dir_flags.hpp"
#include "synth/synth_activity.hpp"
#include "golden/stimulus.hpp"
#include "output/design_files.hpp"
#include "sim/model_command.hpp"
#include "sim/model_run.hpp"
#include "util/run.hpp"  // ExitStatus
#include "util/work_dir.hpp"

namespace fs = std::filesystem;

namespace tpegen::cli {
namespace {

struct SimOptions {
  DesignFlags design;
  std::string gemm = "random";
  int trials = 100;
  std::string dist = "uniform";
  int duty = 100;
  uint64_t seed = 1;
  uint64_t min_elements = 0;
  uint64_t min_cycles = 0;
  int build_opt = 2;
  std::string work;
  std::string vcd;  // dump every signal of the run here (builds a traced model)
  int vcd_depth = 0;  // Verilator --trace-depth; 0: every level of the hierarchy
  std::string driver = "hand";  // hand: tb/harness/driver_<family>.hpp; schedule: driver_schedule.hpp
  bool check_schedule = false;  // the driver's operands against the golden schedule's, per trial
  bool lint = false;            // verilator -Wall on the design while building, warnings fatal
};

void validate(const SimOptions& o) {
  int m, k, n;
  char extra;
  if (o.gemm != "random" && (std::sscanf(o.gemm.c_str(), "%dx%dx%d%c", &m, &k, &n, &extra) != 3 || m < 1 || k < 1 || n < 1))
    throw ConfigError(fmt::format("invalid --gemm = '{}': expected MxKxN with sizes >= 1 (e.g. 36x98x47) or random", o.gemm));
  if (o.build_opt < 0 || o.build_opt > 3)
    throw ConfigError(fmt::format("invalid --build-opt = {}: valid range is 0..3", o.build_opt));
  if (o.trials < 1) throw ConfigError(fmt::format("invalid --trials = {}: valid range is 1 or more", o.trials));
  synth::check_duty(o.duty, "--duty");
  if (o.vcd_depth < 0)
    throw ConfigError(fmt::format("invalid --vcd-depth = {}: valid range is 0 (every level) or more", o.vcd_depth));
  if (o.vcd_depth > 0 && o.vcd.empty()) throw ConfigError("invalid --vcd-depth: it needs --vcd FILE");
  if (o.driver != "hand" && o.driver != "schedule")
    throw ConfigError(fmt::format("invalid --driver = '{}': valid values are hand, schedule", o.driver));
  try {
    golden::Distribution::parse(o.dist);
  } catch (const std::exception& e) {
    throw ConfigError(e.what());
  }
}

void run_sim(const SimOptions& o) {
  validate(o);
  const DesignConfig c = load_design(o.design);
  if (!o.vcd.empty()) {
    std::error_code ec;
    const fs::path dir = fs::absolute(o.vcd).parent_path();
    if (!fs::is_directory(dir, ec))
      throw ConfigError(fmt::format("invalid --vcd = '{}': the directory {} does not exist", o.vcd, dir.string()));
  }
  if (o.driver == "schedule" && o.duty != 100)
    throw ConfigError(fmt::format("invalid --duty = {} with --driver schedule: the schedule fixes every cycle; valid "
                                  "value is 100", o.duty));
  if (o.check_schedule && c.wrap != "none")
    throw ConfigError(fmt::format("invalid --check-schedule with --wrap {}: it traces the bare engine's inputs", c.wrap));
  if (o.driver == "schedule" && c.wrap != "none")
    throw ConfigError(fmt::format("invalid --driver = 'schedule' with --wrap {}: the schedule driver feeds the bare engine; "
                                  "use --driver hand", c.wrap));
  const DesignFiles files = make_design_files(c);
  const fs::path work =
      claim_work_dir(o.work.empty() ? fs::temp_directory_path() / "tpegen-sim" / files.top : fs::path(o.work), "--work");
  const bool trace = !o.vcd.empty();
  const sim::ModelCommand model =
      sim::prepare_model(c, files, {work, o.build_opt, trace, o.vcd_depth, o.driver == "schedule", o.lint});
  std::vector<std::string> run = {model.model.string(), "--trials", std::to_string(o.trials), "--gemm", o.gemm,
                                  "--dist", o.dist, "--duty", std::to_string(o.duty), "--seed", std::to_string(o.seed),
                                  "--min-elements",
                                  std::to_string(o.min_elements), "--min-cycles", std::to_string(o.min_cycles)};
  if (trace) run.insert(run.end(), {"--vcd", fs::absolute(o.vcd).string()});
  if (o.check_schedule) run.insert(run.end(), {"--check-schedule", "1"});
  const int status = sim::build_and_run({model.build, work / "design", work / "build.log", run, work / "sim.log"});
  if (status != 0) throw ExitStatus{status > 0 ? status : 1};
}

}  // namespace

void setup_sim(CLI::App& app) {
  auto o = std::make_shared<SimOptions>();
  add_design_flags(app, o->design);
  add_from_flag(app, o->design);
  app.add_option("--gemm", o->gemm, "GEMM size MxKxN, or random (default: random sizes, a few tiles each)");
  app.add_option("--trials", o->trials, "number of GEMMs (default 100)");
  app.add_option("--dist", o->dist, "operands: uniform | normal:MEAN:STD | extremes (default uniform)");
  app.add_option("--duty", o->duty,
                 "percent of cycles that carry data, 1..100 (default 100): idle cycles (valid low, inputs held) "
                 "are inserted before steps, the idle state --clock-gate saves energy on");
  app.add_option("--seed", o->seed, "random seed (default 1); the same seed gives the same run")
      ->check(non_negative_whole());
  app.add_option("--min-elements", o->min_elements, "run trials beyond --trials until this many output elements were checked")
      ->check(non_negative_whole());
  app.add_option("--min-cycles", o->min_cycles, "run trials beyond --trials until this many clock cycles were simulated")
      ->check(non_negative_whole());
  app.add_option("--build-opt", o->build_opt,
                 "C++ optimization level of the Verilated model, 0..3 (default 2; 0 builds fastest, for short runs: "
                 "Verilator then keeps every module and writes no comments)");
  app.add_option("--driver", o->driver,
                 "hand: the architecture's own testbench driver (default); schedule: the engine fed from the "
                 "golden schedule of the manifest's \"schedule\" (model/golden/schedule.hpp), bare engine only");
  app.add_flag("--check-schedule", o->check_schedule,
               "also check that the driver feeds, tile by tile, the operands of the golden schedule of each GEMM "
               "(bare engine only)");
  app.add_flag("--lint", o->lint, "also lint the design as verilator --lint-only -Wall does; a warning fails the build");
  app.add_option("--work", o->work,
                 "build directory (default: <tmp>/tpegen-sim/<design>); its sim.log has every trial's line");
  app.add_option("--vcd", o->vcd,
                 "dump the signals of the whole run to this VCD file (every level, or see --vcd-depth; builds a "
                 "traced model; for switching activity, see tpegen synth --activity sim)");
  app.add_option("--vcd-depth", o->vcd_depth,
                 "with --vcd: trace only this many levels of the hierarchy (1: the top's ports and nets; "
                 "builds far faster), 0 for every level (default 0)");
  app.callback([o] { run_sim(*o); });
}

}  // namespace tpegen::cli

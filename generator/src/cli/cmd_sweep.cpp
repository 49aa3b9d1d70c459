// `tpegen sweep CONFIG.json`: synthesizes every design point of a sweep config (base +
// grid + explicit points, see sweep/sweep.hpp) by running `tpegen synth --json` on each,
// either locally -j at a time or as one Slurm job array (--executor slurm), caches finished
// points in WORK/cache/<key>.json (a rerun reuses them) and writes results.csv, results.md
// and two SVG plots to the output directory. `tpegen sweep-point` runs one Slurm task.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <CLI/CLI.hpp>

#include "arch/resolve.hpp"
#include "cli/commands.hpp"
#include "config/config_json.hpp"
#include "sweep/baseline_config.hpp"
#include "cli/help_format.hpp"
#include "cli/synth_tools.hpp"
#include "sweep/run.hpp"
#include "sweep/slurm.hpp"
#include "sweep/sweep.hpp"
#include "synth/tools.hpp"
#include "util/did_you_mean.hpp"
#include "util/run.hpp"
#include "util/text_file.hpp"

namespace fs = std::filesystem;

namespace tpegen::cli {
namespace {

struct SweepOptions {
  std::string work = "sweep-work";
  std::string out;
  SynthRunFlags run;  // shared with synth: every point's defaults
  std::optional<int> max_parallel;
  sweep::RunOptions exec;  // the sweep file, -j, the executor and its flags
};

const std::vector<std::string> kExecutors = {"local", "slurm"};

// Flags that make no sense together, or with the wrong executor: one clear line each.
void check_executor_flags(const SweepOptions& o) {
  if (std::find(kExecutors.begin(), kExecutors.end(), o.exec.executor) == kExecutors.end())
    throw ConfigError(invalid_choice("--executor", o.exec.executor, kExecutors));
  if (o.max_parallel && *o.max_parallel < 1)
    throw ConfigError(fmt::format("invalid --max-parallel = {}: valid range is 1 or more", *o.max_parallel));
  sweep::check_slurm_options(o.exec.slurm);
  const bool slurm_flags = o.max_parallel || !o.exec.slurm.partition.empty() || !o.exec.slurm.time.empty() ||
                           !o.exec.slurm.mem.empty() || !o.exec.slurm.sbatch_args.empty() || o.exec.no_wait;
  if (o.exec.executor == "local" && slurm_flags && !o.exec.collect)
    throw ConfigError("invalid --max-parallel/--slurm-*/--sbatch-arg/--no-wait: they need --executor slurm "
                      "(-j sets the local executor's parallelism)");
  if (o.exec.collect && (o.exec.dry_run || o.exec.no_wait))
    throw ConfigError("invalid --collect: it only writes the reports, without --dry-run or --no-wait");
}

// Every point's run settings before its own run keys: the command line's run flags.
sweep::RunSettings run_defaults(const SweepOptions& o) {
  sweep::RunSettings defaults;
  defaults.clock_period_ns = o.run.clock_period_ns;
  defaults.fmax_search = o.run.fmax_search;
  defaults.activity = o.run.activity;
  defaults.gate_delay = o.run.gate_delay;
  return defaults;
}

// The config's design points, expanded and resolved (an invalid one is kept, to be skipped).
std::vector<sweep::Point> load_points(const SweepOptions& o) {
  check_executor_flags(o);
  if (o.exec.jobs < 1) throw ConfigError(fmt::format("invalid -j = {}: need at least 1", o.exec.jobs));
  if (!fs::is_regular_file(o.exec.config))
    throw ConfigError(fmt::format("invalid CONFIG = '{}': cannot read the file", o.exec.config));
  const std::string text = read_text_or_empty(o.exec.config);
  const auto resolver = [&](const nlohmann::json& d) {
    DesignConfig c;
    apply_json(c, d.dump(), o.exec.config);
    if (c.arch.empty()) throw ConfigError("missing arch");
    return resolve(c);
  };
  return sweep::expand(text, o.exec.config, resolver);
}


void run_sweep(const SweepOptions& o) {
  const std::vector<sweep::Point> points = load_points(o);
  check_synth_run_flags(o.run);
  const synth::SynthTools tools = synth::find_synth_tools(o.run.liberty, o.run.no_liberty, o.run.no_timing);
  sweep::check_points(points, run_defaults(o), tools);
  const sweep::SweepDirs dirs = sweep::claim_dirs(o.work, o.out, o.exec.dry_run);
  const fs::path& work = dirs.work;
  const fs::path& out = dirs.out;
  sweep::RunOptions ro = o.exec;
  ro.defaults = run_defaults(o);
  ro.no_timing = o.run.no_timing;
  ro.slurm.max_parallel = o.max_parallel.value_or(0);
  sweep::run(points, tools, work, out, ro, sweep::baseline_config_json);
}

}  // namespace

void setup_sweep(CLI::App& app) {
  auto o = std::make_shared<SweepOptions>();
  app.add_option("CONFIG", o->exec.config,
                 "sweep JSON: {\"base\": {design keys}, \"grid\": {\"key\": [values]}, \"points\": [{design keys}]}")
      ->required();
  app.add_option("-j,--jobs", o->exec.jobs, "synthesize this many points in parallel (default 2)");
  app.add_option("--work", o->work,
                 "work directory: cache/ (finished points, reused by a rerun) and points/ (each synth run) "
                 "(default ./sweep-work)");
  app.add_option("-o,--out", o->out, "output directory for results.csv/.md and the plots (default WORK/out)");
  add_synth_run_flags(app, o->run, true);
  app.add_option("--executor", o->exec.executor,
                 "where the points run: local (child processes, -j at a time) or slurm (one sbatch job array; "
                 "WORK and tpegen must be on a file system the nodes share) (default local)")
      ->type_name(one_of(kExecutors));
  app.add_option("--max-parallel", o->max_parallel, "slurm: at most N array tasks at a time (sbatch --array=...%N)");
  app.add_option("--slurm-partition", o->exec.slurm.partition, "slurm: the partition (sbatch --partition)");
  app.add_option("--slurm-time", o->exec.slurm.time, "slurm: time limit per point (sbatch --time, e.g. 30 or 1:00:00)");
  app.add_option("--slurm-mem", o->exec.slurm.mem, "slurm: memory per point (sbatch --mem, e.g. 4G)");
  app.add_option("--sbatch-arg", o->exec.slurm.sbatch_args,
                 "slurm: any other sbatch option, one per flag, written with = (--sbatch-arg=--account=NAME)")
      ->allow_extra_args(false);
  app.add_flag("--no-wait", o->exec.no_wait, "slurm: submit the job array and return (collect the reports later)");
  app.add_flag("--collect", o->exec.collect,
               "run nothing: write the reports from the cached points and list the missing ones (exit 1 if any)");
  app.add_flag("--dry-run", o->exec.dry_run,
               "print the plan (points, cached, to synthesize, the sbatch command) without running or submitting");
  app.callback([o] { run_sweep(*o); });
}

void setup_sweep_point(CLI::App& app) {
  auto work = std::make_shared<std::string>();
  auto index = std::make_shared<long>(0);
  app.add_option("WORK", *work, "the sweep's work directory (holds slurm/plan.json)")->required();
  app.add_option("INDEX", *index, "the point's index in the plan (the array task id)")->required();
  app.callback([work, index] {
    if (const int status = sweep::run_sweep_point(fs::absolute(*work), *index)) throw ExitStatus{status};
  });
}

}  // namespace tpegen::cli

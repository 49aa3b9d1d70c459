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
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/design_flags.hpp"
#include "cli/help_format.hpp"
#include "cli/sweep_local.hpp"
#include "cli/sweep_point.hpp"
#include "cli/sweep_slurm.hpp"
#include "cli/synth_tools.hpp"
#include "output/design_files.hpp"
#include "sweep/sweep.hpp"
#include "synth/activity.hpp"
#include "synth/fmax_search.hpp"
#include "synth/sta_flow.hpp"
#include "synth/synth_flow.hpp"
#include "util/did_you_mean.hpp"
#include "util/paths.hpp"
#include "util/run.hpp"
#include "util/text_file.hpp"
#include "util/work_dir.hpp"
#include "util/work_lock.hpp"

namespace fs = std::filesystem;

namespace tpegen::cli {
namespace {

struct SweepOptions {
  std::string config;
  int jobs = 2;
  std::string work = "sweep-work";
  std::string out;
  SynthRunFlags run;  // shared with synth: every point's defaults
  std::string executor = "local";
  std::optional<int> max_parallel;
  SlurmOptions slurm;
  bool no_wait = false, collect = false, dry_run = false;
};

const std::vector<std::string> kExecutors = {"local", "slurm"};

// Flags that make no sense together, or with the wrong executor: one clear line each.
void check_executor_flags(const SweepOptions& o) {
  if (std::find(kExecutors.begin(), kExecutors.end(), o.executor) == kExecutors.end())
    throw ConfigError(invalid_choice("--executor", o.executor, kExecutors));
  if (o.max_parallel && *o.max_parallel < 1)
    throw ConfigError(fmt::format("invalid --max-parallel = {}: valid range is 1 or more", *o.max_parallel));
  check_slurm_options(o.slurm);
  const bool slurm_flags = o.max_parallel || !o.slurm.partition.empty() || !o.slurm.time.empty() ||
                           !o.slurm.mem.empty() || !o.slurm.sbatch_args.empty() || o.no_wait;
  if (o.executor == "local" && slurm_flags && !o.collect)
    throw ConfigError("invalid --max-parallel/--slurm-*/--sbatch-arg/--no-wait: they need --executor slurm "
                      "(-j sets the local executor's parallelism)");
  if (o.collect && (o.dry_run || o.no_wait))
    throw ConfigError("invalid --collect: it only writes the reports, without --dry-run or --no-wait");
}

// The point's run keys over the command line's run flags.
RunSettings run_settings(const SweepOptions& o, const nlohmann::json& run) {
  RunSettings defaults;
  defaults.clock_period_ns = o.run.clock_period_ns;
  defaults.fmax_search = o.run.fmax_search;
  defaults.activity = o.run.activity;
  defaults.gate_delay = o.run.gate_delay;
  return sweep::run_settings(run, defaults);
}

// The config's design points, expanded and resolved (an invalid one is kept, to be skipped).
std::vector<sweep::Point> load_points(const SweepOptions& o) {
  check_executor_flags(o);
  if (o.jobs < 1) throw ConfigError(fmt::format("invalid -j = {}: need at least 1", o.jobs));
  if (!fs::is_regular_file(o.config))
    throw ConfigError(fmt::format("invalid CONFIG = '{}': cannot read the file", o.config));
  const std::string text = read_text_or_empty(o.config);
  const auto resolver = [&](const nlohmann::json& d) {
    DesignConfig c;
    apply_json(c, d.dump(), o.config);
    if (c.arch.empty()) throw ConfigError("missing arch");
    return resolve(c);
  };
  return sweep::expand(text, o.config, resolver);
}

struct SweepDirs {
  fs::path work, out;
  std::unique_ptr<WorkLock> lock;  // held until the sweep ends: a second sweep would share points/<name>
};

// A named -o is checked first, so a refused one leaves no new --work folder behind; an -o
// inside --work (`make sweep-paper`) comes second, or --work would already hold it. A dry
// run only plans and touches nothing.
SweepDirs claim_dirs(const SweepOptions& o) {
  const auto claim = [&](const fs::path& d, const char* flag) {
    return o.dry_run ? fs::absolute(d) : claim_work_dir(d, flag);
  };
  const fs::path work_abs = fs::absolute(o.work).lexically_normal();
  const fs::path out_abs = o.out.empty() ? fs::path() : fs::absolute(o.out).lexically_normal();
  const auto rel = out_abs.lexically_relative(work_abs);
  const bool out_in_work = !o.out.empty() && !rel.empty() && *rel.begin() != "..";
  const fs::path named_out = o.out.empty() || out_in_work ? fs::path() : claim(o.out, "-o");
  const fs::path work = claim(o.work, "--work");
  std::unique_ptr<WorkLock> lock = o.dry_run ? nullptr : std::make_unique<WorkLock>(work, "--work");
  const fs::path out = o.out.empty() ? claim(work / "out", "-o") : out_in_work ? claim(o.out, "-o") : named_out;
  for (const fs::path& d : {work / "cache", work / "points"}) {
    if (o.dry_run) break;
    std::error_code ec;
    fs::create_directories(d, ec);
    if (ec) throw ConfigError(fmt::format("cannot create the directory {}: {}", d.string(), ec.message()));
  }
  return {work, out, std::move(lock)};
}

// What a run has to do: one result per valid point (cached ones filled in, the others
// "not run" with a job each).
struct SweepPlan {
  std::vector<sweep::Result> results;
  std::vector<PointJob> jobs;
  size_t skipped = 0, cached = 0;
};

SweepPlan plan_points(const SweepOptions& o, const std::vector<sweep::Point>& points, const SynthTools& tools,
                      const fs::path& work) {
  SweepPlan plan;
  for (const sweep::Point& p : points) {
    if (!p.resolved) {
      ++plan.skipped;
      fmt::print("tpegen: skipped {}: {}\n", p.design.dump(), p.skipped);
      continue;
    }
    const RunSettings rs = run_settings(o, p.run);
    // A design that resolves but does not build fails in its own job, with the message.
    std::string rtl;
    try {
      rtl = sweep::rtl_digest(make_design_files(*p.resolved).files);
    } catch (const std::exception&) {
      rtl = "not built";
    }
    // An FPGA point's "timing" is nextpnr's place and route, which needs no liberty file.
    const bool fpga = rs.fpga();
    const bool point_timing = fpga ? !o.run.no_timing : tools.timing;
    const nlohmann::json run_in = sweep::run_cache_inputs(rs, point_timing);
    sweep::CacheInputs in{config_to_json(*p.resolved), fpga ? std::string() : tools.lib.path.string(),
                          point_timing ? std::optional<double>(rs.clock_period_ns) : std::nullopt, version(), run_in,
                          rtl};
    const std::string key = sweep::cache_key(in);
    const fs::path cache_file = work / "cache" / (key + ".json");
    std::string why;
    if (auto r = sweep::read_cache_file(cache_file, key, &why)) {
      r->name = p.name;
      r->run = p.run;
      plan.results.push_back(*r);
      ++plan.cached;
      continue;
    }
    if (why.rfind("corrupt", 0) == 0) fmt::print("tpegen: ignoring {}: {}\n", cache_file.string(), why);
    sweep::Result pending;
    pending.name = p.name;
    pending.config = in.config;
    pending.run = p.run;
    pending.error = "not run";
    plan.results.push_back(pending);
    plan.jobs.push_back({p.name, p.design, p.run, rs, tools.lib.path.string(), point_timing, key, in,
                         plan.results.size() - 1});
  }
  return plan;
}

void print_plan(const SweepOptions& o, const SweepPlan& plan, const SynthTools& tools, const fs::path& work) {
  const std::string how = o.collect ? std::string(" (--collect: nothing runs)")
                          : o.executor == "slurm"
                              ? fmt::format(" in one Slurm job array{}",
                                            o.max_parallel ? fmt::format(" (at most {} at a time)", *o.max_parallel) : "")
                              : fmt::format(" with -j {}", o.jobs);
  fmt::print("tpegen: sweep of {} design points ({} skipped as invalid, {} reused from the cache in {}), "
             "{} to synthesize{}; liberty: {}{}\n",
             plan.results.size(), plan.skipped, plan.cached, (work / "cache").string(), plan.jobs.size(), how,
             tools.lib.path.empty() ? tools.lib.origin : tools.lib.path.string(),
             tools.timing ? fmt::format(", clock period {} ns", o.run.clock_period_ns) : std::string(", no timing"));
  std::fflush(stdout);
}

// A report that only some sweeps have: written when there is something to say, else removed.
void write_or_remove(const fs::path& path, const std::string& text) {
  if (text.empty())
    fs::remove(path);
  else
    write_text_file_atomic(path, text);
}

// results.csv, results.md and the plots, with gate-level energy also energy_breakdown.svg and
// energy_blocks.csv; the exit status says whether all points ran.
void write_reports(std::vector<sweep::Result>& results, const std::vector<sweep::Point>& points, size_t skipped,
                   const fs::path& out, bool interrupted) {
  sweep::link_baselines(results, baseline_config_json);
  write_text_file_atomic(out / "results.csv", sweep::to_csv(results));
  write_text_file_atomic(out / "results.md", sweep::to_markdown(results, points));
  write_text_file_atomic(out / "area_vs_fmax.svg", sweep::svg_area_fmax(results));
  write_text_file_atomic(out / "area_efficiency.svg", sweep::svg_area_eff(results));
  // Only with gate-level energy (activity gate); an older run's files would mislead.
  const std::string energy_svg = sweep::svg_energy_breakdown(results);
  const std::string blocks_csv = sweep::blocks_csv(results);
  write_or_remove(out / "energy_breakdown.svg", energy_svg);
  write_or_remove(out / "energy_blocks.csv", blocks_csv);
  size_t failed = 0;
  for (const sweep::Result& r : results) failed += r.ok ? 0 : 1;
  fmt::print("tpegen: {} ok, {} failed, {} skipped; results.csv, results.md, area_vs_fmax.svg, "
             "area_efficiency.svg{}{} in {}\n",
             results.size() - failed, failed, skipped, energy_svg.empty() ? "" : ", energy_breakdown.svg",
             blocks_csv.empty() ? "" : ", energy_blocks.csv", out.string());
  if (interrupted) {
    fmt::print("tpegen: interrupted: rerun the same command to resume (finished points are cached)\n");
    throw ExitStatus{130};
  }
  if (failed) throw ExitStatus{1};
}

void run_sweep(const SweepOptions& o) {
  const std::vector<sweep::Point> points = load_points(o);
  check_synth_run_flags(o.run);
  const SynthTools tools = find_synth_tools(o.run.liberty, o.run.no_liberty, o.run.no_timing);
  // Like every tool, Icarus Verilog for activity gate is checked before anything runs.
  for (const sweep::Point& p : points) {
    if (!p.resolved) continue;
    const RunSettings rs = run_settings(o, p.run);
    synth::check_gate_delay_activity(rs.gate_delay, rs.activity, "gate_delay of point " + p.name, "activity");
    synth::check_gate_slice(rs.gate_slice, rs.activity, "gate_slice of point " + p.name, "activity");
    if (p.run.contains("activity_dist") && rs.activity == "static")
      throw ConfigError(fmt::format("invalid activity_dist of point {} = '{}' with activity static: it applies to "
                                    "activity sim or gate only",
                                    p.name, rs.activity_dist));
    if (tools.timing && rs.activity == "gate") require_tool("iverilog", "iverilog");
  }
  const SweepDirs dirs = claim_dirs(o);
  const fs::path& work = dirs.work;
  const fs::path& out = dirs.out;
  const fs::path exe = fs::read_symlink("/proc/self/exe");
  SweepPlan plan = plan_points(o, points, tools, work);
  std::vector<sweep::Result>& results = plan.results;
  const std::vector<PointJob>& jobs = plan.jobs;
  SlurmOptions slurm = o.slurm;
  slurm.max_parallel = o.max_parallel.value_or(0);
  // Slurm submits before anything is printed: a refused submission is then one error line.
  const bool submit = o.executor == "slurm" && !o.dry_run && !o.collect && !jobs.empty();
  const std::string job_id = submit ? submit_array(exe, work, jobs, slurm) : std::string();
  print_plan(o, plan, tools, work);

  if (o.dry_run) {
    for (const PointJob& j : jobs) fmt::print("tpegen: to synthesize: {}\n", j.name);
    if (o.executor == "slurm" && !jobs.empty())
      fmt::print("tpegen: dry run, nothing submitted; the sbatch command:\n{}\n", sbatch_command(work, jobs.size(), slurm));
    else
      fmt::print("tpegen: dry run, nothing run\n");
    return;
  }
  size_t done = 0;
  for (const sweep::Result& r : results)
    if (r.cached) print_progress(++done, results.size(), r, " (cached)");
  bool interrupted = false;
  if (o.collect) {
    for (const PointJob& j : jobs) {
      results[j.index].error = "missing: not in the cache";
      fmt::print("tpegen: missing {} (not in the cache)\n", j.name);
    }
  } else if (o.executor == "local") {
    interrupted = !run_local(exe, work, jobs, o.jobs, results, done);
  } else if (submit) {
    fmt::print("tpegen: submitted Slurm job array {} ({} task{}; logs {})\n", job_id, jobs.size(),
               jobs.size() == 1 ? "" : "s", (work / "slurm" / "log" / (job_id + "_*.out")).string());
    std::fflush(stdout);
    if (o.no_wait) {
      fmt::print("tpegen: not waiting (--no-wait): when it has ended, `tpegen sweep {} --work {} --collect` "
                 "writes the reports (a rerun without --collect resubmits what is missing)\n",
                 o.config, work.string());
      return;
    }
    wait_array(job_id, work, jobs, results, done);
  }
  write_reports(results, points, plan.skipped, out, interrupted);
}

}  // namespace

void setup_sweep(CLI::App& app) {
  auto o = std::make_shared<SweepOptions>();
  app.add_option("CONFIG", o->config,
                 "sweep JSON: {\"base\": {design keys}, \"grid\": {\"key\": [values]}, \"points\": [{design keys}]}")
      ->required();
  app.add_option("-j,--jobs", o->jobs, "synthesize this many points in parallel (default 2)");
  app.add_option("--work", o->work,
                 "work directory: cache/ (finished points, reused by a rerun) and points/ (each synth run) "
                 "(default ./sweep-work)");
  app.add_option("-o,--out", o->out, "output directory for results.csv/.md and the plots (default WORK/out)");
  add_synth_run_flags(app, o->run, true);
  app.add_option("--executor", o->executor,
                 "where the points run: local (child processes, -j at a time) or slurm (one sbatch job array; "
                 "WORK and tpegen must be on a file system the nodes share) (default local)")
      ->type_name(one_of(kExecutors));
  app.add_option("--max-parallel", o->max_parallel, "slurm: at most N array tasks at a time (sbatch --array=...%N)");
  app.add_option("--slurm-partition", o->slurm.partition, "slurm: the partition (sbatch --partition)");
  app.add_option("--slurm-time", o->slurm.time, "slurm: time limit per point (sbatch --time, e.g. 30 or 1:00:00)");
  app.add_option("--slurm-mem", o->slurm.mem, "slurm: memory per point (sbatch --mem, e.g. 4G)");
  app.add_option("--sbatch-arg", o->slurm.sbatch_args,
                 "slurm: any other sbatch option, one per flag, written with = (--sbatch-arg=--account=NAME)")
      ->allow_extra_args(false);
  app.add_flag("--no-wait", o->no_wait, "slurm: submit the job array and return (collect the reports later)");
  app.add_flag("--collect", o->collect,
               "run nothing: write the reports from the cached points and list the missing ones (exit 1 if any)");
  app.add_flag("--dry-run", o->dry_run,
               "print the plan (points, cached, to synthesize, the sbatch command) without running or submitting");
  app.callback([o] { run_sweep(*o); });
}

void setup_sweep_point(CLI::App& app) {
  auto work = std::make_shared<std::string>();
  auto index = std::make_shared<long>(0);
  app.add_option("WORK", *work, "the sweep's work directory (holds slurm/plan.json)")->required();
  app.add_option("INDEX", *index, "the point's index in the plan (the array task id)")->required();
  app.callback([work, index] {
    if (const int status = run_sweep_point(fs::absolute(*work), *index)) throw ExitStatus{status};
  });
}

}  // namespace tpegen::cli

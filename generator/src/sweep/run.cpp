#include "sweep/run.hpp"

#include <cstdio>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "output/design_files.hpp"
#include "sweep/local.hpp"
#include "sweep/slurm.hpp"
#include "synth/activity.hpp"
#include "util/paths.hpp"
#include "util/run.hpp"
#include "util/text_file.hpp"
#include "util/tools.hpp"
#include "util/work_dir.hpp"

namespace fs = std::filesystem;

namespace tpegen::sweep {
namespace {

// What a run has to do: one result per valid point (cached ones filled in, the others
// "not run" with a job each).
struct SweepPlan {
  std::vector<Result> results;
  std::vector<PointJob> jobs;
  size_t skipped = 0, cached = 0;
};

SweepPlan plan_points(const RunOptions& o, const std::vector<Point>& points, const synth::SynthTools& tools,
                      const fs::path& work) {
  SweepPlan plan;
  for (const Point& p : points) {
    if (!p.resolved) {
      ++plan.skipped;
      fmt::print("tpegen: skipped {}: {}\n", p.design.dump(), p.skipped);
      continue;
    }
    const RunSettings rs = run_settings(p.run, o.defaults);
    // A design that resolves but does not build fails in its own job, with the message.
    std::string rtl;
    try {
      rtl = rtl_digest(make_design_files(*p.resolved).files);
    } catch (const std::exception&) {
      rtl = "not built";
    }
    // An FPGA point's "timing" is nextpnr's place and route, which needs no liberty file.
    const bool fpga = rs.fpga();
    const bool point_timing = fpga ? !o.no_timing : tools.timing;
    const nlohmann::json run_in = run_cache_inputs(rs, point_timing);
    CacheInputs in{config_to_json(*p.resolved), fpga ? std::string() : tools.lib.path.string(),
                          point_timing ? std::optional<double>(rs.clock_period_ns) : std::nullopt, version(), run_in,
                          rtl};
    const std::string key = cache_key(in);
    const fs::path cache_file = work / "cache" / (key + ".json");
    std::string why;
    if (auto r = read_cache_file(cache_file, key, &why)) {
      r->name = p.name;
      r->run = p.run;
      plan.results.push_back(*r);
      ++plan.cached;
      continue;
    }
    if (why.rfind("corrupt", 0) == 0) fmt::print("tpegen: ignoring {}: {}\n", cache_file.string(), why);
    Result pending;
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

void print_plan(const RunOptions& o, const SweepPlan& plan, const synth::SynthTools& tools, const fs::path& work) {
  const std::string how = o.collect ? std::string(" (--collect: nothing runs)")
                          : o.executor == "slurm"
                              ? fmt::format(" in one Slurm job array{}",
                                            o.slurm.max_parallel > 0 ? fmt::format(" (at most {} at a time)", o.slurm.max_parallel) : "")
                              : fmt::format(" with -j {}", o.jobs);
  fmt::print("tpegen: sweep of {} design points ({} skipped as invalid, {} reused from the cache in {}), "
             "{} to synthesize{}; liberty: {}{}\n",
             plan.results.size(), plan.skipped, plan.cached, (work / "cache").string(), plan.jobs.size(), how,
             tools.lib.path.empty() ? tools.lib.origin : tools.lib.path.string(),
             tools.timing ? fmt::format(", clock period {} ns", o.defaults.clock_period_ns) : std::string(", no timing"));
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
void write_reports(std::vector<Result>& results, const std::vector<Point>& points, size_t skipped, const fs::path& out,
                   bool interrupted, const BaselineOf& baseline_of) {
  link_baselines(results, baseline_of);
  write_text_file_atomic(out / "results.csv", to_csv(results));
  write_text_file_atomic(out / "results.md", to_markdown(results, points));
  write_text_file_atomic(out / "area_vs_fmax.svg", svg_area_fmax(results));
  write_text_file_atomic(out / "area_efficiency.svg", svg_area_eff(results));
  // Only with gate-level energy (activity gate); an older run's files would mislead.
  const std::string energy_svg = svg_energy_breakdown(results);
  const std::string blocks = blocks_csv(results);
  write_or_remove(out / "energy_breakdown.svg", energy_svg);
  write_or_remove(out / "energy_blocks.csv", blocks);
  size_t failed = 0;
  for (const Result& r : results) failed += r.ok ? 0 : 1;
  fmt::print("tpegen: {} ok, {} failed, {} skipped; results.csv, results.md, area_vs_fmax.svg, "
             "area_efficiency.svg{}{} in {}\n",
             results.size() - failed, failed, skipped, energy_svg.empty() ? "" : ", energy_breakdown.svg",
             blocks.empty() ? "" : ", energy_blocks.csv", out.string());
  if (interrupted) {
    fmt::print("tpegen: interrupted: rerun the same command to resume (finished points are cached)\n");
    throw ExitStatus{130};
  }
  if (failed) throw ExitStatus{1};
}

}  // namespace

// A named -o is checked first, so a refused one leaves no new --work folder behind; an -o
// inside --work (`make sweep-paper`) comes second, or --work would already hold it. A dry
// run only plans and touches nothing.
SweepDirs claim_dirs(const std::string& work_flag, const std::string& out_flag, bool dry_run) {
  const auto claim = [&](const fs::path& d, const char* flag) {
    return dry_run ? fs::absolute(d) : claim_work_dir(d, flag);
  };
  const fs::path work_abs = fs::absolute(work_flag).lexically_normal();
  const fs::path out_abs = out_flag.empty() ? fs::path() : fs::absolute(out_flag).lexically_normal();
  const auto rel = out_abs.lexically_relative(work_abs);
  const bool out_in_work = !out_flag.empty() && !rel.empty() && *rel.begin() != "..";
  const fs::path named_out = out_flag.empty() || out_in_work ? fs::path() : claim(out_flag, "-o");
  const fs::path work = claim(work_flag, "--work");
  std::unique_ptr<WorkLock> lock = dry_run ? nullptr : std::make_unique<WorkLock>(work, "--work");
  const fs::path out = out_flag.empty() ? claim(work / "out", "-o") : out_in_work ? claim(out_flag, "-o") : named_out;
  for (const fs::path& d : {work / "cache", work / "points"}) {
    if (dry_run) break;
    std::error_code ec;
    fs::create_directories(d, ec);
    if (ec) throw ConfigError(fmt::format("cannot create the directory {}: {}", d.string(), ec.message()));
  }
  return {work, out, std::move(lock)};
}

void check_points(const std::vector<Point>& points, const RunSettings& defaults, const synth::SynthTools& tools) {
  for (const Point& p : points) {
    if (!p.resolved) continue;
    const RunSettings rs = run_settings(p.run, defaults);
    synth::check_gate_delay_activity(rs.gate_delay, rs.activity, "gate_delay of point " + p.name, "activity");
    synth::check_gate_slice(rs.gate_slice, rs.activity, "gate_slice of point " + p.name, "activity");
    if (p.run.contains("activity_dist") && rs.activity == "static")
      throw ConfigError(fmt::format("invalid activity_dist of point {} = '{}' with activity static: it applies to "
                                    "activity sim or gate only",
                                    p.name, rs.activity_dist));
    if (tools.timing && rs.activity == "gate") require_tool(Tool::Iverilog);
  }
}

void run(const std::vector<Point>& points, const synth::SynthTools& tools, const fs::path& work, const fs::path& out,
         const RunOptions& o, const BaselineOf& baseline_of) {
  const fs::path exe = fs::read_symlink("/proc/self/exe");
  SweepPlan plan = plan_points(o, points, tools, work);
  std::vector<Result>& results = plan.results;
  const std::vector<PointJob>& jobs = plan.jobs;
  const SlurmOptions& slurm = o.slurm;
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
  for (const Result& r : results)
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
  write_reports(results, points, plan.skipped, out, interrupted, baseline_of);
}

}  // namespace tpegen::sweep

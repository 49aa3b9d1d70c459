// `tpegen sweep CONFIG.json`: synthesizes every design point of a sweep config (base +
// grid + explicit points, see sweep/sweep.hpp) by running `tpegen synth --json` on each,
// -j at a time, caches finished points in WORK/cache/<key>.json (a rerun reuses them) and
// writes results.csv, results.md and two SVG plots to the output directory.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/design_flags.hpp"
#include "cli/synth_tools.hpp"
#include "output/design_files.hpp"
#include "sweep/sweep.hpp"
#include "synth/activity.hpp"
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

struct SweepOptions {
  std::string config;
  int jobs = 2;
  std::string work = "sweep-work";
  std::string out;
  std::string liberty;
  bool no_liberty = false;
  double clock_period_ns = synth::kDefaultClockPeriodNs;
  bool no_timing = false;
  int fmax_search = 0;
  std::string activity = "static";
};

// A point's run keys over the command line's defaults.
struct RunSettings {
  double clock_period_ns;
  int fmax_search;
  std::string activity;
};

RunSettings run_settings(const SweepOptions& o, const nlohmann::json& run) {
  return {run.value("clock_period", o.clock_period_ns), run.value("fmax_search", o.fmax_search),
          run.value("activity", o.activity)};
}

void write_text(const fs::path& p, const std::string& text) {
  const fs::path tmp = p.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
    out.close();
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  fs::rename(tmp, p);  // atomic: an interrupted sweep never leaves a half-written cache file
}

// The reason a synth run failed: its last "error:" line, else the exit status.
std::string failure_reason(const fs::path& log, int status) {
  std::istringstream in(read_text_or_empty(log));
  std::string line, last;
  while (std::getline(in, line))
    if (line.find("error:") != std::string::npos) last = line;
  const std::string prefix = "tpegen: error: ";
  if (last.rfind(prefix, 0) == 0) last = last.substr(prefix.size());
  if (last.size() > 200) last = last.substr(0, 200) + "...";
  return last.empty() ? fmt::format("tpegen synth exit status {} (see {})", status, log.string()) : last;
}

struct Job {
  const sweep::Point* point;
  RunSettings run;
  std::string key;
  sweep::CacheInputs inputs;
  size_t index;  // into the results
};

void run_sweep(const SweepOptions& o) {
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
  const std::vector<sweep::Point> points = sweep::expand(text, o.config, resolver);

  synth::check_clock_period(o.clock_period_ns);
  synth::check_fmax_search(o.fmax_search);
  synth::check_activity_mode(o.activity);
  const SynthTools tools = find_synth_tools(o.liberty, o.no_liberty, o.no_timing);
  const synth::LibertyChoice& lib = tools.lib;
  const bool timing = tools.timing;

  // A named -o is checked first, so a refused one leaves no new --work folder behind.
  const fs::path named_out = o.out.empty() ? fs::path() : claim_work_dir(o.out, "-o");
  const fs::path work = claim_work_dir(o.work, "--work");
  const fs::path out = o.out.empty() ? claim_work_dir(work / "out", "-o") : named_out;
  for (const fs::path& d : {work / "cache", work / "points"}) {
    std::error_code ec;
    fs::create_directories(d, ec);
    if (ec) throw ConfigError(fmt::format("cannot create the directory {}: {}", d.string(), ec.message()));
  }
  const fs::path exe = fs::read_symlink("/proc/self/exe");

  std::vector<sweep::Result> results;
  std::vector<Job> jobs;
  size_t skipped = 0, cached = 0;
  for (const sweep::Point& p : points) {
    if (!p.resolved) {
      ++skipped;
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
    sweep::CacheInputs in{config_to_json(*p.resolved), lib.path.string(),
                          timing ? std::optional<double>(rs.clock_period_ns) : std::nullopt, version(),
                          timing ? nlohmann::json{{"fmax_search", rs.fmax_search}, {"activity", rs.activity}}
                                 : nlohmann::json::object(),
                          rtl};
    const std::string key = sweep::cache_key(in);
    const fs::path cache_file = work / "cache" / (key + ".json");
    std::string why;
    if (auto r = sweep::read_cache_file(cache_file, key, &why)) {
      r->name = p.name;
      r->run = p.run;
      results.push_back(*r);
      ++cached;
      continue;
    }
    if (why.rfind("corrupt", 0) == 0) fmt::print("tpegen: ignoring {}: {}\n", cache_file.string(), why);
    sweep::Result pending;
    pending.name = p.name;
    pending.config = in.config;
    pending.run = p.run;
    pending.error = "not run";
    results.push_back(pending);
    jobs.push_back({&p, rs, key, in, results.size() - 1});
  }
  const size_t n = results.size();
  fmt::print("tpegen: sweep of {} design points ({} skipped as invalid, {} reused from the cache in {}), "
             "{} to synthesize with -j {}; liberty: {}{}\n",
             n, skipped, cached, (work / "cache").string(), jobs.size(), o.jobs,
             lib.path.empty() ? lib.origin : lib.path.string(),
             timing ? fmt::format(", clock period {} ns", o.clock_period_ns) : std::string(", no timing"));
  std::fflush(stdout);

  std::mutex mu;
  size_t done = 0;
  for (const sweep::Result& r : results)
    if (r.cached) {
      ++done;
      fmt::print("[{}/{}] {}: area {} µm², fmax {} MHz (cached)\n", done, n, r.name,
                 r.area_um2 ? fmt::format("{:.1f}", *r.area_um2) : "-",
                 r.fmax_mhz ? fmt::format("{:.1f}", *r.fmax_mhz) : "-");
    }
  std::fflush(stdout);
  std::atomic<size_t> next{0};
  std::atomic<bool> interrupted{false};
  auto worker = [&] {
    for (;;) {
      if (interrupted) return;
      const size_t j = next++;
      if (j >= jobs.size()) return;
      const Job& job = jobs[j];
      const std::string& name = job.point->name;
      const fs::path dir = work / "points" / name;
      const fs::path cfg = work / "points" / (name + ".config.json");
      const fs::path report = work / "points" / (name + ".report.json");
      const fs::path log = work / "points" / (name + ".log");
      sweep::Result r = results[job.index];
      try {
        write_text(cfg, job.point->design.dump(2) + "\n");
        fs::remove(report);
        std::string cmd = fmt::format("{} synth --config {} --json {} --work {}", shell_quote(exe.string()),
                                      shell_quote(cfg.string()), shell_quote(report.string()),
                                      shell_quote(dir.string()));
        if (lib.path.empty()) cmd += " --no-liberty";
        else cmd += " --liberty " + shell_quote(lib.path.string());
        const RunSettings& rs = job.run;
        if (timing)
          cmd += fmt::format(" --clock-period {} --fmax-search {} --activity {}", rs.clock_period_ns, rs.fmax_search,
                             rs.activity);
        else
          cmd += " --no-timing";
        cmd += " > " + shell_quote(log.string()) + " 2>&1";
        const int status = run_shell(cmd);
        if (status == -1 || status == 130 || status == 143) {
          interrupted = true;
          r.error = "interrupted";
        } else if (status != 0) {
          r.error = failure_reason(log, status);
        } else {
          const auto rep = nlohmann::json::parse(read_text_or_empty(report), nullptr, false);
          if (rep.is_discarded() || !rep.is_object()) throw std::runtime_error("cannot read " + report.string());
          const auto manifest = nlohmann::json::parse(read_text_or_empty(dir / "design" / "manifest.json"), nullptr, false);
          r = sweep::result_from_report(name, rep, manifest.is_discarded() ? nlohmann::json() : manifest);
          r.run = job.point->run;
          write_text(work / "cache" / (job.key + ".json"), sweep::cache_file_text(job.key, job.inputs, r));
        }
      } catch (const std::exception& e) {
        r.ok = false;
        r.error = e.what();
      }
      std::lock_guard<std::mutex> lock(mu);
      results[job.index] = r;
      ++done;
      if (r.ok)
        fmt::print("[{}/{}] {}: area {} µm², fmax {} MHz\n", done, n, name,
                   r.area_um2 ? fmt::format("{:.1f}", *r.area_um2) : "-",
                   r.fmax_mhz ? fmt::format("{:.1f}", *r.fmax_mhz) : "-");
      else
        fmt::print("[{}/{}] {}: FAILED: {}\n", done, n, name, r.error);
      std::fflush(stdout);
    }
  };
  std::vector<std::thread> threads;
  const size_t nthreads = std::min(jobs.size(), static_cast<size_t>(o.jobs));
  for (size_t t = 0; t < nthreads; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();

  sweep::link_baselines(results, baseline_config_json);
  write_text(out / "results.csv", sweep::to_csv(results));
  write_text(out / "results.md", sweep::to_markdown(results, points));
  write_text(out / "area_vs_fmax.svg", sweep::svg_area_fmax(results));
  write_text(out / "area_efficiency.svg", sweep::svg_area_eff(results));
  size_t failed = 0;
  for (const sweep::Result& r : results) failed += r.ok ? 0 : 1;
  fmt::print("tpegen: {} ok, {} failed, {} skipped; results.csv, results.md, area_vs_fmax.svg, "
             "area_efficiency.svg in {}\n",
             n - failed, failed, skipped, out.string());
  if (interrupted) {
    fmt::print("tpegen: interrupted: rerun the same command to resume (finished points are cached)\n");
    throw ExitStatus{130};
  }
  if (failed) throw ExitStatus{1};
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
  auto* lib = app.add_option("--liberty", o->liberty,
                             "liberty file (default: $TPEGEN_LIBERTY, else the bundled sky130hd tt corner)");
  app.add_flag("--no-liberty", o->no_liberty, "generic cells only (no area, timing or power)")->excludes(lib);
  app.add_option("--clock-period", o->clock_period_ns, "clock period in ns for OpenSTA (default 10)");
  app.add_flag("--no-timing", o->no_timing, "skip static timing and power");
  app.add_option("--fmax-search", o->fmax_search,
                 "default fmax search steps of every point (tpegen synth --fmax-search; point key fmax_search)");
  app.add_option("--activity", o->activity,
                 "default switching activity, static or sim (tpegen synth --activity; point key activity)");
  app.callback([o] { run_sweep(*o); });
}

}  // namespace tpegen::cli

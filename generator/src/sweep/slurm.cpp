#include "sweep/slurm.hpp"

#include <chrono>
#include <cstdio>
#include <map>
#include <regex>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "config/design_config.hpp"
#include "util/run.hpp"
#include "util/tools.hpp"
#include "util/text_file.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace tpegen::sweep {
namespace {

std::string last_line(const std::string& s) {
  std::istringstream in(s);
  std::string line, last;
  while (std::getline(in, line))
    if (line.find_first_not_of(" \t\r") != std::string::npos) last = line;
  return last;
}

fs::path plan_file(const fs::path& work) { return work / "slurm" / "plan.json"; }
fs::path log_file(const fs::path& work, const std::string& job_id, size_t task) {
  return work / "slurm" / "log" / fmt::format("{}_{}.out", job_id, task);
}

// Slurm job states after which a task no longer runs (squeue/sacct names).
bool terminal(const std::string& state) {
  static const char* const kEnd[] = {"COMPLETED", "CANCELLED", "FAILED",   "TIMEOUT",  "NODE_FAIL",
                                     "PREEMPTED", "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE", "REVOKED"};
  for (const char* s : kEnd)
    if (state == s) return true;
  return false;
}

// Task index -> state of the array's tasks (kPendingRange: tasks still listed as a range such
// as 12_[4-9%2], not started); an empty map when Slurm no longer knows the job, nullopt when
// the controller does not answer (*why says what it said).
constexpr size_t kPendingRange = static_cast<size_t>(-1);

std::optional<std::map<size_t, std::string>> task_states(const std::string& job_id, std::string* why) {
  std::map<size_t, std::string> states;
  auto parse = [&](const std::string& text, char sep) {
    std::istringstream in(text);
    std::string line;
    const std::string prefix = job_id + "_";
    while (std::getline(in, line)) {
      const size_t s = line.find(sep);
      if (line.rfind(prefix, 0) != 0 || s == std::string::npos) continue;
      const std::string task = line.substr(prefix.size(), s - prefix.size());
      std::string state = line.substr(s + 1);
      state = state.substr(0, state.find(' '));  // "CANCELLED by 0"
      if (!task.empty() && task.find_first_not_of("0123456789") == std::string::npos)
        states[std::stoul(task)] = state;
      else if (!terminal(state))
        states[kPendingRange] = state;
    }
  };
  const ProgramOutput q = run_capture({"squeue", "-h", "-r", "-t", "all", "-j", job_id, "-o", "%i|%T"});
  if (q.status == 0) {
    parse(q.text, '|');
    if (!states.empty()) return states;
  } else if (q.text.find("Invalid job id") == std::string::npos) {
    *why = last_line(q.text);
    return std::nullopt;
  }
  // Purged from the controller's memory (MinJobAge): ask the accounting, if there is one.
  const ProgramOutput a = run_capture({"sacct", "-n", "-P", "-X", "-j", job_id, "-o", "JobID,State"});
  if (a.status == 0) parse(a.text, '|');
  return states;
}

// A plan entry: the job and its cache inputs, so that the task computes the same key.
json point_job_to_json(const PointJob& j) {
  return {{"name", j.name},
          {"design", j.design},
          {"run", j.run},
          {"settings", run_settings_to_json(j.settings)},
          {"liberty", j.liberty},
          {"timing", j.timing},
          {"key", j.key},
          {"inputs", cache_key_json(j.inputs)}};
}

PointJob point_job_from_json(const json& j) {
  try {
    PointJob p;
    p.name = j.at("name").get<std::string>();
    p.design = j.at("design");
    p.run = j.at("run");
    p.settings = run_settings_from_json(j.at("settings"));
    p.liberty = j.at("liberty").get<std::string>();
    p.timing = j.at("timing").get<bool>();
    p.key = j.at("key").get<std::string>();
    const json& in = j.at("inputs");
    p.inputs.config = in.at("config");
    p.inputs.run = in.at("run");
    p.inputs.liberty = in.at("liberty").get<std::string>();
    if (!in.at("clock_period_ns").is_null()) p.inputs.clock_period_ns = in.at("clock_period_ns").get<double>();
    p.inputs.version = in.at("version").get<std::string>();
    p.inputs.rtl = in.at("rtl").get<std::string>();
    if (cache_key(p.inputs) != p.key) throw std::runtime_error("key does not match its inputs");
    return p;
  } catch (const std::exception& e) {
    throw ConfigError(fmt::format("corrupt sweep plan entry ({})", e.what()));
  }
}

}  // namespace

void check_slurm_options(const SlurmOptions& o) {
  if (!o.partition.empty() && !std::regex_match(o.partition, std::regex("[A-Za-z0-9_.,-]+")))
    throw ConfigError(fmt::format("invalid --slurm-partition = '{}': expected partition names (letters, digits, "
                                  "_ . -, comma-separated)", o.partition));
  if (!o.time.empty() && !std::regex_match(o.time, std::regex("(\\d+-)?\\d+(:\\d+){0,2}|UNLIMITED|INFINITE")))
    throw ConfigError(fmt::format("invalid --slurm-time = '{}': expected minutes, MM:SS, HH:MM:SS, D-HH, "
                                  "D-HH:MM or D-HH:MM:SS", o.time));
  if (!o.mem.empty() && !std::regex_match(o.mem, std::regex("\\d+[KMGT]?")))
    throw ConfigError(fmt::format("invalid --slurm-mem = '{}': expected a size such as 2000, 500M or 4G", o.mem));
  for (const std::string& a : o.sbatch_args)
    if (a.empty() || a[0] != '-')
      throw ConfigError(fmt::format("invalid --sbatch-arg = '{}': expected an sbatch option such as "
                                    "--account=NAME (one per --sbatch-arg)", a));
}

std::vector<std::string> sbatch_argv(const fs::path& work, size_t count, const SlurmOptions& o) {
  std::vector<std::string> argv = {
      "sbatch", "--parsable", "--job-name=tpegen-sweep",
      fmt::format("--array=0-{}{}", count - 1, o.max_parallel > 0 ? fmt::format("%{}", o.max_parallel) : std::string()),
      "--output=" + (work / "slurm" / "log" / "%A_%a.out").string()};
  if (!o.partition.empty()) argv.push_back("--partition=" + o.partition);
  if (!o.time.empty()) argv.push_back("--time=" + o.time);
  if (!o.mem.empty()) argv.push_back("--mem=" + o.mem);
  argv.insert(argv.end(), o.sbatch_args.begin(), o.sbatch_args.end());
  argv.push_back((work / "slurm" / "sweep-point.sh").string());
  return argv;
}

std::string sbatch_command(const fs::path& work, size_t count, const SlurmOptions& o) {
  // For the user to read or paste: arguments a shell would split or expand are quoted.
  std::string cmd;
  for (const std::string& a : sbatch_argv(work, count, o)) {
    const bool plain = !a.empty() && a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                                          "0123456789_-./=:,%@+") == std::string::npos;
    cmd += (cmd.empty() ? "" : " ") + (plain ? a : shell_quote(a));
  }
  return cmd;
}

std::string submit_array(const fs::path& exe, const fs::path& work, const std::vector<PointJob>& jobs,
                         const SlurmOptions& o) {
  for (Tool tool : {Tool::Sbatch, Tool::Squeue})  // sacct is optional: asked only after the queue forgot a job
    require_tool(tool, "or slurm-wlm for a whole cluster on this machine (--executor slurm)");
  const fs::path dir = work / "slurm";
  std::error_code ec;
  fs::create_directories(dir / "log", ec);
  if (ec) throw ConfigError(fmt::format("cannot create the directory {}: {}", (dir / "log").string(), ec.message()));
  // A second array on the same plan file would run the wrong points: one active job per WORK.
  const json last = json::parse(read_text_or_empty(dir / "job.json"), nullptr, false);
  if (last.is_object() && last.contains("job_id") && last.at("job_id").is_string()) {
    const std::string id = last.at("job_id").get<std::string>();
    std::string why;
    if (auto states = task_states(id, &why))
      for (const auto& [task, state] : *states)
        if (!terminal(state))
          throw ConfigError(fmt::format("Slurm job {} of an earlier sweep on {} is still {}: wait for it to end "
                                        "(or scancel {}), then rerun", id, work.string(), state, id));
  }
  json plan = {{"exe", exe.string()}, {"work", work.string()}, {"jobs", json::array()}};
  for (const PointJob& j : jobs) plan["jobs"].push_back(point_job_to_json(j));
  write_text_file_atomic(plan_file(work), plan.dump(1) + "\n");
  write_text_file_atomic(dir / "sweep-point.sh",
                    fmt::format("#!/bin/sh\n# Written by tpegen sweep --executor slurm: array task i synthesizes "
                                "point i of {} into the cache.\nexec {} sweep-point {} \"$SLURM_ARRAY_TASK_ID\"\n",
                                plan_file(work).string(), shell_quote(exe.string()), shell_quote(work.string())));
  const ProgramOutput s = run_capture(sbatch_argv(work, jobs.size(), o));
  const std::string line = last_line(s.text);
  const std::string id = line.substr(0, line.find(';'));
  if (s.status != 0 || id.empty() || id.find_first_not_of("0123456789") != std::string::npos)
    throw ConfigError(fmt::format("sbatch did not submit the sweep ({}): {}",
                                  s.status == 0 ? "no job id" : fmt::format("exit status {}", s.status),
                                  line.empty() ? std::string("no output") : line));
  write_text_file_atomic(dir / "job.json", json{{"job_id", id}, {"points", jobs.size()}}.dump() + "\n");
  return id;
}

void wait_array(const std::string& job_id, const fs::path& work, const std::vector<PointJob>& jobs,
                std::vector<Result>& results, size_t done) {
  using Clock = std::chrono::steady_clock;
  std::vector<bool> finished(jobs.size(), false);
  size_t remaining = jobs.size();
  auto from_cache = [&](size_t t) {
    const PointJob& j = jobs[t];
    std::optional<Result> r = read_cache_file(work / "cache" / (j.key + ".json"), j.key);
    if (!r) return false;
    r->name = j.name;
    r->run = j.run;
    r->cached = false;
    results[j.index] = *r;
    finished[t] = true;
    --remaining;
    print_progress(++done, results.size(), *r);
    return true;
  };
  bool silent = false;                // the controller stopped answering...
  Clock::time_point silent_since{};   // ... at this time
  auto pause = std::chrono::milliseconds(500);
  while (remaining > 0) {
    const size_t before = remaining;
    for (size_t t = 0; t < jobs.size(); ++t)
      if (!finished[t]) from_cache(t);
    if (remaining == 0) break;
    std::string why;
    const auto states = task_states(job_id, &why);
    if (!states) {
      if (!silent) silent_since = Clock::now();
      silent = true;
      if (Clock::now() - silent_since > std::chrono::minutes(5))
        throw ConfigError(fmt::format("lost contact with the Slurm controller for 5 minutes ({}); job {} may still "
                                      "run: rerun with --collect later", why, job_id));
    } else {
      silent = false;
      for (size_t t = 0; t < jobs.size(); ++t) {
        if (finished[t]) continue;
        const auto it = states->find(t);
        if (it == states->end() && states->count(kPendingRange)) continue;  // not started yet
        const std::string state = it == states->end() ? std::string("UNKNOWN") : it->second;
        if (it != states->end() && !terminal(state)) continue;
        if (from_cache(t)) continue;  // it finished between the two looks
        const fs::path log = log_file(work, job_id, t);
        const std::string reason = last_error_line(log);
        Result& r = results[jobs[t].index];
        r.ok = false;
        r.error = fmt::format("Slurm task {}_{} {}{}{}; log {}", job_id, t, state,
                              it == states->end() ? " (no longer listed by squeue or sacct)" : "",
                              reason.empty() ? std::string() : ": " + reason, log.string());
        finished[t] = true;
        --remaining;
        print_progress(++done, results.size(), r);
      }
    }
    if (remaining == 0) break;
    pause = remaining < before ? std::chrono::milliseconds(500) : std::min(pause * 2, std::chrono::milliseconds(5000));
    std::this_thread::sleep_for(pause);
  }
}

int run_sweep_point(const fs::path& work, long index) {
  const json plan = json::parse(read_text_or_empty(plan_file(work)), nullptr, false);
  if (plan.is_discarded() || !plan.is_object() || !plan.contains("jobs") || !plan.at("jobs").is_array())
    throw ConfigError(fmt::format("invalid WORK = '{}': no sweep plan in {} (tpegen sweep --executor slurm "
                                  "writes it)", work.string(), plan_file(work).string()));
  const json& jobs = plan.at("jobs");
  if (index < 0 || static_cast<size_t>(index) >= jobs.size())
    throw ConfigError(fmt::format("invalid INDEX = {}: the plan in {} has points 0..{}", index, work.string(),
                                  static_cast<long>(jobs.size()) - 1));
  const PointJob job = point_job_from_json(jobs.at(static_cast<size_t>(index)));
  if (read_cache_file(work / "cache" / (job.key + ".json"), job.key)) {
    fmt::print("tpegen: {}: already in the cache\n", job.name);
    return 0;
  }
  bool interrupted = false;
  const Result r = run_point(fs::read_symlink("/proc/self/exe"), work, job, &interrupted);
  if (!r.ok) {
    fmt::print(stderr, "tpegen: error: {}: {}\n", job.name, r.error);
    return interrupted ? 130 : 1;
  }
  print_progress(1, 1, r);
  return 0;
}

}  // namespace tpegen::sweep

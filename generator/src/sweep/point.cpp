#include "sweep/point.hpp"

#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "util/run.hpp"
#include "util/text_file.hpp"

namespace fs = std::filesystem;

namespace tpegen::sweep {
namespace {

// The reason a synth run failed: its last "error:" line, else the exit status.
std::string failure_reason(const fs::path& log, int status) {
  const std::string last = last_error_line(log);
  return last.empty() ? fmt::format("tpegen synth exit status {} (see {})", status, log.string()) : last;
}

}  // namespace

std::string last_error_line(const fs::path& log) {
  std::istringstream in(read_text_or_empty(log));
  std::string line, last;
  while (std::getline(in, line))
    if (line.find("error:") != std::string::npos) last = line;
  const std::string prefix = "tpegen: error: ";
  if (last.rfind(prefix, 0) == 0) last = last.substr(prefix.size());
  if (last.size() > 200) last = last.substr(0, 200) + "...";
  return last;
}

Result run_point(const fs::path& exe, const fs::path& work, const PointJob& job, bool* interrupted) {
  const std::string& name = job.name;
  const fs::path dir = work / "points" / name;
  const fs::path cfg = work / "points" / (name + ".config.json");
  const fs::path report = work / "points" / (name + ".report.json");
  const fs::path log = work / "points" / (name + ".log");
  Result r;
  r.name = name;
  r.config = job.inputs.config;
  r.run = job.run;
  r.error = "not run";
  try {
    write_text_file_atomic(cfg, job.design.dump(2) + "\n");
    fs::remove(report);
    std::vector<std::string> cmd = {exe.string(), "synth", "--config", cfg.string(), "--json", report.string(),
                                    "--work", dir.string()};
    if (job.liberty.empty()) cmd.push_back("--no-liberty");
    else cmd.insert(cmd.end(), {"--liberty", job.liberty});
    const std::vector<std::string> run = run_synth_args(job.settings, job.timing);
    cmd.insert(cmd.end(), run.begin(), run.end());
    if (!job.timing) cmd.push_back("--no-timing");
    const int status = run_program(cmd, {}, log);
    if (status == -1 || status == 130 || status == 143) {
      *interrupted = true;
      r.error = "interrupted";
    } else if (status != 0) {
      r.error = failure_reason(log, status);
    } else {
      const auto rep = nlohmann::json::parse(read_text_or_empty(report), nullptr, false);
      if (rep.is_discarded() || !rep.is_object()) throw std::runtime_error("cannot read " + report.string());
      const auto manifest = nlohmann::json::parse(read_text_or_empty(dir / "design" / "manifest.json"), nullptr, false);
      r = result_from_report(name, rep, manifest.is_discarded() ? nlohmann::json() : manifest);
      r.run = job.run;
      write_text_file_atomic(work / "cache" / (job.key + ".json"), cache_file_text(job.key, job.inputs, r));
    }
  } catch (const std::exception& e) {
    r.ok = false;
    r.error = e.what();
  }
  return r;
}

void print_progress(size_t done, size_t n, const Result& r, const std::string& suffix) {
  if (r.ok)
    fmt::print("[{}/{}] {}: area {} µm², fmax {} MHz{}\n", done, n, r.name,
               r.area_um2 ? fmt::format("{:.1f}", *r.area_um2) : "-",
               r.fmax_mhz ? fmt::format("{:.1f}", *r.fmax_mhz) : "-", suffix);
  else
    fmt::print("[{}/{}] {}: FAILED: {}\n", done, n, r.name, r.error);
  std::fflush(stdout);
}

}  // namespace tpegen::sweep

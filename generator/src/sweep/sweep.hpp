// The pure parts of `tpegen sweep`: expanding a sweep config (base + grid + points) into
// design points, the result cache key and files, and the reports (CSV, Markdown, SVG)
// with each bit-weight design compared to its mac baseline. Running the points (spawning
// `tpegen synth`) lives in cli/cmd_sweep.cpp.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/design_config.hpp"

namespace tpegen::sweep {

/// Turns a design JSON object (the keys of `tpegen --config`) into a resolved config;
/// throws ConfigError for an invalid combination. Injected so that this module does not
/// depend on the CLI (cmd_sweep passes cli::apply_json + resolve).
using Resolver = std::function<DesignConfig(const nlohmann::json& design)>;

/// Keys of a point that set how it is measured rather than what is built: "clock_period"
/// (ns, for OpenSTA), "fmax_search" (re-syntheses, 0..10) and "activity" ("static" | "sim").
/// They may appear in base, grid and points like design keys; absent ones take the CLI's.
bool is_run_key(const std::string& key);

struct Point {
  std::string name;             // canonical_name of the resolved config plus run_suffix(run) ("" when skipped)
  nlohmann::json design;        // base + grid values / explicit point, as given, without the run keys
  nlohmann::json run = nlohmann::json::object();  // the run keys given for this point
  std::optional<DesignConfig> resolved;
  std::string skipped;          // why the point is invalid (resolved is empty then)
};

/// Expands {"base": {...}, "grid": {"key": [values...]}, "points": [{...}]}: the cartesian
/// product of the grid keys (in key order) applied on top of base, then each explicit point
/// on top of base. Points resolving to the same design are kept once. Throws ConfigError
/// when the file itself is malformed (not an object, unknown top-level key, grid value
/// not a non-empty array, ...); an invalid design combination is a skipped point.
std::vector<Point> expand(const std::string& config_text, const std::string& origin, const Resolver& resolve_design);

/// "" for no run keys, else e.g. "@p5_fs3_sim" (clock 5 ns, 3 fmax steps, simulated activity),
/// so that one design measured two ways gives two points.
std::string run_suffix(const nlohmann::json& run);

/// What decides a point's result: the resolved design, the liberty file, the clock period
/// (null without timing), the tpegen version and the generated RTL itself (so a changed
/// generator at the same version does not reuse results of the old RTL).
struct CacheInputs {
  nlohmann::json config;  // config_to_json(resolved)
  std::string liberty;    // absolute path, "" for none
  std::optional<double> clock_period_ns;
  std::string version;
  nlohmann::json run = nlohmann::json::object();  // fmax_search, activity (effective values)
  std::string rtl = {};   // rtl_digest of the design's files
};

/// 16 hex digits identifying the RTL of a design: FNV-1a 64 over the paths and texts of its
/// rtl/ files (the manifest and packaging files do not change the netlist).
std::string rtl_digest(const std::vector<std::pair<std::string, std::string>>& files);

nlohmann::json cache_key_json(const CacheInputs& in);
/// 16 hex digits (FNV-1a 64 of the canonical JSON dump of cache_key_json).
std::string cache_key(const CacheInputs& in);

struct Result {
  std::string name;
  nlohmann::json config;        // resolved config (config_to_json)
  bool ok = false;
  bool cached = false;
  std::string error;            // when !ok
  long long cells = -1;
  long long transistors = -1;
  std::optional<double> area_um2;
  std::optional<double> fmax_mhz;          // from the worst path (tpegen synth's fmax_mhz)
  std::optional<double> fmax_reg2reg_mhz;  // 1000 / the reg2reg path group's arrival (no port fan-out)
  std::optional<double> critical_path_ns;
  std::optional<double> power_mw;
  std::optional<double> clock_period_ns;  // at which power was measured
  std::optional<double> macs_per_cycle;
  std::string macs_note;        // where macs_per_cycle came from when it is an estimate
  nlohmann::json run = nlohmann::json::object();  // the point's run keys (baselines must match them)
  std::string activity_source;  // "static" or "sim"
  std::optional<double> energy_per_mac_pj;  // measured (activity sim): energy of the run / its useful MACs
  std::optional<double> fmax_search_mhz;    // best clock of --fmax-search, and the area it costs
  std::optional<double> fmax_search_area_um2;
  int baseline = -1;            // index of the baseline result (link_baselines), not stored

  /// The fmax ratios, efficiency and plots use: reg2reg when known (what compare_pe.sh
  /// reports: the unbuffered netlist's port fan-out otherwise dominates cube/matrix2d), else worst.
  /// With an fmax search, its best clock (reg2reg too).
  std::optional<double> fmax() const {
    return fmax_search_mhz ? fmax_search_mhz : fmax_reg2reg_mhz ? fmax_reg2reg_mhz : fmax_mhz;
  }
  /// The area that goes with fmax(): the searched netlist's when there was a search.
  std::optional<double> fmax_area() const { return fmax_search_mhz ? fmax_search_area_um2 : area_um2; }
  std::string arch() const;
  std::string pe() const;
};

/// Builds a result from the report `tpegen synth --json` writes and the design's manifest
/// (for timing.macs_per_cycle; may be null, then the architecture's formula is used).
Result result_from_report(const std::string& name, const nlohmann::json& report, const nlohmann::json& manifest);

/// MACs per cycle from the resolved config (rows*cols for the systolic arrays,
/// rows*cols*depth for the dot-product grids; for the variable-latency designs an estimate for
/// int8 normal(0,30) data: rows*cols*depth / arch::expected_step_cycles(rows*depth) for
/// opt4c, opt4e and bitslice opt3, cols/9.9 for bitslice laconic).
double macs_per_cycle_formula(const nlohmann::json& config, std::string* note = nullptr);

nlohmann::json result_to_json(const Result& r);
/// nullopt for anything that is not a result written by result_to_json.
std::optional<Result> result_from_json(const nlohmann::json& j);

/// The cache file of one point: {"key": ..., "inputs": ..., "result": ...}.
std::string cache_file_text(const std::string& key, const CacheInputs& in, const Result& r);
/// Reads a cache file; nullopt (and why in *why) when it is missing, corrupt or for another key.
std::optional<Result> read_cache_file(const std::filesystem::path& p, const std::string& key, std::string* why = nullptr);

/// Derived figures of one result (nullopt when an input is missing).
struct Derived {
  std::optional<double> area_eff;     // GMAC/s per mm² at fmax
  std::optional<double> energy_pj;    // pJ per MAC at the clock period power was measured at
};
Derived derive(const Result& r);

/// Ratios of a bit-weight design to its baseline.
struct Ratios {
  std::optional<double> area, fmax, area_eff, energy;
};

/// The resolved config (config_to_json) of the design a config is compared against, or
/// nullopt for a baseline itself. Injected (cmd_sweep uses the registry's baseline_of).
using BaselineOf = std::function<std::optional<nlohmann::json>(const nlohmann::json& config)>;
/// Sets each result's `baseline`: the ok result whose config equals its baseline's (PE options
/// aside when the PE matches) and whose run keys are the same.
void link_baselines(std::vector<Result>& results, const BaselineOf& baseline_of);
/// results[i].baseline.
int find_baseline(const std::vector<Result>& results, size_t i);
Ratios ratios(const Result& opt, const Result& base);

std::string to_csv(const std::vector<Result>& results);
std::string to_markdown(const std::vector<Result>& results, const std::vector<Point>& skipped);
std::string svg_area_fmax(const std::vector<Result>& results);
std::string svg_area_eff(const std::vector<Result>& results);

}  // namespace tpegen::sweep

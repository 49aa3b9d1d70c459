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

struct Point {
  std::string name;             // canonical_name of the resolved config ("" when skipped)
  nlohmann::json design;        // base + grid values / explicit point, as given
  std::optional<DesignConfig> resolved;
  std::string skipped;          // why the point is invalid (resolved is empty then)
};

/// Expands {"base": {...}, "grid": {"key": [values...]}, "points": [{...}]}: the cartesian
/// product of the grid keys (in key order) applied on top of base, then each explicit point
/// on top of base. Points resolving to the same design are kept once. Throws ConfigError
/// when the file itself is malformed (not an object, unknown top-level key, grid value
/// not a non-empty array, ...); an invalid design combination is a skipped point.
std::vector<Point> expand(const std::string& config_text, const std::string& origin, const Resolver& resolve_design);

/// What decides a point's result: the resolved design, the liberty file, the clock period
/// (null without timing) and the tpegen version.
struct CacheInputs {
  nlohmann::json config;  // config_to_json(resolved)
  std::string liberty;    // absolute path, "" for none
  std::optional<double> clock_period_ns;
  std::string version;
};

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

  /// The fmax ratios, efficiency and plots use: reg2reg when known (what compare_pe.sh
  /// reports: the unbuffered netlist's port fan-out otherwise dominates cube/matrix2d), else worst.
  std::optional<double> fmax() const { return fmax_reg2reg_mhz ? fmax_reg2reg_mhz : fmax_mhz; }
  std::string arch() const;
  std::string pe() const;
};

/// Builds a result from the report `tpegen synth --json` writes and the design's manifest
/// (for timing.macs_per_cycle; may be null, then the architecture's formula is used).
Result result_from_report(const std::string& name, const nlohmann::json& report, const nlohmann::json& manifest);

/// MACs per cycle from the resolved config (rows*cols for the systolic arrays,
/// rows*cols*depth for the dot-product grids, about cols/2 for opt4c with int8 normal data).
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

/// Ratios of a bit-weight design to its mac baseline (same config except the PE options).
struct Ratios {
  std::optional<double> area, fmax, area_eff, energy;
};
/// Index of r's baseline in results (the mac point of the same arch/size/widths), or -1.
int find_baseline(const std::vector<Result>& results, size_t i);
Ratios ratios(const Result& opt, const Result& base);

std::string to_csv(const std::vector<Result>& results);
std::string to_markdown(const std::vector<Result>& results, const std::vector<Point>& skipped);
std::string svg_area_fmax(const std::vector<Result>& results);
std::string svg_area_eff(const std::vector<Result>& results);

}  // namespace tpegen::sweep

// The result cache of a sweep: the key of a point and its cache file (WORK/cache/<key>.json).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/design_config.hpp"

#include "sweep/result.hpp"

namespace tpegen::sweep {

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

/// The cache file of one point: {"key": ..., "inputs": ..., "result": ...}.
std::string cache_file_text(const std::string& key, const CacheInputs& in, const Result& r);
/// Reads a cache file; nullopt (and why in *why) when it is missing, corrupt or for another key.
std::optional<Result> read_cache_file(const std::filesystem::path& p, const std::string& key, std::string* why = nullptr);

}  // namespace tpegen::sweep

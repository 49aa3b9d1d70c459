// Optional numeric fields of the sweep's JSON files (results, cache keys): null when absent.
#pragma once

#include <optional>

#include <nlohmann/json_fwd.hpp>

namespace tpegen::sweep {

inline std::optional<double> opt_num(const nlohmann::json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j.at(key).is_number()) return std::nullopt;
  return j.at(key).get<double>();
}

inline nlohmann::json opt_json(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

}  // namespace tpegen::sweep

#include "config/config_json.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "config/config_fields.hpp"
#include "util/did_you_mean.hpp"
#include "util/json_text.hpp"

namespace tpegen {

const std::vector<std::string>& config_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (const ConfigField& f : config_fields())
      if (!f.hidden) k.push_back(f.key);
    return k;
  }();
  return keys;
}

void apply_json(DesignConfig& c, const std::string& text, const std::string& origin) {
  const nlohmann::json j = parse_json_object(text, fmt::format("invalid --config = '{}'", origin));
  // The files `tpegen generate` writes beside the RTL are not design configs; their folder is.
  if (j.contains("DESIGN_NAME") || (j.value("generator", "") == "tpegen" && j.contains("config")))
    throw ConfigError(fmt::format("invalid --config = '{}': a file written by tpegen generate, not a design config; "
                                  "give its folder to sim or synth as --from DIR",
                                  origin));
  std::vector<std::string> known;
  for (const ConfigField& f : config_fields()) known.push_back(f.key);
  for (auto& [key, value] : j.items()) {
    (void)value;
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    throw ConfigError(fmt::format("invalid --config = '{}': unknown key '{}'{} (keys: {})", origin, key,
                                  did_you_mean(key, config_keys()), fmt::join(config_keys(), ", ")));
  }
  for (const ConfigField& f : config_fields())
    if (j.contains(f.key)) set_field_json(f, c, j.at(f.key), origin);
}

}  // namespace tpegen

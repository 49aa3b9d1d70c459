#include "sweep/baseline_config.hpp"

#include "arch/registry.hpp"
#include "arch/resolve.hpp"
#include "config/config_fields.hpp"
#include "config/config_json.hpp"
#include "output/design_files.hpp"  // config_to_json

namespace tpegen::sweep {

std::optional<nlohmann::json> baseline_config_json(const nlohmann::json& config) {
  try {
    DesignConfig c;
    apply_json(c, config.dump(), "sweep result");
    const std::optional<DesignConfig> b = baseline_of(resolve(c));
    if (!b) return std::nullopt;
    return config_to_json(resolve(*b));
  } catch (const ConfigError&) {
    return std::nullopt;  // e.g. a cached result of another tpegen version: no comparison
  }
}

}  // namespace tpegen::sweep

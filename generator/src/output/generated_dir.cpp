#include "output/generated_dir.hpp"

#include <system_error>

#include <fmt/format.h>

#include "config/design_config.hpp"
#include "output/dir_writer.hpp"

namespace fs = std::filesystem;

namespace tpegen {

GeneratedDir read_generated_dir(const std::string& dir) {
  auto refuse = [&](const std::string& why) {
    return ConfigError(fmt::format("invalid --from = '{}': {}", dir, why));
  };
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw refuse("no such folder");
  const nlohmann::json manifest = read_tpegen_manifest(dir);
  if (manifest.is_null())
    throw refuse("not a folder written by tpegen generate (it has no manifest.json naming tpegen)");
  // `tpegen arith` writes a manifest too, of a component rather than a design.
  const auto config = manifest.find("config");
  if (config == manifest.end() || !config->is_object() || !config->contains("arch"))
    throw refuse("its manifest.json holds no design configuration (not written by tpegen generate)");
  GeneratedDir g{*config, std::nullopt};
  if (const auto flow = manifest.find("asic_flow"); flow != manifest.end() && flow->is_object()) {
    const auto period = flow->find("clock_period_ns");
    if (period != flow->end() && period->is_number()) g.clock_period_ns = period->get<double>();
  }
  return g;
}

}  // namespace tpegen

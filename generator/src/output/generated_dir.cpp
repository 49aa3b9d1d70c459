#include "output/generated_dir.hpp"

#include <fstream>
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

bool is_arith_dir(const std::string& dir) {
  const nlohmann::json manifest = read_tpegen_manifest(dir);
  return manifest.is_object() && manifest.contains("kind") && manifest.at("kind").is_string();
}

ArithDir read_arith_dir(const std::string& dir) {
  auto refuse = [&](const std::string& why) {
    return ConfigError(fmt::format("invalid --from = '{}': {}", dir, why));
  };
  if (!is_arith_dir(dir)) throw refuse("not a folder written by tpegen arith (no manifest.json naming a kind)");
  const nlohmann::json manifest = read_tpegen_manifest(dir);
  ArithDir a;
  a.kind = manifest.at("kind").get<std::string>();
  a.top = manifest.value("top", "");
  a.config = manifest.value("config", nlohmann::json::object());
  if (a.top.empty()) throw refuse("its manifest.json names no top module");
  std::ifstream in(fs::path(dir) / "files.f");
  if (!in) throw refuse("it has no files.f");
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.rfind("//", 0) == 0) continue;  // the banner
    std::error_code ec;
    if (!fs::is_regular_file(fs::path(dir) / line, ec)) throw refuse(fmt::format("files.f lists {}, which is missing", line));
    a.rtl.push_back(line);
  }
  if (a.rtl.empty()) throw refuse("its files.f lists no Verilog file");
  return a;
}

}  // namespace tpegen

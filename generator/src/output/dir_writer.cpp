#include "output/dir_writer.hpp"

#include <fstream>
#include <system_error>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "config/design_config.hpp"

namespace fs = std::filesystem;

namespace tpegen {

bool written_by_tpegen(const fs::path& dir) {
  std::ifstream in(dir / "manifest.json");
  if (!in) return false;
  auto j = nlohmann::json::parse(in, nullptr, false);
  return !j.is_discarded() && j.is_object() && j.value("generator", "") == "tpegen";
}

void write_tree_atomically(const fs::path& dir_in, const std::vector<std::pair<std::string, std::string>>& files,
                           bool force) {
  fs::path dir = fs::absolute(dir_in).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();  // "out/" (or "out/.") names "out"
  std::error_code ec;
  const bool exists = fs::exists(dir, ec);
  if (exists && !fs::is_directory(dir))
    throw ConfigError(fmt::format("invalid -o = '{}': it exists and is not a directory", dir_in.string()));
  if (exists && !fs::is_empty(dir) && !written_by_tpegen(dir) && !force)
    throw ConfigError(fmt::format(
        "invalid -o = '{}': the directory is not empty and was not written by tpegen; pass --force to replace it",
        dir_in.string()));
  const fs::path parent = dir.parent_path();
  fs::create_directories(parent, ec);
  if (ec)
    throw ConfigError(fmt::format("invalid -o = '{}': cannot create {}: {}", dir_in.string(), parent.string(),
                                  ec.message()));
  const std::string tag = fmt::format(".{}.tpegen-{}", dir.filename().string(), ::getpid());
  const fs::path tmp = parent / (tag + "-new");
  const fs::path old = parent / (tag + "-old");
  try {
    fs::remove_all(tmp);
    fs::create_directories(tmp);
    for (auto& [rel, text] : files) {
      const fs::path p = tmp / rel;
      fs::create_directories(p.parent_path());
      std::ofstream out(p, std::ios::binary);
      out << text;
      out.close();
      if (!out) throw fs::filesystem_error("write failed", p, std::make_error_code(std::errc::io_error));
    }
    if (exists) fs::rename(dir, old);
    fs::rename(tmp, dir);
    if (exists) fs::remove_all(old);
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(tmp, ec);
    if (!fs::exists(dir, ec) && fs::exists(old, ec)) fs::rename(old, dir, ec);
    throw ConfigError(fmt::format("invalid -o = '{}': cannot write output: {}", dir_in.string(), e.what()));
  }
}

}  // namespace tpegen

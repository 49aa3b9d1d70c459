#include "util/paths.hpp"

#include <cstdlib>

namespace tpegen {

std::filesystem::path source_root() {
  if (const char* home = std::getenv("TPEGEN_HOME"); home && *home) return home;
  return TPEGEN_SOURCE_DIR;
}

std::filesystem::path executable_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

const char* version() { return TPEGEN_VERSION; }

}  // namespace tpegen

#include "util/paths.hpp"

#include <cstdlib>
#include <system_error>

namespace fs = std::filesystem;

namespace tpegen {

std::filesystem::path source_root() {
  if (const char* home = std::getenv("TPEGEN_HOME"); home && *home) return home;
  // An installed copy uses the data installed with it (the same version), even when the
  // tree it was built from still exists.
  if (const fs::path exe = executable_dir(); !exe.empty()) {
    const fs::path share = (exe / ".." / "share" / "tpegen").lexically_normal();
    std::error_code ec;
    if (fs::is_directory(share / "rtl_templates", ec)) return share;
  }
  return TPEGEN_SOURCE_DIR;
}

std::filesystem::path executable_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

const char* version() { return TPEGEN_VERSION; }

}  // namespace tpegen

#include "util/paths.hpp"

#include <cstdlib>
#include <system_error>

namespace fs = std::filesystem;

namespace tpegen {

std::filesystem::path source_root() {
  if (const char* home = std::getenv("TPEGEN_HOME"); home && *home) return home;
  // An installed copy uses the data installed with it (the same version), even when the
  // tree it was built from still exists.
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path share = (exe.parent_path() / ".." / "share" / "tpegen").lexically_normal();
    if (fs::is_directory(share / "rtl_templates", ec)) return share;
  }
  return TPEGEN_SOURCE_DIR;
}

const char* version() { return TPEGEN_VERSION; }

}  // namespace tpegen

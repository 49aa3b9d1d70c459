#include "util/paths.hpp"

#include <cstdlib>

namespace tpegen {

std::filesystem::path source_root() {
  if (const char* home = std::getenv("TPEGEN_HOME"); home && *home) return home;
  return TPEGEN_SOURCE_DIR;
}

const char* version() { return TPEGEN_VERSION; }

}  // namespace tpegen

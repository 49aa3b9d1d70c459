// Where tpegen finds its own files (rtl_templates/, tb/, model/, schema/).
#pragma once

#include <filesystem>

namespace tpegen {

/// tpegen's data: $TPEGEN_HOME when set; else, for an installed tpegen (`make install`),
/// <exe dir>/../share/tpegen; else the source tree this binary was built from.
std::filesystem::path source_root();

/// The folder holding the running executable (from /proc/self/exe); empty when unknown.
std::filesystem::path executable_dir();

/// tpegen's version string (from CMake's project version).
const char* version();

}  // namespace tpegen

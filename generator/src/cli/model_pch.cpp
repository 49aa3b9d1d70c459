#include "cli/model_pch.hpp"

#include <cstdint>
#include <exception>
#include <system_error>

#include <fmt/format.h>

#include "util/text_file.hpp"
#include "util/work_dir.hpp"

namespace fs = std::filesystem;

namespace tpegen::cli {
namespace {

// What the harness (tb/harness) and Verilator's generated model include; the compile flags
// must be the model's own, which is why make builds it (see the fragment below).
constexpr const char* kHeader =
    "// Written by tpegen sim: precompiled once for every Verilated model build.\n"
    "#include \"verilated.h\"\n"
    "#include <algorithm>\n#include <chrono>\n#include <cmath>\n#include <deque>\n#include <memory>\n"
    "#include <optional>\n#include <random>\n#include <string>\n#include <vector>\n";

uint64_t fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace

std::vector<std::string> model_pch_make_args(const fs::path& work, const std::string& key, int build_opt,
                                             bool ccache) {
  const fs::path dir = fs::temp_directory_path() / "tpegen-pch" / fmt::format("{:016x}", fnv1a(key + kHeader));
  if (unsafe_path_char(dir.string()) != '\0') return {};
  const fs::path header = dir / "tpe_model.h";
  std::error_code ec;
  if (!fs::exists(header, ec)) {
    // A shared cache, not the user's work: when it cannot be written, build without it.
    try {
      fs::create_directories(dir);
      write_text_file_atomic(header, kHeader);  // another build may be writing it too
    } catch (const std::exception&) {
      return {};
    }
  }
  // Read after Vdut.mk (and so after verilated.mk), so that these assignments win. GCC checks
  // that a .gch matches the compile it is used in and otherwise reads the header itself
  // (-Winvalid-pch says so in build.log), so a stale one costs time, never correctness.
  const std::string fragment = fmt::format(
      "# Written by tpegen sim: the model and the harness use a precompiled header, built once by\n"
      "# the first build that needs it, with their own flags (renamed into place: builds run in\n"
      "# parallel).\n"
      "TPE_PCH := {0}\n"
      "TPE_OPT := -O{1}\n"
      "OPT_FAST = $(TPE_OPT) -include $(TPE_PCH) -Winvalid-pch\n"
      "OPT_GLOBAL = $(TPE_OPT)\n"
      "$(VK_USER_OBJS) $(VK_OBJS): | $(TPE_PCH).gch\n"
      "$(TPE_PCH).gch:\n"
      "\t$(CXX) $(CXXFLAGS) $(CPPFLAGS) $(TPE_OPT) -MF /dev/null -x c++-header -o $@.$$$$.tmp $(TPE_PCH)"
      " && mv -f $@.$$$$.tmp $@\n",
      header.string(), build_opt);
  write_work_file(work / "pch.mk", fragment, "--work");
  std::vector<std::string> args = {"-f", (work / "pch.mk").string()};
  // ccache caches a compile that uses a precompiled header only with this sloppiness; the
  // .gch's own contents are still part of its hash.
  if (ccache) args.push_back("OBJCACHE='env CCACHE_SLOPPINESS=pch_defines,time_macros ccache'");
  return args;
}

}  // namespace tpegen::cli

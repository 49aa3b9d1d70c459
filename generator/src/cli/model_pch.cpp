#include "cli/model_pch.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <system_error>

#include <fmt/format.h>

#include "util/fnv1a.hpp"
#include "util/run.hpp"
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

/// The user's own cache folder for precompiled headers: beside ccache's (which persists as
/// long as it does: a .gch is not byte-reproducible, and ccache hashes its bytes), created
/// private, and used only when this user owns it and nobody else can write it (its header is
/// compiled into every model). Empty when there is none.
fs::path private_cache_dir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  fs::path base;
  if (xdg != nullptr && *xdg == '/') base = xdg;
  else if (home != nullptr && *home == '/') base = fs::path(home) / ".cache";
  else return {};
  const fs::path dir = base / "tpegen" / "pch";
  std::error_code ec;
  fs::create_directories(dir, ec);
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0 || st.st_uid != ::getuid() || (st.st_mode & 077) != 0) return {};
  return dir;
}

// Make splits rule lines at ':' and expands '%' and '$'; the work-folder check covers the rest.
bool make_safe(const std::string& path) {
  return unsafe_path_char(path) == '\0' && path.find_first_of(":%") == std::string::npos;
}

}  // namespace

std::vector<std::string> model_pch_make_args(const fs::path& work, const std::string& key, int build_opt,
                                             bool ccache) {
  const fs::path cache = private_cache_dir();
  if (cache.empty()) return {};
  // The compiler and the Verilator installation a .gch was built for are part of its name:
  // GCC would silently ignore one built by another version, on every build.
  const std::string tools = run_capture({"g++", "-dumpfullversion"}).text +
                            run_capture({"verilator", "--getenv", "VERILATOR_ROOT"}).text;
  const fs::path dir = cache / fmt::format("{:016x}", fnv1a(kFnvBasis, key + "|" + tools + "|" + kHeader));
  if (!make_safe(dir.string())) return {};
  const fs::path header = dir / "tpe_model.h";
  std::error_code ec;
  if (!fs::exists(header, ec)) {
    try {
      fs::create_directories(dir);
      write_text_file_atomic(header, kHeader);  // another build may be writing it too
    } catch (const std::exception&) {
      return {};  // an optional cache: build without it
    }
  }
  // Read after Vdut.mk (and so after verilated.mk), so that these assignments win. GCC checks
  // that a .gch matches the compile it is used in and otherwise reads the header itself
  // (-Winvalid-pch says so in build.log), so a stale one costs time, never correctness; a
  // failed .gch build ('-': make goes on) only costs the time it saves.
  const std::string fragment = fmt::format(
      "# Written by tpegen sim: the model and the harness use a precompiled header, built once by\n"
      "# the first build that needs it, with their own flags (renamed into place: builds run in\n"
      "# parallel).\n"
      "TPE_PCH := {0}\n"
      "TPE_OPT := -O{1}\n"
      "OPT_FAST = $(TPE_OPT) -include $(TPE_PCH) -Winvalid-pch\n"
      "OPT_GLOBAL = $(TPE_OPT)\n"
      "$(VK_USER_OBJS) $(VK_FAST_OBJS) $(VM_PREFIX)__ALL.o: | $(TPE_PCH).gch\n"
      "$(TPE_PCH).gch:\n"
      "\t-$(CXX) $(CXXFLAGS) $(CPPFLAGS) $(TPE_OPT) -MF /dev/null -x c++-header -o $@.$$$$.tmp $(TPE_PCH)"
      " && mv -f $@.$$$$.tmp $@ || rm -f $@.$$$$.tmp\n",
      header.string(), build_opt);
  write_work_file(work / "pch.mk", fragment, "--work");
  std::vector<std::string> args = {"-f", (work / "pch.mk").string()};
  if (ccache) {
    // ccache caches a compile that uses a precompiled header only with this sloppiness (the
    // .gch's bytes are still part of its hash); the user's own sloppiness is kept.
    const char* own = std::getenv("CCACHE_SLOPPINESS");
    const std::string sloppiness = (own != nullptr && *own != '\0' && make_safe(own) ? std::string(own) + "," : "") +
                                   "pch_defines,time_macros";
    args.push_back(fmt::format("OBJCACHE='env CCACHE_SLOPPINESS={} ccache'", sloppiness));
  }
  return args;
}

}  // namespace tpegen::cli

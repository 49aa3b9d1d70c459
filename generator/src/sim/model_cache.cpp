#include "sim/model_cache.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <system_error>

#include <fmt/format.h>

#include "util/fnv1a.hpp"
#include "util/paths.hpp"
#include "util/run.hpp"
#include "util/text_file.hpp"
#include "util/work_dir.hpp"

namespace fs = std::filesystem;

namespace tpegen::sim {
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

std::vector<fs::path> harness_support_sources(const fs::path& root) {
  // Every golden model source (what model/CMakeLists.txt compiles into tpegen), then the trace.
  std::vector<fs::path> golden;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(root / "model" / "golden", ec))
    if (e.path().extension() == ".cpp") golden.push_back(e.path());
  std::sort(golden.begin(), golden.end());  // a stable fragment and digest
  golden.push_back(root / "tb" / "harness" / "operand_trace.cpp");
  return golden;
}

std::vector<std::string> model_cache_make_args(const fs::path& work, const std::string& key, int build_opt,
                                               bool ccache, const std::vector<fs::path>& support) {
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
  // The support objects are named by a digest of their sources and of the headers beside
  // them, so that an edited golden model gets new objects (the old ones stay in the cache).
  uint64_t digest = kFnvBasis;
  for (const fs::path& src : support) {
    if (!make_safe(src.string())) return {};
    for (const char* ext : {".cpp", ".hpp"}) {
      const fs::path file = fs::path(src).replace_extension(ext);
      digest = fnv1a(digest, file.string() + "\n" + read_text_or_empty(file));
    }
  }
  std::string support_objs, support_rules;
  for (const fs::path& src : support) {
    const std::string obj = fmt::format("$(TPE_CACHE)/{}-{:016x}.o", src.stem().string(), digest);
    support_objs += " " + obj;
    support_rules += fmt::format("{}: {}\n\t$(CXX) $(CXXFLAGS) $(CPPFLAGS) $(TPE_OPT) $(TPE_COMPILE_ONCE)\n", obj,
                                 src.string());
  }
  // Read after Vdut.mk (and so after verilated.mk), so that these assignments win. GCC checks
  // that a .gch matches the compile it is used in and otherwise reads the header itself
  // (-Winvalid-pch says so in build.log), so a stale one costs time, never correctness; a
  // failed .gch build ('-': make goes on) only costs the time it saves. Verilator's runtime
  // objects (VK_GLOBAL_OBJS, emptied on make's command line so that the work folder builds
  // none) and the support objects are built once into the cache (renamed into place: builds
  // run in parallel) and linked from there.
  const std::string fragment = fmt::format(
      "# Written by tpegen sim: what every model build shares, built once by the first build\n"
      "# that needs it, with the model's own flags (sim/model_cache).\n"
      "TPE_CACHE := {0}\n"
      "TPE_PCH := $(TPE_CACHE)/tpe_model.h\n"
      "TPE_OPT := -O{1}\n"
      "OPT_FAST = $(TPE_OPT) -include $(TPE_PCH) -Winvalid-pch\n"
      "OPT_GLOBAL = $(TPE_OPT)\n"
      "$(VK_USER_OBJS) $(VK_FAST_OBJS) $(VM_PREFIX)__ALL.o: | $(TPE_PCH).gch\n"
      "$(TPE_PCH).gch:\n"
      "\t-$(CXX) $(CXXFLAGS) $(CPPFLAGS) $(TPE_OPT) -MF /dev/null -x c++-header -o $@.$$$$.tmp $(TPE_PCH)"
      " && mv -f $@.$$$$.tmp $@ || rm -f $@.$$$$.tmp\n"
      "TPE_COMPILE_ONCE = -MF /dev/null -c -o $@.$$$$.tmp $< && mv -f $@.$$$$.tmp $@ || {{ rm -f $@.$$$$.tmp; exit 1; }}\n"
      "TPE_RUNTIME := $(addprefix $(TPE_CACHE)/,$(addsuffix .o,$(VM_GLOBAL_FAST) $(VM_GLOBAL_SLOW)))\n"
      "$(VM_PREFIX): $(TPE_RUNTIME){2}\n"
      "# gold links a model in a third of the time of the default linker.\n"
      "ifneq ($(shell command -v ld.gold),)\n"
      "LDFLAGS += -fuse-ld=gold\n"
      "endif\n"
      "$(TPE_CACHE)/%.o: $(VERILATOR_ROOT)/include/%.cpp\n"
      "\t$(CXX) $(CXXFLAGS) $(CPPFLAGS) $(OPT_GLOBAL) $(TPE_COMPILE_ONCE)\n"
      "{3}",
      dir.string(), build_opt, support_objs, support_rules);
  write_work_file(work / "pch.mk", fragment, "--work");
  std::vector<std::string> args = {"-f", (work / "pch.mk").string(), "VK_GLOBAL_OBJS="};
  if (ccache) {
    // ccache caches a compile that uses a precompiled header only with this sloppiness (the
    // .gch's bytes are still part of its hash); the user's own sloppiness is kept. Its inode
    // cache remembers the 65 MB .gch's hash: without it ccache reads the whole file for every
    // compile, which made a model build a third slower (0.75 s of CPU) when nothing was cached.
    const char* own = std::getenv("CCACHE_SLOPPINESS");
    const std::string sloppiness = (own != nullptr && *own != '\0' && make_safe(own) ? std::string(own) + "," : "") +
                                   "pch_defines,time_macros";
    const bool own_inode = std::getenv("CCACHE_INODECACHE") != nullptr || std::getenv("CCACHE_NOINODECACHE") != nullptr;
    args.push_back(fmt::format("OBJCACHE='env CCACHE_SLOPPINESS={}{} ccache'", sloppiness,
                               own_inode ? "" : " CCACHE_INODECACHE=true"));
  }
  return args;
}

ModelBuildArgs model_build_args(const fs::path& work, int build_opt, bool trace, const std::string& verilator_version) {
  const bool ccache = on_path("ccache");
  ModelBuildArgs out;
  // At -O0 compiling is mostly parsing Verilator's headers once per file: one translation
  // unit (Vdut__ALL.cpp) takes a third of the CPU of Verilator's ~10 split files.
  if (build_opt == 0) out.make.push_back("VM_PARALLEL_BUILDS=0");
  const std::vector<fs::path> support = harness_support_sources(source_root());
  const std::vector<std::string> cached = model_cache_make_args(
      work, fmt::format("{}|O{}|trace{}", verilator_version, build_opt, trace ? 1 : 0), build_opt, ccache, support);
  if (!cached.empty()) {
    out.make.insert(out.make.end(), cached.begin(), cached.end());
    return out;
  }
  // Without the cache's fragment, which sets them itself: everything is compiled here.
  out.make.push_back(fmt::format("OPT_FAST=-O{0}", build_opt));
  out.make.push_back(fmt::format("OPT_GLOBAL=-O{0}", build_opt));
  if (ccache) out.make.push_back("OBJCACHE=ccache");
  for (const fs::path& src : support) out.sources.push_back(src.string());
  return out;
}

}  // namespace tpegen::sim

// Unit tests of the make fragment of `tpegen sim`'s model builds that shares the precompiled
// header, Verilator's runtime and the harness's support objects through a cache
// (sim/model_cache). That the model builds use it and stay right is the sim.* tests' job.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/model_cache.hpp"
#include "util/text_file.hpp"

namespace fs = std::filesystem;
using namespace tpegen;

namespace {

// XDG_CACHE_HOME for one scope (the cache folder's base).
struct CacheHome {
  explicit CacheHome(const fs::path& p) {
    const char* old = std::getenv("XDG_CACHE_HOME");
    had_ = old != nullptr;
    if (had_) old_ = old;
    setenv("XDG_CACHE_HOME", p.c_str(), 1);
  }
  ~CacheHome() { had_ ? setenv("XDG_CACHE_HOME", old_.c_str(), 1) : unsetenv("XDG_CACHE_HOME"); }
  bool had_ = false;
  std::string old_;
};

fs::path scratch(const std::string& name) {
  const fs::path p = fs::temp_directory_path() / ("tpegen_model_cache_test_" + name);
  fs::remove_all(p);
  fs::create_directories(p / "work");
  return p;
}

}  // namespace

TEST_CASE("model_cache_make_args: a shared header per key, a fragment in the work folder") {
  const fs::path root = scratch("ok");
  CacheHome cache(root / "cache");
  // One support source with its header: the objects' names carry a digest of both.
  const fs::path src = root / "src" / "golden_part.cpp";
  fs::create_directories(src.parent_path());
  write_text_file_atomic(src, "int part() { return 1; }\n");
  write_text_file_atomic(root / "src" / "golden_part.hpp", "int part();\n");
  const std::vector<fs::path> support = {src};
  const std::vector<std::string> args = sim::model_cache_make_args(root / "work", "v5|O0|trace0", 0, true, support);
  REQUIRE(args.size() == 4);
  CHECK(args[0] == "-f");
  CHECK(args[1] == (root / "work" / "pch.mk").string());
  // The work folder builds none of Verilator's runtime objects: the cache holds them.
  CHECK(args[2] == "VK_GLOBAL_OBJS=");
  CHECK(args[3].find("CCACHE_SLOPPINESS=pch_defines,time_macros") != std::string::npos);
  // ccache's inode cache, so that the .gch is hashed once, not per compile (unless the user chose).
  if (std::getenv("CCACHE_INODECACHE") == nullptr && std::getenv("CCACHE_NOINODECACHE") == nullptr)
    CHECK(args[3].find(" CCACHE_INODECACHE=true ccache'") != std::string::npos);
  const std::string mk = read_text_or_empty(root / "work" / "pch.mk");
  CHECK(mk.find("TPE_OPT := -O0\n") != std::string::npos);
  CHECK(mk.find("OPT_FAST = $(TPE_OPT) -include $(TPE_PCH) -Winvalid-pch\n") != std::string::npos);
  CHECK(mk.find("$(VK_USER_OBJS) $(VK_FAST_OBJS) $(VM_PREFIX)__ALL.o: | $(TPE_PCH).gch\n") != std::string::npos);
  // A failed .gch build must not stop the model build: make ignores it ('-') and GCC then
  // reads the header itself.
  CHECK(mk.find("\t-$(CXX) ") != std::string::npos);
  CHECK(mk.find("|| rm -f $@.$$$$.tmp\n") != std::string::npos);
  // The runtime objects Verilator's make names and the support object are linked from the cache.
  CHECK(mk.find("TPE_RUNTIME := $(addprefix $(TPE_CACHE)/,$(addsuffix .o,$(VM_GLOBAL_FAST) $(VM_GLOBAL_SLOW)))\n") !=
        std::string::npos);
  const size_t link = mk.find("$(VM_PREFIX): $(TPE_RUNTIME) $(TPE_CACHE)/golden_part-");
  REQUIRE(link != std::string::npos);
  const std::string obj_line = mk.substr(link + 14, mk.find('\n', link) - link - 14);
  CHECK(mk.find(obj_line.substr(obj_line.find(' ') + 1) + ": " + src.string() + "\n") != std::string::npos);
  // An edited header renames the object.
  write_text_file_atomic(root / "src" / "golden_part.hpp", "int part();  // edited\n");
  sim::model_cache_make_args(root / "work", "v5|O0|trace0", 0, true, support);
  CHECK(read_text_or_empty(root / "work" / "pch.mk").find(obj_line) == std::string::npos);
  // The header lives in the private cache folder <cache>/tpegen/pch/<key hash>/ (nobody else
  // may write it: it is compiled into every model) and names Verilator's runtime header.
  const size_t at = mk.find("TPE_CACHE := ") + 13;
  const std::string line = mk.substr(at, mk.find('\n', at) - at);
  CHECK(line.rfind((root / "cache" / "tpegen" / "pch").string(), 0) == 0);
  CHECK((fs::status(root / "cache" / "tpegen" / "pch").permissions() & (fs::perms::group_all | fs::perms::others_all)) ==
        fs::perms::none);
  CHECK(read_text_or_empty(fs::path(line) / "tpe_model.h").find("#include \"verilated.h\"") != std::string::npos);

  // Another key (optimization level, tracing, Verilator) gets its own header; the same key
  // the same one; without ccache no OBJCACHE.
  const std::vector<std::string> again = sim::model_cache_make_args(root / "work", "v5|O0|trace0", 0, false, support);
  CHECK(again.size() == 3);
  CHECK(read_text_or_empty(root / "work" / "pch.mk").find(line) != std::string::npos);
  sim::model_cache_make_args(root / "work", "v5|O2|trace1", 2, false, support);
  const std::string other = read_text_or_empty(root / "work" / "pch.mk");
  CHECK(other.find(line) == std::string::npos);
  CHECK(other.find("TPE_OPT := -O2\n") != std::string::npos);
  fs::remove_all(root);
}

TEST_CASE("model_cache_make_args: none under a cache folder make would split") {
  for (const char* name : {"a b", "a:b", "a%b"}) {
    const fs::path root = scratch("unsafe");
    CacheHome cache(root / name);
    CHECK(sim::model_cache_make_args(root / "work", "k", 0, true, {}).empty());
    CHECK_FALSE(fs::exists(root / "work" / "pch.mk"));
    fs::remove_all(root);
  }
}

// Unit tests of the precompiled-header fragment of `tpegen sim`'s model builds
// (cli/model_pch). That the model builds use it and stay right is the sim.* tests' job.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/model_pch.hpp"
#include "util/text_file.hpp"

namespace fs = std::filesystem;
using namespace tpegen;

namespace {

// TMPDIR for one scope (fs::temp_directory_path reads it).
struct TmpDir {
  explicit TmpDir(const fs::path& p) {
    const char* old = std::getenv("TMPDIR");
    had_ = old != nullptr;
    if (had_) old_ = old;
    fs::create_directories(p);
    setenv("TMPDIR", p.c_str(), 1);
  }
  ~TmpDir() { had_ ? setenv("TMPDIR", old_.c_str(), 1) : unsetenv("TMPDIR"); }
  bool had_ = false;
  std::string old_;
};

fs::path scratch(const std::string& name) {
  const fs::path p = fs::temp_directory_path() / ("tpegen_model_pch_test_" + name);
  fs::remove_all(p);
  fs::create_directories(p / "work");
  return p;
}

}  // namespace

TEST_CASE("model_pch_make_args: a shared header per key, a fragment in the work folder") {
  const fs::path root = scratch("ok");
  TmpDir tmp(root / "tmp");
  const std::vector<std::string> args = cli::model_pch_make_args(root / "work", "v5|O0|trace0", 0, true);
  REQUIRE(args.size() == 3);
  CHECK(args[0] == "-f");
  CHECK(args[1] == (root / "work" / "pch.mk").string());
  CHECK(args[2].find("CCACHE_SLOPPINESS=pch_defines,time_macros ccache") != std::string::npos);
  const std::string mk = read_text_or_empty(root / "work" / "pch.mk");
  CHECK(mk.find("TPE_OPT := -O0\n") != std::string::npos);
  CHECK(mk.find("OPT_FAST = $(TPE_OPT) -include $(TPE_PCH) -Winvalid-pch\n") != std::string::npos);
  CHECK(mk.find("$(VK_USER_OBJS) $(VK_OBJS): | $(TPE_PCH).gch\n") != std::string::npos);
  // The header lives under <tmp>/tpegen-pch/<key hash>/ and names Verilator's runtime header.
  const size_t at = mk.find("TPE_PCH := ") + 11;
  const std::string line = mk.substr(at, mk.find('\n', at) - at);
  CHECK(line.rfind((root / "tmp" / "tpegen-pch").string(), 0) == 0);
  CHECK(read_text_or_empty(line).find("#include \"verilated.h\"") != std::string::npos);

  // Another key (optimization level, tracing, Verilator) gets its own header; the same key
  // the same one; without ccache no OBJCACHE.
  const std::vector<std::string> again = cli::model_pch_make_args(root / "work", "v5|O0|trace0", 0, false);
  CHECK(again.size() == 2);
  CHECK(read_text_or_empty(root / "work" / "pch.mk").find(line) != std::string::npos);
  cli::model_pch_make_args(root / "work", "v5|O2|trace1", 2, false);
  const std::string other = read_text_or_empty(root / "work" / "pch.mk");
  CHECK(other.find(line) == std::string::npos);
  CHECK(other.find("TPE_OPT := -O2\n") != std::string::npos);
  fs::remove_all(root);
}

TEST_CASE("model_pch_make_args: none under a temporary folder make would split") {
  const fs::path root = scratch("unsafe");
  TmpDir tmp(root / "a b");
  CHECK(cli::model_pch_make_args(root / "work", "k", 0, true).empty());
  CHECK_FALSE(fs::exists(root / "work" / "pch.mk"));
  fs::remove_all(root);
}

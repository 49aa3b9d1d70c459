// Unit tests of the tool table (util/tools.hpp): every package it names is one that
// `make deps` installs, a missing tool is refused naming its package, and a version probe
// gives the tool's first line.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <unistd.h>

#include "config/design_config.hpp"
#include "util/paths.hpp"
#include "util/text_file.hpp"
#include "util/tools.hpp"

namespace fs = std::filesystem;
using tpegen::Tool;

namespace {

// The packages of install_deps.sh's `needs` list ("package:probe" entries).
std::set<std::string> install_deps_packages() {
  const std::string text = tpegen::read_text_file(tpegen::source_root() / "generator" / "scripts" / "install_deps.sh").value();
  std::set<std::string> packages;
  const std::regex entry("\"([a-z0-9][a-z0-9.+-]*):[^\"]+\"");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), entry); it != std::sregex_iterator(); ++it)
    packages.insert((*it)[1]);
  return packages;
}

// Sets PATH for the life of the object (the table's lookups read PATH each time).
struct ScopedPath {
  std::string old = std::getenv("PATH") ? std::getenv("PATH") : "";
  explicit ScopedPath(const std::string& path) { ::setenv("PATH", path.c_str(), 1); }
  ~ScopedPath() { ::setenv("PATH", old.c_str(), 1); }
};

fs::path fake_bin_dir() {
  const fs::path dir = fs::temp_directory_path() / ("tpegen-tools-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("tool table: every package it names is installed by make deps") {
  const std::set<std::string> packages = install_deps_packages();
  REQUIRE(packages.count("yosys") == 1);  // the scan itself works
  for (const tpegen::ToolInfo& t : tpegen::tool_table()) {
    INFO(t.command);
    CHECK(packages.count(t.package) == 1);
    CHECK(&tpegen::tool_info(t.tool) == &t);
  }
}

TEST_CASE("require_tool: a missing tool is refused naming its Debian package and the alternative") {
  const fs::path empty = fake_bin_dir() / "empty";
  fs::create_directories(empty);
  ScopedPath path(empty.string());
  CHECK_THROWS_WITH_AS(tpegen::require_tool(Tool::Sta, "or pass --no-timing"),
                       "sta not found on PATH: install the Debian package opensta, or pass --no-timing "
                       "(`make deps` installs every tool tpegen needs)",
                       tpegen::ConfigError);
  CHECK(tpegen::tool_version(Tool::Sta).empty());
  fs::remove_all(empty.parent_path());
}

TEST_CASE("tool_version: the first non-empty line of the probe, trimmed") {
  const fs::path dir = fake_bin_dir();
  {
    std::ofstream f(dir / "yosys");
    f << "#!/bin/sh\n[ \"$1\" = -V ] || exit 3\nprintf '\\n  Yosys 9.9 (fake) \\nsecond line\\n'\n";
  }
  fs::permissions(dir / "yosys", fs::perms::owner_all);
  {
    ScopedPath path(dir.string() + ":/usr/bin:/bin");
    CHECK(tpegen::tool_version(Tool::Yosys) == "Yosys 9.9 (fake)");
    CHECK_NOTHROW(tpegen::require_tool(Tool::Yosys));
    const nlohmann::json j = tpegen::tools_json();
    REQUIRE(j.at("tools").size() == tpegen::tool_table().size());
    CHECK(j.at("tools").at(0).at("command") == "yosys");
    CHECK(j.at("tools").at(0).at("version") == "Yosys 9.9 (fake)");
    CHECK(tpegen::tools_text().find("yosys          yosys          synthesis") != std::string::npos);
    CHECK(tpegen::tools_text().find("Yosys 9.9 (fake)\n") != std::string::npos);
  }
  fs::remove_all(dir);
}

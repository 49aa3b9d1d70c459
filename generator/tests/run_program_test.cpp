// Unit tests of run_program (util/run.hpp): arguments reach the program as given, with no
// shell in between, in the directory asked for, with the output in the log.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "util/run.hpp"

namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("run_program: arguments with shell characters arrive unchanged; cwd and log as asked") {
  const fs::path dir = fs::temp_directory_path() / ("tpegen run test $x; [y] 'q\" " + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string tricky = "a b;c $HOME `id` [x] 'q' \"d\" *";
  CHECK(tpegen::run_program({"printf", "%s|", tricky, "two"}, dir, dir / "out log.txt") == 0);
  CHECK(slurp(dir / "out log.txt") == tricky + "|two|");
  CHECK(tpegen::run_program({"pwd"}, dir, dir / "pwd.txt") == 0);
  CHECK(fs::equivalent(fs::path(slurp(dir / "pwd.txt").substr(0, slurp(dir / "pwd.txt").size() - 1)), dir));
  CHECK(tpegen::run_program({"sh", "-c", "exit 3"}, dir, dir / "x.txt") == 3);
  CHECK(tpegen::run_program({"no-such-program-tpegen"}, dir, dir / "x.txt") == 127);
  fs::remove_all(dir);
}

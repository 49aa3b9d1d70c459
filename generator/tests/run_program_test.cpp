// Unit tests of run_program (util/run.hpp): arguments reach the program as given, with no
// shell in between, in the directory asked for, with the output in the log; run_lines; the
// InterruptScope's handling of Ctrl-C.
#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

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

TEST_CASE("run_lines: each line as it comes, the last one even without a newline") {
  std::vector<std::string> lines;
  CHECK(tpegen::run_lines({"printf", "one\n\ntwo\nthree"}, [&](const std::string& l) { lines.push_back(l); }) == 0);
  CHECK(lines == std::vector<std::string>{"one", "", "two", "three"});
  CHECK(tpegen::run_lines({"sh", "-c", "echo out; echo err >&2; exit 4"}, [&](const std::string& l) { lines.push_back(l); }) == 4);
  CHECK(lines.size() == 6);
}

TEST_CASE("InterruptScope: a SIGINT stops the running program's whole group and throws Interrupted") {
  const fs::path dir = fs::temp_directory_path() / ("tpegen_interrupt_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const tpegen::InterruptScope scope;
  // A child of the child, as make's compilers are: it must not outlive the interruption.
  const std::vector<std::string> argv = {"sh", "-c", "sleep 30 & echo $! > grandchild.pid; wait"};
  bool ticked = false, interrupted = false;
  try {
    tpegen::run_program(argv, dir, dir / "log.txt", [&](double seconds) {
      ticked = true;
      if (seconds > 0.3) ::raise(SIGINT);  // as a Ctrl-C reaches tpegen (only: the child has its own group)
    });
  } catch (const tpegen::Interrupted& e) {
    interrupted = e.signal == SIGINT;
  }
  CHECK(ticked);
  CHECK(interrupted);
  std::ifstream pid_file(dir / "grandchild.pid");
  pid_t grandchild = 0;
  pid_file >> grandchild;
  REQUIRE(grandchild > 0);
  ::usleep(300000);
  // Gone, or a zombie waiting for its new parent to reap it.
  std::ifstream stat("/proc/" + std::to_string(grandchild) + "/stat");
  std::string pid_field, comm, state;
  if (stat >> pid_field >> comm >> state) CHECK(state == "Z");
  fs::remove_all(dir);
}

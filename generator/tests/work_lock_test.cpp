// WorkLock: one tpegen at a time in a work folder (util/work_lock).
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>

#include "config/design_config.hpp"
#include "util/text_file.hpp"
#include "util/work_lock.hpp"

namespace fs = std::filesystem;
using namespace tpegen;

TEST_CASE("WorkLock: a second holder is refused with the first one's process id, then admitted") {
  const fs::path dir = fs::temp_directory_path() / "tpegen_work_lock_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::optional<WorkLock> first;
  first.emplace(dir, "--work");
  CHECK(read_text_or_empty(dir / kWorkLockFile) == std::to_string(::getpid()) + "\n");
  std::string message;
  try {
    WorkLock second(dir, "--work");
  } catch (const ConfigError& e) {
    message = e.what();
  }
  CHECK(message == "invalid --work = '" + dir.string() + "': another tpegen (process " + std::to_string(::getpid()) +
                       ") is working in it; wait until it ends, or name another --work");
  first.reset();
  CHECK_NOTHROW(WorkLock(dir, "--work"));
  fs::remove_all(dir);
}

TEST_CASE("WorkLock: a folder that does not exist is an error naming the flag") {
  const fs::path dir = fs::temp_directory_path() / "tpegen_work_lock_test_missing" / "sub";
  fs::remove_all(dir.parent_path());
  CHECK_THROWS_WITH_AS(WorkLock(dir, "--work"), doctest::Contains("invalid --work = '"), ConfigError);
}

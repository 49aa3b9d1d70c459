// Unit tests of the one checked writer (util/text_file, util/work_dir): a write that fails
// is never silent.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

#include "config/design_config.hpp"
#include "util/text_file.hpp"
#include "util/work_dir.hpp"

namespace fs = std::filesystem;
using namespace tpegen;

TEST_CASE("write_text_file: exact bytes, replaced on rewrite, an error when it cannot write") {
  const fs::path dir = fs::temp_directory_path() / ("tpegen_text_file_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string bytes("a\0b\r\n\xff", 6);
  write_text_file(dir / "f", bytes);
  CHECK(read_text_file(dir / "f") == bytes);
  write_text_file(dir / "f", "short");
  CHECK(read_text_file(dir / "f") == "short");

  write_text_file_atomic(dir / "g", "whole");
  CHECK(read_text_file(dir / "g") == "whole");
  int entries = 0;
  for (const auto& e : fs::directory_iterator(dir)) entries += e.is_regular_file() ? 1 : 0;
  CHECK(entries == 2);  // no temporary left behind

  CHECK_THROWS_AS(write_text_file(dir / "missing" / "f", "x"), fs::filesystem_error);
  CHECK_THROWS_AS(write_text_file(dir, "x"), fs::filesystem_error);  // a directory
  CHECK_THROWS_AS(write_text_file_atomic(dir / "missing" / "f", "x"), fs::filesystem_error);
  CHECK_THROWS_WITH_AS(write_work_file(dir / "missing" / "tb_params.h", "x", "--work"),
                       doctest::Contains("invalid --work = '"), ConfigError);
  CHECK_THROWS_WITH_AS(write_work_file(dir / "missing" / "tb_params.h", "x", "--work"),
                       doctest::Contains("tb_params.h': cannot write the file"), ConfigError);
  fs::remove_all(dir);
}

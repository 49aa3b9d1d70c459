// Unit tests of the Verilator version gate for the work-around flags (util/verilator_bugs).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "util/verilator_bugs.hpp"

using namespace tpegen;

TEST_CASE("parse_verilator_version: the `verilator --version` line, or 0.0") {
  const VerilatorVersion v = parse_verilator_version("Verilator 5.006 2023-01-22 rev (Debian 5.006-3)\n");
  CHECK(v.major == 5);
  CHECK(v.minor == 6);
  const VerilatorVersion dev = parse_verilator_version("Verilator 5.011 devel rev v5.010-2-gabc");
  CHECK(dev.major == 5);
  CHECK(dev.minor == 11);
  CHECK(parse_verilator_version("").major == 0);
  CHECK(parse_verilator_version("verilator: command not found").major == 0);
}

TEST_CASE("verilator_workaround_flags: the bit-op-tree flag up to 5.008 and when unknown, none from 5.010") {
  const std::vector<std::string> flag = {kNoBitOpTreeFlag};
  CHECK(verilator_workaround_flags("Verilator 4.228 2022-10-01 rev v4.228") == flag);
  CHECK(verilator_workaround_flags("Verilator 5.006 2023-01-22 rev (Debian 5.006-3)") == flag);
  CHECK(verilator_workaround_flags("Verilator 5.008 2023-03-04 rev v5.008") == flag);
  CHECK(verilator_workaround_flags("garbage") == flag);
  CHECK(verilator_workaround_flags("Verilator 5.010 2023-04-30 rev v5.010").empty());
  CHECK(verilator_workaround_flags("Verilator 5.020 2024-01-01 rev v5.020").empty());
  CHECK(verilator_workaround_flags("Verilator 6.000 2030-01-01").empty());
}

// Unit tests of the scripts of `tpegen synth --from` a tpegen arith folder (synth/arith_flow.hpp).
// The flow itself runs in ctest synth.arith_from_dir (tb/scripts/check_arith_synth.sh).
#include <doctest/doctest.h>

#include <string>

#include "synth/arith_flow.hpp"
#include "util/config_error.hpp"

using namespace tpegen::synth;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("arith_yosys_script: flat synthesis, -booth only when asked, plain names") {
  const std::string plain = arith_yosys_script("tpe_mul", {"tpe_mul.v", "tpe_fa.v"}, "cells.lib", false);
  CHECK(has(plain, "read_verilog -sv tpe_mul.v tpe_fa.v\n"));
  CHECK(has(plain, "synth -flatten -top tpe_mul\n"));
  CHECK(has(plain, "abc -liberty cells.lib\nopt_clean -purge\ntee -q -o stat_liberty.txt stat -liberty cells.lib\n"));
  CHECK(has(plain, "write_verilog -noattr -noexpr -nohex -nodec -simple-lhs netlist.v\n"));
  CHECK_FALSE(has(plain, "-booth"));
  CHECK(has(arith_yosys_script("tpe_mul", {"tpe_mul.v"}, "cells.lib", true), "synth -flatten -booth -top tpe_mul\n"));
  // A name a Yosys or ABC script would split is refused, not quoted.
  CHECK_THROWS_AS(arith_yosys_script("tpe_mul", {"my file.v"}, "cells.lib", false), tpegen::ConfigError);
  CHECK_THROWS_AS(arith_yosys_script("tpe_mul", {"rtl/tpe_mul.v"}, "cells.lib", false), tpegen::ConfigError);
}

TEST_CASE("arith_sta_script: virtual clock, the profile's driving cell and load") {
  const StaLibProfile p{"sky130_fd_sc_hd", "sky130_fd_sc_hd__buf_2", "X", 0.0069, "4 x buf_2"};
  const std::string s = arith_sta_script("cells.lib", "netlist.v", "tpe_mul", p);
  CHECK(has(s, "read_liberty {cells.lib}\nread_verilog {netlist.v}\nlink_design {tpe_mul}\n"));
  CHECK(has(s, "create_clock -name vclk -period 100\n"));
  CHECK(has(s, "set_driving_cell -lib_cell sky130_fd_sc_hd__buf_2 -pin X [all_inputs]\nset_load 0.0069 [all_outputs]\n"));
  CHECK(has(s, "report_checks -path_delay max -digits 3\n"));
  const std::string unknown = arith_sta_script("cells.lib", "netlist.v", "tpe_mul", std::nullopt);
  CHECK_FALSE(has(unknown, "set_driving_cell"));
  CHECK_FALSE(has(unknown, "set_load"));
}

TEST_CASE("check_yosys_program: a name on PATH or an executable file") {
  CHECK(check_yosys_program("sh") == "sh");
  CHECK(check_yosys_program("/bin/sh") == "/bin/sh");
  CHECK_THROWS_AS(check_yosys_program("tpegen-no-such-yosys"), tpegen::ConfigError);
  CHECK_THROWS_AS(check_yosys_program("/nonexistent/yosys"), tpegen::ConfigError);
  CHECK_THROWS_AS(check_yosys_program("/etc/passwd"), tpegen::ConfigError);  // not executable
}

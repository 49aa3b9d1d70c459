// Unit tests of the FPGA side of `tpegen synth` (synth/fpga_flow.hpp, synth/fpga_io_wrapper.hpp).
// The nextpnr texts are cut from real nextpnr-ice40 0.4 logs (Debian 12).
#include <doctest/doctest.h>

#include <string>
#include <nlohmann/json.hpp>

#include "config/design_config.hpp"
#include "synth/fpga_flow.hpp"
#include "synth/fpga_io_wrapper.hpp"

using namespace tpegen::synth;

namespace {

// mac-tree 2 units x 2 terms, all 119 ports as pins of an HX8K (ct256): placed and routed.
const char* const kPlaced = R"LOG(Info: Checksum: 0x32e74efb

Info: Device utilisation:
Info: 	         ICESTORM_LC:   991/ 7680    12%
Info: 	        ICESTORM_RAM:     0/   32     0%
Info: 	               SB_IO:   119/  256    46%
Info: 	               SB_GB:     4/    8    50%
Info: 	        ICESTORM_PLL:     0/    2     0%
Info: 	         SB_WARMBOOT:     0/    1     0%

Info: Placed 0 cells based on constraints.
Info: Max frequency for clock 'clk_i$SB_IO_IN_$glb_clk': 60.44 MHz (FAIL at 100.00 MHz)
Info: Routing..
Warning: Max frequency for clock 'clk_i$SB_IO_IN_$glb_clk': 59.75 MHz (FAIL at 100.00 MHz)
)LOG";

// The same design on a UP5K (sg48): 119 ports for 96 I/O sites.
const char* const kNoFit = R"LOG(Info: Device utilisation:
Info: 	         ICESTORM_LC:   232/ 5280     4%
Info: 	        ICESTORM_RAM:     0/   30     0%
Info: 	               SB_IO:   119/   96   123%
Info: 	        ICESTORM_DSP:     4/    8    50%

ERROR: Unable to find a placement location for cell 'a_i[6]$sb_io'
1 warning, 1 error
)LOG";

}  // namespace

TEST_CASE("nextpnr-ice40 log: utilization, the post-route fmax, fit") {
  const PnrReport r = parse_nextpnr_log(kPlaced);
  REQUIRE(r.utilization.size() == 6);
  CHECK(r.utilization[0].name == "ICESTORM_LC");
  CHECK(r.utilization[0].used == 991);
  CHECK(r.utilization[0].available == 7680);
  CHECK(r.utilization[2].name == "SB_IO");
  REQUIRE(r.fmax_mhz);
  CHECK(*r.fmax_mhz == doctest::Approx(59.75));  // the last line: after routing
  CHECK(r.error.empty());
  CHECK(pnr_fit_problem(r, "hx8k").empty());

  const PnrReport bad = parse_nextpnr_log(kNoFit);
  CHECK(!bad.fmax_mhz);
  CHECK(bad.error == "ERROR: Unable to find a placement location for cell 'a_i[6]$sb_io'");
  CHECK(pnr_fit_problem(bad, "up5k") ==
        "the design does not fit the iCE40 UP5K: it needs 119 I/O pins (SB_IO), the device has 96");
}

TEST_CASE("FPGA cells sort into LUT/FF/carry/DSP/BRAM per family") {
  const FpgaCounts ice = classify_fpga_cells(
      "ice40", {{"SB_CARRY", 94}, {"SB_DFFE", 128}, {"SB_DFFR", 1}, {"SB_LUT4", 101}, {"SB_MAC16", 4},
                {"SB_RAM40_4K", 2}, {"SB_IO", 3}});
  CHECK(ice.lut == 101);
  CHECK(ice.ff == 129);
  CHECK(ice.carry == 94);
  CHECK(ice.dsp == 4);
  CHECK(ice.bram == 2);
  CHECK(ice.other == 3);
  const FpgaCounts x7 = classify_fpga_cells(
      "xilinx7", {{"LUT2", 10}, {"LUT6", 5}, {"FDRE", 7}, {"FDCE", 1}, {"CARRY4", 3}, {"DSP48E1", 2},
                  {"RAMB36E1", 1}, {"MUXF7", 4}});
  CHECK(x7.lut == 15);
  CHECK(x7.ff == 8);
  CHECK(x7.carry == 3);
  CHECK(x7.dsp == 2);
  CHECK(x7.bram == 1);
  CHECK(x7.other == 4);
  const FpgaCounts e5 = classify_fpga_cells(
      "ecp5", {{"LUT4", 9}, {"TRELLIS_FF", 6}, {"CCU2C", 2}, {"MULT18X18D", 1}, {"DP16KD", 1}, {"PFUMX", 3}});
  CHECK((e5.lut == 9 && e5.ff == 6 && e5.carry == 2 && e5.dsp == 1 && e5.bram == 1 && e5.other == 3));
  const FpgaCounts gw = classify_fpga_cells(
      "gowin", {{"LUT4", 9}, {"DFFE", 6}, {"ALU", 2}, {"MULT9X9", 1}, {"SDPB", 1}, {"MUX2_LUT5", 3}, {"IBUF", 1}});
  CHECK((gw.lut == 9 && gw.ff == 6 && gw.carry == 2 && gw.dsp == 1 && gw.bram == 1 && gw.other == 4));
}

TEST_CASE("FPGA targets, devices and the Yosys script") {
  CHECK_NOTHROW(check_target("asic", ""));
  CHECK_NOTHROW(check_target("ice40", "hx8k"));
  CHECK_THROWS_AS(check_target("virtex", ""), tpegen::ConfigError);
  CHECK_THROWS_AS(check_target("ecp5", "up5k"), tpegen::ConfigError);
  CHECK_THROWS_AS(check_target("ice40", "lp1k"), tpegen::ConfigError);
  CHECK(fpga_synth_command("ice40", "", "t") == "synth_ice40 -dsp -top t");  // UP5K: SB_MAC16
  CHECK(fpga_synth_command("ice40", "hx8k", "t") == "synth_ice40 -top t");
  CHECK(fpga_synth_command("xilinx7", "", "t") == "synth_xilinx -family xc7 -top t");
  const std::string s = fpga_yosys_script("ice40", "hx8k", "t", {"design/rtl/a b.v"}, "t_fpga_io");
  CHECK(s.find("read_verilog -sv \"design/rtl/a b.v\"") != std::string::npos);
  CHECK(s.find("synth_ice40 -top t\ntee -o stat_fpga.txt stat\n") != std::string::npos);
  CHECK(s.find("synth_ice40 -top t_fpga_io -json pnr_netlist.json") != std::string::npos);
  CHECK(fpga_yosys_script("ecp5", "", "t", {"x.v"}).find("-json") == std::string::npos);
  CHECK_THROWS_AS(fpga_yosys_script("ecp5", "", "t", {"a\"b.v"}), tpegen::ConfigError);
}

TEST_CASE("FPGA I/O wrapper: every data bit in a shift register, clock and reset passed through") {
  const nlohmann::json ports = nlohmann::json::parse(R"([
    {"name": "clk_i", "dir": "in", "width": 1}, {"name": "rst_ni", "dir": "in", "width": 1},
    {"name": "a_i", "dir": "in", "width": 16}, {"name": "valid_i", "dir": "in", "width": 1},
    {"name": "c_o", "dir": "out", "width": 64}, {"name": "c_valid_o", "dir": "out", "width": 1}])");
  const FpgaIoWrapper w = make_fpga_io_wrapper("core", ports, "banner");
  CHECK(w.module == "core_fpga_io");
  CHECK(w.input_bits == 17);
  CHECK(w.output_bits == 65);
  const std::string& v = w.verilog;
  CHECK(v.find("module core_fpga_io") != std::string::npos);
  CHECK(v.find("reg  [16:0] in_sr") != std::string::npos);
  CHECK(v.find("reg  [64:0] out_sr") != std::string::npos);
  CHECK(v.find(".a_i(in_sr[15:0])") != std::string::npos);
  CHECK(v.find(".valid_i(in_sr[16])") != std::string::npos);
  CHECK(v.find(".clk_i(clk_i)") != std::string::npos);
  CHECK(v.find("{core_c_valid_o, core_c_o}") != std::string::npos);
}

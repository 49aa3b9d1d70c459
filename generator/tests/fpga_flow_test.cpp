// Unit tests of the FPGA side of `tpegen synth` (synth/fpga_flow.hpp, synth/fpga_io_wrapper.hpp).
// The nextpnr texts are cut from real nextpnr-ice40 0.4 logs (Debian 12).
#include <doctest/doctest.h>

#include <string>
#include <nlohmann/json.hpp>

#include "config/design_config.hpp"
#include "synth/fpga_flow.hpp"
#include "synth/fpga_io_wrapper.hpp"
#include "synth/synth_flow.hpp"

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
  // Two passes, so that the counts of the first are checked before the second (fit check).
  const std::string s = fpga_yosys_script("ice40", "hx8k", "t", {"design/rtl/a b.v"});
  CHECK(s.find("read_verilog -sv \"design/rtl/a b.v\"") != std::string::npos);
  CHECK(s.find("synth_ice40 -top t\ntee -o stat_fpga.txt stat\n") != std::string::npos);
  CHECK(s.find("-json") == std::string::npos);
  const std::string p = fpga_pnr_yosys_script("ice40", "hx8k", "t_fpga_io", {"design/rtl/a b.v", "design/t_fpga_io.v"});
  CHECK(p.find("read_verilog -sv \"design/rtl/a b.v\" \"design/t_fpga_io.v\"") != std::string::npos);
  CHECK(p.find("synth_ice40 -top t_fpga_io -json pnr_netlist.json") != std::string::npos);
  CHECK(p.find("stat") == std::string::npos);
  CHECK_THROWS_AS(fpga_yosys_script("ecp5", "", "t", {"a\"b.v"}), tpegen::ConfigError);
  CHECK_THROWS_AS(fpga_pnr_yosys_script("ice40", "", "t", {"a\"b.v"}), tpegen::ConfigError);
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

TEST_CASE("ice40_fit_problem: checked on the first pass's counts, one line with the count, capacity and a way out") {
  CHECK(ice40_capacity("").logic_cells == 5280);  // up5k, the default
  CHECK(ice40_capacity("hx8k").logic_cells == 7680);
  CHECK(ice40_capacity("hx8k").dsp == 0);
  // A logic cell holds a LUT4, a flip-flop and a carry: the largest of the three is a lower bound.
  const FpgaCounts small = classify_fpga_cells("ice40", {{"SB_LUT4", 5000}, {"SB_DFF", 5280}, {"SB_CARRY", 900}});
  CHECK(ice40_fit_problem(small, "up5k").empty());
  const FpgaCounts big = classify_fpga_cells("ice40", {{"SB_LUT4", 6100}, {"SB_DFFE", 2000}, {"SB_CARRY", 900}});
  CHECK(ice40_fit_problem(big, "up5k") ==
        "the design does not fit the iCE40 UP5K: it needs at least 6100 logic cells (LUT4 + flip-flop + carry; 6100 "
        "LUT4, 2000 FF, 900 carry after synth_ice40), the device has 5280; try a smaller design (fewer rows, cols or "
        "depth, or narrower operands), --device hx8k (7680 logic cells), or --target ecp5 or xilinx7 (counts only, "
        "for a larger device)");
  CHECK(ice40_fit_problem(big, "hx8k").empty());
  // Past the HX8K too: no iCE40 to suggest.
  const FpgaCounts huge = classify_fpga_cells("ice40", {{"SB_LUT4", 40272}, {"SB_DFFER", 9000}});
  CHECK(ice40_fit_problem(huge, "up5k").find("needs at least 40272 logic cells") != std::string::npos);
  CHECK(ice40_fit_problem(huge, "up5k").find("--device hx8k") == std::string::npos);
  CHECK(ice40_fit_problem(huge, "hx8k").find("the device has 7680; try a smaller design") != std::string::npos);
  // DSP blocks and RAMs.
  const FpgaCounts dsp = classify_fpga_cells("ice40", {{"SB_LUT4", 300}, {"SB_MAC16", 16}});
  CHECK(ice40_fit_problem(dsp, "up5k") ==
        "the design does not fit the iCE40 UP5K: it needs 16 DSP blocks (SB_MAC16), the device has 8; try --device "
        "hx8k (multipliers in logic) or a smaller design (fewer rows, cols or depth, or narrower operands)");
  const FpgaCounts ram = classify_fpga_cells("ice40", {{"SB_LUT4", 300}, {"SB_RAM40_4K", 31}});
  CHECK(ice40_fit_problem(ram, "up5k").find("it needs 31 4 kbit block RAMs (SB_RAM40_4K), the device has 30") !=
        std::string::npos);
  CHECK(ice40_fit_problem(ram, "hx8k").empty());  // 32 on the HX8K
}

// The first pass's stat of `tpegen synth --arch systolic-os --rows 6 --cols 6 --target ice40
// --device hx8k` (Yosys 0.23 synth_ice40, 27 s of CPU): the smallest systolic-os MAC array
// that does not fit the HX8K (5x5 does).
const char* const kStat6x6Hx8k = R"STAT(=== tpe_systolic_os_mac_r6c6_s8x8_acc32 ===

   Number of wires:               4572
   Number of wire bits:          22786
   Number of public wires:        4572
   Number of public wire bits:   22786
   Number of memories:               0
   Number of memory bits:            0
   Number of processes:              0
   Number of cells:              13363
     SB_CARRY                     1511
     SB_DFF                       1700
     SB_DFFE                      1152
     SB_DFFR                        46
     SB_DFFSR                      192
     SB_LUT4                      8762
)STAT";

TEST_CASE("ice40_fit_problem: a systolic-os 6x6 MAC array's first-pass counts exceed the HX8K") {
  const StatReport stat = parse_stat(kStat6x6Hx8k);
  const FpgaCounts n = classify_fpga_cells("ice40", stat.cell_types);
  CHECK(n.lut == 8762);
  CHECK(n.ff == 3090);
  CHECK(n.carry == 1511);
  CHECK(ice40_fit_problem(n, "hx8k") ==
        "the design does not fit the iCE40 HX8K: it needs at least 8762 logic cells (LUT4 + flip-flop + carry; 8762 "
        "LUT4, 3090 FF, 1511 carry after synth_ice40), the device has 7680; try a smaller design (fewer rows, cols or "
        "depth, or narrower operands), or --target ecp5 or xilinx7 (counts only, for a larger device)");
}

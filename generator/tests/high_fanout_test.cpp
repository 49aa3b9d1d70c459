// Unit tests of the high-fanout check of `tpegen synth` (synth/high_fanout.hpp): the nets of a
// path read from report_checks -fields {fanout capacitance nets}, the pathology found on the
// path that defines fmax, and the report's lines. The OpenSTA 2.0.17 text is cut from the run
// of a 4x4 systolic-os OPT1 array with --wrap axi (sky130hd, unbuffered netlist).
#include <doctest/doctest.h>

#include <string>

#include "synth/asic_summary.hpp"
#include "synth/high_fanout.hpp"
#include "synth/sta_flow.hpp"
#include "synth/synth_report.hpp"

using namespace tpegen::synth;

namespace {

// The in2reg and reg2reg paths: the AXI FIFO's read pointer drives 581 loads.
const char* const kAxiPaths = R"STA(Startpoint: m_axis_tready (input port clocked by clk)
Endpoint: u_fifo/_10143_ (rising edge-triggered flip-flop clocked by clk)
Path Group: in2reg
Path Type: max

Fanout      Cap    Delay     Time   Description
------------------------------------------------------------------------
                  0.000    0.000   clock clk (rise edge)
                  0.000    0.000   clock network delay (ideal)
                  0.000    0.000 ^ input external delay
                  0.013    0.013 ^ m_axis_tready (in)
    1    0.002                     m_axis_tready (net)
                  0.155    0.168 ^ _1116_/X (sky130_fd_sc_hd__and2_0)
    4    0.008                     _0382_ (net)
                  0.157    0.325 ^ _1118_/X (sky130_fd_sc_hd__and2_0)
    2    0.004                     _0383_ (net)
                  0.117    0.442 ^ _1119_/Y (sky130_fd_sc_hd__nand2b_1)
    2    0.004                     _0384_ (net)
                  7.815    8.257 ^ _1120_/Y (sky130_fd_sc_hd__nor2b_1)
  140    0.603                     fifo_pop (net)
                  0.566    8.823 v u_fifo/_05804_/X (sky130_fd_sc_hd__xor2_1)
    2    0.007                     u_fifo/_03850_ (net)
                  0.463    9.286 ^ u_fifo/_05805_/Y (sky130_fd_sc_hd__nand2_1)
    2    0.008                     u_fifo/_03851_ (net)
                  0.279    9.564 ^ u_fifo/_05808_/X (sky130_fd_sc_hd__maj3_1)
    2    0.008                     u_fifo/_03853_ (net)
                  0.229    9.794 ^ u_fifo/_05811_/X (sky130_fd_sc_hd__maj3_1)
    2    0.010                     u_fifo/_03855_ (net)
                  0.229   10.022 ^ u_fifo/_05816_/Y (sky130_fd_sc_hd__mux2i_1)
    1    0.005                     u_fifo/_03859_ (net)
                  0.139   10.161 ^ u_fifo/_05817_/Y (sky130_fd_sc_hd__xnor2_1)
    1    0.002                     u_fifo/_03941_[4] (net)
                  0.004   10.165 ^ u_fifo/_10143_/D (sky130_fd_sc_hd__dfrtp_1)
                          10.165   data arrival time

                 10.000   10.000   clock clk (rise edge)
                  0.000   10.000   clock network delay (ideal)
                  0.000   10.000   clock reconvergence pessimism
                          10.000 ^ u_fifo/_10143_/CLK (sky130_fd_sc_hd__dfrtp_1)
                 -0.081    9.919   library setup time
                           9.919   data required time
------------------------------------------------------------------------
                           9.919   data required time
                         -10.165   data arrival time
------------------------------------------------------------------------
                          -0.246   slack (VIOLATED)


Startpoint: u_fifo/_08151_ (rising edge-triggered flip-flop clocked by clk)
Endpoint: _2312_ (rising edge-triggered flip-flop clocked by clk)
Path Group: reg2reg
Path Type: max

Fanout      Cap    Delay     Time   Description
------------------------------------------------------------------------
                  0.000    0.000   clock clk (rise edge)
                  0.000    0.000   clock network delay (ideal)
                  0.000    0.000 ^ u_fifo/_08151_/CLK (sky130_fd_sc_hd__dfrtp_1)
                 16.588   16.588 ^ u_fifo/_08151_/Q (sky130_fd_sc_hd__dfrtp_1)
  581    2.737                     u_fifo/rd_q[0] (net)
                 55.747   72.335 v u_fifo/_03995_/Y (sky130_fd_sc_hd__nor2b_1)
  383    0.893                     u_fifo/_02173_ (net)
                  6.339   78.675 ^ u_fifo/_04228_/Y (sky130_fd_sc_hd__a221oi_1)
    1    0.002                     u_fifo/_02385_ (net)
                  0.343   79.017 v u_fifo/_04229_/Y (sky130_fd_sc_hd__o21ai_0)
    1    0.003                     u_fifo/_02386_ (net)
                  0.376   79.393 ^ u_fifo/_04243_/Y (sky130_fd_sc_hd__nand3_1)
    1    0.003                     u_fifo/_02400_ (net)
                  0.140   79.533 v u_fifo/_04244_/Y (sky130_fd_sc_hd__o31ai_1)
    1    0.002                     fifo_data[21] (net)
                  0.300   79.833 ^ _1441_/Y (sky130_fd_sc_hd__mux2i_1)
    1    0.002                     _0610_ (net)
                  0.120   79.953 v _1443_/Y (sky130_fd_sc_hd__o21ai_0)
    1    0.002                     _0027_ (net)
                  0.003   79.957 v _2312_/D (sky130_fd_sc_hd__dfxtp_1)
                          79.957   data arrival time

                 10.000   10.000   clock clk (rise edge)
                  0.000   10.000   clock network delay (ideal)
                  0.000   10.000   clock reconvergence pessimism
                          10.000 ^ _2312_/CLK (sky130_fd_sc_hd__dfxtp_1)
                 -0.432    9.568   library setup time
                           9.568   data required time
------------------------------------------------------------------------
                           9.568   data required time
                         -79.957   data arrival time
------------------------------------------------------------------------
                         -70.389   slack (VIOLATED)
)STA";

// Replaces the first occurrence of `from` in `s`.
std::string replaced(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("parse_sta: the nets of a path with their fanout, load and driver") {
  const StaReport r = parse_sta(kAxiPaths);
  REQUIRE(r.paths.size() == 2);
  const StaPath& reg = r.paths[1];
  CHECK(reg.group == "reg2reg");
  CHECK(reg.arrival_ns == doctest::Approx(79.957));
  REQUIRE(reg.nets.size() == 8);
  CHECK(reg.nets[0].name == "u_fifo/rd_q[0]");
  CHECK(reg.nets[0].driver == "u_fifo/_08151_/Q");
  CHECK(reg.nets[0].fanout == 581);
  CHECK(reg.nets[0].cap == doctest::Approx(2.737));
  CHECK(reg.nets[0].driver_delay_ns == doctest::Approx(16.588));
  CHECK(reg.nets[1].name == "u_fifo/_02173_");
  CHECK(reg.nets[1].fanout == 383);
  CHECK(reg.nets[1].driver == "u_fifo/_03995_/Y");
  CHECK(reg.nets[1].driver_delay_ns == doctest::Approx(55.747));
  CHECK(reg.nets[7].name == "_0027_");
  CHECK(reg.nets[7].fanout == 1);
  CHECK(r.paths[0].nets.size() == 11);  // in2reg: the input port's net first
  CHECK(r.paths[0].nets[0].name == "m_axis_tready");
  CHECK(r.paths[0].nets[0].driver == "m_axis_tready");
}

TEST_CASE("find_fanout_pathology: the path that defines fmax, dominated by nets of fanout >= 64") {
  const auto p = find_fanout_pathology(parse_sta(kAxiPaths));
  REQUIRE(p);
  CHECK(p->group == "reg2reg");  // not the in2reg path, which fmax leaves out
  CHECK(p->net.name == "u_fifo/rd_q[0]");
  CHECK(p->net.fanout == 581);
  CHECK(p->share == doctest::Approx((16.588 + 55.747) / 79.957));
  CHECK(pathology_text(*p) ==
        "critical path dominated by net u_fifo/rd_q[0] with fanout 581 (driven by u_fifo/_08151_/Q; 90 % of its "
        "79.957 ns in drivers of nets with fanout >= 64)");

  // Below the fanout threshold: the same delays are the logic's, nothing is flagged.
  std::string low = replaced(replaced(kAxiPaths, "  581    2.737", "   63    2.737"), "  383    0.893", "   12    0.893");
  CHECK(!find_fanout_pathology(parse_sta(low)));
  // A high-fanout net whose driver takes under half of the path: not dominated.
  std::string fast = replaced(replaced(kAxiPaths, "  383    0.893", "   12    0.893"), "16.588   16.588 ^ u_fifo/_08151_/Q",
                              " 1.588   16.588 ^ u_fifo/_08151_/Q");
  CHECK(!find_fanout_pathology(parse_sta(fast)));
  // Without a reg2reg group the worst path decides (here the in2reg one: fanout 140, 7.815 of 10.165 ns).
  const std::string in2reg_only = std::string(kAxiPaths).substr(0, std::string(kAxiPaths).find("Startpoint: u_fifo/_08151_"));
  const auto q = find_fanout_pathology(parse_sta(in2reg_only));
  REQUIRE(q);
  CHECK(q->group == "in2reg");
  CHECK(q->net.name == "fifo_pop");
  CHECK(q->net.fanout == 140);
  // A report without the fields has no nets: nothing to find.
  CHECK(!find_fanout_pathology(parse_sta("Startpoint: a\nEndpoint: b\nPath Group: reg2reg\n   9.000   data arrival time\n"
                                         "  -1.000   slack (VIOLATED)\n")));
}

TEST_CASE("asic_summary: the buffered figures first, the unbuffered ones beside them with the net named") {
  SynthReport r;
  r.top = "t";
  r.cells = 10;
  r.transistors = 100;
  r.area_um2 = 215000.5;
  r.liberty = "/lib/x.lib";
  r.clock_period_ns = 10;
  r.worst = ReportPath{9.5, 0.5, "u_a/_1_", "_2_"};
  r.worst_group = "reg2reg";
  r.fmax_mhz = 105.3;
  r.fmax_definition = kFmaxDefinition;
  r.power_mw = 50;
  r.activity_source = "static";
  r.activity = 0.1;
  HighFanoutReport h;
  h.net = "u_fifo/rd_q[0]";
  h.driver = "u_fifo/_08151_/Q";
  h.path_group = "reg2reg";
  h.fanout = 581;
  h.arrival_ns = 79.957;
  h.share = 0.9047;
  r.high_fanout = h;
  std::string s = asic_summary(r);
  CHECK(s.find("tpegen: warning: critical path dominated by net u_fifo/rd_q[0] with fanout 581 (driven by "
               "u_fifo/_08151_/Q; 90 % of its 79.957 ns in drivers of nets with fanout >= 64): fmax is that of the "
               "unbuffered netlist; consider duplicating") != std::string::npos);
  CHECK(s.find("fmax_unbuffered_mhz") == std::string::npos);

  h.buffered = true;
  h.buffered_dir = "/w/buffered";
  h.unbuffered_area_um2 = 208881.584;
  h.unbuffered_fmax_mhz = 12.44;
  r.high_fanout = h;
  s = asic_summary(r);
  CHECK(s.find("fmax_mhz: 105.3 (1000 / (clock period - slack of the reg2reg path group); buffered netlist)\n") !=
        std::string::npos);
  CHECK(s.find("fmax_unbuffered_mhz: 12.4 (area_um2 208881.584; critical path dominated by net u_fifo/rd_q[0] with "
               "fanout 581") != std::string::npos);
  CHECK(s.find("in /w/buffered;") != std::string::npos);

  // JSON: the figures of both netlists, and back.
  const auto back = synth_report_from_json(to_json(r));
  REQUIRE(back);
  REQUIRE(back->high_fanout);
  CHECK(back->high_fanout->net == "u_fifo/rd_q[0]");
  CHECK(back->high_fanout->fanout == 581);
  CHECK(back->high_fanout->buffered);
  CHECK(*back->high_fanout->unbuffered_fmax_mhz == 12.44);
  CHECK(*back->high_fanout->unbuffered_area_um2 == 208881.584);
  // A report without the finding writes no key for it.
  r.high_fanout.reset();
  CHECK(!to_json(r).contains("high_fanout"));
}

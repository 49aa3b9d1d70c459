// The gate-level energy model's pure parts: the liberty power reader (units, templates,
// interpolation, wire load), the port sampler, the model instrumentation and the energy sum
// over a hand-made netlist whose answer is computed here by hand.
#include <cmath>
#include <sstream>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "synth/gate_power.hpp"
#include "liberty/library.hpp"
#include "synth/gate_sim.hpp"
#include "synth/liberty_power.hpp"

using namespace tpegen::synth;

namespace {

// An inverter and a flip-flop, in pF / V / nW; internal energies in pJ.
const char* kLib = R"(library (mini) {
  /* units */
  time_unit : "1ns";
  voltage_unit : "1V";
  leakage_power_unit : "1nW";
  capacitive_load_unit (1, pf);
  nom_voltage : 2.0;
  wire_load ("Small") { capacitance : 0.001; slope : 5; fanout_length (1, 1.0); fanout_length (2, 3.0); }
  power_lut_template (p2) { variable_1 : input_transition_time; variable_2 : total_output_net_capacitance;
    index_1 ("0.0, 1.0"); index_2 ("0.0, 1.0"); }
  power_lut_template (p1) { variable_1 : input_transition_time; index_1 ("0.0, 1.0"); }
  cell (INV) {
    cell_leakage_power : 10;
    pin (A) { direction : input; capacitance : 0.002; }
    pin (Y) { direction : output; function : "!A";
      internal_power () { related_pin : "A";
        rise_power (p2) { index_1 ("0.0, 1.0"); index_2 ("0.0, 1.0"); values ("1.0, 3.0", \
                                                                                "2.0, 4.0"); }
        fall_power (p2) { values ("0.0, 0.0", "0.0, 0.0"); } }
      timing () { related_pin : "A";
        cell_rise (p2) { values ("0.1, 0.3", "0.2, 0.4"); }
        cell_fall (p2) { values ("0.1, 0.1", "0.1, 0.1"); } } }
  }
  cell (DFF) {
    ff (IQ, IQN) { clocked_on : "CLK"; next_state : "D"; }
    pin (CLK) { direction : input; clock : true; capacitance : 0.001;
      internal_power () { rise_power (p1) { values ("0.5, 0.5"); } fall_power (p1) { values ("0.5, 0.5"); } } }
    pin (D) { direction : input; capacitance : 0.001; }
    pin (Q) { direction : output; function : "IQ"; }
  }
})";

}  // namespace

TEST_CASE("liberty power: units, templates, bilinear interpolation, wire load") {
  const LibertyPower lib = read_liberty_power(tpegen::liberty::parse_library(kLib, "mini.lib"));
  CHECK(lib.voltage_v == doctest::Approx(2.0));
  CHECK(lib.cap_unit_f == doctest::Approx(1e-12));
  CHECK(lib.energy_unit_j == doctest::Approx(1e-12));
  const CellPower& inv = lib.cells.at("INV");
  CHECK_FALSE(inv.sequential);
  CHECK(inv.leakage_w == doctest::Approx(10e-9));
  CHECK(inv.pins.at("A").cap_f == doctest::Approx(2e-15));
  // Rise 1..4 over slew x load, fall 0: per transition (rise + fall) / 2.
  CHECK(lib.output_energy_j(inv, "Y", 0, 0) == doctest::Approx(0.5e-12));
  CHECK(lib.output_energy_j(inv, "Y", 0.5e-9, 0.5e-12) == doctest::Approx(1.25e-12));
  CHECK(lib.output_energy_j(inv, "Y", 1e-9, 1e-12) == doctest::Approx(2e-12));
  const CellPower& ff = lib.cells.at("DFF");
  CHECK(ff.sequential);
  CHECK(ff.pins.at("CLK").clock);
  CHECK(lib.input_energy_j(ff, "CLK", 0.1e-9) == doctest::Approx(0.5e-12));
  CHECK(lib.wire_cap_f(1) == doctest::Approx(0.001e-12));
  CHECK(lib.wire_cap_f(2) == doctest::Approx(0.003e-12));
  CHECK(lib.wire_cap_f(4) == doctest::Approx(0.013e-12));  // beyond the table: + slope per sink
  CHECK(lib.wire_cap_f(0) == 0);
  CHECK_THROWS_WITH_AS(read_liberty_power(tpegen::liberty::parse_library(
                           "library (x) { cell (A) { area : 1; } }", "nounit.lib")),
                       doctest::Contains("nounit.lib: no capacitive_load_unit"), std::runtime_error);
}

TEST_CASE("liberty delays: cell_rise/cell_fall averaged, and each output's delay at a nominal load") {
  const LibertyPower lib = read_liberty_power(tpegen::liberty::parse_library(kLib, "mini.lib"));
  const CellPower& inv = lib.cells.at("INV");
  // Rise 0.1..0.4 ns over slew x load, fall 0.1 ns.
  CHECK(lib.output_delay_s(inv, "Y", 0, 0) == doctest::Approx(0.1e-9));
  CHECK(lib.output_delay_s(inv, "Y", 1e-9, 1e-12) == doctest::Approx(0.25e-9));
  CHECK(lib.output_delay_s(lib.cells.at("DFF"), "Q", 0, 0) == 0);  // no timing table
  // Nominal load: twice the median input pin (0.001 pF of 0.001, 0.001, 0.002) + the wire
  // estimate for fanout 2 (0.003 pF) = 0.005 pF; at 0 slew rise 0.101, fall 0.1 ns.
  const auto d = lib.nominal_delays_ps(0);
  REQUIRE(d.size() == 1);
  CHECK(std::abs(d.at("INV/Y") - 100.5) <= 0.5);
}

TEST_CASE("port sampler: inputs before the edge, outputs after it, per cycle") {
  std::istringstream vcd(R"($scope module TOP $end
$var wire 1 ! clk_i $end
$var wire 2 " a_i [1:0] $end
$var wire 3 # y_o [2:0] $end
$scope module inner $end
$var wire 2 " a_i [1:0] $end
$upscope $end
$upscope $end
$enddefinitions $end
#4
0!
b1 "
b0 #
#5
1!
b10 #
#6
0!
b10 "
#7
1!
b101 #
)");
  const PortTrace t = sample_ports(vcd, {{"clk_i", 1, true}, {"a_i", 2, true}, {"y_o", 3, false}}, "clk_i");
  REQUIRE(t.in_rows.size() == 2);
  CHECK(t.in_rows[0] == "01");
  CHECK(t.in_rows[1] == "10");
  CHECK(t.out_rows[0] == "010");
  CHECK(t.out_rows[1] == "101");
  const auto tog = input_toggles(t, "rst_ni");
  CHECK(tog.at("a_i[0]") == 1);
  CHECK(tog.at("a_i[1]") == 1);
  std::istringstream missing("$scope module TOP $end\n$var wire 1 ! clk_i $end\n$upscope $end\n$enddefinitions $end\n");
  CHECK_THROWS_WITH_AS(sample_ports(missing, {{"clk_i", 1, true}, {"a_i", 2, true}}, "clk_i"),
                       doctest::Contains("no top-level port a_i"), std::runtime_error);
}

TEST_CASE("gate testbench: handshake outputs always compared, data outputs only while valid") {
  PortTrace t;
  t.inputs = {{"rst_ni", 1, true}, {"a_i", 8, true}};
  t.outputs = {{"a_ready_o", 1, false}, {"c_o", 64, false}, {"c_valid_o", 2, false}};
  t.in_rows = {"100000000", "100000001"};
  const std::string tb = gate_testbench("tpe_x", t, "clk_i", "rst_ni", 2000, 1);
  CHECK(tb.find("localparam CYCLES = 2;") != std::string::npos);
  CHECK(tb.find("reg [63:0] exp_c_o;") != std::string::npos);
  CHECK(tb.find("{exp_a_ready_o, exp_c_o, exp_c_valid_o} = out_mem[c];") != std::string::npos);
  // c_o has a lane per bit of c_valid_o: only lanes whose valid is set are compared (with
  // clock gating, an idle column's drain register holds whatever it held).
  CHECK(tb.find("if ((1'b0 || a_ready_o !== exp_a_ready_o || c_valid_o !== exp_c_valid_o) || "
                "((|{exp_c_valid_o}) && (1'b0 || ((c_o ^ exp_c_o) & {{32{exp_c_valid_o[1]}}, "
                "{32{exp_c_valid_o[0]}}}) !== 64'd0))) bad = bad + 1;") != std::string::npos);
  // A data output that is not made of such lanes is compared whole while any valid is set.
  t.outputs = {{"c_o", 63, false}, {"c_valid_o", 2, false}};
  const std::string whole = gate_testbench("tpe_x", t, "clk_i", "rst_ni", 2000, 1);
  CHECK(whole.find("((|{exp_c_valid_o}) && (1'b0 || c_o !== exp_c_o))") != std::string::npos);
  CHECK(tb.find("    rst_ni = 1'b0;\n") != std::string::npos);  // reset held for the prelude
  // Without a valid output every output is compared every cycle.
  t.outputs = {{"s_o", 5, false}};
  const std::string plain = gate_testbench("tpe_x", t, "clk_i", "rst_ni", 2000, 1);
  CHECK(plain.find("if ((1'b0) || (1'b1 && (1'b0 || s_o !== exp_s_o)))") != std::string::npos);
}

TEST_CASE("model instrumentation: delayed outputs, zero-initialized state, two counters per output") {
  const std::string m = instrument_models(
      "module INV(A, Y);\n  input A;\n  output Y;\n  wire _0_;\n  assign _0_ = ~A;\n  assign Y = _0_;\nendmodule\n"
      "module DFF(CLK, D, Q);\n  input CLK;\n  input D;\n  output Q;\n  reg IQ;\n  always @(posedge CLK)\n"
      "    IQ <= D;\n  assign Q = IQ;\nendmodule\n");
  CHECK(m.find("assign _0_ = ~A;") != std::string::npos);  // internal nodes: no delay
  CHECK(m.find("assign #(`TPE_CELL_DELAY) Y = _0_;") != std::string::npos);
  CHECK(m.find("assign #(`TPE_CELL_DELAY) Q = IQ;") != std::string::npos);
  CHECK(m.find("reg IQ = 1'b0;") != std::string::npos);
  // With a delay per cell output, that delay; outputs without one keep the unit.
  const std::string timed = instrument_models(
      "module INV(A, Y);\n  input A;\n  output Y;\n  assign Y = ~A;\nendmodule\n"
      "module BUF(A, X);\n  input A;\n  output X;\n  assign X = A;\nendmodule\n",
      {{"INV/Y", 37}});
  CHECK(timed.find("assign #(37) Y = ~A;") != std::string::npos);
  CHECK(timed.find("assign #(`TPE_CELL_DELAY) X = A;") != std::string::npos);
  // Module names with parameters or escaped: the name itself is the key; counted.
  ModelDelays count;
  const std::string named = instrument_models(
      "module INV #(parameter W = 1) (A, Y);\n  output Y;\n  assign Y = ~A;\nendmodule\n"
      "module \\BUF$1 (A, X);\n  output X;\n  assign X = A;\nendmodule\n",
      {{"INV/Y", 5}, {"BUF$1/X", 6}}, &count);
  CHECK(named.find("assign #(5) Y = ~A;") != std::string::npos);
  CHECK(named.find("assign #(6) X = A;") != std::string::npos);
  CHECK(count.outputs == 2);
  CHECK(count.from_delays == 2);
  CHECK(m.find("always @(Y) tpe_a_Y = tpe_a_Y + 1;") != std::string::npos);
  CHECK(m.find("$fdisplay(tpe_tb.fd, \"%m Q %0d %0d\", tpe_a_Q, tpe_f_Q)") != std::string::npos);
  std::istringstream counts("tpe_tb.dut.\\u1.x  Y 7 3\ntpe_tb.dut.r Q 2 2\ntpe_tb cycles 9 mismatches 1\n");
  const GateCounts c = parse_gate_counts(counts);
  CHECK(c.cycles == 9);
  CHECK(c.mismatches == 1);
  CHECK(c.pins.at("u1.x/Y").all == 7);
  CHECK(c.pins.at("u1.x/Y").functional == 3);
  CHECK(c.pins.at("r/Q").all == 2);
}

TEST_CASE("gate power: an inverter and a flip-flop, energy by hand") {
  const LibertyPower lib = read_liberty_power(tpegen::liberty::parse_library(kLib, "mini.lib"));
  // d_i -> INV u (hierarchy "blk u") -> n -> DFF r.D; clk_i -> r.CLK; r.Q -> q_o.
  const auto flat = nlohmann::json::parse(R"({"modules": {"top": {
    "ports": {"clk_i": {"direction": "input", "bits": [2]}, "d_i": {"direction": "input", "bits": [3]},
              "q_o": {"direction": "output", "bits": [5]}},
    "cells": {
      "blk.u": {"type": "INV", "attributes": {"hdlname": "blk u"}, "connections": {"A": [3], "Y": [4]}},
      "r": {"type": "DFF", "connections": {"CLK": [2], "D": [4], "Q": [5]}}}}}})");
  GateCounts counts;
  counts.cycles = 10;
  counts.pins["blk.u/Y"] = {6, 4};  // 2 glitch transitions
  counts.pins["r/Q"] = {4, 4};
  GatePowerInputs in;
  in.period_s = 10e-9;
  in.cycles = 10;
  in.output_load_f = 0.004e-12;
  in.wire_estimate = false;
  in.block_of = {{"blk", "blk_mod"}};
  const GatePower p = gate_power(flat, "top", lib, counts, {{"d_i", 4}}, in);
  const double v2 = 4.0;
  // INV output net: D pin 1 fF. Switching C/2 V^2 = 2 fJ; internal at slew 0.1 ns, load 0.001 pF:
  // rise = 1 + 0.1 * 1 + 0.001 * 2 = 1.102 pJ, per transition 0.551 pJ.
  const double e_inv = 0.5 * 1e-15 * v2 + 0.551e-12;
  // d_i net: INV A pin 2 fF, 4 toggles; combinational.
  const double e_in = 4 * 0.5 * 2e-15 * v2;
  CHECK(p.energy.combinational == doctest::Approx(6 * e_inv + e_in));
  CHECK(p.energy.glitch == doctest::Approx(2 * e_inv));
  // Clock: 20 clock pin transitions x 0.5 pJ + the clock net (1 fF) switching 20 times.
  CHECK(p.energy.clock == doctest::Approx(20 * 0.5e-12 + 20 * 0.5 * 1e-15 * v2));
  // Sequential: Q net (the output load, 4 fF) switching 4 times; no internal table on Q.
  CHECK(p.energy.sequential == doctest::Approx(4 * 0.5 * 4e-15 * v2));
  CHECK(p.energy.leakage == doctest::Approx(10e-9 * 100e-9));
  CHECK(p.blocks.at("blk_mod").combinational == doctest::Approx(6 * e_inv));
  CHECK(p.blocks.at("top").clock == doctest::Approx(p.energy.clock - 20 * 0.5 * 1e-15 * v2));
  CHECK(p.block_instances.at("blk_mod") == 1);
  CHECK(p.transitions == 10);
  CHECK(p.functional_transitions == 8);
  // The cells' components and the input ports' nets make up the total.
  double ports = 0;
  if (p.blocks.count("ports")) ports = p.blocks.at("ports").total();
  CHECK(p.components.internal + p.components.switching + p.components.leakage + ports ==
        doctest::Approx(p.energy.total()));
  CHECK(p.components.leakage == doctest::Approx(p.energy.leakage));
  CHECK(p.components.internal > 0);
  CHECK(p.components.switching > 0);
}

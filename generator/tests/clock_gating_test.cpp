// Unit tests of --clock-gate: the IR pass that moves enabled register groups onto gated
// clocks, the choice of the liberty's clock-gating cell and its mapping, and the gate-level
// model of that cell.
#include <doctest/doctest.h>

#include <string>

#include "arch/clock_gating.hpp"
#include "emit/verilog_emitter.hpp"
#include "ir/check.hpp"
#include "synth/gate_activity.hpp"
#include "synth/gate_sim.hpp"
#include "synth/liberty_power.hpp"
#include "test_text.hpp"

using namespace tpegen;
using namespace tpegen::ir;

namespace {

// acc (8 bits) and b (8 bits) enabled by valid_i; x (2 bits) by other_i; y (8 bits) free.
Design cg_enabled_registers() {
  Design d;
  Module& m = d.add_module("top");
  m.input("clk_i", 1);
  auto valid = m.input("valid_i", 1);
  auto other = m.input("other_i", 1);
  auto din = m.input("d_i", 8);
  auto out = m.output("q_o", 26);
  auto acc = m.reg("acc_q", 8), b = m.reg("b_q", 8), x = m.reg("x_q", 2), y = m.reg("y_q", 8);
  m.update(acc, add(acc, din), valid);
  m.update(b, din, valid);
  m.update(x, bits(din, 0, 2), other);
  m.update(y, din);
  m.assign(out, concat({acc, b, x, y}));
  d.top = "top";
  return d;
}

const char* kIcgLiberty = R"(library (icg) {
  capacitive_load_unit (1, pf);
  nom_voltage : 1.8;
  cell (BIG_ICG) { area : 9; clock_gating_integrated_cell : "latch_posedge";
    pin (CK) { direction : input; clock_gate_clock_pin : true; }
    pin (E) { direction : input; clock_gate_enable_pin : true; }
    pin (GCK) { direction : output; clock_gate_out_pin : true; } }
  cell (TEST_ICG) { area : 5; clock_gating_integrated_cell : "latch_posedge";
    pin (CK) { direction : input; clock_gate_clock_pin : true; }
    pin (E) { direction : input; clock_gate_enable_pin : true; }
    pin (SE) { direction : input; clock_gate_test_pin : true; }
    pin (GCK) { direction : output; clock_gate_out_pin : true; } }
  cell (POST_ICG) { area : 2; clock_gating_integrated_cell : "latch_posedge_postcontrol";
    pin (CK) { direction : input; clock_gate_clock_pin : true; }
    pin (E) { direction : input; clock_gate_enable_pin : true; }
    pin (SE) { direction : input; clock_gate_test_pin : true; }
    pin (GCK) { direction : output; clock_gate_out_pin : true; } }
  cell (TINY_ICG) { area : 1; dont_use : true; clock_gating_integrated_cell : "latch_posedge";
    pin (CK) { direction : input; clock_gate_clock_pin : true; }
    pin (E) { direction : input; clock_gate_enable_pin : true; }
    pin (GCK) { direction : output; clock_gate_out_pin : true; } }
})";

}  // namespace

TEST_CASE("gate_clocks: one gate per enable group of at least kMinGatedBits bits, the enable mux dropped") {
  Design d = cg_enabled_registers();
  arch::gate_clocks(d);
  check_design(d);
  REQUIRE(d.find_extern("tpe_clock_gate"));
  const std::string v = emit::emit_module(*d.find_module("top"), {});
  CHECK(has(v, "tpe_clock_gate u_cg0 (\n    .clk_i(clk_i),\n    .en_i(valid_i),\n    .gclk_o(cg_clk0)\n  );"));
  CHECK(!has(v, "u_cg1"));  // x_q (2 bits) is below kMinGatedBits: it keeps its enable
  CHECK(has(v, "always @(posedge cg_clk0) begin\n    acc_q <= acc_q + d_i;\n    b_q <= d_i;\n  end"));
  CHECK(has(v, "always @(posedge clk_i) begin\n    if (other_i) x_q <= d_i[1:0];\n    y_q <= d_i;\n  end"));
  // The test-only stuck gate passes the clock whatever the enable.
  Design stuck = cg_enabled_registers();
  arch::gate_clocks(stuck, true);
  CHECK(has(emit::emit_module(*stuck.find_module("top"), {}), ".en_i(1'b1),"));
  // Without enables nothing changes.
  Design none = cg_enabled_registers();
  for (auto& r : none.modules().front()->registers()) r.enable = nullptr;
  arch::gate_clocks(none);
  CHECK(!none.find_extern("tpe_clock_gate"));
}

TEST_CASE("clock-gating cell: the smallest usable latch_posedge cell, its test pin tied low") {
  const synth::LibertyPower lib = synth::read_liberty_power(liberty::parse_library(kIcgLiberty, "icg.lib"));
  const auto cell = synth::find_clock_gate_cell(lib);
  REQUIRE(cell);
  CHECK(cell->name == "TEST_ICG");  // TINY_ICG is dont_use, POST_ICG another kind
  CHECK(cell->test_pin == "SE");
  CHECK(synth::clock_gate_map_verilog(*cell) ==
        "module tpe_clock_gate (input wire clk_i, input wire en_i, output wire gclk_o);\n"
        "  TEST_ICG u_icg (.CK(clk_i), .E(en_i), .SE(1'b0), .GCK(gclk_o));\nendmodule\n");
  CHECK(!synth::find_clock_gate_cell(synth::read_liberty_power(liberty::parse_library(
      "library (none) { capacitive_load_unit (1, pf); nom_voltage : 1.8; cell (INV) { area : 1; } }", "none.lib"))));
}

TEST_CASE("clock-gating cell models: a latch open while the clock is low, the gated clock undelayed and counted") {
  const synth::LibertyPower lib = synth::read_liberty_power(liberty::parse_library(kIcgLiberty, "icg.lib"));
  const std::string netlist = "  BIG_ICG u0 (.CK(c), .E(e), .GCK(g));\n  TEST_ICG u1 (.CK(c), .E(e), .SE(z), .GCK(h));\n"
                              "  POST_ICG u2 (.CK(c), .E(e), .SE(z), .GCK(i));\n";
  const std::string models = synth::clock_gate_models(lib, netlist, "");
  CHECK(has(models, "module BIG_ICG(CK, E, GCK);"));
  CHECK(!has(models, "TINY_ICG"));  // not in the netlist
  CHECK(!has(synth::clock_gate_models(lib, netlist, "module BIG_ICG(CK, E, GCK);\n"), "module BIG_ICG"));
  CHECK(has(models, "module TEST_ICG(CK, E, SE, GCK);"));
  CHECK(has(models, "  always @(CK or E or SE)\n    if (!CK) IQ = E | SE;\n  assign #0 GCK = CK & IQ;\n"));
  // postcontrol: the test pin bypasses the latch.
  CHECK(has(models, "module POST_ICG(CK, E, SE, GCK);"));
  CHECK(has(models, "  always @(CK or E)\n    if (!CK) IQ = E;\n  assign #0 GCK = CK & (IQ | SE);\n"));
  const std::string counted = synth::instrument_models(models);
  CHECK(has(counted, "assign #0 GCK = CK & IQ;"));  // no cell delay added
  CHECK(has(counted, "reg IQ = 1'b0;"));
  CHECK(has(counted, "always @(GCK) tpe_a_GCK = tpe_a_GCK + 1;"));
}

// The dont_use decision, made once (liberty::usable_for_new_logic) and read the same way by
// both readers: the delay model never builds new logic from a dont_use cell (nor does the
// clock-gate choice, clock_gating_test.cpp), while the power model still prices one that a
// netlist contains.
#include <doctest/doctest.h>

#include <string>

#include "arith/liberty_delays.hpp"
#include "liberty/library.hpp"
#include "synth/liberty_power.hpp"

namespace {

std::string gate(const std::string& name, double area, const std::string& fn, double delay, bool dont_use) {
  return "  cell (" + name + ") { area : " + std::to_string(area) + ";" + (dont_use ? " dont_use : true;" : "") +
         " cell_leakage_power : 2;\n    pin (A) { direction : input; capacitance : 0.004; }\n"
         "    pin (B) { direction : input; capacitance : 0.004; }\n"
         "    pin (Y) { direction : output; function : \"" + fn + "\";\n" +
         "      timing () { related_pin : \"A\"; cell_rise (scalar) { values (\"" + std::to_string(delay) +
         "\"); } cell_fall (scalar) { values (\"" + std::to_string(delay) + "\"); } }\n" +
         "      timing () { related_pin : \"B\"; cell_rise (scalar) { values (\"" + std::to_string(delay) +
         "\"); } cell_fall (scalar) { values (\"" + std::to_string(delay) + "\"); } }\n"
         "      internal_power () { related_pin : \"A\"; rise_power (scalar) { values (\"0.5\"); } } } }\n";
}

std::string library() {
  return "library (du) {\n  capacitive_load_unit (1, pf);\n  nom_voltage : 1.0;\n"
         "  cell (INV) { area : 1; pin (A) { direction : input; capacitance : 0.004; }\n"
         "    pin (Y) { direction : output; function : \"!A\";\n"
         "      timing () { related_pin : \"A\"; cell_rise (scalar) { values (\"0.02\"); } } } }\n" +
         gate("AND2", 4, "A&B", 0.1, false) + gate("OR2", 4, "A|B", 0.1, false) +
         gate("XOR2_TINY", 2, "A^B", 0.05, true) +  // smallest XOR2, but dont_use
         gate("XOR2", 8, "A^B", 0.2, false) + "}\n";
}

}  // namespace

TEST_CASE("dont_use: the delay model skips it, the power model prices it") {
  const tpegen::liberty::Library lib = tpegen::liberty::parse_library(library(), "du.lib");
  const tpegen::arith::DelayModel d = tpegen::arith::delays_from_liberty(lib);
  CHECK(d.xor2 == doctest::Approx(0.2));  // XOR2, not the smaller, faster XOR2_TINY
  CHECK(d.fa_cell.empty());               // composed of XOR2/AND2/OR2
  CHECK(d.fa_sum[2] == doctest::Approx(0.2));

  const tpegen::synth::LibertyPower p = tpegen::synth::read_liberty_power(lib);
  REQUIRE(p.cells.count("XOR2_TINY"));
  const auto& tiny = p.cells.at("XOR2_TINY");
  CHECK_FALSE(tiny.usable_for_new_logic);  // priced, but --clock-gate would not pick it
  CHECK(tiny.leakage_w == doctest::Approx(2e-9));
  CHECK(tiny.pins.at("A").cap_f == doctest::Approx(4e-15));
  // (0.5 pJ rise + no fall) / 2 per transition of Y.
  CHECK(p.output_energy_j(tiny, "Y", 0, 0) == doctest::Approx(0.25e-12));
}

// The arrival-driven ("timing") tree and final adder, and the delay model read from liberty
// files: the reader on a small hand-written library (values, fallback, missing cells), the
// built-in table against the project's sky130hd liberty, and what the model predicts.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "arith/compressor_tree.hpp"
#include "arith/delay_model.hpp"
#include "arith/final_adder.hpp"
#include "arith/liberty_delays.hpp"
#include "synth/liberty_choice.hpp"
#include "liberty/cache.hpp"
#include "liberty/library.hpp"
#include "arith/partial_products.hpp"
#include "test_bits.hpp"

using namespace tpegen::arith;

namespace {

// One cell; every arc has the same 2x2 table scaled by `k` (index_1 slew, index_2 load).
std::string cell(const std::string& name, double area, const std::vector<std::string>& ins,
                 const std::vector<std::pair<std::string, std::string>>& outs, double k) {
  std::string s = "  cell (" + name + ") {\n    area : " + std::to_string(area) + ";\n";
  for (const auto& in : ins) s += "    pin (" + in + ") { direction : input; capacitance : 0.005; }\n";
  int arc = 0;
  for (const auto& [pin, fn] : outs) {
    s += "    pin (" + pin + ") {\n      direction : output;\n      function : \"" + fn + "\";\n";
    for (const auto& in : ins) {
      const double v = k * (1 + 0.1 * arc++);
      s += "      timing () {\n        related_pin : \"" + in + "\";\n";
      for (const char* t : {"cell_rise", "cell_fall"})
        s += std::string("        ") + t + " (tmpl) { index_1 (\"0.01, 0.1\"); index_2 (\"0.001, 0.021\"); values (\"" +
             std::to_string(v) + ", " + std::to_string(2 * v) + "\", \"" + std::to_string(v) + ", " +
             std::to_string(2 * v) + "\"); }\n";
      s += "        rise_transition (tmpl) { index_1 (\"0.01, 0.1\"); index_2 (\"0.001, 0.021\"); "
           "values (\"0.05, 0.05\", \"0.05, 0.05\"); }\n      }\n";
    }
    s += "    }\n";
  }
  return s + "  }\n";
}

std::string library(bool with_fa, bool with_xor) {
  std::string s = "/* test */ library (toy) {\n  lu_table_template (tmpl) { variable_1 : input_net_transition; "
                  "variable_2 : total_output_net_capacitance; }\n";
  if (with_fa) s += cell("FA1", 20, {"A", "B", "CI"}, {{"CO", "(A&B)|(A&CI)|(B&CI)"}, {"S", "A^B^CI"}}, 0.3);
  s += cell("HA1", 12, {"A", "B"}, {{"CO", "A B"}, {"S", "(A*!B)+(A'*B)"}}, 0.2);
  s += cell("INV1", 3, {"A"}, {{"Y", "!A"}}, 0.05);
  s += cell("AND2", 6, {"A", "B"}, {{"Y", "A&B"}}, 0.1);
  s += cell("AND2_BIG", 9, {"A", "B"}, {{"Y", "A&B"}}, 0.01);  // larger: not chosen
  s += cell("OR2", 6, {"A", "B"}, {{"Y", "A|B"}}, 0.12);
  if (with_xor) s += cell("XOR2", 9, {"A", "B"}, {{"Y", "A^B"}}, 0.15);
  s += cell("MX2", 11, {"A0", "A1", "S"}, {{"Y", "(A0&!S)|(A1&S)"}}, 0.2);
  return s + "}\n";
}

}  // namespace

TEST_CASE("delays_from_liberty: cells found by function, smallest area, per-pin arcs at fanout 2") {
  const DelayModel d = delays_from_liberty(tpegen::liberty::parse_library(library(true, true), "toy.lib"));
  CHECK(d.fa_cell == "FA1");
  CHECK(d.ha_cell == "HA1");
  // Load 2 x 0.005 = 0.01 is halfway along index_2 (0.001..0.021 would be 0.011: interpolated),
  // so each arc reads v + (0.009 / 0.02) * v = 1.45 v, the worst of rise and fall.
  const double f = 1 + 0.009 / 0.02;
  CHECK(d.and2 == doctest::Approx(0.1 * 1.1 * f));  // AND2 (the slower pin), not the faster but larger AND2_BIG
  CHECK(d.or2 == doctest::Approx(0.12 * 1.1 * f));
  CHECK(d.xor2 == doctest::Approx(0.15 * 1.1 * f));  // the slower of its two arcs
  CHECK(d.inv == doctest::Approx(0.05 * f));
  CHECK(d.mux2 == doctest::Approx(0.2 * 1.2 * f));
  // FA: CO arcs first (A, B, CI: 1.0, 1.1, 1.2 x 0.3), then S (1.3, 1.4, 1.5 x 0.3).
  CHECK(d.fa_carry[0] == doctest::Approx(0.3 * f));
  CHECK(d.fa_carry[2] == doctest::Approx(0.3 * 1.2 * f));
  CHECK(d.fa_sum[0] == doctest::Approx(0.3 * 1.3 * f));
  CHECK(d.fa_sum[2] == doctest::Approx(0.3 * 1.5 * f));
  CHECK(d.ha_carry[1] == doctest::Approx(0.2 * 1.1 * f));
  CHECK(d.ha_sum[0] == doctest::Approx(0.2 * 1.2 * f));
  CHECK(describe(d).find("full adder: FA1") != std::string::npos);
}

TEST_CASE("delays_from_liberty: no full-adder cell -> composed of XOR2/AND2/OR2; no XOR2 -> one-line error") {
  const DelayModel d = delays_from_liberty(tpegen::liberty::parse_library(library(false, true), "nofa.lib"));
  CHECK(d.fa_cell.empty());
  CHECK(d.fa_sum[0] == doctest::Approx(2 * d.xor2));
  CHECK(d.fa_sum[2] == doctest::Approx(d.xor2));
  CHECK(d.fa_carry[2] == doctest::Approx(d.and2 + d.or2));
  CHECK(describe(d).find("composed of XOR2/AND2/OR2") != std::string::npos);
  try {
    delays_from_liberty(tpegen::liberty::parse_library(library(false, false), "noxor.lib"));
    FAIL("no error");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()) == "liberty 'noxor.lib' has no XOR2 cell (the timing tree's delay model needs it)");
  }
}

TEST_CASE("builtin_delays == the shipped sky130hd liberty's reading") {
  const auto lib = tpegen::synth::pdk_build_dir() / "sky130hd/sky130_fd_sc_hd__tt_025C_1v80.dont_use.lib";
  REQUIRE(std::filesystem::exists(lib));
  const DelayModel r = delays_from_liberty(*tpegen::liberty::load_library(lib));
  const DelayModel& b = builtin_delays();
  MESSAGE(describe(r));
  CHECK(r.fa_cell == b.fa_cell);
  CHECK(r.ha_cell == b.ha_cell);
  for (size_t k = 0; k < 3; ++k) {
    CHECK(r.fa_sum[k] == doctest::Approx(b.fa_sum[k]).epsilon(0.002));
    CHECK(r.fa_carry[k] == doctest::Approx(b.fa_carry[k]).epsilon(0.002));
  }
  for (size_t k = 0; k < 2; ++k) {
    CHECK(r.ha_sum[k] == doctest::Approx(b.ha_sum[k]).epsilon(0.002));
    CHECK(r.ha_carry[k] == doctest::Approx(b.ha_carry[k]).epsilon(0.002));
  }
  CHECK(r.inv == doctest::Approx(b.inv).epsilon(0.002));
  CHECK(r.and2 == doctest::Approx(b.and2).epsilon(0.002));
  CHECK(r.or2 == doctest::Approx(b.or2).epsilon(0.002));
  CHECK(r.xor2 == doctest::Approx(b.xor2).epsilon(0.002));
  CHECK(r.mux2 == doctest::Approx(b.mux2).epsilon(0.002));
}

namespace {

struct Built {
  BitNet net;
  CarrySave cs;
  double tree_delay = 0, total_delay = 0;
  size_t cells = 0;
};

Built multiplier(int w, const TreeOptions& opt, AdderKind adder) {
  Built b;
  const auto a = b.net.add_input("a", w);
  const auto x = b.net.add_input("b", w);
  BitHeap heap(2 * w);
  add_product(heap, b.net, Encoding::Booth, a, x, true);
  b.cs = compress(heap, b.net, opt);
  b.cells = b.net.cells().size();
  auto arr = arrival_times(b.net, builtin_delays());
  for (size_t i = 0; i < b.cs.sum.size(); ++i)
    b.tree_delay = std::max({b.tree_delay, arr[static_cast<size_t>(b.cs.sum[i])], arr[static_cast<size_t>(b.cs.carry[i])]});
  const auto p = final_adder(b.net, b.cs.sum, b.cs.carry, adder);
  arr = arrival_times(b.net, builtin_delays());
  for (auto bit : p) b.total_delay = std::max(b.total_delay, arr[static_cast<size_t>(bit)]);
  return b;
}

}  // namespace

TEST_CASE("timing tree: earlier carry-save outputs than Dadda and Wallace, no more cells than Wallace") {
  for (int w : {8, 16}) {
    const Built t = multiplier(w, {TreeKind::Timing, false}, AdderKind::Timing);
    const Built d = multiplier(w, {TreeKind::Dadda, false}, AdderKind::Timing);
    const Built wa = multiplier(w, {TreeKind::Wallace, false}, AdderKind::Timing);
    MESSAGE(w << "x" << w << " booth, model ns (tree / with timing adder): timing " << t.tree_delay << " / "
              << t.total_delay << ", dadda " << d.tree_delay << " / " << d.total_delay << ", wallace "
              << wa.tree_delay << " / " << wa.total_delay);
    CHECK(t.tree_delay <= d.tree_delay);
    CHECK(t.tree_delay <= wa.tree_delay);
    CHECK(t.cells <= wa.cells);
  }
}

TEST_CASE("timing tree: a cell's level is above the level of every cell feeding it (pipeline cuts stay valid)") {
  for (bool use_42 : {false, true}) {
    const Built t = multiplier(12, {TreeKind::Timing, use_42}, AdderKind::Ripple);
    int max_level = 0;
    for (const auto& c : t.net.cells()) {
      if (c.level == 0) continue;  // the ripple adder
      max_level = std::max(max_level, c.level);
      for (auto in : c.in) {
        const Node& n = t.net.nodes()[static_cast<size_t>(in)];
        if (n.op == NodeOp::CellOut) CHECK(t.net.cells()[static_cast<size_t>(n.cell)].level < c.level);
      }
    }
    CHECK(t.cs.levels == max_level);
  }
}

TEST_CASE("timing adder: ripple below Kogge-Stone, no slower (model) than Kogge-Stone, fewer gates") {
  auto measure = [](int w, AdderKind k) {
    BitNet net;
    const auto x = net.add_input("x", w), y = net.add_input("y", w);
    const size_t before = net.nodes().size();
    const auto s = final_adder(net, x, y, k);
    const auto arr = arrival_times(net, builtin_delays());
    double t = 0;
    for (auto b : s) t = std::max(t, arr[static_cast<size_t>(b)]);
    return std::pair{t, net.nodes().size() - before};
  };
  for (int w : {8, 16, 32}) {
    const auto timing = measure(w, AdderKind::Timing), ks = measure(w, AdderKind::KoggeStone);
    CHECK(timing.first <= ks.first * 1.005);
    CHECK(timing.second <= ks.second);
  }
  // On a multiplier's arrival profile the low bits come early: a ripple takes them.
  const Built ks = multiplier(16, {TreeKind::Timing, false}, AdderKind::KoggeStone);
  const Built t = multiplier(16, {TreeKind::Timing, false}, AdderKind::Timing);
  CHECK(t.total_delay <= ks.total_delay * 1.005);
  CHECK(t.net.nodes().size() < ks.net.nodes().size());
}

#include "arith/liberty_delays.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "liberty/function.hpp"
#include "liberty/library.hpp"

namespace tpegen::arith {
namespace {

using liberty::Cell;
using liberty::Pin;
using liberty::Table;

// A combinational cell of at most three inputs whose outputs' functions all evaluate.
struct LibCell {
  const Cell* cell = nullptr;
  std::vector<std::string> inputs;
  std::vector<std::pair<std::string, uint64_t>> outputs;  // pin, truth table
};

// Worst of rise/fall delay (`transition`: output transition) from `in` to output `out`.
std::optional<double> arc(const LibCell& c, const std::string& out, const std::string& in, double slew, double load,
                          bool transition) {
  const Pin* p = c.cell->pin(out);
  if (!p) return std::nullopt;
  std::optional<double> worst;
  for (const liberty::TimingArc& t : p->timing) {
    if (t.related_pin != in) continue;
    const std::optional<Table>& rise = transition ? t.rise_transition : t.cell_rise;
    const std::optional<Table>& fall = transition ? t.fall_transition : t.cell_fall;
    for (const std::optional<Table>* tab : {&rise, &fall})
      if (*tab) {
        const double v = (*tab)->at(slew, load);
        worst = std::max(worst.value_or(v), v);
      }
  }
  return worst;
}

double input_cap(const LibCell& c) {
  double sum = 0;
  for (const auto& in : c.inputs)
    if (const Pin* p = c.cell->pin(in)) sum += p->capacitance;
  return c.inputs.empty() ? 0 : sum / static_cast<double>(c.inputs.size());
}

std::optional<LibCell> logic_cell(const Cell& cell) {
  LibCell c;
  c.cell = &cell;
  for (const Pin& p : cell.pins)
    if (p.direction == liberty::Direction::input) c.inputs.push_back(p.name);
  if (c.inputs.empty() || c.inputs.size() > 3) return std::nullopt;
  for (const Pin& p : cell.pins) {
    if (p.direction != liberty::Direction::output) continue;
    const auto tt = liberty::truth_table(p.function, c.inputs);
    if (!tt) return std::nullopt;
    c.outputs.push_back({p.name, *tt});
  }
  if (c.outputs.empty()) return std::nullopt;
  return c;
}

// The reference input slew: the output transition of the reference cell's first output at
// `load`, starting from its table's first slew breakpoint.
double reference_slew(const LibCell& ref, double load) {
  double slew = 0;
  if (const Pin* p = ref.cell->pin(ref.outputs[0].first))
    for (const liberty::TimingArc& t : p->timing)
      if (slew == 0 && t.rise_transition && !t.rise_transition->index_1.empty())
        slew = t.rise_transition->index_1.front();
  return arc(ref, ref.outputs[0].first, ref.inputs[0], slew, load, true).value_or(slew);
}

bool is_mux(uint64_t tt) {
  const int perm[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
  for (const auto& p : perm) {
    uint64_t m = 0;
    for (unsigned x = 0; x < 8; ++x) {
      const unsigned s = (x >> p[0]) & 1U, a = (x >> p[1]) & 1U, b = (x >> p[2]) & 1U;
      if (s ? a : b) m |= uint64_t{1} << x;
    }
    if (m == tt) return true;
  }
  return false;
}

}  // namespace

DelayModel delays_from_liberty(const liberty::Library& lib) {
  const std::string& source = lib.source;
  std::vector<LibCell> cells;
  for (const liberty::Cell& cell : lib.cells)
    if (liberty::usable_for_new_logic(cell) && !cell.sequential)  // combinational, never dont_use
      if (auto c = logic_cell(cell)) cells.push_back(std::move(*c));
  // Smallest cell with `n` inputs whose outputs have exactly these tables (any order).
  auto find = [&](size_t n, std::vector<uint64_t> tts, bool mux = false) -> const LibCell* {
    const LibCell* best = nullptr;
    std::sort(tts.begin(), tts.end());
    for (const LibCell& c : cells) {
      if (c.inputs.size() != n || c.outputs.size() != (mux ? 1 : tts.size())) continue;
      std::vector<uint64_t> have;
      for (const auto& o : c.outputs) have.push_back(o.second);
      std::sort(have.begin(), have.end());
      if (mux ? !is_mux(have[0]) : have != tts) continue;
      if (!best || c.cell->area < best->cell->area ||
          (c.cell->area == best->cell->area && c.cell->name < best->cell->name))
        best = &c;
    }
    return best;
  };
  const LibCell* fa = find(3, {0xE8, 0x96});
  const LibCell* ha = find(2, {0x8, 0x6});
  const LibCell* inv = find(1, {0x1});
  const LibCell* and2 = find(2, {0x8});
  const LibCell* or2 = find(2, {0xE});
  const LibCell* xor2 = find(2, {0x6});
  const LibCell* mux2 = find(3, {0}, true);
  const std::pair<const LibCell*, const char*> needed[] = {{inv, "inverter"}, {and2, "AND2"}, {or2, "OR2"}, {xor2, "XOR2"}};
  for (const auto& [cell, what] : needed)
    if (!cell)
      throw std::invalid_argument(fmt::format("liberty '{}' has no {} cell (the timing tree's delay model needs it)",
                                              source, what));

  // Reference point: fanout 2 of the full adder's (else XOR2's) inputs, its own output slew.
  const LibCell* ref = fa ? fa : xor2;
  const double load = 2 * input_cap(*ref);
  const double slew = reference_slew(*ref, load);
  auto gate = [&](const LibCell* c) {
    double worst = 0;
    for (const auto& in : c->inputs) {
      const auto v = arc(*c, c->outputs[0].first, in, slew, load, false);
      if (!v) throw std::invalid_argument(fmt::format("liberty '{}': cell {} has no delay from {} to {}", source,
                                                      c->cell->name, in, c->outputs[0].first));
      worst = std::max(worst, *v);
    }
    return worst;
  };
  DelayModel d;
  d.source = fmt::format("{} (liberty)", source);
  d.inv = gate(inv);
  d.and2 = gate(and2);
  d.or2 = gate(or2);
  d.xor2 = gate(xor2);
  d.mux2 = mux2 ? gate(mux2) : d.and2 + d.or2;
  // Per-pin arcs of a two-output adder cell: outputs[k] with table tt_k.
  auto adder_arcs = [&](const LibCell* c, uint64_t sum_tt, auto& sum, auto& carry) {
    for (const auto& [pin, tt] : c->outputs)
      for (size_t k = 0; k < c->inputs.size(); ++k) {
        const auto v = arc(*c, pin, c->inputs[k], slew, load, false);
        if (!v) throw std::invalid_argument(fmt::format("liberty '{}': cell {} has no delay from {} to {}", source,
                                                        c->cell->name, c->inputs[k], pin));
        (tt == sum_tt ? sum : carry)[k] = *v;
      }
  };
  if (fa) {
    d.fa_cell = fa->cell->name;
    adder_arcs(fa, 0x96, d.fa_sum, d.fa_carry);
  } else {  // sum = (a ^ b) ^ cin; carry = (a & b) | (cin & (a ^ b))
    d.fa_sum = {2 * d.xor2, 2 * d.xor2, d.xor2};
    d.fa_carry = {d.xor2 + d.and2 + d.or2, d.xor2 + d.and2 + d.or2, d.and2 + d.or2};
  }
  if (ha) {
    d.ha_cell = ha->cell->name;
    adder_arcs(ha, 0x6, d.ha_sum, d.ha_carry);
  } else {
    d.ha_sum = {d.xor2, d.xor2};
    d.ha_carry = {d.and2, d.and2};
  }
  return d;
}

std::string describe(const DelayModel& d) {
  auto arr = [](const auto& a) {
    std::string s;
    for (double v : a) s += fmt::format("{}{:.3f}", s.empty() ? "" : " ", v);
    return s;
  };
  return fmt::format(
      "source: {}\nfull adder: {} (a b cin -> sum: {}; -> carry: {})\nhalf adder: {} (a b -> sum: {}; -> carry: {})\n"
      "inv {:.3f} and2 {:.3f} or2 {:.3f} xor2 {:.3f} mux2 {:.3f} (ns)\n",
      d.source, d.fa_cell.empty() ? "composed of XOR2/AND2/OR2" : d.fa_cell, arr(d.fa_sum), arr(d.fa_carry),
      d.ha_cell.empty() ? "composed of XOR2/AND2" : d.ha_cell, arr(d.ha_sum), arr(d.ha_carry), d.inv, d.and2, d.or2,
      d.xor2, d.mux2);
}

}  // namespace tpegen::arith

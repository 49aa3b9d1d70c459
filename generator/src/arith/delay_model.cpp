#include "arith/delay_model.hpp"

#include <algorithm>

namespace tpegen::arith {

const DelayModel& builtin_delays() {
  // Printed by `tpegen arith --tree timing --delay-liberty <sky130hd dont_use lib> --print-delays`.
  static const DelayModel d = [] {
    DelayModel m;
    m.source = "built-in sky130_fd_sc_hd tt_025C_1v80";
    m.fa_cell = "sky130_fd_sc_hd__fa_1";
    m.ha_cell = "sky130_fd_sc_hd__ha_1";
    m.fa_sum = {0.617, 0.588, 0.566};
    m.fa_carry = {0.498, 0.471, 0.447};
    m.ha_sum = {0.368, 0.358};
    m.ha_carry = {0.271, 0.254};
    m.inv = 0.132;
    m.and2 = 0.239;
    m.or2 = 0.307;
    m.xor2 = 0.294;
    m.mux2 = 0.389;
    return m;
  }();
  return d;
}

void extend_arrivals(const BitNet& net, const DelayModel& d, std::vector<double>& arr) {
  const auto& nodes = net.nodes();
  auto at = [&](NodeId id) { return arr[static_cast<size_t>(id)]; };
  for (size_t i = arr.size(); i < nodes.size(); ++i) {
    const Node& n = nodes[i];
    double t = 0;
    switch (n.op) {
      case NodeOp::Input:
      case NodeOp::Const0:
      case NodeOp::Const1: break;
      case NodeOp::Not: t = at(n.in[0]) + d.inv; break;
      case NodeOp::And: t = std::max(at(n.in[0]), at(n.in[1])) + d.and2; break;
      case NodeOp::Or: t = std::max(at(n.in[0]), at(n.in[1])) + d.or2; break;
      case NodeOp::Xor: t = std::max(at(n.in[0]), at(n.in[1])) + d.xor2; break;
      case NodeOp::Mux: t = std::max({at(n.in[0]), at(n.in[1]), at(n.in[2])}) + d.mux2; break;
      case NodeOp::CellOut: {
        const Cell& c = net.cells()[static_cast<size_t>(n.cell)];
        auto through = [&](const auto& pins, std::initializer_list<double> in) {
          double r = 0;
          size_t k = 0;
          for (double a : in) r = std::max(r, a + pins[k++]);
          return r;
        };
        if (c.kind == CellKind::HalfAdder) {
          t = through(n.cell_out == 0 ? d.ha_sum : d.ha_carry, {at(c.in[0]), at(c.in[1])});
        } else if (c.kind == CellKind::FullAdder) {
          t = through(n.cell_out == 0 ? d.fa_sum : d.fa_carry, {at(c.in[0]), at(c.in[1]), at(c.in[2])});
        } else {  // 4:2 = FA(x1, x2, x3) -> (s1, cout); FA(s1, x4, cin) -> (sum, carry)
          const double x1 = at(c.in[0]), x2 = at(c.in[1]), x3 = at(c.in[2]);
          if (n.cell_out == 2) {
            t = through(d.fa_carry, {x1, x2, x3});
          } else {
            const double s1 = through(d.fa_sum, {x1, x2, x3});
            t = through(n.cell_out == 0 ? d.fa_sum : d.fa_carry, {s1, at(c.in[3]), at(c.in[4])});
          }
        }
        break;
      }
    }
    arr.push_back(t);
  }
}

std::vector<double> arrival_times(const BitNet& net, const DelayModel& d) {
  std::vector<double> arr;
  arr.reserve(net.nodes().size());
  extend_arrivals(net, d, arr);
  return arr;
}

}  // namespace tpegen::arith

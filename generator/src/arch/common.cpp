#include "arch/common.hpp"

#include <fmt/format.h>

#include "arch/design_name.hpp"

namespace tpegen::arch {

using namespace ir;

void declare_templates(Design& d) {
  d.add_extern({"tpe_pipe", "tpe_pipe.v", {{"clk_i", PortDir::In}, {"d_i", PortDir::In}, {"q_o", PortDir::Out}}});
  d.add_extern({"tpe_pipe_rst",
                "tpe_pipe_rst.v",
                {{"clk_i", PortDir::In}, {"rst_ni", PortDir::In}, {"d_i", PortDir::In}, {"q_o", PortDir::Out}}});
  d.add_extern({"tpe_skew",
                "tpe_skew.v",
                {{"clk_i", PortDir::In}, {"d_i", PortDir::In}, {"q_o", PortDir::Out}},
                {"tpe_pipe"}});
  d.add_extern({"tpe_skew_rst",
                "tpe_skew_rst.v",
                {{"clk_i", PortDir::In}, {"rst_ni", PortDir::In}, {"d_i", PortDir::In}, {"q_o", PortDir::Out}},
                {"tpe_pipe_rst"}});
}

ExprP product_to_acc(Module& m, const std::string& name, const ExprP& a, const ExprP& b,
                     const DesignConfig& c) {
  const int pw = c.a_width + c.b_width;
  auto prod = m.wire(name, mul(a, b, pw, c.is_signed));
  return resize(prod, c.acc_width, c.is_signed);
}

ExprP acc_add(Module& m, const std::string& name, const ExprP& acc, const ExprP& addend, const DesignConfig& c) {
  if (c.inject_bug != "adder" || c.acc_width <= 4) return m.wire(name, add(acc, addend));
  // Mutant: the two halves are added separately, losing the carry across bit 4.
  const int hi = c.acc_width - 4;
  auto acc_w = m.wire(name + "_bug_a", acc);
  auto add_w = m.wire(name + "_bug_b", addend);
  return m.wire(name, concat({add(bits(acc_w, 4, hi), bits(add_w, 4, hi)), add(bits(acc_w, 0, 4), bits(add_w, 0, 4))}));
}

ExprP delay(Module& m, const std::string& name, const ExprP& d, int depth, bool reset) {
  auto q = m.wire(name, d->width);
  if (depth == 0) {
    m.assign(q, d);
    return q;
  }
  Instance inst{reset ? "tpe_pipe_rst" : "tpe_pipe", "u_" + name, {{"WIDTH", d->width}, {"DEPTH", depth}}, {}};
  inst.conns.emplace_back("clk_i", ref(m.clock, 1));
  if (reset) inst.conns.emplace_back("rst_ni", ref(m.reset_n, 1));
  inst.conns.emplace_back("d_i", d);
  inst.conns.emplace_back("q_o", q);
  m.instance(std::move(inst));
  return q;
}

void skew(Module& m, const std::string& name, const ExprP& d, const ExprP& q, int lanes, bool reverse, bool reset,
          const std::string& side) {
  if (lanes == 1) {  // no delay at all: the cell would leave its clock (and reset) unused
    m.assign(q, d);
    return;
  }
  Instance inst{reset ? "tpe_skew_rst" : "tpe_skew", "u_" + name,
                {{"WIDTH", d->width / lanes}, {"LANES", lanes}, {"REVERSE", reverse ? 1 : 0}}, {}};
  inst.conns.emplace_back("clk_i", ref(m.clock, 1));
  if (reset) inst.conns.emplace_back("rst_ni", ref(m.reset_n, 1));
  inst.conns.emplace_back("d_i", d);
  inst.conns.emplace_back("q_o", q);
  inst.role = {reverse ? "deskew" : "skew", side};
  m.instance(std::move(inst));
}

ExprP GridSlots::h(const std::string& net, const Param& unit, bool right) const {
  std::vector<SymTerm> index = {{"j", rows}, {"i", {}}};
  if (right) index.insert(index.begin() + 1, SymTerm{"", rows});
  return slice(net, unit, index);
}

ExprP GridSlots::v(const std::string& net, const Param& unit, bool below) const {
  std::vector<SymTerm> index = {{"i", cols}, {"j", {}}};
  if (below) index.insert(index.begin() + 1, SymTerm{"", cols});
  return slice(net, unit, index);
}

int index_width(int count) {
  int w = 1;
  while ((1 << w) < count) ++w;
  return w;
}

std::string core_name(const DesignConfig& c) {
  return canonical_name(c) + (c.in_regs || c.out_regs ? "_core" : "");
}

void wrap_in_pipeline(Design& d, const Module& core, const DesignConfig& c) {
  if (!c.in_regs && !c.out_regs) return;
  Module& top = d.add_module(canonical_name(c));
  top.comments = {fmt::format("Top: {} with {} input and {} output pipeline register stage(s) on every port.",
                              core.name(), c.in_regs, c.out_regs)};
  Instance inst{core.name(), "u_core", {}, {}, {"core"}};
  for (auto& p : core.ports()) {
    if (p.name == core.clock || p.name == core.reset_n) {
      auto port = top.input(p.name, p.width, p.comment);
      inst.conns.emplace_back(p.name, port);
      continue;
    }
    if (p.dir == PortDir::In) {
      auto port = top.input(p.name, p.width, p.comment, p.control);
      inst.conns.emplace_back(p.name, delay(top, p.name + "_pipe", port, c.in_regs, p.control));
    } else {
      auto port = top.output(p.name, p.width, p.comment, p.control);
      auto raw = top.wire(p.name + "_core", p.width);
      inst.conns.emplace_back(p.name, raw);
      top.assign(port, delay(top, p.name + "_pipe", raw, c.out_regs, p.control));
    }
  }
  top.instance(std::move(inst));
}

void describe_module(Module& m, const std::string& what) { m.comments.push_back(what); }

}  // namespace tpegen::arch

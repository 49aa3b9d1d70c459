#include "emit/bitnet_to_ir.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace tpegen::emit {

using arith::BitNet;
using arith::CellKind;
using arith::NodeOp;
using namespace ir;

void declare_arith_templates(Design& d) {
  d.add_extern({"tpe_ha", "tpe_ha.v", {{"a_i", PortDir::In}, {"b_i", PortDir::In}, {"s_o", PortDir::Out}, {"c_o", PortDir::Out}}});
  d.add_extern({"tpe_fa",
                "tpe_fa.v",
                {{"a_i", PortDir::In}, {"b_i", PortDir::In}, {"c_i", PortDir::In}, {"s_o", PortDir::Out}, {"c_o", PortDir::Out}}});
  d.add_extern({"tpe_c42",
                "tpe_c42.v",
                {{"x1_i", PortDir::In},
                 {"x2_i", PortDir::In},
                 {"x3_i", PortDir::In},
                 {"x4_i", PortDir::In},
                 {"cin_i", PortDir::In},
                 {"s_o", PortDir::Out},
                 {"c_o", PortDir::Out},
                 {"cout_o", PortDir::Out}}});
}

namespace {

// Nodes that reach an output (a cell is live when any of its outputs is).
std::vector<bool> live_nodes(const BitNet& net) {
  const auto& nodes = net.nodes();
  std::vector<bool> live(nodes.size(), false);
  for (auto& bits : net.output_bits())
    for (auto b : bits) live[static_cast<size_t>(b)] = true;
  for (size_t i = nodes.size(); i-- > 0;) {
    if (!live[i]) continue;
    const auto& n = nodes[i];
    if (n.op == NodeOp::CellOut) {
      for (auto in : net.cells()[static_cast<size_t>(n.cell)].in) live[static_cast<size_t>(in)] = true;
    } else {
      for (auto in : n.in) live[static_cast<size_t>(in)] = true;
    }
  }
  return live;
}

const char* cell_module(CellKind k) {
  switch (k) {
    case CellKind::HalfAdder: return "tpe_ha";
    case CellKind::FullAdder: return "tpe_fa";
    case CellKind::Compressor42: return "tpe_c42";
  }
  return "";
}

std::vector<const char*> cell_inputs(CellKind k) {
  switch (k) {
    case CellKind::HalfAdder: return {"a_i", "b_i"};
    case CellKind::FullAdder: return {"a_i", "b_i", "c_i"};
    case CellKind::Compressor42: return {"x1_i", "x2_i", "x3_i", "x4_i", "cin_i"};
  }
  return {};
}

std::vector<const char*> cell_outputs(CellKind k) {
  if (k == CellKind::Compressor42) return {"s_o", "c_o", "cout_o"};
  return {"s_o", "c_o"};
}

}  // namespace

std::vector<bool> late_nodes(const BitNet& net, int cut_level) {
  const auto& nodes = net.nodes();
  std::vector<bool> late(nodes.size(), false);
  for (size_t i = 0; i < nodes.size(); ++i) {
    const auto& n = nodes[i];
    if (n.op == NodeOp::CellOut) {
      const auto& cell = net.cells()[static_cast<size_t>(n.cell)];
      bool any = cell.level > cut_level;
      for (auto in : cell.in) any = any || late[static_cast<size_t>(in)];
      late[i] = any;
    } else {
      late[i] = n.level > cut_level;  // the gates of a folded cell belong to its level
      for (auto in : n.in) late[i] = late[i] || late[static_cast<size_t>(in)];
    }
  }
  return late;
}

namespace {

std::vector<ExprP> emit_impl(Module& m, const BitNet& net, const std::string& prefix, const std::vector<ExprP>& inputs,
                             int cut_level) {
  if (inputs.size() != net.inputs().size()) throw std::logic_error("emit_bitnet: wrong number of input vectors");
  for (size_t i = 0; i < inputs.size(); ++i)
    if (inputs[i]->width != net.inputs()[i].width)
      throw std::logic_error(fmt::format("emit_bitnet: input {} is {} bits, expected {}", net.inputs()[i].name,
                                         inputs[i]->width, net.inputs()[i].width));
  const auto& nodes = net.nodes();
  const std::vector<bool> live = live_nodes(net);
  std::vector<ExprP> value(nodes.size());
  auto name = [&](size_t id) { return fmt::format("{}n{}", prefix, id); };
  auto v = [&](arith::NodeId id) { return value[static_cast<size_t>(id)]; };
  std::vector<bool> cell_done(net.cells().size(), false);
  // Pipelining: an early node read by a late node or an output is read through a register.
  const bool piped = cut_level >= 0;
  const std::vector<bool> late = piped ? late_nodes(net, cut_level) : std::vector<bool>(nodes.size(), false);
  std::vector<ExprP> staged(nodes.size());
  auto stage = [&](arith::NodeId id) -> ExprP {
    const auto k = static_cast<size_t>(id);
    if (!piped || late[k] || net.is_const(id)) return value[k];
    if (!staged[k]) {
      staged[k] = m.reg(fmt::format("{}p{}_q", prefix, k), 1);
      m.update(staged[k], value[k]);
    }
    return staged[k];
  };
  // Operand of node `user`: registered when the user is after the cut and the operand before.
  auto operand = [&](size_t user, arith::NodeId id) { return late[user] ? stage(id) : v(id); };

  for (size_t i = 0; i < nodes.size(); ++i) {
    const auto& n = nodes[i];
    const bool used = live[i];
    switch (n.op) {
      case NodeOp::Const0: value[i] = constant(1, 0); break;
      case NodeOp::Const1: value[i] = constant(1, 1); break;
      case NodeOp::Input: value[i] = bits(inputs[static_cast<size_t>(n.input)], n.bit, 1); break;
      case NodeOp::Not: if (used) value[i] = m.wire(name(i), bnot(operand(i, n.in[0]))); break;
      case NodeOp::And: if (used) value[i] = m.wire(name(i), band(operand(i, n.in[0]), operand(i, n.in[1]))); break;
      case NodeOp::Or: if (used) value[i] = m.wire(name(i), bor(operand(i, n.in[0]), operand(i, n.in[1]))); break;
      case NodeOp::Xor: if (used) value[i] = m.wire(name(i), bxor(operand(i, n.in[0]), operand(i, n.in[1]))); break;
      case NodeOp::Mux:
        if (used) value[i] = m.wire(name(i), mux(operand(i, n.in[0]), operand(i, n.in[1]), operand(i, n.in[2])));
        break;
      case NodeOp::CellOut: {
        const auto& cell = net.cells()[static_cast<size_t>(n.cell)];
        bool cell_live = false;
        for (auto o : cell.out) cell_live = cell_live || live[static_cast<size_t>(o)];
        if (!cell_live || cell_done[static_cast<size_t>(n.cell)]) break;
        cell_done[static_cast<size_t>(n.cell)] = true;
        // All outputs of a cell are created together, when its first output node appears.
        Instance inst{cell_module(cell.kind), fmt::format("u_{}c{}", prefix, n.cell), {}, {}};
        const auto ins = cell_inputs(cell.kind);
        for (size_t k = 0; k < ins.size(); ++k) inst.conns.emplace_back(ins[k], operand(i, cell.in[k]));
        const auto outs = cell_outputs(cell.kind);
        for (size_t k = 0; k < outs.size(); ++k) {
          const auto id = static_cast<size_t>(cell.out[k]);
          // Verilator's lint skips signals named *unused*: the dropped carries of the top column.
          auto w = m.wire(live[id] ? name(id) : fmt::format("{}unused_n{}", prefix, id), 1);
          if (live[id]) value[id] = w;
          inst.conns.emplace_back(outs[k], w);
        }
        m.instance(std::move(inst));
        break;
      }
    }
  }
  std::vector<ExprP> outs;
  for (size_t o = 0; o < net.outputs().size(); ++o) {
    std::vector<ExprP> msb_first;
    const auto& bitsv = net.output_bits()[o];
    for (size_t k = bitsv.size(); k-- > 0;) msb_first.push_back(piped ? stage(bitsv[k]) : v(bitsv[k]));
    outs.push_back(m.wire(prefix + net.outputs()[o].name, concat(msb_first)));
  }
  return outs;
}

}  // namespace

std::vector<ExprP> emit_bitnet(Module& m, const BitNet& net, const std::string& prefix, const std::vector<ExprP>& inputs) {
  return emit_impl(m, net, prefix, inputs, -1);
}

std::vector<ExprP> emit_bitnet_pipelined(Module& m, const BitNet& net, const std::string& prefix,
                                         const std::vector<ExprP>& inputs, int cut_level) {
  if (cut_level < 0) throw std::logic_error("emit_bitnet_pipelined: cut level must be >= 0");
  return emit_impl(m, net, prefix, inputs, cut_level);
}

void mark_unused_net_inputs(Module& m, const BitNet& net, const std::vector<ExprP>& inputs, const std::string& name) {
  const std::vector<bool> live = live_nodes(net);
  const auto& nodes = net.nodes();
  std::vector<ExprP> unused;  // high bit first, as concat wants
  for (size_t i = nodes.size(); i-- > 0;)
    if (nodes[i].op == NodeOp::Input && !live[i])
      unused.push_back(bits(inputs.at(static_cast<size_t>(nodes[i].input)), nodes[i].bit, 1));
  if (!unused.empty()) m.wire(name, unused.size() == 1 ? unused[0] : concat(unused));
}

}  // namespace tpegen::emit

#include "emit/bitnet_to_ir.hpp"

#include <map>
#include <stdexcept>

#include <fmt/format.h>

namespace tpegen::emit {

using arith::BitNet;
using arith::CellKind;
using arith::NodeOp;
using namespace ir;

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

// Weight (column) of each node, inferred backwards from the outputs: output bit k has
// weight k; a cell's inputs and sum have its column, its carries the next one; a gate gets
// the weight its last consumer reads it at. Only used to name nets; -1 when nothing reads it.
struct Weights {
  std::vector<int> node, cell;
};

Weights node_weights(const BitNet& net) {
  const auto& nodes = net.nodes();
  std::vector<int> w(nodes.size(), -1);
  auto give = [&](arith::NodeId id, int weight) {
    auto& x = w[static_cast<size_t>(id)];
    if (x < 0) x = weight;
  };
  for (auto& bitsv : net.output_bits())
    for (size_t k = 0; k < bitsv.size(); ++k) give(bitsv[k], static_cast<int>(k));
  std::vector<int> cell_col(net.cells().size(), -1);
  for (size_t i = nodes.size(); i-- > 0;) {
    const auto& n = nodes[i];
    if (n.op == NodeOp::CellOut) {
      auto& col = cell_col[static_cast<size_t>(n.cell)];
      if (col < 0 && w[i] >= 0) col = n.cell_out == 0 ? w[i] : w[i] - 1;
      // The cell's first output node (lowest id) comes last in this reverse walk.
      const auto& cell = net.cells()[static_cast<size_t>(n.cell)];
      if (static_cast<size_t>(cell.out[0]) == i && col >= 0)
        for (auto in : cell.in) give(in, col);
    } else if (w[i] >= 0) {
      for (auto in : n.in) give(in, w[i]);
    }
  }
  return {std::move(w), std::move(cell_col)};
}

const char* cell_tag(CellKind k) {
  switch (k) {
    case CellKind::HalfAdder: return "ha";
    case CellKind::FullAdder: return "fa";
    case CellKind::Compressor42: return "c42";
  }
  return "";
}

// Deterministic names by reduction level and column: cells `fa_l2_c13_0` (outputs _s, _c,
// _co), gates `pp_l0_c5_3` before the tree (partial products, encoders, adder gates) and
// `g_l2_c13_1` for the gates of a folded cell; the last index counts within (level, column).
class NetNames {
 public:
  NetNames(const BitNet& net, std::string prefix) : net_(net), prefix_(std::move(prefix)), weight_(node_weights(net)) {}

  std::string gate(size_t id) {
    const auto& n = net_.nodes()[id];
    return next(n.level == 0 ? "pp" : "g", n.level, weight_.node[id]);
  }
  std::string cell(int index) {
    const auto& c = net_.cells()[static_cast<size_t>(index)];
    return next(cell_tag(c.kind), c.level, weight_.cell[static_cast<size_t>(index)]);
  }

 private:
  std::string next(const char* tag, int level, int col) {
    const std::string base = col >= 0 ? fmt::format("{}{}_l{}_c{}", prefix_, tag, level, col)
                                      : fmt::format("{}{}_l{}_x", prefix_, tag, level);
    return fmt::format("{}_{}", base, count_[base]++);
  }
  const BitNet& net_;
  std::string prefix_;
  Weights weight_;
  std::map<std::string, int> count_;
};

ExprP majority(const ExprP& a, const ExprP& b, const ExprP& c) { return bor(bor(band(a, b), band(a, c)), band(b, c)); }

// A cell's outputs as flat bit-level assigns (the logic of rtl_templates/tpe_*.v): Verilator
// simulates these many times faster than one module instance per cell, and synthesis
// sees the same gates (PE-whole synthesis flattened the cells anyway).
std::vector<ExprP> cell_logic(Module& m, const std::string& base, CellKind k, const std::vector<ExprP>& in) {
  switch (k) {
    case CellKind::HalfAdder: return {bxor(in[0], in[1]), band(in[0], in[1])};
    case CellKind::FullAdder: return {bxor(bxor(in[0], in[1]), in[2]), majority(in[0], in[1], in[2])};
    case CellKind::Compressor42: {
      auto s1 = m.wire(base + "_s1", bxor(bxor(in[0], in[1]), in[2]));
      return {bxor(bxor(s1, in[3]), in[4]), majority(s1, in[3], in[4]), majority(in[0], in[1], in[2])};
    }
  }
  return {};
}

const char* cell_out_suffix(size_t k) { return k == 0 ? "_s" : k == 1 ? "_c" : "_co"; }

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
  NetNames names(net, prefix);
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
      const auto& val = value[k];
      // Input bits have no wire of their own: name their register after the input.
      const std::string nm = val->kind == ExprKind::Ref ? val->net
                                                         : fmt::format("{}{}{}", prefix, net.inputs()[static_cast<size_t>(nodes[k].input)].name, nodes[k].bit);
      staged[k] = m.reg(nm + "_q", 1);
      m.update(staged[k], val);
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
      case NodeOp::Not: if (used) value[i] = m.wire(names.gate(i), bnot(operand(i, n.in[0]))); break;
      case NodeOp::And: if (used) value[i] = m.wire(names.gate(i), band(operand(i, n.in[0]), operand(i, n.in[1]))); break;
      case NodeOp::Or: if (used) value[i] = m.wire(names.gate(i), bor(operand(i, n.in[0]), operand(i, n.in[1]))); break;
      case NodeOp::Xor: if (used) value[i] = m.wire(names.gate(i), bxor(operand(i, n.in[0]), operand(i, n.in[1]))); break;
      case NodeOp::Mux:
        if (used) value[i] = m.wire(names.gate(i), mux(operand(i, n.in[0]), operand(i, n.in[1]), operand(i, n.in[2])));
        break;
      case NodeOp::CellOut: {
        const auto& cell = net.cells()[static_cast<size_t>(n.cell)];
        bool cell_live = false;
        for (auto o : cell.out) cell_live = cell_live || live[static_cast<size_t>(o)];
        if (!cell_live || cell_done[static_cast<size_t>(n.cell)]) break;
        cell_done[static_cast<size_t>(n.cell)] = true;
        // All outputs of a cell are created together, when its first output node appears;
        // an output nothing reads (the dropped carry of the top column) is not emitted.
        const std::string base = names.cell(n.cell);
        std::vector<ExprP> ins;
        for (auto in : cell.in) ins.push_back(operand(i, in));
        const auto outs = cell_logic(m, base, cell.kind, ins);
        for (size_t k = 0; k < outs.size(); ++k) {
          const auto id = static_cast<size_t>(cell.out[k]);
          if (live[id]) value[id] = m.wire(base + cell_out_suffix(k), outs[k]);
        }
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
  return emit_bitnet_vectors(m, net, prefix, inputs);
}

std::vector<ExprP> emit_bitnet_flat(Module& m, const BitNet& net, const std::string& prefix,
                                    const std::vector<ExprP>& inputs) {
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

#include "arith/bitnet.hpp"

#include <algorithm>
#include <stdexcept>

namespace tpegen::arith {

BitNet::BitNet() {
  Node z;
  z.op = NodeOp::Const0;
  push(z);
  Node o;
  o.op = NodeOp::Const1;
  push(o);
}

NodeId BitNet::push(Node n) {
  n.level = gate_level_;
  nodes_.push_back(std::move(n));
  return static_cast<NodeId>(nodes_.size() - 1);
}

std::vector<NodeId> BitNet::add_input(const std::string& name, int width) {
  if (width < 1 || width > 64) throw std::invalid_argument("BitNet::add_input: width must be 1..64 (" + name + ")");
  const int index = static_cast<int>(inputs_.size());
  inputs_.push_back({name, width});
  std::vector<NodeId> bits;
  for (int k = 0; k < width; ++k) {
    Node n;
    n.op = NodeOp::Input;
    n.input = index;
    n.bit = k;
    bits.push_back(push(n));
  }
  return bits;
}

void BitNet::add_output(const std::string& name, std::vector<NodeId> bits) {
  if (bits.empty() || bits.size() > 64)
    throw std::invalid_argument("BitNet::add_output: width must be 1..64 (" + name + ")");
  for (auto b : bits)
    if (b < 0 || static_cast<size_t>(b) >= nodes_.size())
      throw std::invalid_argument("BitNet::add_output: unknown node (" + name + ")");
  outputs_.push_back({name, static_cast<int>(bits.size())});
  output_bits_.push_back(std::move(bits));
}

bool BitNet::is_const(NodeId n) const { return n == zero() || n == one(); }

namespace {
bool is_not_of(const std::vector<Node>& nodes, NodeId a, NodeId b) {
  const Node& n = nodes[static_cast<size_t>(a)];
  return n.op == NodeOp::Not && n.in[0] == b;
}
}  // namespace

NodeId BitNet::bnot(NodeId a) {
  if (a == zero()) return one();
  if (a == one()) return zero();
  const Node& n = nodes_[static_cast<size_t>(a)];
  if (n.op == NodeOp::Not) return n.in[0];
  Node g;
  g.op = NodeOp::Not;
  g.in = {a};
  return push(g);
}

NodeId BitNet::band(NodeId a, NodeId b) {
  if (a == zero() || b == zero()) return zero();
  if (a == one()) return b;
  if (b == one()) return a;
  if (a == b) return a;
  if (is_not_of(nodes_, a, b) || is_not_of(nodes_, b, a)) return zero();
  Node g;
  g.op = NodeOp::And;
  g.in = {a, b};
  return push(g);
}

NodeId BitNet::bor(NodeId a, NodeId b) {
  if (a == one() || b == one()) return one();
  if (a == zero()) return b;
  if (b == zero()) return a;
  if (a == b) return a;
  if (is_not_of(nodes_, a, b) || is_not_of(nodes_, b, a)) return one();
  Node g;
  g.op = NodeOp::Or;
  g.in = {a, b};
  return push(g);
}

NodeId BitNet::bxor(NodeId a, NodeId b) {
  if (a == zero()) return b;
  if (b == zero()) return a;
  if (a == one()) return bnot(b);
  if (b == one()) return bnot(a);
  if (a == b) return zero();
  if (is_not_of(nodes_, a, b) || is_not_of(nodes_, b, a)) return one();
  Node g;
  g.op = NodeOp::Xor;
  g.in = {a, b};
  return push(g);
}

NodeId BitNet::mux(NodeId sel, NodeId if_one, NodeId if_zero) {
  if (sel == one()) return if_one;
  if (sel == zero()) return if_zero;
  if (if_one == if_zero) return if_one;
  if (if_one == one() && if_zero == zero()) return sel;
  if (if_one == zero() && if_zero == one()) return bnot(sel);
  if (if_zero == zero()) return band(sel, if_one);
  if (if_one == zero()) return band(bnot(sel), if_zero);
  if (if_one == one()) return bor(sel, if_zero);
  if (if_zero == one()) return bor(bnot(sel), if_one);
  Node g;
  g.op = NodeOp::Mux;
  g.in = {sel, if_one, if_zero};
  return push(g);
}

namespace {
void check_ids(const std::vector<Node>& nodes, std::initializer_list<NodeId> ids) {
  for (auto id : ids)
    if (id < 0 || static_cast<size_t>(id) >= nodes.size()) throw std::invalid_argument("BitNet: unknown node id");
}
}  // namespace

std::array<NodeId, 2> BitNet::cell2(CellKind kind, std::vector<NodeId> in, int level) {
  const int ci = static_cast<int>(cells_.size());
  Cell cell;
  cell.kind = kind;
  cell.in = std::move(in);
  cell.level = level;
  cells_.push_back(cell);
  std::array<NodeId, 2> out{};
  for (int k = 0; k < 2; ++k) {
    Node n;
    n.op = NodeOp::CellOut;
    n.cell = ci;
    n.cell_out = k;
    out[static_cast<size_t>(k)] = push(n);
  }
  cells_[static_cast<size_t>(ci)].out = {out[0], out[1]};
  return out;
}

// {sum, carry} of the non-constant bits `vars` plus `ones` (vars.size() + ones <= 3): a cell
// only when no input is constant and no two inputs are equal or complementary.
std::array<NodeId, 2> BitNet::folded_add(std::vector<NodeId> vars, int ones, int level) {
  gate_level_ = level;
  auto bit = [&](bool b) { return b ? one() : zero(); };
  // Two Not nodes of one signal are the same signal (gates are not hash-consed).
  auto same = [&](NodeId x, NodeId y) {
    const Node &nx = nodes_[static_cast<size_t>(x)], &ny = nodes_[static_cast<size_t>(y)];
    return x == y || (nx.op == NodeOp::Not && ny.op == NodeOp::Not && nx.in[0] == ny.in[0]);
  };
  auto compl_or_eq = [&](NodeId x, NodeId y) { return same(x, y) || is_not_of(nodes_, x, y) || is_not_of(nodes_, y, x); };
  std::array<NodeId, 2> r{};
  if (vars.size() == 3) {
    // x + x + y = 2x + y; x + ~x + y = 1 + y.
    for (size_t i = 0; i < 3 && vars.size() == 3; ++i)
      for (size_t j = i + 1; j < 3; ++j) {
        if (!compl_or_eq(vars[i], vars[j])) continue;
        const NodeId x = vars[i], y = vars[3 - i - j];
        if (same(x, vars[j])) {
          gate_level_ = 0;
          return {y, x};
        }
        vars = {y};
        ones = 1;
        break;
      }
  }
  if (vars.size() == 2 && compl_or_eq(vars[0], vars[1])) {
    const NodeId x = vars[0];
    if (same(x, vars[1])) {  // 2x + ones, ones <= 1
      gate_level_ = 0;
      return {bit(ones & 1), x};
    }
    vars.clear();  // x + ~x = 1
    ++ones;
  }
  switch (vars.size()) {
    case 0: r = {bit(ones & 1), bit(ones >> 1)}; break;
    case 1: {
      const NodeId v = vars[0];
      if (ones == 0) r = {v, zero()};
      else if (ones == 1) r = {bnot(v), v};
      else r = {v, one()};
      break;
    }
    case 2:
      if (ones == 0) r = cell2(CellKind::HalfAdder, vars, level);
      else r = {bnot(bxor(vars[0], vars[1])), bor(vars[0], vars[1])};
      break;
    default: r = cell2(CellKind::FullAdder, vars, level); break;
  }
  gate_level_ = 0;
  return r;
}

std::array<NodeId, 2> BitNet::half_adder(NodeId a, NodeId b, int level) {
  check_ids(nodes_, {a, b});
  if (!fold_cells_) return cell2(CellKind::HalfAdder, {a, b}, level);
  std::vector<NodeId> vars;
  int ones = 0;
  for (auto x : {a, b})
    if (x == one()) ++ones;
    else if (x != zero()) vars.push_back(x);
  return folded_add(std::move(vars), ones, level);
}

std::array<NodeId, 2> BitNet::full_adder(NodeId a, NodeId b, NodeId c, int level) {
  check_ids(nodes_, {a, b, c});
  if (!fold_cells_) return cell2(CellKind::FullAdder, {a, b, c}, level);
  std::vector<NodeId> vars;
  int ones = 0;
  for (auto x : {a, b, c})
    if (x == one()) ++ones;
    else if (x != zero()) vars.push_back(x);
  return folded_add(std::move(vars), ones, level);
}

std::array<NodeId, 3> BitNet::compressor42(NodeId x1, NodeId x2, NodeId x3, NodeId x4, NodeId cin, int level) {
  check_ids(nodes_, {x1, x2, x3, x4, cin});
  if (fold_cells_ && (is_const(x1) || is_const(x2) || is_const(x3) || is_const(x4) || is_const(cin))) {
    // The two full adders the cell is, constants moved into the first (any x may go there:
    // the sum is symmetric, and cout still does not depend on cin); then each folds.
    std::vector<NodeId> xs = {x1, x2, x3, x4};
    std::stable_partition(xs.begin(), xs.end(), [&](NodeId x) { return is_const(x); });
    const auto f1 = full_adder(xs[0], xs[1], xs[2], level);
    const auto f2 = full_adder(f1[0], xs[3], cin, level);
    return {f2[0], f2[1], f1[1]};
  }
  const int ci = static_cast<int>(cells_.size());
  Cell cell;
  cell.kind = CellKind::Compressor42;
  cell.in = {x1, x2, x3, x4, cin};
  cell.level = level;
  cells_.push_back(cell);
  std::array<NodeId, 3> out{};
  for (int k = 0; k < 3; ++k) {
    Node n;
    n.op = NodeOp::CellOut;
    n.cell = ci;
    n.cell_out = k;
    out[static_cast<size_t>(k)] = push(n);
  }
  cells_[static_cast<size_t>(ci)].out = {out[0], out[1], out[2]};
  return out;
}

std::vector<uint64_t> BitNet::eval(const std::vector<uint64_t>& input_values) const {
  if (input_values.size() != inputs_.size())
    throw std::invalid_argument("BitNet::eval: expected " + std::to_string(inputs_.size()) + " input values, got " +
                                std::to_string(input_values.size()));
  std::vector<uint8_t> v(nodes_.size(), 0);
  auto val = [&](NodeId id) { return v[static_cast<size_t>(id)]; };
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const Node& n = nodes_[i];
    uint8_t r = 0;
    switch (n.op) {
      case NodeOp::Const0: r = 0; break;
      case NodeOp::Const1: r = 1; break;
      case NodeOp::Input: r = static_cast<uint8_t>((input_values[static_cast<size_t>(n.input)] >> n.bit) & 1U); break;
      case NodeOp::Not: r = static_cast<uint8_t>(val(n.in[0]) ^ 1U); break;
      case NodeOp::And: r = static_cast<uint8_t>(val(n.in[0]) & val(n.in[1])); break;
      case NodeOp::Or: r = static_cast<uint8_t>(val(n.in[0]) | val(n.in[1])); break;
      case NodeOp::Xor: r = static_cast<uint8_t>(val(n.in[0]) ^ val(n.in[1])); break;
      case NodeOp::Mux: r = val(n.in[0]) ? val(n.in[1]) : val(n.in[2]); break;
      case NodeOp::CellOut: {
        const Cell& c = cells_[static_cast<size_t>(n.cell)];
        auto in = [&](size_t k) { return static_cast<unsigned>(val(c.in[k])); };
        switch (c.kind) {
          case CellKind::HalfAdder: {
            const unsigned s = in(0) + in(1);
            r = static_cast<uint8_t>(n.cell_out == 0 ? (s & 1U) : (s >> 1));
            break;
          }
          case CellKind::FullAdder: {
            const unsigned s = in(0) + in(1) + in(2);
            r = static_cast<uint8_t>(n.cell_out == 0 ? (s & 1U) : (s >> 1));
            break;
          }
          case CellKind::Compressor42: {
            // Two full adders: (x1, x2, x3) -> (s1, cout); (s1, x4, cin) -> (sum, carry).
            const unsigned t = in(0) + in(1) + in(2);
            const unsigned u = (t & 1U) + in(3) + in(4);
            r = static_cast<uint8_t>(n.cell_out == 0 ? (u & 1U) : n.cell_out == 1 ? (u >> 1) : (t >> 1));
            break;
          }
        }
        break;
      }
    }
    v[i] = r;
  }
  std::vector<uint64_t> out;
  out.reserve(output_bits_.size());
  for (const auto& bits : output_bits_) {
    uint64_t x = 0;
    for (size_t k = 0; k < bits.size(); ++k) x |= static_cast<uint64_t>(val(bits[k])) << k;
    out.push_back(x);
  }
  return out;
}

}  // namespace tpegen::arith

#include "arith/bitnet.hpp"

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

std::array<NodeId, 2> BitNet::half_adder(NodeId a, NodeId b, int level) {
  check_ids(nodes_, {a, b});
  const int c = static_cast<int>(cells_.size());
  Cell cell;
  cell.kind = CellKind::HalfAdder;
  cell.in = {a, b};
  cell.level = level;
  cells_.push_back(cell);
  std::array<NodeId, 2> out{};
  for (int k = 0; k < 2; ++k) {
    Node n;
    n.op = NodeOp::CellOut;
    n.cell = c;
    n.cell_out = k;
    out[static_cast<size_t>(k)] = push(n);
  }
  cells_[static_cast<size_t>(c)].out = {out[0], out[1]};
  return out;
}

std::array<NodeId, 2> BitNet::full_adder(NodeId a, NodeId b, NodeId c, int level) {
  check_ids(nodes_, {a, b, c});
  const int ci = static_cast<int>(cells_.size());
  Cell cell;
  cell.kind = CellKind::FullAdder;
  cell.in = {a, b, c};
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

std::array<NodeId, 3> BitNet::compressor42(NodeId x1, NodeId x2, NodeId x3, NodeId x4, NodeId cin, int level) {
  check_ids(nodes_, {x1, x2, x3, x4, cin});
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

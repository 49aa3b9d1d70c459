// A bit-level netlist: the plan of an arithmetic block before it becomes Verilog.
//
// Partial-product generators, compressor trees and final adders build BitNets; the
// same BitNet is (1) evaluated in C++ as the block's bit-exact golden model and (2)
// turned into IR by emit_bitnet() (gates as assigns, compressors as instances of the
// rtl_templates/ cells tpe_ha, tpe_fa, tpe_c42). One plan, so model and RTL cannot drift.
//
// Example:
//   BitNet n;
//   auto a = n.add_input("a", 8), b = n.add_input("b", 8);
//   BitHeap h(16);
//   add_product(h, n, Encoding::Booth, a, b, /*is_signed=*/true);
//   CarrySave cs = compress(h, n, {});
//   n.add_output("p", final_adder(n, cs.sum, cs.carry, AdderKind::KoggeStone));
//   uint64_t p = n.eval({0x85, 0x7f})[0];   // == (-123 * 127) mod 2^16
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace tpegen::arith {

using NodeId = int;

enum class NodeOp { Input, Const0, Const1, Not, And, Or, Xor, Mux, CellOut };
enum class CellKind { HalfAdder, FullAdder, Compressor42 };

struct Node {
  NodeOp op = NodeOp::Const0;
  std::vector<NodeId> in;  // Not: 1; And/Or/Xor: 2; Mux: {sel, if_one, if_zero}
  int input = -1;          // Input: index into inputs()
  int bit = 0;             // Input: bit of that vector
  int cell = -1;           // CellOut: index into cells()
  int cell_out = 0;        // CellOut: which output of the cell
  int level = 0;           // gates of a folded cell: that cell's reduction level (for pipelining)
};

/// HalfAdder: in {a, b} -> out {sum, carry}
/// FullAdder: in {a, b, c} -> out {sum, carry}
/// Compressor42: in {x1, x2, x3, x4, cin} -> out {sum, carry, cout}; x1+x2+x3+x4+cin =
///   sum + 2*(carry + cout), with cout independent of cin (so a column's cout feeds the
///   next column's cin without a ripple).
struct Cell {
  CellKind kind = CellKind::FullAdder;
  std::vector<NodeId> in;
  std::vector<NodeId> out;
  int level = 0;  // reduction level (1 = first), for reporting and pipelining
};

struct Vec {
  std::string name;
  int width = 0;
};

class BitNet {
 public:
  BitNet();

  /// Declares an input vector and returns its bits (LSB first).
  std::vector<NodeId> add_input(const std::string& name, int width);
  /// Declares an output vector made of the given bits (LSB first).
  void add_output(const std::string& name, std::vector<NodeId> bits);

  NodeId zero() const { return 0; }
  NodeId one() const { return 1; }
  // Gates fold constants (x & 0 = 0, x ^ 0 = x, ~1 = 0, ...), so generators may be naive.
  NodeId bnot(NodeId a);
  NodeId band(NodeId a, NodeId b);
  NodeId bor(NodeId a, NodeId b);
  NodeId bxor(NodeId a, NodeId b);
  NodeId mux(NodeId sel, NodeId if_one, NodeId if_zero);
  // Cells fold constant and repeated inputs (when fold_cells()): an HA or FA with a constant
  // input becomes the gates it is (FA(a, b, 1): sum = ~(a ^ b), carry = a | b; a constant 0
  // drops out), a 4:2 with a constant input becomes two such full adders. So the tree never
  // emits a cell that synthesis would have to simplify across its boundary.
  std::array<NodeId, 2> half_adder(NodeId a, NodeId b, int level);
  std::array<NodeId, 2> full_adder(NodeId a, NodeId b, NodeId c, int level);
  std::array<NodeId, 3> compressor42(NodeId x1, NodeId x2, NodeId x3, NodeId x4, NodeId cin, int level);
  /// Off: every cell call makes a cell (tests of a tree's raw wiring plan).
  void set_fold_cells(bool on) { fold_cells_ = on; }
  bool fold_cells() const { return fold_cells_; }

  bool is_const(NodeId n) const;
  const std::vector<Node>& nodes() const { return nodes_; }
  const std::vector<Cell>& cells() const { return cells_; }
  const std::vector<Vec>& inputs() const { return inputs_; }
  const std::vector<Vec>& outputs() const { return outputs_; }
  const std::vector<std::vector<NodeId>>& output_bits() const { return output_bits_; }

  /// Evaluates the net: one value per input vector (in declaration order, low bits used),
  /// returns one value per output vector. Outputs and inputs are at most 64 bits wide.
  std::vector<uint64_t> eval(const std::vector<uint64_t>& input_values) const;

 private:
  NodeId push(Node n);
  std::array<NodeId, 2> cell2(CellKind kind, std::vector<NodeId> in, int level);
  std::array<NodeId, 2> folded_add(std::vector<NodeId> vars, int ones, int level);

  std::vector<Node> nodes_;
  std::vector<Cell> cells_;
  std::vector<Vec> inputs_;
  std::vector<Vec> outputs_;
  std::vector<std::vector<NodeId>> output_bits_;
  bool fold_cells_ = true;
  int gate_level_ = 0;  // level given to gates pushed while a cell is being folded
};

}  // namespace tpegen::arith

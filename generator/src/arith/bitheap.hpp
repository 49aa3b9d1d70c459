// A bit heap: bits of a BitNet tagged with their weight, plus one constant, all modulo
// 2^width (bits of weight >= width are dropped: the heap's value is its sum mod 2^width).
// References: FloPoCo BitHeap (de Dinechin et al.), Kumm & Zipf compressor trees.
#pragma once

#include <cstdint>
#include <vector>

#include "arith/bitnet.hpp"

namespace tpegen::arith {

class BitHeap {
 public:
  explicit BitHeap(int width);

  int width() const { return width_; }
  /// Adds one bit of the given weight (dropped when weight >= width, constants folded).
  void add_bit(int weight, NodeId bit, const BitNet& net);
  /// Adds a constant (two's complement values wrap modulo 2^width).
  void add_constant(uint64_t value);
  /// Adds the number formed by `bits` (LSB first) at `weight`: unsigned, or two's
  /// complement when is_signed (sign extension costs one inverted bit plus a constant).
  void add_number(const std::vector<NodeId>& bits, int weight, bool is_signed, BitNet& net);
  /// Moves the constant into the columns as Const1 bits.
  void materialize_constant(const BitNet& net);

  uint64_t constant() const { return constant_; }
  const std::vector<std::vector<NodeId>>& columns() const { return columns_; }
  std::vector<std::vector<NodeId>>& columns() { return columns_; }
  int max_height() const;
  int bit_count() const;

 private:
  int width_;
  uint64_t constant_ = 0;
  std::vector<std::vector<NodeId>> columns_;
};

/// Evaluates a heap's value mod 2^width for given BitNet inputs (test helper: the value
/// of a heap must not change through compression).
uint64_t heap_value(const BitHeap& heap, const BitNet& net, const std::vector<uint64_t>& input_values);

}  // namespace tpegen::arith

#include "arith/bitheap.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace tpegen::arith {
namespace {

uint64_t mask_of(int width) { return width >= 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1; }
// 2^k mod 2^64 (0 when k >= 64).
uint64_t pow2(int k) { return k >= 64 ? 0 : uint64_t{1} << k; }

}  // namespace

BitHeap::BitHeap(int width) : width_(width) {
  if (width < 1 || width > 64) throw std::invalid_argument("BitHeap: width must be 1..64, got " + std::to_string(width));
  columns_.resize(static_cast<size_t>(width));
}

void BitHeap::add_bit(int weight, NodeId bit, const BitNet& net) {
  if (weight < 0) throw std::invalid_argument("BitHeap::add_bit: negative weight");
  if (weight >= width_ || bit == net.zero()) return;
  if (bit == net.one()) {
    add_constant(pow2(weight));
    return;
  }
  columns_[static_cast<size_t>(weight)].push_back(bit);
}

void BitHeap::add_constant(uint64_t value) { constant_ = (constant_ + value) & mask_of(width_); }

void BitHeap::add_number(const std::vector<NodeId>& bits, int weight, bool is_signed, BitNet& net) {
  if (bits.empty()) return;
  const int w = static_cast<int>(bits.size());
  if (!is_signed) {
    for (int k = 0; k < w; ++k) add_bit(weight + k, bits[static_cast<size_t>(k)], net);
    return;
  }
  // -b 2^m = (~b) 2^m - 2^m with m = weight + w - 1.
  for (int k = 0; k + 1 < w; ++k) add_bit(weight + k, bits[static_cast<size_t>(k)], net);
  const int m = weight + w - 1;
  if (m >= width_) return;  // the sign bit and its constant both vanish mod 2^width
  add_bit(m, net.bnot(bits.back()), net);
  add_constant(~pow2(m) + 1);  // -2^m mod 2^64
}

void BitHeap::materialize_constant(const BitNet& net) {
  for (int k = 0; k < width_; ++k)
    if ((constant_ >> k) & 1U) columns_[static_cast<size_t>(k)].push_back(net.one());
  constant_ = 0;
}

int BitHeap::max_height() const {
  size_t h = 0;
  for (const auto& c : columns_) h = std::max(h, c.size());
  return static_cast<int>(h);
}

int BitHeap::bit_count() const {
  size_t n = 0;
  for (const auto& c : columns_) n += c.size();
  return static_cast<int>(n);
}

uint64_t heap_value(const BitHeap& heap, const BitNet& net, const std::vector<uint64_t>& input_values) {
  // Evaluate every heap bit through a copy of the net with one 1-bit output per heap bit.
  BitNet probe = net;
  std::vector<int> weight_of;
  for (int k = 0; k < heap.width(); ++k)
    for (auto b : heap.columns()[static_cast<size_t>(k)]) {
      probe.add_output("h", {b});
      weight_of.push_back(k);
    }
  const std::vector<uint64_t> all = probe.eval(input_values);
  const size_t first = net.outputs().size();
  uint64_t v = heap.constant();
  for (size_t i = 0; i < weight_of.size(); ++i) v += all[first + i] << weight_of[i];
  return v & mask_of(heap.width());
}

}  // namespace tpegen::arith

#include "wrap/gemm_geometry.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "wrap/axi_wrapper.hpp"

namespace tpegen::wrap {

namespace {

int log2_ceil(long long v) {
  int b = 0;
  while ((1LL << b) < v) ++b;
  return b;
}

OperandGeometry operand(const golden::Slice& s, int bus_bytes, int bytes, int width, int rows_wanted, int cols_wanted) {
  OperandGeometry g;
  g.banks = s.rows;
  g.slice_cols = s.cols;
  g.lanes_per_beat = bus_bytes / bytes;
  g.lanes_per_word = std::lcm(s.cols, g.lanes_per_beat);
  g.sub_rams = g.lanes_per_word / g.lanes_per_beat;
  g.lane_bits = width;
  g.group_bits = log2_ceil((rows_wanted + g.banks - 1) / g.banks);
  g.slot_bits = log2_ceil((cols_wanted + g.lanes_per_word - 1) / g.lanes_per_word);
  g.row_limit = g.banks << g.group_bits;
  g.col_limit = g.lanes_per_word << g.slot_bits;
  return g;
}

}  // namespace

BufferLoc OperandGeometry::write(int row, int col) const {
  const int beat = col / lanes_per_beat;
  return {row % banks, beat % sub_rams, ((row / banks) << slot_bits) + beat / sub_rams, col % lanes_per_beat};
}

BufferLoc OperandGeometry::read(int row0, int col0, int r, int c) const {
  const int word_lane = (col0 % lanes_per_word) / slice_cols * slice_cols + c;
  return {row0 % banks + r, word_lane / lanes_per_beat, ((row0 / banks) << slot_bits) + col0 / lanes_per_word,
          word_lane % lanes_per_beat};
}

int GemmGeometry::c_addr_bits() const { return std::max(1, c_row_bits + c_tile_bits + c_group_bits); }

int operand_bytes(int width) { return width <= 8 ? 1 : 2; }

int result_bytes(int acc_width) { return acc_width <= 8 ? 1 : acc_width <= 16 ? 2 : acc_width <= 32 ? 4 : 8; }

long long row_beats(long long n, int bytes, int bus_bytes) { return (n * bytes + bus_bytes - 1) / bus_bytes; }

GemmGeometry gemm_geometry(const DesignConfig& c, const golden::ScheduleDescriptor& d) {
  GemmGeometry g;
  g.bus_bytes = c.axis_width / 8;
  g.ea = operand_bytes(c.a_width);
  g.eb = operand_bytes(c.b_width);
  g.ec = result_bytes(c.acc_width);
  const int widest = std::max({g.ea, g.eb, g.ec});
  if (g.bus_bytes < widest || (g.bus_bytes & (g.bus_bytes - 1)) != 0)
    throw ConfigError(fmt::format("invalid --axis-width = {} with --wrap axi-gemm: valid values are powers of two "
                                  "from {} (the widest element container) to {}",
                                  c.axis_width, 8 * widest, Limits::kMaxAxis));
  const int W = kGemmWantedLimit;
  g.a = operand(d.a, g.bus_bytes, g.ea, c.a_width, W, W);  // A: M x K, read R x tile_k
  g.b = operand(d.b, g.bus_bytes, g.eb, c.b_width, W, W);  // B: K x N, read tile_k x C
  g.m_limit = g.a.row_limit;
  g.k_limit = std::min<long long>(g.a.col_limit, g.b.row_limit);
  g.max_k = axi_limits(c).max_k;
  if (!c.acc_wrap) g.k_limit = std::min(g.k_limit, g.max_k);
  // C rows: as many as A's, in {row group, tile row}; tiles: enough for B's columns.
  g.c_group_bits = g.a.group_bits;
  g.c_row_bits = log2_ceil(d.tile_m);
  g.c_tile_bits = log2_ceil((g.b.col_limit + d.tile_n - 1) / d.tile_n);
  g.n_limit = std::min<long long>(g.b.col_limit, static_cast<long long>(d.tile_n) << g.c_tile_bits);
  g.c_columns = d.results == golden::Results::Columns;
  return g;
}

}  // namespace tpegen::wrap

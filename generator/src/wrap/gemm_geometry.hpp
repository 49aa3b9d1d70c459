// `--wrap axi-gemm`: where the subsystem keeps A, B and C (AXI_DESIGN.md §4, §6) as data, so
// that the RTL builders, the manifest, the C header and the unit tests read one value.
//
// An operand X (A or B) is read one schedule slice (rows x cols) per step and written one bus
// beat per cycle. Matrix row r lives in bank r % banks; a bank is `sub_rams` memories of
// `lanes_per_beat` lanes that share a read address, so a beat fills exactly one sub-RAM word
// and a word of `lanes_per_word` lanes holds whole slices. Each row has a fixed slot of
// 2^slot_bits words: the address is the concatenation {r / banks, word}, no adder.
// This first stage keeps whole matrices (no strips or panels): the limits below are the
// largest M, K and N one job may have.
#pragma once

#include "config/design_config.hpp"
#include "golden/schedule.hpp"

namespace tpegen::wrap {

/// One element's place in an operand buffer.
struct BufferLoc {
  int bank = 0, sub = 0, addr = 0, lane = 0;  // lane: within the sub-RAM word
};

struct OperandGeometry {
  int banks = 1;           // slice rows: matrix row r in bank r % banks
  int slice_cols = 1;      // lanes one step takes from a row
  int lanes_per_beat = 1;  // P = bus bytes / element container bytes
  int lanes_per_word = 1;  // lcm(slice_cols, P)
  int sub_rams = 1;        // lanes_per_word / P
  int lane_bits = 1;       // element width kept (containers are narrowed on write)
  int slot_bits = 0;       // log2 words per row
  int group_bits = 0;      // log2 row groups (rows / banks)
  int row_limit = 0;       // rows the buffer holds: banks << group_bits
  int col_limit = 0;       // columns a row slot holds: lanes_per_word << slot_bits
  int addr_bits() const { return group_bits + slot_bits > 0 ? group_bits + slot_bits : 1; }
  int slice_groups() const { return lanes_per_word / slice_cols; }  // inputs of the lane mux
  /// Where the element (row, col) goes: beat col / P of its row is one sub-RAM word.
  BufferLoc write(int row, int col) const;
  /// Where the slice read at (row0, col0) finds its lane `c` of bank `row0 % banks + r`:
  /// every bank reads `addr`, the lane mux takes group `(col0 % lanes_per_word) / slice_cols`.
  BufferLoc read(int row0, int col0, int r, int c) const;
};

struct GemmGeometry {
  int bus_bytes = 4;
  int ea = 1, eb = 1, ec = 4;  // element containers (bytes) on the streams
  OperandGeometry a, b;
  // C: words {row group, tile row, column tile}; one memory of one lane per engine column
  // (Columns results: systolic-os) or one memory of tile_n lanes (Block results: dot grids).
  int c_row_bits = 0, c_tile_bits = 0, c_group_bits = 0;
  bool c_columns = true;  // Columns: memories u_c<j> of one lane; else one memory u_c of tile_n lanes
  int c_addr_bits() const;
  long long m_limit = 0, k_limit = 0, n_limit = 0;  // the largest sizes a job may have
  long long max_k = 0;                               // exact accumulation bound (0: none, --acc-wrap)
};

/// The sizes a whole-matrix buffer is made for before rounding up to its power-of-two slots.
inline constexpr int kGemmWantedLimit = 64;

/// Container bytes of a w-bit operand (1 or 2) and of the accumulator (1, 2, 4 or 8).
int operand_bytes(int width);
int result_bytes(int acc_width);

/// The geometry of a design; throws ConfigError when the bus is narrower than a container.
GemmGeometry gemm_geometry(const DesignConfig& c, const golden::ScheduleDescriptor& d);

/// Beats of one row of n elements of `bytes` each (rows start on a beat, zero-padded).
long long row_beats(long long n, int bytes, int bus_bytes);

}  // namespace tpegen::wrap

// The schedule of a GEMM on a bare engine, from one per-architecture descriptor: which A and
// B elements (or zeros) feed each port lane in each step, where the first/last/bank/weight
// controls go, the fewest cycles between steps, and which C element each result lane is.
// One model for three users: the generator (arch/*.cpp fill the descriptor, the manifest
// shows it), the unit tests (run_functional against gemm) and the Verilator harness
// (tb/harness/driver_schedule.hpp feeds the RTL from it with cycle-exact checks), so the
// schedule the AXI subsystem will own is proven on the RTL before the subsystem exists.
// Definitions in schedule.cpp: every Verilated model links the very same code (compiled once
// and cached, sim/model_cache).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "golden/gemm.hpp"

namespace tpegen::golden {

/// fixed_latency engines take a step in every cycle with valid_i; valid_ready ones on a
/// handshake, so their step cycles are only minimums.
enum class Protocol { FixedLatency, ValidReady };
/// KInner: a tile's k steps follow each other and the engine accumulates. MInner
/// (systolic-ws): rows innermost, each K round adds to the previous one's result via c_i.
enum class Order { KInner, MInner };
/// WithStep: b_i belongs to the step it comes with. NextStep (mac-tree): b_i with w_load_i
/// is the next step's B, loaded while this step multiplies the old one. Banked
/// (systolic-ws): two weight banks written one row per cycle while the other bank computes;
/// the step in cycle s multiplies with weight row k, column j as it is in cycle s + k + j
/// (a skewed array: class WeightBanks), so a bank's row k may be rewritten from
/// bank_rewrite + k cycles after the last step that selected it.
enum class Weights { WithStep, NextStep, Banked };
/// Columns (systolic-os): column j gives the tile's rows one by one on c_o[j]. Block: one
/// c_valid_o for result_rows x tile_n values at c_o[(i*tile_n + j)*ACC].
enum class Results { Columns, Block };

/// What one step reads from a row-major operand: a rows x cols block at (r0, c0).
struct Slice {
  int rows = 1, cols = 1;
  bool port_col_major = false;  // element (r, c) on port lane c*rows + r (opt4e's b_i)
  bool engine_latches = false;  // the engine only registers this port (weights, latched B)
  int lanes() const { return rows * cols; }
  int lane(int r, int c) const { return port_col_major ? c * rows + r : r * cols + c; }
};

struct ScheduleDescriptor {
  Protocol protocol = Protocol::FixedLatency;
  Order order = Order::KInner;
  int tile_m = 1, tile_n = 1, tile_k = 1;  // output tile rows x cols; k elements per step
  Slice a, b;                              // b: per step, or one weight row (Banked: 1 x tile_n)
  int strip_rows = 1;                      // A rows per strip (a multiple of tile_m)
  int last_spacing = 1;                    // min cycles between steps carrying last_i
  int first_after_last = 1;                // min cycles from a last step to the next first step
  int revisit_min = 1;                     // MInner: min cycles between a row's steps in consecutive K rounds
                                           // (the bare engine's latency; a sequencer adds its own feed depth)
  Weights weights = Weights::WithStep;
  int weight_rows = 0;                     // Banked: rows per bank, written one per cycle
  int bank_rewrite = 0;                    // Banked: timing's weight_bank_rewrite_cycles (row 0; row k, k later)
  Results results = Results::Block;
  int result_rows = 1;                     // Block: c_o rows (the tile's)
  int result_hold = 1;                     // min cycles between result events (for a collector writing rows serially)
  int latency_first = 1, latency_last = 1; // manifest latency_{first,last}_result_cycles
  int step_cycles_min = 1, step_cycles_max = 1;
  int column_row_skew = 0, column_col_skew = 0;  // Columns: row i of column j leaves i*row + j*col cycles after the first
};

/// An element of A, B or C, or (row < 0) a constant zero on that lane.
struct Element {
  int row = -1, col = -1;
  bool zero() const { return row < 0; }
};

/// One cycle that the schedule uses: a step (valid) and/or a weight load.
struct Step {
  int64_t cycle = 0;  // fixed_latency: the cycle it is issued in (0 = the first); valid_ready: the earliest
  bool valid = true;  // false: a cycle that only loads weights
  bool first = false, last = false;
  int bank = 0;                    // Banked: the bank this step multiplies with
  int psum = -1;                   // MInner: index of the result that feeds c_i (-1: zeros)
  std::vector<Element> a;          // a_i lanes (empty when !valid)
  std::vector<Element> b;          // b_i / w_i lanes: this step's B, the next step's (w_load), a weight row (w_row)
  bool w_load = false;             // NextStep: b goes into the weight register this cycle
  int w_row = -1, w_bank = 0;      // Banked: b is weight row w_row of bank w_bank (w_row < 0: no write)
};

/// One result the engine gives: which C element each lane of c_o is.
struct ResultEvent {
  int step = 0;    // index of the step (carrying last_i) it comes from
  int offset = 0;  // fixed_latency: cycles after that step; valid_ready: the first result's minimum
  int column = -1; // Columns: the port column j (lane 0 of `c` is c_o[j]); Block: -1
  int tile_row = 0;  // Columns: the tile row i it carries
  std::vector<Element> c;  // per lane; outside M x N: padding, dropped
  bool final = true;       // MInner: false for a partial sum that goes back in through c_i
};

struct Schedule {
  int m = 0, k = 0, n = 0;
  std::vector<Step> steps;
  std::vector<ResultEvent> results;
};

/// ERROR bits of a job the hardware refuses (the subsystem's register; AXI_DESIGN.md §7).
inline constexpr uint32_t kErrorSize = 1u << 0;
/// Loop counters are 16 bits.
inline constexpr int kMaxDim = 65535;

/// A job's shape in tiles. Buffer limits (K_LIMIT, the panel width Nb) come with the
/// buffer geometry of the subsystem; here N is one panel.
struct JobPlan {
  int m = 0, k = 0, n = 0;
  int tiles_m = 0, tiles_n = 0, k_steps = 0, strips = 0;
  uint32_t error = 0;
};

inline int ceil_div(int a, int b) { return (a + b - 1) / b; }

/// max_k: the largest K the accumulator sums exactly (0: no limit, --acc-wrap).
JobPlan plan_job(const ScheduleDescriptor& d, int m, int k, int n, long max_k = 0);

/// Banked weights as the array reads them: the step issued in cycle s multiplies PE row k,
/// column j with bank row k as written before cycle s + k + j (a write lands after its
/// cycle). Writes are recorded in cycle order first; a read may then ask about any cycle.
class WeightBanks {
 public:
  WeightBanks(int rows, int cols) : rows_(rows), cols_(cols), history_(static_cast<size_t>(2 * rows)) {}
  void write(int64_t cycle, int bank, int row, std::vector<uint64_t> values);
  uint64_t read(int64_t step_cycle, int bank, int k, int j) const;
  /// What a row never written reads: no operand's value, so a schedule that reads it computes
  /// a wrong C (the registers are not reset).
  static constexpr uint64_t kUnwritten = 0x5a5a5a5a5a5a5a5aULL;

 private:
  struct Write {
    int64_t cycle;
    std::vector<uint64_t> values;
  };
  size_t slot(int bank, int row) const { return static_cast<size_t>(bank * rows_ + row); }
  int rows_, cols_;
  std::vector<std::vector<Write>> history_;
};

/// The engine steps and result placements of an M x K x N GEMM (an empty schedule for a
/// job plan_job refuses).
Schedule schedule(const ScheduleDescriptor& d, int m, int k, int n);

/// What run_functional computed: C (raw acc bits, M x N) and every result event's lanes.
struct FunctionalRun {
  std::vector<uint64_t> c;
  std::vector<std::vector<uint64_t>> events;
};

/// Executes a schedule with the descriptor's engine semantics (accumulate over first..last,
/// weights from the port, the weight register or the banks, which a load changes only after
/// the cycle it happens in, banks as the skewed array reads them: WeightBanks; c_i from the
/// result a step names) and places the final results.
/// It must equal gemm(a, b, acc_width).
FunctionalRun run_functional(const ScheduleDescriptor& d, const Schedule& s, const Matrix& a, const Matrix& b,
                             int acc_width);

inline const char* to_string(Protocol p) { return p == Protocol::FixedLatency ? "fixed_latency" : "valid_ready"; }
inline const char* to_string(Order o) { return o == Order::KInner ? "k_inner" : "m_inner"; }
inline const char* to_string(Weights w) {
  return w == Weights::WithStep ? "with_step" : w == Weights::NextStep ? "next_step" : "banked";
}
inline const char* to_string(Results r) { return r == Results::Columns ? "columns" : "block"; }

}  // namespace tpegen::golden

// The schedule of a GEMM on a bare engine, from one per-architecture descriptor: which A and
// B elements (or zeros) feed each port lane in each step, where the first/last/bank/weight
// controls go, the fewest cycles between steps, and which C element each result lane is.
// One model for three users: the generator (arch/*.cpp fill the descriptor, the manifest
// shows it), the unit tests (run_functional against gemm) and the Verilator harness
// (tb/harness/driver_schedule.hpp feeds the RTL from it with cycle-exact checks), so the
// schedule the AXI subsystem will own is proven on the RTL before the subsystem exists.
// Header-only, like gemm.hpp, so that Verilator's make compiles the very same code.
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
inline JobPlan plan_job(const ScheduleDescriptor& d, int m, int k, int n, long max_k = 0) {
  JobPlan p;
  p.m = m;
  p.k = k;
  p.n = n;
  if (m < 1 || m > kMaxDim || n < 1 || n > kMaxDim || k < 1 || k > kMaxDim || (max_k > 0 && k > max_k)) {
    p.error |= kErrorSize;
    return p;
  }
  p.tiles_m = ceil_div(m, d.tile_m);
  p.tiles_n = ceil_div(n, d.tile_n);
  p.k_steps = ceil_div(k, d.tile_k);
  p.strips = ceil_div(m, d.strip_rows);
  return p;
}

/// Banked weights as the array reads them: the step issued in cycle s multiplies PE row k,
/// column j with bank row k as written before cycle s + k + j (a write lands after its
/// cycle). Writes are recorded in cycle order first; a read may then ask about any cycle.
class WeightBanks {
 public:
  WeightBanks(int rows, int cols) : rows_(rows), cols_(cols), history_(static_cast<size_t>(2 * rows)) {}
  void write(int64_t cycle, int bank, int row, std::vector<uint64_t> values) {
    values.resize(static_cast<size_t>(cols_), 0);
    history_[slot(bank, row)].push_back({cycle, std::move(values)});
  }
  uint64_t read(int64_t step_cycle, int bank, int k, int j) const {
    const auto& h = history_[slot(bank, k)];
    for (auto it = h.rbegin(); it != h.rend(); ++it)
      if (it->cycle < step_cycle + k + j) return it->values[static_cast<size_t>(j)];
    return kUnwritten;
  }
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

namespace detail {

inline Element operand(int r, int c, int rows, int cols) {
  return r < rows && c < cols ? Element{r, c} : Element{};
}

/// Lanes of a block of a rows x cols operand at (r0, c0) in the slice's port order.
inline std::vector<Element> slice_lanes(const Slice& s, int r0, int c0, int rows, int cols) {
  std::vector<Element> v(static_cast<size_t>(s.lanes()));
  for (int r = 0; r < s.rows; ++r)
    for (int c = 0; c < s.cols; ++c) v[static_cast<size_t>(s.lane(r, c))] = operand(r0 + r, c0 + c, rows, cols);
  return v;
}

/// The issue-cycle bookkeeping of the spacing rules.
struct Clock {
  int64_t now = -1;        // cycle of the latest entry
  int64_t last_at = -1;    // cycle of the latest step carrying last_i (-1: none yet)
  int64_t earliest(const ScheduleDescriptor& d, bool first, bool last) const {
    int64_t c = now + 1;
    if (last_at >= 0 && first) c = std::max<int64_t>(c, last_at + d.first_after_last);
    if (last_at >= 0 && last) c = std::max<int64_t>(c, last_at + std::max(d.last_spacing, d.result_hold));
    return c;
  }
};

inline void add_block_result(Schedule& s, const ScheduleDescriptor& d, int step, int m0, int n0, bool final) {
  ResultEvent e;
  e.step = step;
  e.offset = d.latency_first;
  e.final = final;
  for (int i = 0; i < d.result_rows; ++i)
    for (int j = 0; j < d.tile_n; ++j) e.c.push_back({m0 + i, n0 + j});
  s.results.push_back(std::move(e));
}

inline void add_column_results(Schedule& s, const ScheduleDescriptor& d, int step, int m0, int n0) {
  for (int j = 0; j < d.tile_n; ++j)
    for (int i = 0; i < d.tile_m; ++i) {
      ResultEvent e;
      e.step = step;
      e.offset = d.latency_first + i * d.column_row_skew + j * d.column_col_skew;
      e.column = j;
      e.tile_row = i;
      e.c.push_back({m0 + i, n0 + j});
      s.results.push_back(std::move(e));
    }
}

// KInner: per strip, output tiles across N, the strip's row tiles, then the k steps.
inline void schedule_k_inner(Schedule& s, const ScheduleDescriptor& d, const JobPlan& p) {
  const int M = p.m, K = p.k, N = p.n;
  Clock clk;
  for (int ms0 = 0; ms0 < M; ms0 += d.strip_rows) {
    const int ms = std::min(d.strip_rows, M - ms0);
    for (int t = 0; t < p.tiles_n; ++t)
      for (int u = 0; u < ceil_div(ms, d.tile_m); ++u)
        for (int ks = 0; ks < p.k_steps; ++ks) {
          const int m0 = ms0 + u * d.tile_m, n0 = t * d.tile_n, k0 = ks * d.tile_k;
          Step st;
          st.first = ks == 0;
          st.last = ks == p.k_steps - 1;
          st.cycle = clk.earliest(d, st.first, st.last);
          st.a = slice_lanes(d.a, m0, k0, M, K);
          st.b = slice_lanes(d.b, k0, n0, K, N);
          const int index = static_cast<int>(s.steps.size());
          if (st.last) {
            clk.last_at = st.cycle;
            if (d.results == Results::Columns) add_column_results(s, d, index, m0, n0);
            else add_block_result(s, d, index, m0, n0, true);
          }
          clk.now = st.cycle;
          s.steps.push_back(std::move(st));
        }
  }
}

// NextStep: every step's B moves to the step before it (w_load_i), the first one to a lone
// load cycle that opens the job; a step's own b lanes then carry the next step's B.
inline void shift_weights_a_step_ahead(Schedule& s) {
  if (s.steps.empty()) return;
  Step opener;
  opener.valid = false;
  opener.w_load = true;
  opener.b = s.steps.front().b;
  opener.cycle = s.steps.front().cycle;  // the steps move one cycle later
  for (size_t i = 0; i < s.steps.size(); ++i) {
    Step& st = s.steps[i];
    st.cycle += 1;
    if (i + 1 < s.steps.size()) {
      st.b = s.steps[i + 1].b;
      st.w_load = true;
    } else {
      st.b.assign(st.b.size(), Element{});
    }
  }
  s.steps.insert(s.steps.begin(), std::move(opener));
  for (auto& r : s.results) ++r.step;
}

// MInner (systolic-ws): per strip, K rounds; in a round the passes over N tiles, each pass
// one row per cycle with the weights of (round, tile) in bank pass % 2. Pass p's weight rows
// 0..R-1 load one per cycle from cycle load_p on: after pass p-1's (one write port) and once
// pass p-2, the bank's previous user, has let go of it (row k from its last step +
// bank_rewrite + k). The pass starts from load_p + 1 (row k lands in cycle load_p + k + 1, when
// the first row reaches PE row k), after the previous pass, and no sooner than revisit_min after
// the previous round's step of the same row (its partial sum). So the loads overlap the passes
// before, the pass itself and the gaps, as early as the rule lets them.
inline void schedule_m_inner(Schedule& s, const ScheduleDescriptor& d, const JobPlan& p) {
  const int M = p.m, K = p.k, N = p.n, R = d.weight_rows;
  struct Pass {
    int ms0, ms, ks, t;
    int64_t load, start;
  };
  std::vector<Pass> passes;
  for (int ms0 = 0; ms0 < M; ms0 += d.strip_rows)
    for (int ks = 0; ks < p.k_steps; ++ks)
      for (int t = 0; t < p.tiles_n; ++t) passes.push_back({ms0, std::min(d.strip_rows, M - ms0), ks, t, 0, 0});
  // The cycles: row r of (tile t) was last issued at issued_at[t * strip_rows + r].
  std::vector<int64_t> issued_at(static_cast<size_t>(d.strip_rows * p.tiles_n), -1);
  for (size_t pi = 0; pi < passes.size(); ++pi) {
    Pass& q = passes[pi];
    q.load = pi == 0 ? 0 : passes[pi - 1].load + R;
    if (pi >= 2) q.load = std::max<int64_t>(q.load, passes[pi - 2].start + passes[pi - 2].ms - 1 + d.bank_rewrite);
    q.start = q.load + 1;
    if (pi >= 1) q.start = std::max<int64_t>(q.start, passes[pi - 1].start + passes[pi - 1].ms);
    for (int r = 0; r < q.ms; ++r) {
      const int64_t prev = issued_at[static_cast<size_t>(q.t * d.strip_rows + r)];
      if (q.ks > 0 && prev >= 0) q.start = std::max<int64_t>(q.start, prev + d.revisit_min - r);
    }
    for (int r = 0; r < q.ms; ++r) issued_at[static_cast<size_t>(q.t * d.strip_rows + r)] = q.start + r;
  }
  // The steps in cycle order: each cycle has at most one row and one weight row.
  std::vector<int> psum_of(static_cast<size_t>(d.strip_rows * p.tiles_n), -1);  // result index of (t, r)'s latest step
  size_t row_pass = 0, load_pass = 0;
  int row = 0, wrow = 0;
  while (row_pass < passes.size() || load_pass < passes.size()) {
    const int64_t row_at = row_pass < passes.size() ? passes[row_pass].start + row : INT64_MAX;
    const int64_t load_at = load_pass < passes.size() ? passes[load_pass].load + wrow : INT64_MAX;
    Step st;
    st.cycle = std::min(row_at, load_at);
    st.valid = row_at == st.cycle;
    if (st.valid) {
      const Pass& q = passes[row_pass];
      if (q.ks == 0 && q.t == 0 && row == 0) std::fill(psum_of.begin(), psum_of.end(), -1);  // a new strip
      const size_t slot = static_cast<size_t>(q.t * d.strip_rows + row);
      st.first = st.last = true;  // every row is a whole result (its K round)
      st.bank = static_cast<int>(row_pass % 2);
      st.a = slice_lanes(d.a, q.ms0 + row, q.ks * d.tile_k, M, K);
      st.psum = psum_of[slot];
      psum_of[slot] = static_cast<int>(s.results.size());
      add_block_result(s, d, static_cast<int>(s.steps.size()), q.ms0 + row, q.t * d.tile_n, q.ks == p.k_steps - 1);
      if (++row == q.ms) {
        row = 0;
        ++row_pass;
      }
    }
    if (load_at == st.cycle) {
      const Pass& q = passes[load_pass];
      st.w_row = wrow;
      st.w_bank = static_cast<int>(load_pass % 2);
      st.b = slice_lanes(d.b, q.ks * d.tile_k + wrow, q.t * d.tile_n, K, N);
      if (++wrow == R) {
        wrow = 0;
        ++load_pass;
      }
    }
    s.steps.push_back(std::move(st));
  }
}

}  // namespace detail

/// The engine steps and result placements of an M x K x N GEMM (an empty schedule for a
/// job plan_job refuses).
inline Schedule schedule(const ScheduleDescriptor& d, int m, int k, int n) {
  Schedule s;
  s.m = m;
  s.k = k;
  s.n = n;
  const JobPlan p = plan_job(d, m, k, n);
  if (p.error) return s;
  if (d.order == Order::MInner) {
    detail::schedule_m_inner(s, d, p);
    return s;
  }
  detail::schedule_k_inner(s, d, p);
  if (d.weights == Weights::NextStep) detail::shift_weights_a_step_ahead(s);
  return s;
}

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
inline FunctionalRun run_functional(const ScheduleDescriptor& d, const Schedule& s, const Matrix& a, const Matrix& b,
                                    int acc_width) {
  const int TM = d.tile_m, TN = d.tile_n, TK = d.tile_k;
  auto val = [](const Matrix& x, const Element& e) { return e.zero() ? uint64_t{0} : static_cast<uint64_t>(x.at(e.row, e.col)); };
  FunctionalRun out;
  out.c.assign(static_cast<size_t>(s.m) * static_cast<size_t>(s.n), 0);
  out.events.resize(s.results.size());
  std::vector<uint64_t> acc(static_cast<size_t>(TM * TN), 0);
  std::vector<uint64_t> wreg(static_cast<size_t>(d.b.lanes()), 0);
  WeightBanks banks(TK, TN);
  if (d.weights == Weights::Banked)
    for (const Step& st : s.steps)
      if (st.w_row >= 0) {
        std::vector<uint64_t> row;
        for (int j = 0; j < TN; ++j) row.push_back(val(b, st.b[static_cast<size_t>(j)]));
        banks.write(st.cycle, st.w_bank, st.w_row, std::move(row));
      }
  size_t next_result = 0;
  for (size_t si = 0; si < s.steps.size(); ++si) {
    const Step& st = s.steps[si];
    if (st.valid) {
      std::vector<uint64_t> cin(static_cast<size_t>(TN), 0);
      if (st.psum >= 0)
        for (int j = 0; j < TN; ++j) cin[static_cast<size_t>(j)] = out.events[static_cast<size_t>(st.psum)][static_cast<size_t>(j)];
      for (int i = 0; i < TM; ++i)
        for (int j = 0; j < TN; ++j) {
          uint64_t dot = 0;
          for (int k = 0; k < TK; ++k) {
            const uint64_t x = val(a, st.a[static_cast<size_t>(d.a.lane(i, k))]);
            uint64_t y = 0;
            if (d.weights == Weights::WithStep) y = val(b, st.b[static_cast<size_t>(d.b.lane(k, j))]);
            else if (d.weights == Weights::NextStep) y = wreg[static_cast<size_t>(d.b.lane(k, j))];
            else y = banks.read(st.cycle, st.bank, k, j);
            dot += x * y;
          }
          uint64_t& r = acc[static_cast<size_t>(i * TN + j)];
          if (d.order == Order::MInner) r = cin[static_cast<size_t>(j)] + dot;
          else r = st.first ? dot : r + dot;
        }
      for (; next_result < s.results.size() && s.results[next_result].step == static_cast<int>(si); ++next_result) {
        const ResultEvent& e = s.results[next_result];
        auto& v = out.events[next_result];
        if (e.column >= 0) {
          v.push_back(acc[static_cast<size_t>(e.tile_row * TN + e.column)] & low_mask(acc_width));
        } else {
          for (size_t l = 0; l < e.c.size(); ++l) v.push_back(acc[l] & low_mask(acc_width));
        }
        if (!e.final) continue;
        for (size_t l = 0; l < e.c.size(); ++l)
          if (e.c[l].row < s.m && e.c[l].col < s.n)
            out.c[static_cast<size_t>(e.c[l].row) * static_cast<size_t>(s.n) + static_cast<size_t>(e.c[l].col)] = v[l];
      }
    }
    // Loads take effect after the cycle they happen in (banks: recorded above).
    if (st.w_load)
      for (size_t l = 0; l < st.b.size(); ++l) wreg[l] = val(b, st.b[l]);
  }
  return out;
}

inline const char* to_string(Protocol p) { return p == Protocol::FixedLatency ? "fixed_latency" : "valid_ready"; }
inline const char* to_string(Order o) { return o == Order::KInner ? "k_inner" : "m_inner"; }
inline const char* to_string(Weights w) {
  return w == Weights::WithStep ? "with_step" : w == Weights::NextStep ? "next_step" : "banked";
}
inline const char* to_string(Results r) { return r == Results::Columns ? "columns" : "block"; }

}  // namespace tpegen::golden

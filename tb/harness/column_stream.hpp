// The valid/ready columns of opt4c, opt4e and bitslice (manifest "timing"): R = rows rows
// of A per tile, E = depth operands of a row per step (1 for opt4c and bitslice), N = cols
// output columns. For each tile of N columns and R rows, the k steps (A[m0+i][k0..k0+E) for
// every row i, B[k0..k0+E)[n0..n0+N)) go through the handshake with first/last on the first
// / last step; K is padded with zeros to a multiple of E and M to a multiple of R (padding
// operands are A = 0 and must add nothing). Idle cycles are inserted at random between
// steps. The latency is variable, so instead of one fixed latency the driver checks the
// design against the cycle count of each step (the driver's cost function per operand,
// computed from the digit or term counts independently of the generator; the R*E encoders
// work in lock step, so a step lasts for its slowest operand): a_ready_o must come back
// exactly `cycles` cycles after the handshake, and each result must appear exactly
// kLatency - 1 + cycles(last step) cycles after the handshake of its last step. Every
// element is checked whatever the cycle count. At the end it prints the average partial
// products per A operand, the cycles per k step and per operand of a row, and the useful
// MACs per cycle.
#pragma once

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <deque>
#include <type_traits>
#include <utility>

#include "harness/sim.hpp"
#include "harness/step_cost.hpp"

#define TPE_DRIVER_REPORT 1

namespace tb {

/// Bound on the cycles of one step and on a result's latency: well beyond the longest step
/// (16-bit unsigned Laconic: 9 x 9 term pairs).
constexpr int kStepLimit = 1024;

struct ColumnStats {
  uint64_t operands = 0, steps = 0, cycles = 0, macs = 0;
  double products = 0;
};
inline ColumnStats& column_stats() {
  static ColumnStats s;
  return s;
}

/// One GEMM through the column's handshake (see the top of this file), in its steps:
/// idle cycles, one k step's operands, the handshake, the results as they leave.
template <class Cost>
class ColumnRun {
 public:
  static constexpr int R = tpe::kRows, Nt = tpe::kCols, E = tpe::kDepth, ACC = tpe::kAccWidth, WA = tpe::kAWidth,
                       WB = tpe::kBWidth;

  ColumnRun(Sim& s, const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b, Cost cost)
      : s_(s), d_(*s.dut), a_(a), b_(b), cost_(cost), sink_(a.rows, b.cols) {}

  RunResult run() {
    const int M = a_.rows, K = a_.cols, N = b_.cols, steps = ceil_div(K, E);
    stats_.macs += static_cast<uint64_t>(M) * static_cast<uint64_t>(K) * static_cast<uint64_t>(N);
    for (int n0 = 0; n0 < N; n0 += Nt)
      for (int m0 = 0; m0 < M; m0 += R)
        for (int ks = 0; ks < steps; ++ks) {
          idle_cycles();
          const int cycles = load_step(m0, n0, ks, steps);
          if (!handshake()) return sink_.take();
          const uint64_t taken = s_.cycles;
          ready_at_ = taken + static_cast<uint64_t>(cycles);
          if (ks == steps - 1) expect_.push_back({m0, n0, taken + static_cast<uint64_t>(tpe::kLatency - 1 + cycles)});
          ++stats_.steps;
          stats_.cycles += static_cast<uint64_t>(cycles);
          step();
          d_.a_valid_i = 0;
          scramble();
        }
    drain();
    return sink_.take();
  }

 private:
  struct Pending {
    int m0, n0;
    uint64_t due;
  };

  // One xorshift stream for every GEMM of the run (idle gaps and garbage inputs).
  static uint64_t next() {
    static Xorshift64 rng;
    return rng.next();
  }
  static bool coin(int one_in) { return next() % static_cast<uint64_t>(one_in) == 0; }

  // While a_valid_i = 0 the data inputs carry garbage: the design must have latched what it
  // needs on the handshake and must not take anything else.
  void scramble() {
    for (int q = 0; q < R * E; ++q) put(d_.a_i, q * WA, WA, next());
    for (int q = 0; q < Nt * E; ++q) put(d_.b_i, q * WB, WB, next());
    d_.first_i = next() & 1U;
    d_.last_i = next() & 1U;
  }

  void collect() {
    if (!d_.c_valid_o) return;
    if (expect_.empty()) {
      sink_.error("unexpected result at cycle " + std::to_string(s_.cycles));
      return;
    }
    const Pending p = expect_.front();
    expect_.pop_front();
    if (kCheckTiming && s_.cycles != p.due)
      sink_.error("result C[" + std::to_string(p.m0) + "..][" + std::to_string(p.n0) + "..] after " +
                  std::to_string(s_.cycles) + " cycles, expected at " + std::to_string(p.due));
    for (int i = 0; i < R; ++i)
      for (int j = 0; j < Nt; ++j) sink_.store(p.m0 + i, p.n0 + j, get(d_.c_o, (i * Nt + j) * ACC, ACC));
  }

  void check_ready() {
    if (!kCheckTiming) return;
    d_.eval();  // a_ready_o must not depend on this cycle's inputs (a_valid_i included)
    const bool want = s_.cycles >= ready_at_;
    if (static_cast<bool>(d_.a_ready_o) != want)
      sink_.error("a_ready_o = " + std::to_string(static_cast<int>(d_.a_ready_o)) + " in cycle " +
                  std::to_string(s_.cycles) + ", expected " + std::to_string(want ? 1 : 0));
  }

  void step() {
    s_.tick();
    collect();
  }

  void idle_cycles() {
    while (coin(8)) {
      d_.a_valid_i = 0;
      scramble();
      check_ready();
      step();
    }
    for (int idle = duty.idle_cycles(); idle > 0; --idle) {  // --duty: inputs held
      d_.a_valid_i = 0;
      check_ready();
      step();
    }
  }

  // Drives k step ks of tile (m0, n0); returns its cycles (those of its slowest operand).
  int load_step(int m0, int n0, int ks, int steps) {
    const int M = a_.rows, K = a_.cols;
    int cycles = 1;
    for (int i = 0; i < R; ++i)
      for (int e = 0; e < E; ++e) {
        const int m = m0 + i, k = ks * E + e;
        const bool real = m < M && k < K;
        put(d_.a_i, (i * E + e) * WA, WA, static_cast<uint64_t>(real ? a_.at(m, k) : 0));
        if (!real) continue;  // a zero operand: one cycle, no product
        const StepCost sc = cost_(a_, b_, m, k, n0);
        cycles = std::max(cycles, sc.cycles);
        ++stats_.operands;
        stats_.products += sc.products;
      }
    for (int j = 0; j < Nt; ++j)
      for (int e = 0; e < E; ++e)
        put(d_.b_i, (j * E + e) * WB, WB, static_cast<uint64_t>(at_or_zero(b_, ks * E + e, n0 + j)));
    d_.first_i = ks == 0;
    d_.last_i = ks == steps - 1;
    d_.a_valid_i = 1;
    return cycles;
  }

  // Waits for a_ready_o; false when it never comes.
  bool handshake() {
    for (int wait = 0;; ++wait) {
      check_ready();
      if (d_.a_ready_o) return true;
      if (wait > kStepLimit) {
        sink_.error("a_ready_o stuck at 0");
        return false;
      }
      step();
    }
  }

  void drain() {
    d_.a_valid_i = 0;
    for (int t = 0; t < kDrainLimit + kStepLimit && !expect_.empty(); ++t) {
      check_ready();
      step();
    }
    if (!expect_.empty()) sink_.error(std::to_string(expect_.size()) + " results missing");
  }

  using Dut = std::remove_reference_t<decltype(*std::declval<Sim&>().dut)>;  // Vdut, or the AXI view of it

  Sim& s_;
  Dut& d_;
  const tpegen::golden::Matrix& a_;
  const tpegen::golden::Matrix& b_;
  Cost cost_;
  ResultSink sink_;
  ColumnStats& stats_ = column_stats();
  std::deque<Pending> expect_;
  uint64_t ready_at_ = 0;  // first cycle in which a_ready_o must be 1 again
};

/// cost(a, b, m, k, n0): the StepCost of A[m][k] against B[k][n0..n0+N) (computed by the
/// driver from the digit or term counts, independently of the generator).
template <class Cost>
RunResult run_column_gemm(Sim& s, const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b, Cost cost) {
  return ColumnRun<Cost>(s, a, b, cost).run();
}

/// Random GEMM sizes up to M = 3 tiles + 6, K = k_max, N = 3 tiles + 1 (M and K are
/// software: rows of A and k steps stream through the encoders).
inline void column_max_dims(int& m, int& k, int& n, int k_max) {
  m = 3 * tpe::kRows + 6;
  k = k_max;
  n = 3 * tpe::kCols + 1;
}

/// The closing figures: `what` names the partial products (e.g. "partial products").
inline void column_report(const char* what) {
  const ColumnStats& st = column_stats();
  const auto avg = [](double x, uint64_t n) { return x / static_cast<double>(n ? n : 1); };
  std::printf("A operands: %" PRIu64 ", %s: %.0f, k steps: %" PRIu64 " (%d x %d operands each), step cycles: %" PRIu64
              "\n",
              st.operands, what, st.products, st.steps, tpe::kRows, tpe::kDepth, st.cycles);
  std::printf("average %s per operand: %.3f\n", what, avg(st.products, st.operands));
  std::printf("average cycles per k step: %.3f\n", avg(static_cast<double>(st.cycles), st.steps));
  // Per operand of a row: with one row and one operand per step, the encoder cycles per operand.
  std::printf("average cycles per operand: %.3f\n",
              avg(static_cast<double>(st.cycles), st.steps * static_cast<uint64_t>(tpe::kDepth)));
  std::printf("useful MACs per cycle: %.3f (peak %d)\n", avg(static_cast<double>(st.macs), st.cycles),
              tpe::kRows * tpe::kCols * tpe::kDepth);
}

}  // namespace tb

// The valid/ready column of opt4c and bitslice (manifest "timing"): for each tile of N = cols
// output columns and each row m of A, the K steps (A[m][k], B[k][n0..n0+N)) go through the
// handshake with first/last on k = 0 / K-1; idle cycles are inserted at random between
// steps. The latency is variable, so instead of one fixed latency the driver checks the
// design against the cycle count of each step (the driver's cost function, computed from the
// digit or term counts independently of the generator): a_ready_o must come back exactly
// `cycles` cycles after the handshake, and each result row must appear exactly
// kLatency - 1 + cycles(last operand) cycles after the handshake of its last operand. Every
// element is checked whatever the cycle count. At the end it prints the average partial
// products and cycles per A operand.
#pragma once

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <deque>

#include "harness/sim.hpp"

#define TPE_DRIVER_REPORT 1

namespace tb {

/// Bound on the cycles of one step and on a result's latency: well beyond the longest step
/// (16-bit unsigned Laconic: 9 x 9 term pairs).
constexpr int kStepLimit = 1024;

/// Work of one k step: the cycles the column is busy with it and the partial products (or
/// term pairs) a PE adds for it, on average over the column.
struct StepCost {
  int cycles = 1;
  double products = 0;
};

struct ColumnStats {
  uint64_t operands = 0, cycles = 0;
  double products = 0;
};
inline ColumnStats& column_stats() {
  static ColumnStats s;
  return s;
}

/// cost(a, b, m, k, n0): the StepCost of A[m][k] against B[k][n0..n0+N) (computed by the
/// driver from the digit or term counts, independently of the generator).
template <class Cost>
RunResult run_column_gemm(Sim& s, const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b, Cost cost) {
  constexpr int Nt = tpe::kCols, ACC = tpe::kAccWidth, WA = tpe::kAWidth, WB = tpe::kBWidth;
  const int M = a.rows, K = a.cols, N = b.cols;
  auto& d = *s.dut;
  ResultSink sink(M, N);
  ColumnStats& stats = column_stats();
  struct Pending { int m, n0; uint64_t due; };
  std::deque<Pending> expect;
  uint64_t ready_at = 0;  // first cycle in which a_ready_o must be 1 again
  static uint64_t rng = 0x9e3779b97f4a7c15ULL;
  auto coin = [&](int one_in) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng % static_cast<uint64_t>(one_in) == 0;
  };
  auto collect = [&] {
    if (!d.c_valid_o) return;
    if (expect.empty()) {
      sink.error("unexpected result row at cycle " + std::to_string(s.cycles));
      return;
    }
    const Pending p = expect.front();
    expect.pop_front();
    if (s.cycles != p.due)
      sink.error("result row C[" + std::to_string(p.m) + "][" + std::to_string(p.n0) + "..] after " +
                 std::to_string(s.cycles) + " cycles, expected at " + std::to_string(p.due));
    for (int j = 0; j < Nt; ++j) sink.store(p.m, p.n0 + j, get(d.c_o, j * ACC, ACC));
  };
  auto check_ready = [&] {
    const bool want = s.cycles >= ready_at;
    if (static_cast<bool>(d.a_ready_o) != want)
      sink.error("a_ready_o = " + std::to_string(static_cast<int>(d.a_ready_o)) + " in cycle " +
                 std::to_string(s.cycles) + ", expected " + std::to_string(want ? 1 : 0));
  };
  auto step = [&] { s.tick(); collect(); };
  for (int n0 = 0; n0 < N; n0 += Nt)
    for (int m = 0; m < M; ++m)
      for (int k = 0; k < K; ++k) {
        while (coin(8)) {  // idle cycles between steps
          d.a_valid_i = 0;
          check_ready();
          step();
        }
        const int64_t av = a.at(m, k);
        put(d.a_i, 0, WA, static_cast<uint64_t>(av));
        for (int j = 0; j < Nt; ++j) put(d.b_i, j * WB, WB, static_cast<uint64_t>(at_or_zero(b, k, n0 + j)));
        d.first_i = k == 0;
        d.last_i = k == K - 1;
        d.a_valid_i = 1;
        for (int wait = 0;; ++wait) {
          check_ready();
          if (d.a_ready_o) break;
          if (wait > kStepLimit) {
            sink.error("a_ready_o stuck at 0");
            return sink.take();
          }
          step();
        }
        const StepCost sc = cost(a, b, m, k, n0);
        const int cycles = sc.cycles;
        const uint64_t taken = s.cycles;
        ready_at = taken + static_cast<uint64_t>(cycles);
        if (k == K - 1) expect.push_back({m, n0, taken + static_cast<uint64_t>(tpe::kLatency - 1 + cycles)});
        ++stats.operands;
        stats.products += sc.products;
        stats.cycles += static_cast<uint64_t>(cycles);
        step();
        d.a_valid_i = 0;
      }
  d.a_valid_i = 0;
  for (int t = 0; t < kDrainLimit + kStepLimit && !expect.empty(); ++t) {
    check_ready();
    step();
  }
  if (!expect.empty()) sink.error(std::to_string(expect.size()) + " result rows missing");
  return sink.take();
}

/// Random GEMM sizes up to M = 9, K = k_max, N = 3 tiles + 1 (M and K are software: rows of
/// A and k steps stream through the encoder).
inline void column_max_dims(int& m, int& k, int& n, int k_max) {
  m = 9;
  k = k_max;
  n = 3 * tpe::kCols + 1;
}

/// The closing figures: `what` names the partial products (e.g. "partial products").
inline void column_report(const char* what) {
  const ColumnStats& st = column_stats();
  const double ops = st.operands ? static_cast<double>(st.operands) : 1.0;
  std::printf("A operands: %" PRIu64 ", %s: %.0f, encoder cycles: %" PRIu64 "\n", st.operands, what, st.products,
              st.cycles);
  std::printf("average %s per operand: %.3f\n", what, st.products / ops);
  std::printf("average cycles per operand: %.3f\n", static_cast<double>(st.cycles) / ops);
}

}  // namespace tb

// Drives the OPT4C column (manifest "timing"): for each tile of N = cols output columns and
// each row m of A, the K steps (A[m][k], B[k][n0..n0+N)) go through the valid/ready
// handshake with first/last on k = 0 / K-1; idle cycles are inserted at random between
// steps. The latency is variable, so instead of one fixed latency the driver checks the
// design against the EN-T digit count of each operand (computed here independently of the
// generator): a_ready_o must come back exactly max(1, nnz(A)) cycles after the handshake,
// and each result row must appear exactly 2 + max(1, nnz(A[m][K-1])) cycles after the
// handshake of its last operand. Every element is checked whatever the cycle count.
//
// At the end it prints the average number of partial products (non-zero EN-T digits) and
// of encoder cycles per A operand over the whole run (OPT3's figure of merit, spec §4).
#pragma once

#include <cinttypes>
#include <cstdio>

#include "harness/sim.hpp"

#define TPE_DRIVER_REPORT 1

namespace tb {

struct Opt4cStats {
  uint64_t operands = 0, partial_products = 0, cycles = 0;
};
inline Opt4cStats& opt4c_stats() {
  static Opt4cStats s;
  return s;
}

/// Non-zero EN-T digits of a (spec §2): sign-magnitude, radix-4 groups of |a| scanned with
/// a carry (3 -> -1 carry 1, 4 -> 0 carry 1), the top group taking its value as is.
inline int ent_nonzero_digits(int64_t a) {
  const int n = tpe::kSigned ? (tpe::kAWidth + 1) / 2 : tpe::kAWidth / 2 + 1;
  const uint64_t m = static_cast<uint64_t>(a < 0 ? -a : a);
  int carry = 0, count = 0;
  for (int i = 0; i < n; ++i) {
    const int v = static_cast<int>((m >> (2 * i)) & 3U) + carry;
    int digit = v;
    carry = 0;
    if (i < n - 1 && v == 3) {
      digit = -1;
      carry = 1;
    } else if (i < n - 1 && v == 4) {
      digit = 0;
      carry = 1;
    }
    count += digit != 0;
  }
  return count;
}

inline RunResult run_gemm(Sim& s, const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b) {
  constexpr int Nt = tpe::kCols, ACC = tpe::kAccWidth, WA = tpe::kAWidth, WB = tpe::kBWidth;
  const int M = a.rows, K = a.cols, N = b.cols;
  auto& d = *s.dut;
  ResultSink sink(M, N);
  Opt4cStats& stats = opt4c_stats();
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
          if (wait > 64) {
            sink.error("a_ready_o stuck at 0");
            return sink.take();
          }
          step();
        }
        const int nnz = ent_nonzero_digits(av);
        const int cycles = std::max(1, nnz);
        const uint64_t taken = s.cycles;
        ready_at = taken + static_cast<uint64_t>(cycles);
        if (k == K - 1) expect.push_back({m, n0, taken + static_cast<uint64_t>(tpe::kLatency - 1 + cycles)});
        ++stats.operands;
        stats.partial_products += static_cast<uint64_t>(nnz);
        stats.cycles += static_cast<uint64_t>(cycles);
        step();
        d.a_valid_i = 0;
      }
  d.a_valid_i = 0;
  for (int t = 0; t < kDrainLimit && !expect.empty(); ++t) {
    check_ready();
    step();
  }
  if (!expect.empty()) sink.error(std::to_string(expect.size()) + " result rows missing");
  return sink.take();
}

inline void max_dims(int& m, int& k, int& n) {
  m = 9;   // M and K are software: rows of A and k steps stream through the encoder
  k = 40;
  n = 3 * tpe::kCols + 1;
}

/// Printed by the harness before its closing line.
inline void driver_report() {
  const Opt4cStats& st = opt4c_stats();
  const double ops = st.operands ? static_cast<double>(st.operands) : 1.0;
  std::printf("A operands: %" PRIu64 ", partial products: %" PRIu64 ", encoder cycles: %" PRIu64 "\n", st.operands,
              st.partial_products, st.cycles);
  std::printf("average partial products per operand: %.3f\n", static_cast<double>(st.partial_products) / ops);
  std::printf("average cycles per operand: %.3f\n", static_cast<double>(st.cycles) / ops);
}

}  // namespace tb

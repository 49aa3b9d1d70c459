// Drives the dot-product grid (cube, matrix2d, mac-tree; manifest "timing"): one K tile of
// A and B per cycle, first/last around each output tile, results as whole tiles. The
// multiplier-adder tree holds B in a weight register: a tile is loaded (w_load_i) the
// cycle before it is used, and reloaded only when it changes.
#pragma once

#include "harness/sim.hpp"

namespace tb {

inline RunResult run_gemm(Sim& s, const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b) {
  constexpr int Mt = tpe::kRows, Nt = tpe::kCols, Kt = tpe::kDepth, ACC = tpe::kAccWidth;
  const int M = a.rows, K = a.cols, N = b.cols;
  auto& d = *s.dut;
  ResultSink sink(M, N);
  struct Pending { int m0, n0; uint64_t last_cycle; };
  std::deque<Pending> expect;
  auto collect = [&] {
    if (!d.c_valid_o) return;
    if (expect.empty()) {
      sink.error("unexpected result tile");
      return;
    }
    const auto [m0, n0, fed] = expect.front();
    expect.pop_front();
    check_latency(sink, s.cycles - fed);
    for (int i = 0; i < Mt; ++i)
      for (int j = 0; j < Nt; ++j) sink.store(m0 + i, n0 + j, get(d.c_o, (i * Nt + j) * ACC, ACC));
  };
  auto step = [&] { s.tick(); collect(); };
  auto put_b = [&](int k0, int n0) {
    for (int k = 0; k < Kt; ++k)
      for (int j = 0; j < Nt; ++j)
        put(d.b_i, (k * Nt + j) * tpe::kBWidth, tpe::kBWidth, static_cast<uint64_t>(at_or_zero(b, k0 + k, n0 + j)));
  };
  [[maybe_unused]] int loaded_k0 = -1, loaded_n0 = -1;  // the tile in the weight register
  for (int n0 = 0; n0 < N; n0 += Nt)
    for (int m0 = 0; m0 < M; m0 += Mt) {
      for (int k0 = 0; k0 < K; k0 += Kt) {
        if (k0 > 0 && (m0 * 7 + n0 * 13 + k0 * 5) % 11 == 3) {
          // A bubble inside the tile: valid_i = 0 with first_i, last_i set and garbage on the
          // data inputs; the accumulators must hold and no result may be captured.
          const uint64_t g = 0x9e3779b97f4a7c15ULL * static_cast<uint64_t>(k0 + 1);
          for (int e = 0; e < Mt * Kt; ++e) put(d.a_i, e * tpe::kAWidth, tpe::kAWidth, g >> (e % 8));
          for (int e = 0; e < Kt * Nt; ++e) put(d.b_i, e * tpe::kBWidth, tpe::kBWidth, g >> (e % 5 + 3));
          d.valid_i = 0;
          d.first_i = 1;
          d.last_i = 1;
          step();
        }
#if TPE_HELD_WEIGHTS
        if (k0 != loaded_k0 || n0 != loaded_n0) {
          d.valid_i = 0;
          d.w_load_i = 1;
          put_b(k0, n0);
          step();
          d.w_load_i = 0;
          loaded_k0 = k0;
          loaded_n0 = n0;
        }
#else
        put_b(k0, n0);
#endif
        for (int idle = duty.idle_cycles(); idle > 0; --idle) {
          d.valid_i = 0;
          step();
        }
        for (int i = 0; i < Mt; ++i)
          for (int k = 0; k < Kt; ++k)
            put(d.a_i, (i * Kt + k) * tpe::kAWidth, tpe::kAWidth, static_cast<uint64_t>(at_or_zero(a, m0 + i, k0 + k)));
        d.valid_i = 1;
        d.first_i = k0 == 0;
        d.last_i = k0 + Kt >= K;
        if (d.last_i) expect.push_back({m0, n0, s.cycles});
        step();
      }
      d.valid_i = 0;
    }
  d.valid_i = 0;
  for (int t = 0; t < kDrainLimit && !expect.empty(); ++t) step();
  if (!expect.empty()) sink.error(std::to_string(expect.size()) + " result tiles missing");
  return sink.take();
}

inline void max_dims(int& m, int& k, int& n) {
  m = 3 * std::max(tpe::kRows, 4) + 1;  // the tree has one row: M still spans several tiles
  k = 3 * tpe::kDepth + 1;
  n = 3 * tpe::kCols + 1;
}

}  // namespace tb

// Drives the output-stationary systolic array (manifest "timing"): one k step per cycle,
// output tiles of rows x cols, tiles as close as tile_spacing_cycles and
// first_after_last_cycles allow, results collected per column in row order and each
// checked against its cycle.
#pragma once

#include <algorithm>

#include "harness/sim.hpp"

namespace tb {

inline RunResult run_gemm(Sim& s, const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b) {
  constexpr int R = tpe::kRows, C = tpe::kCols;
  const int M = a.rows, K = a.cols, N = b.cols;
  auto& d = *s.dut;
  ResultSink sink(M, N);
  struct Pending { int row0, col0, i; uint64_t last_cycle; };
  std::vector<std::deque<Pending>> expect(C);
  auto collect = [&] {
    for (int j = 0; j < C; ++j) {
      if (!get(d.c_valid_o, j, 1)) continue;
      if (expect[static_cast<size_t>(j)].empty()) {
        sink.error("unexpected result on column " + std::to_string(j));
        continue;
      }
      const Pending p = expect[static_cast<size_t>(j)].front();
      expect[static_cast<size_t>(j)].pop_front();
      if (j == 0 && p.i == 0) check_latency(sink, s.cycles - p.last_cycle);
      // Every result's cycle, as the manifest's "results" promises: row i of column j
      // 2i + j cycles after the first result (each drain option keeps this order).
      const uint64_t due = p.last_cycle + static_cast<uint64_t>(tpe::kLatency + 2 * p.i + j);
      if (kCheckTiming && s.cycles != due)
        sink.error("row " + std::to_string(p.i) + " of column " + std::to_string(j) + " came " +
                   std::to_string(s.cycles - p.last_cycle) + " cycles after last_i, manifest says " +
                   std::to_string(due - p.last_cycle));
      sink.store(p.row0 + p.i, p.col0 + j, get(d.c_o, j * tpe::kAccWidth, tpe::kAccWidth));
    }
  };
  auto step = [&] { s.tick(); collect(); };
  for (int m0 = 0; m0 < M; m0 += R)
    for (int n0 = 0; n0 < N; n0 += C) {
      for (int k = 0; k < K; ++k) {
        if (k > 0 && (m0 * 7 + n0 * 13 + k * 5) % 11 == 3) {
          // A bubble inside the tile: valid_i = 0 with garbage on every other input; the
          // PEs must hold their accumulators (enable, or an OPT1 tree adding 0).
          const uint64_t g = 0x9e3779b97f4a7c15ULL * static_cast<uint64_t>(k + 1);
          for (int i = 0; i < R; ++i) put(d.a_i, i * tpe::kAWidth, tpe::kAWidth, g >> (i % 8));
          for (int j = 0; j < C; ++j) put(d.b_i, j * tpe::kBWidth, tpe::kBWidth, g >> (j % 5 + 3));
          d.valid_i = 0;
          d.first_i = 1;
          d.last_i = 1;
          step();
        }
        for (int idle = duty.idle_cycles(); idle > 0; --idle) {
          d.valid_i = 0;
          step();
        }
        for (int i = 0; i < R; ++i) put(d.a_i, i * tpe::kAWidth, tpe::kAWidth, static_cast<uint64_t>(at_or_zero(a, m0 + i, k)));
        for (int j = 0; j < C; ++j) put(d.b_i, j * tpe::kBWidth, tpe::kBWidth, static_cast<uint64_t>(at_or_zero(b, k, n0 + j)));
        d.valid_i = 1;
        d.first_i = k == 0;
        d.last_i = k == K - 1;
        if (k == K - 1)
          for (int j = 0; j < C; ++j)
            for (int i = 0; i < R; ++i) expect[static_cast<size_t>(j)].push_back({m0, n0, i, s.cycles});
        step();
      }
      d.valid_i = 0;
      d.first_i = d.last_i = 0;
      // Idle cycles before the next tile (manifest timing): its last_i at least kTileSpacing
      // cycles after this one's, its first_i at least kFirstAfterLast (the shift drain).
      for (int pad = 0; pad < std::max(tpe::kTileSpacing - K, tpe::kFirstAfterLast - 1); ++pad) step();
    }
  d.valid_i = 0;
  for (int t = 0; t < kDrainLimit + 2 * R; ++t) {
    bool waiting = false;
    for (auto& q : expect) waiting |= !q.empty();
    if (!waiting) break;
    step();
  }
  for (int j = 0; j < C; ++j)
    if (!expect[static_cast<size_t>(j)].empty())
      sink.error(std::to_string(expect[static_cast<size_t>(j)].size()) + " results missing on column " + std::to_string(j));
  return sink.take();
}

/// Largest random GEMM dimensions (M, K, N): a few tiles in M and N, K around the array size.
inline void max_dims(int& m, int& k, int& n) {
  m = 3 * tpe::kRows + 1;
  k = 2 * (tpe::kRows + tpe::kCols) + 1;
  n = 3 * tpe::kCols + 1;
}

}  // namespace tb

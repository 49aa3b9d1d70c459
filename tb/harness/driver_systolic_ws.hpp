// Drives the weight-stationary systolic array (manifest "timing"): for each column block
// and K tile, write the weight tile into alternating banks, stream the M rows with the
// running partial results on c_i, and collect the rows in order.
#pragma once

#include "harness/sim.hpp"

namespace tb {

inline RunResult run_gemm(Sim& s, const tpegen::golden::Matrix& a, const tpegen::golden::Matrix& b) {
  constexpr int R = tpe::kRows, C = tpe::kCols, ACC = tpe::kAccWidth;
  const int M = a.rows, K = a.cols, N = b.cols;
  auto& d = *s.dut;
  ResultSink sink(M, N);
  std::vector<uint64_t> partial(static_cast<size_t>(M) * C);
  std::deque<std::pair<int, uint64_t>> expect;  // row, cycle it was fed
  auto collect = [&] {
    if (!d.c_valid_o) return;
    if (expect.empty()) {
      sink.error("unexpected result row");
      return;
    }
    const auto [m, fed] = expect.front();
    expect.pop_front();
    check_latency(sink, s.cycles - fed);
    for (int j = 0; j < C; ++j) partial[static_cast<size_t>(m) * C + static_cast<size_t>(j)] = get(d.c_o, j * ACC, ACC);
  };
  auto step = [&] { s.tick(); collect(); };
  int bank = 0;
  for (int n0 = 0; n0 < N; n0 += C) {
    std::fill(partial.begin(), partial.end(), 0);
    for (int k0 = 0; k0 < K; k0 += R, bank ^= 1) {
      d.valid_i = 0;
      for (int k = 0; k < R; ++k) {
        d.w_we_i = 1;
        d.w_row_i = static_cast<std::remove_reference_t<decltype(d.w_row_i)>>(k);
        d.w_bank_i = static_cast<uint8_t>(bank);
        for (int j = 0; j < C; ++j) put(d.w_i, j * tpe::kBWidth, tpe::kBWidth, static_cast<uint64_t>(at_or_zero(b, k0 + k, n0 + j)));
        step();
      }
      d.w_we_i = 0;
      for (int m = 0; m < M; ++m) {
        for (int idle = duty.idle_cycles(); idle > 0; --idle) {
          d.valid_i = 0;
          step();
        }
        for (int k = 0; k < R; ++k) put(d.a_i, k * tpe::kAWidth, tpe::kAWidth, static_cast<uint64_t>(at_or_zero(a, m, k0 + k)));
        for (int j = 0; j < C; ++j) put(d.c_i, j * ACC, ACC, partial[static_cast<size_t>(m) * C + static_cast<size_t>(j)]);
        d.valid_i = 1;
        d.bank_i = static_cast<uint8_t>(bank);
        expect.emplace_back(m, s.cycles);
        step();
      }
      d.valid_i = 0;
      for (int t = 0; t < kDrainLimit && !expect.empty(); ++t) step();
      if (!expect.empty()) {
        sink.error(std::to_string(expect.size()) + " result rows missing");
        return sink.take();
      }
    }
    for (int m = 0; m < M; ++m)
      for (int j = 0; j < C; ++j) sink.store(m, n0 + j, partial[static_cast<size_t>(m) * C + static_cast<size_t>(j)]);
  }
  return sink.take();
}

inline void max_dims(int& m, int& k, int& n) {
  m = 2 * (tpe::kRows + tpe::kCols) + 1;
  k = 3 * tpe::kRows + 1;
  n = 3 * tpe::kCols + 1;
}

}  // namespace tb

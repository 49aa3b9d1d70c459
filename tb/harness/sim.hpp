// The Verilated design under test with its clock and reset, and the bookkeeping every
// driver shares: the result matrix, checks of padding outputs and of unexpected results.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "Vdut.h"
#include "golden/gemm.hpp"
#include "harness/model.hpp"
#include "harness/port_io.hpp"
#include "harness/xorshift.hpp"
#include "tb_params.h"
#include "verilated.h"

#if TPE_AXI
#include "harness/axi_sim.hpp"  // tb::Sim of the wrapped design
#endif

namespace tb {

/// Through the AXI wrapper the engine's cycle timing is the wrapper's business: the drivers
/// then check order and values only.
constexpr bool kCheckTiming = !TPE_AXI;

#if !TPE_AXI
class Sim : public Model {
 public:
  explicit Sim(uint64_t seed) : Model(seed), dut(hw.get()) {
    dut->clk_i = 0;
    dut->rst_ni = 0;
    dut->eval();
    tick();
    tick();
    dut->rst_ni = 1;
    dut->eval();
  }
  void tick() {
    if (before_edge) before_edge();
    edge();
  }
  Vdut* dut;  // the drivers set its inputs and read its outputs
  std::function<void()> before_edge;  // sees the inputs of every edge (harness --check-schedule)
};
#endif  // !TPE_AXI

/// --duty P: before each valid step the drivers insert idle cycles (valid_i = 0, the other
/// inputs held) so that about P % of the cycles carry data, from a stream of their own. The
/// idle state is what clock gating (--clock-gate) saves energy on.
class DutyCycle {
 public:
  void set(int percent, uint64_t seed) {
    percent_ = percent;
    rng_.state = (seed * 0xd1342543de82ef95ULL + 0x2545f4914f6cdd1dULL) | 1;  // never the stuck state 0
  }
  /// Idle cycles before the next valid step: geometric, mean 100 / P - 1.
  int idle_cycles() {
    int n = 0;
    while (percent_ < 100 && static_cast<int>(rng_.next() % 100) >= percent_) ++n;
    return n;
  }

 private:
  int percent_ = 100;
  Xorshift64 rng_;
};
inline DutyCycle duty;

/// What a driver returns for one GEMM.
struct RunResult {
  std::vector<uint64_t> c;         // M x N, raw acc bits
  std::vector<std::string> errors; // protocol errors: padding not zero, unexpected or missing results
};

/// Result of rows [m0, m0+rows) x cols [n0, n0+cols) of an M x N output, with padding checks.
class ResultSink {
 public:
  ResultSink(int m, int n) : m_(m), n_(n) { r_.c.assign(static_cast<size_t>(m) * static_cast<size_t>(n), 0); }

  void store(int row, int col, uint64_t value) {
    if (row < m_ && col < n_) {
      r_.c[static_cast<size_t>(row) * static_cast<size_t>(n_) + static_cast<size_t>(col)] = value;
    } else if (value != 0 && r_.errors.size() < 10) {
      r_.errors.push_back("padding output C[" + std::to_string(row) + "][" + std::to_string(col) +
                          "] = " + std::to_string(value) + ", expected 0");
    }
  }
  void error(const std::string& what) {
    if (r_.errors.size() < 10) r_.errors.push_back(what);
  }
  RunResult take() { return std::move(r_); }

 private:
  int m_, n_;
  RunResult r_;
};

/// Checks the cycles between a feed and its first result against the manifest's latency
/// (tb_params.h kLatency): the timing the README and manifest promise is tested too.
inline void check_latency(ResultSink& sink, uint64_t measured) {
  if (kCheckTiming && measured != static_cast<uint64_t>(tpe::kLatency))
    sink.error("latency " + std::to_string(measured) + " cycles, manifest says " + std::to_string(tpe::kLatency));
}

/// A-side operand in range or 0 beyond the matrix (padding).
inline int64_t at_or_zero(const tpegen::golden::Matrix& x, int r, int c) {
  return r < x.rows && c < x.cols ? x.at(r, c) : 0;
}

inline int ceil_div(int a, int b) { return (a + b - 1) / b; }

/// Steps to wait for outstanding results before declaring them missing. Behind the AXI wrapper
/// an idle step can take a single cycle while the output stream stalls for up to 300 (the
/// Pattern's long stalls), so results may come that much later in steps.
constexpr int kDrainLimit = 4 * (tpe::kRows + tpe::kCols + tpe::kDepth) + 4 * (tpe::kInRegs + tpe::kOutRegs) + 64 +
                            (TPE_AXI ? 2 * 300 : 0);

}  // namespace tb

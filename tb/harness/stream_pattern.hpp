// Random valid/ready timing of the AXI4-Stream hosts (axi_sim.hpp, axi_gemm_host.hpp).
#pragma once

#include <cstdint>

#include "harness/xorshift.hpp"

namespace tb {

/// Random valid/ready: mostly on with probability `duty`, single-cycle gaps, and now and then
/// a long stall (20..300 cycles off).
class Pattern {
 public:
  Pattern(uint64_t seed, int duty_percent) : rng_{seed | 1}, duty_(duty_percent) {}
  bool next() {
    if (stall_ > 0) {
      --stall_;
      return false;
    }
    const uint64_t r = step() % 1000;
    if (r < 3) {
      stall_ = 20 + static_cast<int>(step() % 280);
      return false;
    }
    return static_cast<int>(step() % 100) < duty_;
  }

 private:
  uint64_t step() { return rng_.next(); }
  Xorshift64 rng_;
  int duty_;
  int stall_ = 0;
};

}  // namespace tb

// The Verilated model with its context, clock edge, cycle count and optional VCD dump:
// shared by the bare-engine Sim (sim.hpp) and the AXI-wrapped one (axi_sim.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "Vdut.h"
#include "verilated.h"
#if VM_TRACE
#include "verilated_vcd_c.h"
#endif

namespace tb {

class Model {
 public:
  explicit Model(uint64_t seed) : ctx_(std::make_unique<VerilatedContext>()) {
    // Registers without reset start random (--x-initial unique): the design must not care.
    ctx_->randReset(2);
    ctx_->randSeed(static_cast<int>(seed & 0x7fffffff));
    hw = std::make_unique<Vdut>(ctx_.get());
  }
  ~Model() {
    hw->final();
#if VM_TRACE
    if (vcd_) vcd_->close();
#endif
  }

#if VM_TRACE
  /// Dumps every signal to a VCD file from now on (two samples per cycle: after the
  /// inputs change and after the clock edge), for switching-activity estimates.
  void open_vcd(const std::string& path) {
    ctx_->traceEverOn(true);
    vcd_ = std::make_unique<VerilatedVcdC>();
    hw->trace(vcd_.get(), 99);
    vcd_->open(path.c_str());
    traced_from_ = cycles;
  }
  uint64_t traced_cycles() const { return vcd_ ? cycles - traced_from_ : 0; }
#else
  uint64_t traced_cycles() const { return 0; }
#endif

  /// One rising clock edge: inputs set before it are sampled, outputs read after it
  /// show the registers' new values.
  void edge() {
    hw->clk_i = 0;
    hw->eval();
    dump(2 * cycles);
    hw->clk_i = 1;
    hw->eval();
    dump(2 * cycles + 1);
    ++cycles;
  }

  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<Vdut> hw;
  uint64_t cycles = 0;

 private:
#if VM_TRACE
  void dump(uint64_t t) {
    if (vcd_) vcd_->dump(t);
  }
  std::unique_ptr<VerilatedVcdC> vcd_;
  uint64_t traced_from_ = 0;
#else
  void dump(uint64_t) {}
#endif
};

}  // namespace tb

// `--wrap axi`: an AXI4-Stream / AXI4-Lite wrapper around any engine of the registry.
//
// The wrapper is thin: it streams engine steps. One input record is every input port of the
// engine except clk_i/rst_ni, packed LSB first in port order (the manifest's layout), sent as
// ceil(bits / axis_width) beats; the wrapper issues it to the engine as one cycle (for
// valid/ready engines: one handshake). One output record is every output port except
// a_ready_o, captured in a FIFO in each cycle the engine's c_valid_o is non-zero, and sent
// as ceil(bits / axis_width) beats with tlast on its last beat. A step is issued only when
// the FIFO is sure to have room for every result it can cause (see axi_wrapper.cpp), so
// backpressure on the output stalls the engine between steps and nothing is lost.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "arch/timing.hpp"
#include "config/design_config.hpp"
#include "ir/module.hpp"

namespace tpegen::wrap {

/// One field of a stream record: an engine port and its bit position in the record.
struct RecordField {
  std::string port;
  int lsb = 0;
  int width = 0;
  bool control = false;  // input only: forced to 0 while no step is issued
};

/// The record layouts and buffer sizes of a wrapped engine.
struct AxiLayout {
  std::vector<RecordField> in, out;
  int in_bits = 0, out_bits = 0;    // record widths
  int in_beats = 0, out_beats = 0;  // beats per record at axis_width
  bool handshake = false;           // the engine has a_ready_o (valid/ready column)
  int window = 0;                   // fixed-latency engines: cycles from a step to its last result
  int fifo_aw = 1;                  // log2 of the output FIFO depth
};

/// The job sizes the wrapper accepts.
struct AxiLimits {
  long long max_k = 0;  // the largest K summed exactly (checked at START unless --acc-wrap)
};
AxiLimits axi_limits(const DesignConfig& c);

/// Register map of the AXI4-Lite port (byte offsets).
struct AxiReg {
  const char* name;
  int offset;
  const char* access;
  const char* doc;
};
const std::vector<AxiReg>& axi_registers();

AxiLayout axi_layout(const ir::Module& engine, const Timing& timing, const DesignConfig& c);

/// Adds `<engine>_axi` around the design's top and makes it the top. `timing` is the
/// architecture's manifest timing (latencies).
void add_axi_wrapper(ir::Design& d, const Timing& timing, const DesignConfig& c);

/// The C header `<top>_regs.h`: register offsets and bits, record layouts, a driver sketch.
std::string axi_regs_header(const std::string& top, const AxiLayout& layout, const DesignConfig& c);

/// The manifest's "axi" object: registers, record layouts, beats, FIFO depth.
nlohmann::json axi_manifest(const AxiLayout& layout, const DesignConfig& c);

}  // namespace tpegen::wrap

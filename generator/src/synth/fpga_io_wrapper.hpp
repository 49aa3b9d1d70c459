// An I/O wrapper for placing a generated engine on a small FPGA on its own. The engines
// have hundreds of data pins (an iCE40 UP5K package has 39 I/Os) and nextpnr-ice40 0.4
// has no out-of-context mode, so the wrapper feeds every input from one serial shift
// register and loads every output into another that shifts out through one pin. Every
// core port then starts or ends at a flip-flop, so nextpnr's fmax is the core's
// register-to-register clock (plus the wrapper's short shift paths).
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

namespace tpegen::synth {

struct FpgaIoWrapper {
  std::string module;     // "<top>_fpga_io"
  std::string verilog;    // the wrapper module's file text
  int input_bits = 0;     // shift-register flip-flops feeding the core's inputs
  int output_bits = 0;    // shift-register flip-flops loading the core's outputs
};

/// The wrapper around `top`, whose ports are the manifest's "ports" array (name, dir,
/// width). clk_i and rst_ni pass through; pins: clk_i, rst_ni, sin_i, load_i, sout_o.
FpgaIoWrapper make_fpga_io_wrapper(const std::string& top, const nlohmann::json& ports,
                                   const std::string& banner);

}  // namespace tpegen::synth

#include "synth/fpga_io_wrapper.hpp"

#include <vector>
#include <nlohmann/json.hpp>

#include "emit/verilog_emitter.hpp"
#include "ir/module.hpp"

namespace tpegen::synth {

FpgaIoWrapper make_fpga_io_wrapper(const std::string& top, const nlohmann::json& ports, const std::string& banner) {
  FpgaIoWrapper w;
  w.module = top + "_fpga_io";
  ir::Module m(w.module);
  m.comments = {"Serial I/O wrapper for FPGA place and route only: inputs shift in through sin_i,",
                "outputs are loaded on load_i and shift out through sout_o."};
  m.input("clk_i", 1, "clock");
  m.input("rst_ni", 1, "asynchronous reset, active low (to the core)");
  const ir::ExprP sin = m.input("sin_i", 1, "serial data for the core's inputs");
  const ir::ExprP load = m.input("load_i", 1, "capture the core's outputs into the output shift register");
  const ir::ExprP sout = m.output("sout_o", 1, "serial copy of the core's outputs, LSB first");

  for (const auto& p : ports) {
    const std::string name = p.at("name");
    if (name == "clk_i" || name == "rst_ni") continue;
    (p.at("dir") == "in" ? w.input_bits : w.output_bits) += p.at("width").get<int>();
  }
  // A design without inputs or outputs beyond clock and reset still gets 1-bit registers.
  const int iw = std::max(1, w.input_bits), ow = std::max(1, w.output_bits);
  const ir::ExprP in_sr = m.reg("in_sr", iw);
  m.update(in_sr, iw == 1 ? sin : ir::concat({ir::bits(in_sr, 0, iw - 1), sin}));

  ir::Instance core{top, "u_core", {}, {}};
  std::vector<ir::ExprP> outs;  // MSB first
  int in_lo = 0;
  for (const auto& p : ports) {
    const std::string name = p.at("name");
    const int width = p.at("width");
    if (name == "clk_i" || name == "rst_ni") {
      core.conns.emplace_back(name, ir::ref(name, 1));
    } else if (p.at("dir") == "in") {
      core.conns.emplace_back(name, ir::bits(in_sr, in_lo, width));
      in_lo += width;
    } else {
      const ir::ExprP wire = m.wire("core_" + name, width);
      core.conns.emplace_back(name, wire);
      outs.insert(outs.begin(), wire);
    }
  }
  m.instance(core);

  const ir::ExprP out_sr = m.reg("out_sr", ow);
  const ir::ExprP captured = outs.empty() ? ir::constant(1, 0) : ir::concat(outs);
  const ir::ExprP shifted = ow == 1 ? ir::constant(1, 0) : ir::concat({ir::constant(1, 0), ir::bits(out_sr, 1, ow - 1)});
  m.update(out_sr, ir::mux(load, captured, shifted));
  m.assign(sout, ir::bits(out_sr, 0, 1));
  w.verilog = emit::emit_module(m, {banner});
  return w;
}

}  // namespace tpegen::synth

// Why one cycle after `last`: capturing acc_d in the `last` cycle (as the carry-save
// buffered drain does) would put the per-PE adder behind the compressor tree in one
// path. The accumulator keeps the final pair through the next cycle (the next tile's first
// step overwrites it only at that cycle's end), so the capture moves one cycle later; all
// results then leave one cycle after MAC's buffered drain, the same cycle as the carry-save
// drain's registered column read-out adder, which this drain no longer needs.
#include "arch/drain_resolved.hpp"

#include "arch/common.hpp"

namespace tpegen::arch {

using namespace ir;

bool drain_resolved(const DesignConfig& c) { return c.pe == "opt1" && c.drain == "resolved"; }

ExprP resolved_drain_slot(Module& m, const DesignConfig& c, const ExprP& acc_q, const ExprP& drain_i, ExprP& capture,
                          ReadoutAdder& adder) {
  const int ACC = c.acc_width;
  // valid_q/last_q are the PE's forwarding registers (declared by the PE builder).
  capture = m.wire("capture", band(ref("valid_q", 1), ref("last_q", 1)));
  auto resolved = adder.place(m, "res_", bits(acc_q, 0, ACC), bits(acc_q, ACC, ACC), {"readout"});
  auto drain_q = m.reg("drain_q", ACC);
  m.update(drain_q, mux(capture, resolved, drain_i), idle_enable(c, bor(capture, ref("drain_valid_i", 1))));
  return drain_q;
}

}  // namespace tpegen::arch

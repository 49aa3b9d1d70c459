// OPT4C (spec §4): a column of N = cols OPT3 PEs sharing one sparse EN-T encoder of the A
// stream. M and K are software (operands stream through the encoder one at a time), N is
// hardware (one PE per output column). --rows R puts R such columns side by side (M tiled by
// R): each has its own encoder of A[m0+i][k], B[k][n0+j] is broadcast to all of them, and
// one lock-step handshake takes a k step for all R rows (opt3_column.hpp); R = 1 is the
// single column, netlist unchanged. Every PE is an OPT3 PE, so this architecture is also
// the OPT3 design (cols = 1: one PE with its own sparse encoder).
//
// Encoder (<top>_enc): takes one A operand per valid/ready handshake (a_valid_i && a_ready_o),
// EN-T-encodes it (arith::ent_encode, spec §2) into a mask of non-zero digits plus a
// two/neg code per digit, and then emits one non-zero digit per cycle, lowest position first,
// as (one-hot position, two, neg): digit = (neg ? -1 : +1) * (two ? 2 : 1) * 4^position.
// A zero operand takes one cycle that adds no partial product. a_ready_o is high when the
// encoder is idle or emits the operand's last digit (done), so back-to-back operands take
// exactly max(1, non-zero digits) cycles each; a_ready_o depends on registers only.
//
// PE (<top>_pe): latches B[k][n0+j] from b_i on the handshake that takes A[m][k]; per digit
// cycle it selects +-B / +-2B, shifts it by 4^position and adds it to its carry-save
// accumulator (sum, carry) with one full-adder row (3:2 CSA); a negative digit adds ~x and
// injects the +1 at bit 0 of the carry vector (free, as the carry vector is shifted left).
// first_i (latched with the operand) drops the accumulator on the operand's first cycle;
// after the last digit of the operand latched with last_i, one registered read-out adder per
// column resolves sum + carry onto c_o with c_valid_o (one cycle later).
#include <fmt/format.h>

#include "arch/opt3_column.hpp"
#include "arch/registry.hpp"
#include "arch/resolve.hpp"

namespace tpegen::arch {
namespace {

ir::Design build(const DesignConfig& c) {
  return build_opt3_column(
      c, c.rows == 1 ? fmt::format("OPT4C: a column of {} OPT3 PEs sharing one sparse EN-T encoder of the A stream.", c.cols)
                     : fmt::format("OPT4C: {} columns of {} OPT3 PEs, each sharing one sparse EN-T encoder of its row of "
                                   "A; one lock-step handshake.", c.rows, c.cols));
}

}  // namespace

ArchDescriptor describe_opt4c() {
  ArchDescriptor d{"opt4c",
          "OPT4C: R columns of N OPT3 PEs (one non-zero EN-T digit of A per cycle, carry-save accumulator), "
          "each column sharing one sparse EN-T encoder; valid/ready A stream, variable latency",
          {true, 1, 1, "encoder columns R: rows of A per tile (M tiled by R), each with its own encoder; B broadcast", false},
          {true, 32, 1, "PEs N in the column: output columns per tile (N is tiled by N)"},
          {false, 0, 1, "unused (K is software: any length streams through)"},
          {{"opt3", "OPT3 PE: latched B, +-B/+-2B select, shift by 4^pos, 3:2 CSA into a carry-save accumulator"}},
          build,
          [](const DesignConfig& c) { return opt3_column_timing(c); },
          // The same job with MAC PEs: R rows of N output-stationary PEs, K streamed.
          [](const DesignConfig& c) {
            const DesignConfig r = resolve(c);  // opt4c's default sizes, not systolic-os's
            DesignConfig b = c;
            b.arch = "systolic-os";
            b.pe = "mac";
            b.rows = r.rows;
            b.cols = r.cols;
            b.depth = kAuto;
            return b;
          }};
  d.schedule = [](const DesignConfig& c) { return opt3_column_schedule(c, opt3_column_timing(c)); };
  d.driver = "opt4c";
  d.macs_per_cycle = [](const DesignConfig& c, std::string* note) { return variable_latency_macs(c.rows, c.cols, note); };
  return d;
}

}  // namespace tpegen::arch

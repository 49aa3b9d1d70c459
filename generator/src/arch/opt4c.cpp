// OPT4C (spec §4): a column of N = cols OPT3 PEs sharing one sparse EN-T encoder of the A
// stream. M and K are software (operands stream through the encoder one at a time), N is
// hardware (one PE per output column). Every PE is an OPT3 PE, so this architecture is also
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

namespace tpegen::arch {
namespace {

ir::Design build(const DesignConfig& c) {
  return build_opt3_column(
      c, fmt::format("OPT4C: a column of {} OPT3 PEs sharing one sparse EN-T encoder of the A stream.", c.cols));
}

}  // namespace

ArchDescriptor describe_opt4c() {
  return {"opt4c",
          "OPT4C: a column of N OPT3 PEs (one non-zero EN-T digit of A per cycle, carry-save accumulator) "
          "sharing one sparse EN-T encoder; valid/ready A stream, variable latency",
          {false, 0, 1, "fixed 1: one column (M is software: rows of A stream through the encoder)"},
          {true, 32, 1, "PEs N in the column: output columns per tile (N is tiled by N)"},
          {false, 0, 1, "unused (K is software: any length streams through)"},
          {{"opt3", "OPT3 PE: latched B, +-B/+-2B select, shift by 4^pos, 3:2 CSA into a carry-save accumulator"}},
          build,
          opt3_column_timing,
          // The same job with MAC PEs: a row of N output-stationary PEs, K streamed.
          [](const DesignConfig& c) {
            DesignConfig b = c;
            b.arch = "systolic-os";
            b.pe = "mac";
            b.rows = 1;
            b.depth = kAuto;
            return b;
          }};
}

}  // namespace tpegen::arch

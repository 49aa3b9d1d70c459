// The OPT3 column shared by opt4c, opt4e and bitslice (spec §4): a sparse digit encoder of the
// A stream (valid/ready handshake, one non-zero digit per cycle) serving N PEs that each hold
// their own B. opt4c is this column, R of them in lock step with --rows; opt4e gives every
// column E encoders in lock step and a PE that adds E digits per cycle; bitslice offers the
// column as its `opt3` variant next to the Laconic baseline, which reuses the sparse encoder
// with Booth digits.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "arch/timing.hpp"
#include "golden/schedule.hpp"
#include "arith/partial_products.hpp"
#include "config/design_config.hpp"
#include "ir/module.hpp"

namespace tpegen::arch {

/// Rejects --in-regs/--out-regs: the pipeline wrapper delays every port by the same amount,
/// which would break the valid/ready handshake.
void require_no_pipeline(const DesignConfig& c);

/// The digits of x (EN-T or Booth) as three wires of one bit per digit, lowest first:
/// e_nz (digit != 0), e_two (|digit| = 2), e_neg (digit < 0).
std::vector<ir::ExprP> emit_digit_codes(ir::Module& m, const ir::ExprP& x, const std::string& name,
                                        arith::Encoding encoding, bool is_signed);

/// 1 when any bit of v is set (reduce-or).
ir::ExprP reduce_or(const ir::ExprP& v);

/// A narrow (wrapping) accumulator drops the digit positions of weight >= 2^acc_width:
/// their bits of pos_i go to an unused_pos wire (lint -Wall). No-op when all are used.
void mark_unused_positions(ir::Module& m, const ir::ExprP& pos_i, const DesignConfig& c);

/// Sparse encoder <top>_enc: takes A on a_valid_i && a_ready_o, encodes it (EN-T or Booth)
/// and emits its non-zero digits one per cycle, lowest first, as (one-hot position pos_o,
/// two_o, neg_o); a zero operand takes one cycle without a digit. With `gated`, the encoder
/// has an input adv_i and stays on a digit until adv_i = 1 (Laconic: until every PE has
/// issued its last B term against it); a zero operand still takes one cycle.
const ir::Module& build_sparse_encoder(ir::Design& d, const DesignConfig& c, arith::Encoding enc, bool gated);

/// The column's top module <top>: ports (clk_i, rst_ni, a_i, a_valid_i, first_i, last_i,
/// b_i[N*WB], a_ready_o, c_o[N*ACC], c_valid_o), the encoder instance and the signals it
/// broadcasts to the PEs (pos: nd bits). With `gated`, the PEs drive one bit each of
/// `lasts` (on their last B term) and adv = AND(lasts) feeds the encoder's adv_i.
///
/// per_row = E > 1 or c.rows = R > 1 (not with `gated`): R rows of E encoders in lock step
/// (generate loop g_enc over q = i*E + e): a_i[R*E*WA] (A[m0+i][k0+e] at q), b_i[N*E*WB]
/// (B[k0+e][n0+j] at j*E + e), c_o[R*N*ACC] (C[m0+i][n0+j] at i*N + j). Every encoder sees
/// a_valid_i gated with the AND of all encoders' ready, so they take their operands on the
/// same edge and a step lasts as long as its slowest operand (an encoder done early idles);
/// res fires in the step's last cycle, so the read-out follows the slowest operand. The
/// control signals are then R*E wide (bit q), pos R*E*nd (stream q at q*nd).
struct ColumnTop {
  ir::Module* m = nullptr;
  int rows = 1, per_row = 1;
  ir::Param acc, wb, cols, e;  // localparams ACC, WB, and COLS (rows > 1), E (per_row > 1)
  ir::ExprP take, step, clr, pos, two, neg, res, lasts, adv;
};
ColumnTop build_column_top(ir::Design& d, const DesignConfig& c, const ir::Module& enc, int nd,
                           const std::string& what, bool gated, int per_row = 1);

/// The generate loop the PEs go in: g_col over j (one row), or g_row over i and g_col over j.
ir::Body& column_pe_loop(const ColumnTop& t, const DesignConfig& c);

/// The instance u_pe of `pe` in column_pe_loop: clk_i, b_i (column j's E B values), take_i,
/// step_i, clr_i, pos_i, two_i, neg_i (the E digit streams of its row), then `more`.
ir::Instance column_pe(const ir::Module& pe, const ColumnTop& t, std::vector<std::pair<std::string, ir::ExprP>> more);

/// PE (i, j)'s ACC-bit slice of the R*N*ACC-bit vector `name` (inside column_pe_loop).
ir::ExprP column_pe_slice(const ColumnTop& t, const std::string& name);

/// Result register of the column: the cycle after res, c_o <= result() (R*N*ACC bits) with
/// c_valid_o for one cycle, held until the next row (the PEs may take the next operand).
void column_readout(ir::Module& m, const ir::ExprP& res, const DesignConfig& c,
                    const std::function<ir::ExprP()>& result);

/// Builds the PE module <top>_pe of a column design.
using ColumnPeBuilder = std::function<const ir::Module&(ir::Design&, const DesignConfig&)>;

/// A whole column design: the sparse EN-T encoder, the PE from `pe` (per_row digit streams
/// and E B values in; s_o, c_o, its carry-save accumulator, out), build_column_top with
/// per_row, and one registered read-out adder per PE. `what` is the top module's description.
ir::Design build_column_design(const DesignConfig& c, const std::string& what, int per_row,
                               const ColumnPeBuilder& pe);

/// The OPT4C/OPT3 column: build_column_design with OPT3 PEs (one full-adder row each), one
/// operand per row and step.
ir::Design build_opt3_column(const DesignConfig& c, const std::string& what);

/// Expected cycles of a lock-step k step of `operands` int8 normal(0,30) operands (rounded,
/// clipped): E[max over the operands of max(1, nnz)], nnz = non-zero EN-T digits (spec §2).
/// 1 operand: 2.35, 4: 3.14 (the drivers measure 2.35 and 3.135). For MACs/cycle estimates.
double expected_step_cycles(int operands);

/// MACs per cycle of `cols` PEs fed `operands` int8 normal(0,30) A operands per lock-step k
/// step: operands * cols / expected_step_cycles(operands); *note says it is an estimate.
double variable_latency_macs(int operands, int cols, std::string* note);

/// EN-T digit positions of an A operand.
int ent_digit_positions(const DesignConfig& c);

/// The manifest timing of build_column_design with E = per_row operands per row and step
/// (R = c.rows rows); for R = E = 1 the single OPT3 column.
Timing opt3_column_timing(const DesignConfig& c, int per_row = 1);

/// The column's loops from its timing `t` (opt4c, opt4e, bitslice): per handshake a rows x
/// per_row block of A and the per_row x cols block of B (b_i lane j*per_row + e), K innermost;
/// a result tile per rows rows.
golden::ScheduleDescriptor opt3_column_schedule(const DesignConfig& c, const Timing& t, int per_row = 1);

}  // namespace tpegen::arch

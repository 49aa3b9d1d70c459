// The OPT3 column shared by opt4c and bitslice (spec §4): one sparse digit encoder of the A
// stream (valid/ready handshake, one non-zero digit per cycle) serving N PEs that each hold
// their own B. opt4c is this column; bitslice offers it as its `opt3` variant next to the
// Laconic baseline, which reuses the sparse encoder with Booth digits.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

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
struct ColumnTop {
  ir::Module* m = nullptr;
  ir::ExprP take, step, clr, pos, two, neg, res, lasts, adv;
};
ColumnTop build_column_top(ir::Design& d, const DesignConfig& c, const ir::Module& enc, int nd,
                           const std::string& what, bool gated);

/// The instance u_pe of `pe` in the generate loop over j: clk_i, b_i (column j's B),
/// take_i, step_i, clr_i, pos_i, two_i, neg_i from the encoder, then `more`.
ir::Instance column_pe(const ir::Module& pe, const ColumnTop& t, const DesignConfig& c,
                       std::vector<std::pair<std::string, ir::ExprP>> more);

/// Result register of the column: the cycle after res, c_o <= result() (N*ACC bits) with
/// c_valid_o for one cycle, held until the next row (the PEs may take the next operand).
void column_readout(ir::Module& m, const ir::ExprP& res, const DesignConfig& c,
                    const std::function<ir::ExprP()>& result);

/// The whole OPT4C/OPT3 column: EN-T encoder, `cols` OPT3 PEs, registered read-out adders.
/// `what` is the top module's description.
ir::Design build_opt3_column(const DesignConfig& c, const std::string& what);

/// The manifest timing of build_opt3_column.
nlohmann::json opt3_column_timing(const DesignConfig& c);

}  // namespace tpegen::arch

// The OPT3 column shared by opt4c and bitslice (spec §4): one sparse digit encoder of the A
// stream (valid/ready handshake, one non-zero digit per cycle) serving N PEs that each hold
// their own B. opt4c is this column; bitslice offers it as its `opt3` variant next to the
// Laconic baseline, which reuses the sparse encoder with Booth digits.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "arith/partial_products.hpp"
#include "config/design_config.hpp"
#include "ir/module.hpp"

namespace tpegen::arch {

/// Rejects --in-regs/--out-regs: the pipeline wrapper delays every port by the same amount,
/// which would break the valid/ready handshake.
void require_no_pipeline(const DesignConfig& c);

/// Sparse encoder <top>_enc: takes A on a_valid_i && a_ready_o, encodes it (EN-T or Booth)
/// and emits its non-zero digits one per cycle, lowest first, as (one-hot position pos_o,
/// two_o, neg_o); a zero operand takes one cycle without a digit. With `gated`, the encoder
/// has an input adv_i and stays on a digit until adv_i = 1 (Laconic: until every PE has
/// issued its last B term against it); a zero operand still takes one cycle.
const ir::Module& build_sparse_encoder(ir::Design& d, const DesignConfig& c, arith::Encoding enc, bool gated);

/// The whole OPT4C/OPT3 column: EN-T encoder, `cols` OPT3 PEs, registered read-out adders.
/// `what` is the top module's description.
ir::Design build_opt3_column(const DesignConfig& c, const std::string& what);

/// The manifest timing of build_opt3_column.
nlohmann::json opt3_column_timing(const DesignConfig& c);

}  // namespace tpegen::arch

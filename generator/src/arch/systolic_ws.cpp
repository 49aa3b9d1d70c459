// Weight-stationary systolic array (spec §3): PE(k,j) holds B[k][n0+j] (two banks, so the
// next weight tile loads while the current one computes). Row m of A enters skewed: A[m][k]
// reaches PE(k,0) k cycles after the row is presented and moves right one PE a cycle;
// partial sums move down the columns, starting from c_i (the running result of earlier
// K tiles, so the array accumulates over any K), and leave at the bottom, deskewed.
// PE `opt1` passes partial sums down in carry-save form (sum, carry): one compressor tree
// per PE, one registered read-out adder per column at the bottom.
#include <fmt/format.h>

#include "arch/common.hpp"
#include "arch/opt1_common.hpp"
#include "arch/readout_adder.hpp"
#include "arch/registry.hpp"
#include "arch/schedule_base.hpp"
#include "emit/bitnet_to_ir.hpp"

namespace tpegen::arch {
namespace {

using namespace ir;

// Width of a partial-sum link: the sum, or its carry-save pair (sum low, carry high).
int psum_width(const DesignConfig& c) { return c.pe == "opt1" ? 2 * c.acc_width : c.acc_width; }

const Module& build_pe(Design& d, const DesignConfig& c) {
  Module& m = d.add_module(canonical_name(c) + "_pe");
  describe_module(m, c.pe == "opt1"
                         ? "Weight-stationary OPT1 PE: {sum, carry}_o = compress(pp(a*w[bank]), {sum, carry}_i)."
                         : "Weight-stationary PE: psum_o = psum_i + a * w[bank]; forwards a right, psum down.");
  const int acc = psum_width(c);
  m.input("clk_i", 1);
  m.input("rst_ni", 1);
  auto a_i = m.input("a_i", c.a_width);
  auto valid_i = m.input("valid_i", 1);
  auto bank_i = m.input("bank_i", 1, "weight bank used by this a");
  auto psum_i = m.input("psum_i", acc);
  auto w_i = m.input("w_i", c.b_width);
  auto w_we_i = m.input("w_we_i", 1, "write w_i into bank w_bank_i");
  auto w_bank_i = m.input("w_bank_i", 1);
  auto a_o = m.output("a_o", c.a_width);
  auto valid_o = m.output("valid_o", 1);
  auto bank_o = m.output("bank_o", 1);
  auto psum_o = m.output("psum_o", acc);

  auto w0_q = m.reg("w0_q", c.b_width);
  auto w1_q = m.reg("w1_q", c.b_width);
  m.update(w0_q, w_i, m.wire("w0_we", band(w_we_i, bnot(w_bank_i))));
  m.update(w1_q, w_i, m.wire("w1_we", band(w_we_i, w_bank_i)));
  auto w = m.wire("w", mux(bank_i, w1_q, w0_q));
  auto psum_q = m.reg("psum_q", acc);
  if (c.pe == "opt1") {
    auto next = opt1_step(m, c, 1, false, "t_", {a_i, w, bits(psum_i, 0, c.acc_width),
                                                 bits(psum_i, c.acc_width, c.acc_width)});
    m.update(psum_q, concat({next[1], next[0]}), idle_enable(c, valid_i));
  } else {
    auto prod = product_to_acc(m, "prod", a_i, w, c);
    m.update(psum_q, acc_add(m, "psum_d", psum_i, prod, c), idle_enable(c, valid_i));
  }

  auto a_q = m.reg("a_q", c.a_width);
  auto valid_q = m.reg("valid_q", 1);
  auto bank_q = m.reg("bank_q", 1);
  // A bubble's psum is never read (its valid travels with it), so under --clock-gate the
  // psum, a and bank registers hold.
  m.update(a_q, a_i, idle_enable(c, valid_i));
  m.update_with_reset(valid_q, valid_i, 0);
  m.update(bank_q, bank_i, idle_enable(c, valid_i));
  m.assign(a_o, a_q);
  m.assign(valid_o, valid_q);
  m.assign(bank_o, bank_q);
  m.assign(psum_o, psum_q);
  return m;
}

// ---- The array (core) module: names, ports, links, edges, PEs (as in systolic_os.cpp) ----

struct GridParams {
  Param rows, cols, wa, wb, pw;
};

GridParams declare_params(Module& m, const DesignConfig& c) {
  return {m.localparam("ROWS", c.rows, "PE rows R (the K extent of a weight tile)"),
          m.localparam("COLS", c.cols, "PE columns C"), m.localparam("WA", c.a_width, "A operand bits"),
          m.localparam("WB", c.b_width, "B operand bits"),
          m.localparam("PW", psum_width(c),
                       c.pe == "opt1" ? "partial-sum link bits: a carry-save pair (sum low, carry high)"
                                      : "partial-sum link bits")};
}

void declare_ports(Module& m, const DesignConfig& c) {
  const int R = c.rows, C = c.cols, ACC = c.acc_width;
  m.input("clk_i", 1);
  m.input("rst_ni", 1);
  m.input("a_i", R * c.a_width, "A[m][k0+k] for PE row k at bits [k*WA +: WA]");
  m.input("valid_i", 1, "a_i/c_i carry one output row", true);
  m.input("bank_i", 1, "weight bank this row multiplies with");
  m.input("c_i", C * ACC, "partial result of earlier K tiles for column j at [j*ACC +: ACC]");
  m.input("w_i", C * c.b_width, "B[k0+w_row_i][n0+j] for column j at [j*WB +: WB]");
  m.input("w_we_i", 1, "write w_i into PE row w_row_i, bank w_bank_i", true);
  m.input("w_row_i", index_width(R), "PE row (k = 0..rows-1) that w_we_i writes");
  m.input("w_bank_i", 1, "weight bank (0 or 1) that w_we_i writes");
  m.output("c_o", C * ACC, "C[m][n0+j] (accumulated with c_i) at [j*ACC +: ACC]");
  m.output("c_valid_o", 1, "c_o holds one output row", true);
}

// Horizontal links (a, valid, bank), column by column: PE(i,j) reads slot j*R+i and drives
// (j+1)*R+i (left edge: slots 0..R-1). Partial sums, row by row: PE(i,j) reads slot i*C+j
// and drives (i+1)*C+j (top edge: slots 0..C-1, bottom edge: the last C).
void declare_links(Module& m, const DesignConfig& c) {
  const int H = (c.cols + 1) * c.rows, V = (c.rows + 1) * c.cols;
  m.wire("a_h", H * c.a_width);
  m.wire("valid_h", H);
  m.wire("bank_h", H);
  m.wire("psum_v", V * psum_width(c));
  m.wire("w_we_row", c.rows);
}

// Left edge: row k of A (with its valid and bank) enters k cycles late; weight writes are
// decoded to one enable per PE row.
void feed_rows(Module& m, const DesignConfig& c) {
  const int R = c.rows, AW = index_width(R);
  skew(m, "a_skew", ref("a_i", R * c.a_width), slice("a_h", 0, R * c.a_width), R, false, false, "left");
  skew(m, "bank_skew", replicate(R, ref("bank_i", 1)), slice("bank_h", 0, R), R, false, false, "left");
  skew(m, "valid_skew", replicate(R, ref("valid_i", 1)), slice("valid_h", 0, R), R, false, true, "left");
  for (int k = 0; k < R; ++k)
    m.assign(slice("w_we_row", k, 1),
             band(ref("w_we_i", 1), eq(ref("w_row_i", AW), constant(AW, static_cast<uint64_t>(k)))));
}

// Top edge: column j's running result c_i[j] enters j cycles late (OPT1: as the sum of a
// carry-save pair whose carry is 0).
void feed_columns(Module& m, const DesignConfig& c, const GridParams& p) {
  const int C = c.cols, ACC = c.acc_width;
  if (p.pw.value == ACC) {
    skew(m, "c_skew", ref("c_i", C * ACC), slice("psum_v", 0, C * ACC), C, false, false, "top");
    return;
  }
  auto top = m.wire("c_top", C * ACC);
  skew(m, "c_skew", ref("c_i", C * ACC), top, C, false, false, "top");
  const Param acc = m.localparam("ACC", ACC, "result bits");
  m.generate_for("j", C, "g_top").assigns.push_back(
      {slice("psum_v", p.pw, {{"j", {}}}), concat({constant(ACC, 0), slice("c_top", acc, {{"j", {}}})})});
}

// Bottom edge: column j's results leave C-1-j cycles late, so that a row's results leave
// together (OPT1: through one registered read-out adder per column first); c_valid_o is the
// last PE row's valid at the right edge, delayed like the last column.
void read_out(Module& m, const DesignConfig& c, ReadoutAdder& adder) {
  const int R = c.rows, C = c.cols, ACC = c.acc_width, PW = psum_width(c);
  const int readout = c.pe == "opt1" ? 1 : 0;
  ExprP bottom = slice("psum_v", R * C * PW, C * PW);
  if (readout) {
    std::vector<ExprP> sums;  // msb first
    for (int j = C - 1; j >= 0; --j) {
      sums.push_back(adder.place(m, fmt::format("ro{}_", j), slice("psum_v", (R * C + j) * PW, ACC),
                                 slice("psum_v", (R * C + j) * PW + ACC, ACC), {"readout", "bottom"}));
    }
    bottom = m.reg("ro_q", C * ACC);
    m.update(bottom, concat(sums));
  }
  skew(m, "c_deskew", bottom, ref("c_o", C * ACC), C, true, false, "bottom");
  m.assign(ref("c_valid_o", 1), delay(m, "c_valid_ro", slice("valid_h", C * R + R - 1, 1), readout, true));
}

// Right-edge signals feed nothing, except the last row's valid (c_valid_o).
void mark_unused_edges(Module& m, const DesignConfig& c) {
  const int R = c.rows, right = c.cols * R;
  std::vector<ExprP> edge = {slice("a_h", right * c.a_width, R * c.a_width), slice("bank_h", right, R)};
  if (R > 1) edge.push_back(slice("valid_h", right, R - 1));
  m.wire("unused_edge", concat(edge));
}

// The R x C PEs; each PE's slots (see declare_links) are written with the localparams.
void pe_grid(Module& m, const Module& pe, const GridParams& p) {
  const Param one{};
  const GridSlots slots{p.rows, p.cols};
  auto v = [&](bool below) { return slots.v("psum_v", p.pw, below); };
  Instance inst{pe.name(), "u_pe", {}, {}, {"pe"}};
  inst.conns = {{"clk_i", ref("clk_i", 1)},
                {"rst_ni", ref("rst_ni", 1)},
                {"a_i", slots.h("a_h", p.wa, false)},
                {"valid_i", slots.h("valid_h", one, false)},
                {"bank_i", slots.h("bank_h", one, false)},
                {"psum_i", v(false)},
                {"w_i", slice("w_i", p.wb, {{"j", one}})},
                {"w_we_i", slice("w_we_row", one, {{"i", one}})},
                {"w_bank_i", ref("w_bank_i", 1)},
                {"a_o", slots.h("a_h", p.wa, true)},
                {"valid_o", slots.h("valid_h", one, true)},
                {"bank_o", slots.h("bank_h", one, true)},
                {"psum_o", v(true)}};
  Body& rows = m.generate_for("i", p.rows.value, "g_row");
  nested_for(rows, "j", p.cols.value, "g_col").instances.push_back(std::move(inst));
}

Design build(const DesignConfig& c) {
  Design d;
  declare_templates(d);
  const Module& pe = build_pe(d, c);
  Module& m = d.add_module(core_name(c));
  describe_module(m, fmt::format("Weight-stationary systolic array, {} x {} PEs.", c.rows, c.cols));
  const GridParams p = declare_params(m, c);
  declare_ports(m, c);
  declare_links(m, c);
  feed_rows(m, c);
  feed_columns(m, c, p);
  ReadoutAdder adder(d, c);  // built once, placed once per column
  read_out(m, c, adder);
  mark_unused_edges(m, c);
  pe_grid(m, pe, p);
  wrap_in_pipeline(d, m, c);
  d.top = canonical_name(c);
  return d;
}

Timing timing(const DesignConfig& c) {
  const int readout = c.pe == "opt1" ? 1 : 0;  // the registered read-out adder
  const int io = c.in_regs + c.out_regs + readout;
  Timing t;
  t.dataflow = "weight-stationary";
  // PE(k, j) reads its weight (bank_i selects it) k + j cycles after the row's valid_i cycle and
  // a write lands after its cycle; every port is delayed alike by in_regs (out_regs and the
  // read-out adder are behind the reads), so these cycles hold at the top's ports.
  t.weight_bank_rewrite_cycles = c.cols - 1;
  t.doc["weights"] =
      "one cycle per PE row: w_we_i=1, w_row_i=k, w_bank_i=b, w_i[j] = B[k0+k][n0+j]. PE row k reads its weight k "
      "cycles after the valid_i row (column j another j), so a write of row k in cycle w serves the rows from "
      "cycle w - k + 1 on: rows 0..rows-1 written in cycles w..w+rows-1 may be selected with bank_i from cycle "
      "w + 1 on. A bank may be rewritten while rows using the other bank stream through; its row k from cycle "
      "t + k + cols - 1 on (t: the last valid_i row that selects the bank; weight_bank_rewrite_cycles = cols - 1)";
  t.doc["feed"] =
      "one output row per cycle with valid_i=1: a_i[k] = A[m][k0+k], bank_i = bank holding B[k0..][n0..], "
      "c_i[j] = result of the earlier K tiles for C[m][n0+j] (0 for the first); K is tiled by rows";
  t.doc["results"] = "c_o[j*ACC +: ACC] = c_i[j] + sum_k A[m][k0+k]*B[k0+k][n0+j] with c_valid_o=1, rows in feed order";
  t.latency_first_result_cycles = t.latency_last_result_cycles = c.rows + c.cols - 1 + io;
  t.doc["latency"] =
      "rows + cols - 1 + readout + in_regs + out_regs cycles from the valid_i cycle to the c_valid_o cycle";
  t.readout_adder_cycles = readout;
  t.peak_macs_per_cycle = c.rows * c.cols;
  return t;
}

// Rows innermost (AXI_DESIGN.md §3): a pass streams a strip's rows against the weights of one
// (K tile, N tile) in one bank while later passes' weight rows load into the other bank, each
// row as soon as timing's "weights" rule allows (weight_bank_rewrite_cycles, copied by
// schedule_base); a row's next K round reads its partial sum on c_i once the result is out
// (latency).
golden::ScheduleDescriptor schedule(const DesignConfig& c) {
  golden::ScheduleDescriptor d = schedule_base(timing(c));
  d.order = golden::Order::MInner;
  d.tile_m = d.result_rows = 1;
  d.tile_n = c.cols;
  d.tile_k = d.weight_rows = d.strip_rows = c.rows;
  d.a = {1, c.rows};
  d.b = {1, c.cols, false, true};  // one weight row per cycle into the PEs' registers
  d.weights = golden::Weights::Banked;
  d.revisit_min = d.latency_last;
  return d;
}

}  // namespace

ArchDescriptor describe_systolic_ws() {
  ArchDescriptor d{"systolic-ws",
          "weight-stationary systolic array: B tile preloaded (double-buffered), A rows stream in skewed, "
          "partial sums flow down the columns",
          {true, 16, 1, "PE rows: the K extent of the stationary weight tile (K is tiled by rows)"},
          {true, 16, 1, "PE columns C: output columns per tile (N is tiled by C)"},
          {false, 0, 1, "unused (M is software: any number of rows streams through)"},
          {{"mac", "baseline: a*w product sized exactly, + into the partial sum"},
           {"opt1", "OPT1: partial sums flow in carry-save form through one compressor tree per PE; CPA per column"}},
          build,
          timing};
  d.driver = "systolic_ws";
  d.schedule = schedule;
  d.axi_gemm = true;  // MInner, banked weights: wrap/gemm_ws_sequencer.cpp
  d.macs_per_cycle = [](const DesignConfig& c, std::string*) { return static_cast<double>(c.rows) * c.cols; };
  return d;
}

}  // namespace tpegen::arch

// Weight-stationary systolic array (spec §3): PE(k,j) holds B[k][n0+j] (two banks, so the
// next weight tile loads while the current one computes). Row m of A enters skewed: A[m][k]
// reaches PE(k,0) k cycles after the row is presented and moves right one PE a cycle;
// partial sums move down the columns, starting from c_i (the running result of earlier
// K tiles, so the array accumulates over any K), and leave at the bottom, deskewed.
#include <fmt/format.h>

#include "arch/common.hpp"
#include "arch/registry.hpp"

namespace tpegen::arch {
namespace {

using namespace ir;

const Module& build_pe(Design& d, const DesignConfig& c) {
  Module& m = d.add_module(canonical_name(c) + "_pe");
  describe_module(m, "Weight-stationary PE: psum_o = psum_i + a * w[bank]; forwards a right, psum down.", c);
  const int acc = c.acc_width;
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
  auto prod = product_to_acc(m, "prod", a_i, w, c);
  auto psum_q = m.reg("psum_q", acc);
  m.update(psum_q, acc_add(m, "psum_d", psum_i, prod, c));

  auto a_q = m.reg("a_q", c.a_width);
  auto valid_q = m.reg("valid_q", 1);
  auto bank_q = m.reg("bank_q", 1);
  m.update(a_q, a_i);
  m.update_with_reset(valid_q, valid_i, 0);
  m.update(bank_q, bank_i);
  m.assign(a_o, a_q);
  m.assign(valid_o, valid_q);
  m.assign(bank_o, bank_q);
  m.assign(psum_o, psum_q);
  return m;
}

Design build(const DesignConfig& c) {
  Design d;
  declare_templates(d);
  const Module& pe = build_pe(d, c);
  Module& m = d.add_module(core_name(c));
  describe_module(m, fmt::format("Weight-stationary systolic array, {} x {} PEs.", c.rows, c.cols), c);
  const int R = c.rows, C = c.cols, WA = c.a_width, WB = c.b_width, ACC = c.acc_width;
  const int AW = index_width(R);
  m.input("clk_i", 1);
  m.input("rst_ni", 1);
  auto a_i = m.input("a_i", R * WA, "A[m][k0+k] for PE row k at bits [k*WA +: WA]");
  auto valid_i = m.input("valid_i", 1, "a_i/c_i carry one output row", true);
  auto bank_i = m.input("bank_i", 1, "weight bank this row multiplies with");
  auto c_i = m.input("c_i", C * ACC, "partial result of earlier K tiles for column j at [j*ACC +: ACC]");
  auto w_i = m.input("w_i", C * WB, "B[k0+w_row_i][n0+j] for column j at [j*WB +: WB]");
  auto w_we_i = m.input("w_we_i", 1, "write w_i into PE row w_row_i, bank w_bank_i", true);
  auto w_row_i = m.input("w_row_i", AW);
  auto w_bank_i = m.input("w_bank_i", 1);
  auto c_o = m.output("c_o", C * ACC, "C[m][n0+j] (accumulated with c_i) at [j*ACC +: ACC]");
  auto c_valid_o = m.output("c_valid_o", 1, "c_o holds one output row", true);

  const int H = R * (C + 1), V = (R + 1) * C;
  m.wire("a_h", H * WA);
  m.wire("valid_h", H);
  m.wire("bank_h", H);
  m.wire("psum_v", V * ACC);
  m.wire("w_we_row", R);

  for (int k = 0; k < R; ++k) {
    const int slot = k * (C + 1);
    m.assign(slice("a_h", slot * WA, WA), delay(m, fmt::format("a_skew_{}", k), bits(a_i, k * WA, WA), k, false));
    m.assign(slice("bank_h", slot, 1), delay(m, fmt::format("bank_skew_{}", k), bank_i, k, false));
    m.assign(slice("valid_h", slot, 1), delay(m, fmt::format("valid_skew_{}", k), valid_i, k, true));
    m.assign(slice("w_we_row", k, 1), band(w_we_i, eq(w_row_i, constant(AW, static_cast<uint64_t>(k)))));
  }
  std::vector<ExprP> results;  // msb first
  for (int j = C - 1; j >= 0; --j) {
    m.assign(slice("psum_v", j * ACC, ACC), delay(m, fmt::format("c_skew_{}", j), bits(c_i, j * ACC, ACC), j, false));
    results.push_back(delay(m, fmt::format("c_deskew_{}", j), slice("psum_v", (R * C + j) * ACC, ACC), C - 1 - j, false));
  }
  m.assign(c_o, concat(results));
  // The last column's valid is aligned with the deskewed results.
  m.assign(c_valid_o, slice("valid_h", (R - 1) * (C + 1) + C, 1));

  std::vector<ExprP> edge;
  for (int k = 0; k < R; ++k) {
    const int slot = k * (C + 1) + C;
    edge.push_back(slice("a_h", slot * WA, WA));
    edge.push_back(slice("bank_h", slot, 1));
    if (k != R - 1) edge.push_back(slice("valid_h", slot, 1));
  }
  m.wire("unused_edge", concat(edge));

  auto h = [&](const char* net, int w, int extra) {
    return slice(net, {{"i", (C + 1) * w}, {"j", w}}, extra * w, w);
  };
  auto v = [&](const char* net, int w, int extra_rows) {
    return slice(net, {{"i", C * w}, {"j", w}}, extra_rows * C * w, w);
  };
  Body& rows = m.generate_for("i", R, "g_row");
  Body& cols = nested_for(rows, "j", C, "g_col");
  Instance pe_inst{pe.name(), "u_pe", {}, {}};
  pe_inst.conns = {{"clk_i", ref("clk_i", 1)},
                   {"rst_ni", ref("rst_ni", 1)},
                   {"a_i", h("a_h", WA, 0)},
                   {"valid_i", h("valid_h", 1, 0)},
                   {"bank_i", h("bank_h", 1, 0)},
                   {"psum_i", v("psum_v", ACC, 0)},
                   {"w_i", slice("w_i", {{"j", WB}}, 0, WB)},
                   {"w_we_i", slice("w_we_row", {{"i", 1}}, 0, 1)},
                   {"w_bank_i", ref("w_bank_i", 1)},
                   {"a_o", h("a_h", WA, 1)},
                   {"valid_o", h("valid_h", 1, 1)},
                   {"bank_o", h("bank_h", 1, 1)},
                   {"psum_o", v("psum_v", ACC, 1)}};
  cols.instances.push_back(std::move(pe_inst));
  (void)w_i;
  (void)w_bank_i;
  wrap_in_pipeline(d, m, c);
  d.top = canonical_name(c);
  return d;
}

nlohmann::json timing(const DesignConfig& c) {
  const int io = c.in_regs + c.out_regs;
  return {
      {"dataflow", "weight-stationary"},
      {"weights",
       "one cycle per PE row: w_we_i=1, w_row_i=k, w_bank_i=b, w_i[j] = B[k0+k][n0+j]; a bank may be written "
       "while rows using the other bank stream through"},
      {"feed",
       "one output row per cycle with valid_i=1: a_i[k] = A[m][k0+k], bank_i = bank holding B[k0..][n0..], "
       "c_i[j] = result of the earlier K tiles for C[m][n0+j] (0 for the first); K is tiled by rows"},
      {"results", "c_o[j*ACC +: ACC] = c_i[j] + sum_k A[m][k0+k]*B[k0+k][n0+j] with c_valid_o=1, rows in feed order"},
      {"latency_cycles", c.rows + c.cols - 1 + io},
      {"latency", "rows + cols - 1 + in_regs + out_regs cycles from the valid_i cycle to the c_valid_o cycle"},
      {"macs_per_cycle", c.rows * c.cols},
  };
}

}  // namespace

ArchDescriptor describe_systolic_ws() {
  return {"systolic-ws",
          "weight-stationary systolic array: B tile preloaded (double-buffered), A rows stream in skewed, "
          "partial sums flow down the columns",
          {true, 16, 1, "PE rows: the K extent of the stationary weight tile (K is tiled by rows)"},
          {true, 16, 1, "PE columns C: output columns per tile (N is tiled by C)"},
          {false, 0, 1, "unused (M is software: any number of rows streams through)"},
          {{"mac", "baseline: a*w product sized exactly, + into the partial sum"}},
          build,
          timing};
}

}  // namespace tpegen::arch

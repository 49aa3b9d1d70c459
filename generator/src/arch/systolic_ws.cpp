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
#include "arch/registry.hpp"
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
                         : "Weight-stationary PE: psum_o = psum_i + a * w[bank]; forwards a right, psum down.",
                  c);
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
    m.update(psum_q, concat({next[1], next[0]}));
  } else {
    auto prod = product_to_acc(m, "prod", a_i, w, c);
    m.update(psum_q, acc_add(m, "psum_d", psum_i, prod, c));
  }

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
  const int R = c.rows, C = c.cols, WA = c.a_width, WB = c.b_width, ACC = c.acc_width, PW = psum_width(c);
  const int readout = c.pe == "opt1" ? 1 : 0;
  const int AW = index_width(R);
  m.input("clk_i", 1);
  m.input("rst_ni", 1);
  auto a_i = m.input("a_i", R * WA, "A[m][k0+k] for PE row k at bits [k*WA +: WA]");
  auto valid_i = m.input("valid_i", 1, "a_i/c_i carry one output row", true);
  auto bank_i = m.input("bank_i", 1, "weight bank this row multiplies with");
  auto c_i = m.input("c_i", C * ACC, "partial result of earlier K tiles for column j at [j*ACC +: ACC]");
  m.input("w_i", C * WB, "B[k0+w_row_i][n0+j] for column j at [j*WB +: WB]");
  auto w_we_i = m.input("w_we_i", 1, "write w_i into PE row w_row_i, bank w_bank_i", true);
  auto w_row_i = m.input("w_row_i", AW);
  m.input("w_bank_i", 1);
  auto c_o = m.output("c_o", C * ACC, "C[m][n0+j] (accumulated with c_i) at [j*ACC +: ACC]");
  auto c_valid_o = m.output("c_valid_o", 1, "c_o holds one output row", true);

  const int H = R * (C + 1), V = (R + 1) * C;
  m.wire("a_h", H * WA);
  m.wire("valid_h", H);
  m.wire("bank_h", H);
  m.wire("psum_v", V * PW);
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
    auto top = delay(m, fmt::format("c_skew_{}", j), bits(c_i, j * ACC, ACC), j, false);
    m.assign(slice("psum_v", j * PW, PW), PW == ACC ? top : concat({constant(ACC, 0), top}));
    ExprP bottom = slice("psum_v", (R * C + j) * PW, ACC);
    if (readout) {
      // Registered read-out adder: sum + carry of the carry-save partial sum.
      auto ro = m.reg(fmt::format("ro{}_q", j), ACC);
      m.update(ro, readout_adder(m, fmt::format("ro{}_", j), bottom, slice("psum_v", (R * C + j) * PW + ACC, ACC), c));
      bottom = ro;
    }
    results.push_back(delay(m, fmt::format("c_deskew_{}", j), bottom, C - 1 - j, false));
  }
  m.assign(c_o, concat(results));
  // The last column's valid is aligned with the deskewed results.
  m.assign(c_valid_o, delay(m, "c_valid_ro", slice("valid_h", (R - 1) * (C + 1) + C, 1), readout, true));

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
                   {"psum_i", v("psum_v", PW, 0)},
                   {"w_i", slice("w_i", {{"j", WB}}, 0, WB)},
                   {"w_we_i", slice("w_we_row", {{"i", 1}}, 0, 1)},
                   {"w_bank_i", ref("w_bank_i", 1)},
                   {"a_o", h("a_h", WA, 1)},
                   {"valid_o", h("valid_h", 1, 1)},
                   {"bank_o", h("bank_h", 1, 1)},
                   {"psum_o", v("psum_v", PW, 1)}};
  cols.instances.push_back(std::move(pe_inst));
  wrap_in_pipeline(d, m, c);
  d.top = canonical_name(c);
  return d;
}

nlohmann::json timing(const DesignConfig& c) {
  const int readout = c.pe == "opt1" ? 1 : 0;  // the registered read-out adder
  const int io = c.in_regs + c.out_regs + readout;
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
      {"latency", "rows + cols - 1 + readout + in_regs + out_regs cycles from the valid_i cycle to the c_valid_o cycle"},
      {"readout_adder_cycles", readout},
      {"macs_per_cycle", c.rows * c.cols},
  };
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
  d.sim_driver = [](const DesignConfig&) { return std::string("TPE_ARCH_SYSTOLIC_WS"); };
  d.macs_per_cycle = [](const DesignConfig& c, std::string*) { return static_cast<double>(c.rows) * c.cols; };
  return d;
}

}  // namespace tpegen::arch

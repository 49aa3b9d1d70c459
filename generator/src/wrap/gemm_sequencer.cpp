// The sequencer of `--wrap axi-gemm` for KInner fixed-latency engines (AXI_DESIGN.md §5):
// the descriptor's loops (row tiles, column tiles, k steps), the spacing rules, and the feed
// pipeline. S0 holds the loop counters, which address the buffers; S1 is the memories' read
// register; the lane multiplexers and the zero masks of rows >= M, columns >= N and (tile_k > 1:
// cube, matrix2d, mac-tree) k >= K feed the slice registers, which drive the engine with the
// control bits (F = 2). A step that may not go yet becomes a bubble (valid_i = 0): fixed-latency
// engines never stall. A B port the engine latches (mac-tree's weight register, NextStep)
// takes the S1 slice with w_load_i, so the weights a step multiplies load the cycle before it.
#include <algorithm>

#include "arch/common.hpp"
#include "wrap/gemm_ir.hpp"
#include "wrap/gemm_parts.hpp"

namespace tpegen::wrap {

using namespace ir;
using namespace gemm_ir;

SequencerOut add_sequencer(Module& m, const GemmGeometry& g, const golden::ScheduleDescriptor& d,
                           const DesignConfig& c, const GemmJob& job, const ExprP& go) {
  const int SW = job.size_bits, R = d.tile_m, C = d.tile_n, KT = d.tile_k, WA = g.a.lane_bits, WB = g.b.lane_bits;
  SequencerOut o;
  // ---- S0: loop counters (u row tiles, t column tiles, k steps; kq is the step's first k) ----
  auto kq = m.reg("seq_k_q", SW);
  auto u = m.reg("seq_u_q", std::max(1, g.a.group_bits)), t = m.reg("seq_t_q", std::max(1, g.c_tile_bits));
  auto m_base = m.reg("seq_m_base_q", SW), n_base = m.reg("seq_n_base_q", SW);
  const int G = g.b.slice_groups(), GW = arch::index_width(G);
  auto bgrp = m.reg("seq_b_group_q", GW), bword = m.reg("seq_b_word_q", std::max(1, g.b.slot_bits));
  auto done = m.reg("seq_done_q", 1);
  // tile_k > 1: the step index (B's row group) and where A's slice is in its row: word and
  // lane group, counted (lcm(tile_k, P) lanes per word need not be a power of two).
  const int GA = g.a.slice_groups(), GAW = arch::index_width(GA);
  ExprP ks, aword, agrp;
  if (KT > 1) {
    ks = m.reg("seq_ks_q", SW);
    aword = m.reg("seq_a_word_q", std::max(1, g.a.slot_bits));
    if (GA > 1) agrp = m.reg("seq_a_lane_group_q", GAW);
  }
  // Spacing: cycles since the latest step with last_i, saturating.
  // --inject-bug seq_spacing ignores the rules: tiles' results then collide in the engine.
  const bool no_spacing = c.inject_bug == "seq_spacing";
  const int need_last = no_spacing ? 1 : std::max(d.last_spacing, d.result_hold);
  const int need_first = no_spacing ? 1 : d.first_after_last;
  const int sat = std::max(need_last, need_first);
  const int SB = arch::index_width(sat + 1);
  auto since = m.reg("seq_since_last_q", SB);
  auto first = m.wire("seq_first", is_const(kq, 0));
  auto last_k = m.wire("seq_last_k", KT == 1 ? eq(kq, job.k_last)
                                               : lt_const(m, "seq_k_rest_lt_tile", sub(job.k_last, kq),
                                                          static_cast<uint64_t>(KT)));
  auto last_t = m.wire("seq_last_t", eq(t, resize(job.tn_last, t->width, false)));
  auto last_u = m.wire("seq_last_u", eq(u, resize(job.tm_last, u->width, false)));
  auto spacing_ok = m.wire(
      "seq_spacing_ok", band(bor(bnot(last_k), bnot(lt_const(m, "seq_since_lt_last", since, static_cast<uint64_t>(need_last)))),
                             bor(bnot(first), bnot(lt_const(m, "seq_since_lt_first", since, static_cast<uint64_t>(need_first))))));
  o.issue = m.wire("seq_issue", band(band(band(go, job.tiles_ready), bnot(bor(done, job.aborting))), spacing_ok));
  o.done = done;
  auto tile_end = m.wire("seq_tile_end", band(o.issue, last_k));
  auto row_end = m.wire("seq_row_end", band(tile_end, last_t));
  auto grp_wrap = m.wire("seq_b_group_wrap", is_const(bgrp, static_cast<uint64_t>(G - 1)));
  auto upd = bor(job.start, o.issue);
  m.update_with_reset(kq, mux(bor(job.start, last_k), k(SW, 0), KT == 1 ? inc(kq) : add(kq, k(SW, static_cast<uint64_t>(KT)))),
                      0, upd);
  if (KT > 1) {
    auto k_reset = bor(job.start, last_k);
    m.update_with_reset(ks, mux(k_reset, k(SW, 0), inc(ks)), 0, upd);
    auto a_wrap = agrp ? m.wire("seq_a_group_wrap", is_const(agrp, static_cast<uint64_t>(GA - 1))) : one_bit(true);
    if (agrp) m.update_with_reset(agrp, mux(bor(k_reset, a_wrap), k(GAW, 0), inc(agrp)), 0, upd);
    m.update_with_reset(aword, mux(k_reset, k(aword->width, 0), inc_if(aword, a_wrap)), 0, upd);
  }
  auto t_upd = bor(job.start, tile_end);
  auto t_reset = bor(job.start, last_t);
  m.update_with_reset(t, mux(t_reset, k(t->width, 0), inc(t)), 0, t_upd);
  m.update_with_reset(n_base, mux(t_reset, k(SW, 0), add(n_base, k(SW, static_cast<uint64_t>(C)))), 0, t_upd);
  m.update_with_reset(bgrp, mux(bor(t_reset, grp_wrap), k(GW, 0), inc(bgrp)), 0, t_upd);
  m.update_with_reset(bword, mux(t_reset, k(bword->width, 0), inc_if(bword, grp_wrap)), 0, t_upd);
  auto u_upd = bor(job.start, row_end);
  m.update_with_reset(u, mux(job.start, k(u->width, 0), inc(u)), 0, u_upd);
  m.update_with_reset(m_base, mux(job.start, k(SW, 0), add(m_base, k(SW, static_cast<uint64_t>(R)))), 0, u_upd);
  m.update_with_reset(done, mux(job.start, one_bit(false), bor(done, band(row_end, last_u))), 0);
  auto issue_last = band(o.issue, last_k);
  m.update_with_reset(since,
                      mux(bor(job.start, bnot(lt_const(m, "seq_since_lt_sat", since, static_cast<uint64_t>(sat)))),
                          mux(issue_last, k(SB, 1), k(SB, static_cast<uint64_t>(sat))),
                          mux(issue_last, k(SB, 1), inc(since))),
                      static_cast<uint64_t>(sat));

  // Buffer reads: A {u, k / P_A} in every bank, lane k % P_A (tile_k > 1: the counted word and
  // group); B {k / tile_k, word} in every bank, group of n_base.
  if (KT == 1) {
    const int lga = log2_of(g.a.lanes_per_beat);
    auto k_word = lga == 0 ? kq : (lga >= SW ? k(1, 0) : bits(kq, lga, SW - lga));
    o.a_raddr = m.wire("seq_a_raddr", join({low(u, g.a.group_bits), low(k_word, g.a.slot_bits)}));
    o.b_raddr = m.wire("seq_b_raddr", join({low(kq, g.b.group_bits), low(bword, g.b.slot_bits)}));
    if (g.a.slice_groups() > 1) {
      o.a_group_q = m.reg("seq_a_group_q", lga);
      m.update(o.a_group_q, bits(kq, 0, lga));
    }
  } else {
    o.a_raddr = m.wire("seq_a_raddr", join({low(u, g.a.group_bits), low(aword, g.a.slot_bits)}));
    o.b_raddr = m.wire("seq_b_raddr", join({low(ks, g.b.group_bits), low(bword, g.b.slot_bits)}));
    if (agrp) {
      o.a_group_q = m.reg("seq_a_group_s1_q", GAW);
      m.update(o.a_group_q, agrp);
    }
  }
  if (G > 1) {
    o.b_group_q = m.reg("seq_b_group_s1_q", GW);
    m.update(o.b_group_q, bgrp);
  }

  // ---- S1: control and masks alongside the memories' read register ----
  auto v1 = m.reg("seq_valid_s1_q", 1), f1 = m.reg("seq_first_s1_q", 1), l1 = m.reg("seq_last_s1_q", 1);
  m.update_with_reset(v1, o.issue, 0);
  m.update_with_reset(f1, band(o.issue, first), 0);
  m.update_with_reset(l1, band(o.issue, last_k), 0);
  auto rows_ok = m.reg("seq_rows_ok_s1_q", R), cols_ok = m.reg("seq_cols_ok_s1_q", C);
  m.update(rows_ok, thermometer(m, "seq_rows_left_gt", m.wire("seq_rows_left", sub(job.m, m_base)), R));
  m.update(cols_ok, thermometer(m, "seq_cols_left_gt", m.wire("seq_cols_left", sub(job.n, n_base)), C));
  // k >= K: the padding lanes of the last k step (the host's row padding in A, rows of an
  // earlier job in B) must multiply as 0. --inject-bug seq_pad leaves them unmasked.
  ExprP a_keep = rows_ok, b_keep = cols_ok;
  if (KT > 1) {
    ExprP k_ok;
    if (c.inject_bug == "seq_pad") {
      k_ok = m.wire("seq_k_ok_bug", k(KT, (uint64_t{1} << KT) - 1));
    } else {
      k_ok = m.reg("seq_k_ok_s1_q", KT);
      m.update(k_ok, thermometer(m, "seq_k_left_gt", m.wire("seq_k_left", sub(inc(job.k_last), kq)), KT));
    }
    std::vector<ExprP> a_msb_first, b_msb_first;  // A lane i*KT + k; B lane k*C + j
    for (int i = R - 1; i >= 0; --i)
      for (int kk = KT - 1; kk >= 0; --kk) a_msb_first.push_back(band(bits(rows_ok, i, 1), bits(k_ok, kk, 1)));
    for (int kk = KT - 1; kk >= 0; --kk)
      for (int j = C - 1; j >= 0; --j) b_msb_first.push_back(band(bits(k_ok, kk, 1), bits(cols_ok, j, 1)));
    a_keep = m.wire("seq_a_keep", join(a_msb_first));
    b_keep = m.wire("seq_b_keep", join(b_msb_first));
  }

  // ---- S2: slice registers, the engine's inputs ----
  o.a_lanes = m.wire("seq_a_lanes", R * KT * WA);
  o.b_lanes = m.wire("seq_b_lanes", KT * C * WB);
  o.a_i = m.reg("feed_a_q", R * KT * WA);
  if (!d.b.engine_latches) o.b_i = m.reg("feed_b_q", KT * C * WB);
  m.update(o.a_i, masked(m, "seq_a_masked", o.a_lanes, a_keep, R * KT, WA));
  if (d.b.engine_latches) {
    // The engine registers B itself: the S1 slice with w_load_i, one cycle before its step.
    o.b_i = masked(m, "seq_b_masked", o.b_lanes, b_keep, KT * C, WB);
    o.w_load_i = v1;
  } else {
    m.update(o.b_i, masked(m, "seq_b_masked", o.b_lanes, b_keep, KT * C, WB));
  }
  o.valid_i = m.reg("feed_valid_q", 1);
  o.first_i = m.reg("feed_first_q", 1);
  o.last_i = m.reg("feed_last_q", 1);
  m.update_with_reset(o.valid_i, v1, 0);
  m.update_with_reset(o.first_i, f1, 0);
  m.update_with_reset(o.last_i, l1, 0);
  return o;
}

}  // namespace tpegen::wrap

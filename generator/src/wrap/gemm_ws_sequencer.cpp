// The sequencer of `--wrap axi-gemm` for systolic-ws (Order::MInner, Weights::Banked;
// AXI_DESIGN.md §3, §5, §13). Passes go strip by strip (R rows of A), K round by K round
// (k0 = 0, R, 2R, ...), column tile by column tile (n0 = 0, C, ...). From the cycle a pass
// starts it issues its rows one per cycle (a_i = A[m][k0..k0+R-1]) and writes its R weight
// rows B[k0+k][n0..n0+C-1] into bank p % 2, one per cycle; row k lands before the pass's first
// row reaches PE row k. Passes start PERIOD cycles apart, PERIOD = max(R, ceil((R + rewrite) / 2)):
// the one weight write port, and the bank rule (a bank's row k may be rewritten from rewrite + k
// cycles after the last row that read it, two passes back; timing's weight_bank_rewrite_cycles),
// so rows < cols - 1 is where the RTL itself limits throughput. Each row adds the partial sum
// of its previous K round, read from the C memory (the on-chip partial-sum buffer; the
// collector writes every round's result there) at S1 and given to c_i with the row at S2
// (zero in round 0). It must be written before that read: the first pass of a K round starts
// REVISIT = latency_last + 2 or more cycles after the first pass of the round before, and the
// passes inside a round keep their period, so every row's partial sum is as old as that
// (`--inject-bug seq_spacing` drops this padding: rows read stale partial sums). Weight rows
// k >= K and columns >= N are written as zeros (`--inject-bug seq_pad`: k >= K unmasked, so
// the host's padding in A multiplies stale weights); A needs no mask.
// Frames: a step chosen in S0 reaches the engine at S0 + 2 (A's memory, then the slice
// register), a weight row at S0 + 1 (the engine latches w_i: it comes from B's read register).
#include <algorithm>

#include "arch/common.hpp"
#include "wrap/gemm_ir.hpp"
#include "wrap/gemm_parts.hpp"

namespace tpegen::wrap {

using namespace ir;
using namespace gemm_ir;

int ws_pass_period(const golden::ScheduleDescriptor& d) {
  return std::max(d.weight_rows, (d.weight_rows + d.bank_rewrite + 1) / 2);
}

int ws_revisit_cycles(const golden::ScheduleDescriptor& d) { return d.latency_last + 2; }

SequencerOut add_ws_sequencer(Module& m, const GemmGeometry& g, const golden::ScheduleDescriptor& d,
                              const DesignConfig& c, const GemmJob& job, const ExprP& go) {
  const int SW = job.size_bits, R = d.weight_rows, C = d.tile_n, WA = g.a.lane_bits, WB = g.b.lane_bits;
  const int ACC = c.acc_width, PERIOD = ws_pass_period(d);
  const int REVISIT = c.inject_bug == "seq_spacing" ? 1 : ws_revisit_cycles(d);
  SequencerOut o;
  // ---- S0: the pass (strip m_base, round kq, tile t) and the cycle in it (ph) ----
  const int PW = arch::index_width(PERIOD + 1), RW = arch::index_width(REVISIT + 1);
  auto ph = m.reg("ws_phase_q", PW), since_round = m.reg("ws_round_age_q", RW);
  auto kq = m.reg("ws_k_q", SW), m_base = m.reg("ws_m_base_q", SW), n_base = m.reg("ws_n_base_q", SW);
  auto t = m.reg("ws_t_q", std::max(1, g.c_tile_bits)), bank = m.reg("ws_bank_q", 1), done = m.reg("ws_done_q", 1);
  const int G = g.b.slice_groups(), GW = arch::index_width(G);
  auto bgrp = m.reg("ws_b_group_q", GW), bword = m.reg("ws_b_word_q", std::max(1, g.b.slot_bits));
  const int GA = g.a.slice_groups(), GAW = arch::index_width(GA);
  auto aword = m.reg("ws_a_word_q", std::max(1, g.a.slot_bits));
  ExprP agrp = GA > 1 ? m.reg("ws_a_group_q", GAW) : nullptr;

  auto run = m.wire("ws_run", band(band(go, job.tiles_ready), bnot(bor(done, job.aborting))));
  auto in_rows = m.wire("ws_phase_lt_rows", lt_const(m, "ws_phase_lt_r", ph, static_cast<uint64_t>(R)));
  auto ph_wide = resize(ph, SW + 1, false);
  auto row_m = m.wire("ws_row_m", add(resize(m_base, SW + 1, false), ph_wide));
  auto row_k = m.wire("ws_row_k", add(resize(kq, SW + 1, false), ph_wide));
  auto row_in_m = m.wire("ws_row_in_m", bnot(lt(m, "ws_row_past_m", resize(job.m_last, SW + 1, false), row_m)));
  auto row_in_k = m.wire("ws_row_in_k", bnot(lt(m, "ws_row_past_k", resize(job.k_last, SW + 1, false), row_k)));
  m.wire("unused_ws_job_m", job.m);  // rows are bounded by m_last
  o.issue = m.wire("ws_issue", band(band(run, in_rows), row_in_m));
  auto w_go = m.wire("ws_w_go", band(run, in_rows));
  o.done = done;

  auto last_t = m.wire("ws_last_t", eq(t, resize(job.tn_last, t->width, false)));
  auto last_k = m.wire("ws_last_k", lt_const(m, "ws_k_rest_lt_r", sub(job.k_last, kq), static_cast<uint64_t>(R)));
  auto last_strip = m.wire("ws_last_strip", lt_const(m, "ws_m_rest_lt_r", sub(job.m_last, m_base), static_cast<uint64_t>(R)));
  // The next pass starts a K round that reads partial sums: REVISIT after this round began.
  auto revisits = m.wire("ws_next_revisits", band(last_t, bnot(last_k)));
  auto round_old = m.wire("ws_round_old", bnot(lt_const(m, "ws_round_young", since_round, static_cast<uint64_t>(REVISIT - 1))));
  auto pass_end = m.wire("ws_pass_end", band(band(run, bnot(lt_const(m, "ws_phase_lt_end", ph, static_cast<uint64_t>(PERIOD - 1)))),
                                             bor(bnot(revisits), round_old)));
  auto round_end = m.wire("ws_round_end", band(pass_end, last_t));
  auto strip_end = m.wire("ws_strip_end", band(round_end, last_k));
  m.update_with_reset(ph, mux(bor(job.start, pass_end), k(PW, 0),
                              mux(lt_const(m, "ws_phase_lt_sat", ph, static_cast<uint64_t>(PERIOD)), inc(ph), ph)),
                      0, bor(job.start, run));
  m.update_with_reset(since_round, mux(bor(job.start, round_end), k(RW, 0),
                                       mux(round_old, since_round, inc(since_round))),
                      0, bor(job.start, run));
  auto t_upd = bor(job.start, pass_end);
  m.update_with_reset(bank, mux(job.start, one_bit(false), bnot(bank)), 0, t_upd);
  auto t_reset = bor(job.start, last_t);
  auto grp_wrap = m.wire("ws_b_group_wrap", is_const(bgrp, static_cast<uint64_t>(G - 1)));
  m.update_with_reset(t, mux(t_reset, k(t->width, 0), inc(t)), 0, t_upd);
  m.update_with_reset(n_base, mux(t_reset, k(SW, 0), add(n_base, k(SW, static_cast<uint64_t>(C)))), 0, t_upd);
  m.update_with_reset(bgrp, mux(bor(t_reset, grp_wrap), k(GW, 0), inc(bgrp)), 0, t_upd);
  m.update_with_reset(bword, mux(t_reset, k(bword->width, 0), inc_if(bword, grp_wrap)), 0, t_upd);
  // K rounds: kq and A's word and lane group of column kq.
  auto k_upd = bor(job.start, round_end);
  auto k_reset = bor(job.start, last_k);
  m.update_with_reset(kq, mux(k_reset, k(SW, 0), add(kq, k(SW, static_cast<uint64_t>(R)))), 0, k_upd);
  auto a_wrap = agrp ? m.wire("ws_a_group_wrap", is_const(agrp, static_cast<uint64_t>(GA - 1))) : one_bit(true);
  if (agrp) m.update_with_reset(agrp, mux(bor(k_reset, a_wrap), k(GAW, 0), inc(agrp)), 0, k_upd);
  m.update_with_reset(aword, mux(k_reset, k(aword->width, 0), inc_if(aword, a_wrap)), 0, k_upd);
  m.update_with_reset(m_base, mux(job.start, k(SW, 0), add(m_base, k(SW, static_cast<uint64_t>(R)))), 0,
                      bor(job.start, strip_end));
  m.update_with_reset(done, mux(job.start, one_bit(false), bor(done, band(strip_end, last_strip))), 0);

  // Buffer reads: A row m_base + ph at word/group of kq; B row kq + ph at word/group of n_base.
  o.a_raddr = m.wire("ws_a_raddr", join({low(row_m, g.a.group_bits), low(aword, g.a.slot_bits)}));
  o.b_raddr = m.wire("ws_b_raddr", join({low(row_k, g.b.group_bits), low(bword, g.b.slot_bits)}));
  if (agrp) {
    o.a_group_q = m.reg("ws_a_group_s1_q", GAW);
    m.update(o.a_group_q, agrp);
  }
  if (G > 1) {
    o.b_group_q = m.reg("ws_b_group_s1_q", GW);
    m.update(o.b_group_q, bgrp);
  }

  // ---- S1: B's read register is the weight row; the partial sum's read ----
  const int WRW = arch::index_width(R);
  auto v1 = m.reg("ws_valid_s1_q", 1), bank1 = m.reg("ws_bank_s1_q", 1), psum1 = m.reg("ws_psum_s1_q", 1);
  m.update_with_reset(v1, o.issue, 0);
  m.update(bank1, bank);
  m.update_with_reset(psum1, band(o.issue, nonzero(kq)), 0);
  o.c_raddr = m.reg("ws_psum_raddr_q", g.c_addr_bits());
  m.update(o.c_raddr, join({low(row_m, g.c_group_bits), low(t, g.c_tile_bits)}));
  o.w_we_i = m.reg("ws_w_we_s1_q", 1);
  o.w_row_i = m.reg("ws_w_row_s1_q", WRW);
  o.w_bank_i = m.reg("ws_w_bank_s1_q", 1);
  m.update_with_reset(o.w_we_i, w_go, 0);
  m.update(o.w_row_i, low(ph, WRW));
  m.update(o.w_bank_i, bank);
  auto cols_ok = m.reg("ws_cols_ok_s1_q", C);
  m.update(cols_ok, thermometer(m, "ws_cols_left_gt", m.wire("ws_cols_left", sub(job.n, n_base)), C));
  ExprP k_ok;
  if (c.inject_bug == "seq_pad") {
    k_ok = m.wire("ws_k_ok_bug", one_bit(true));
  } else {
    k_ok = m.reg("ws_k_ok_s1_q", 1);
    m.update(k_ok, row_in_k);
  }
  o.a_lanes = m.wire("ws_a_lanes", R * WA);
  o.b_lanes = m.wire("ws_b_lanes", C * WB);
  o.b_i = masked(m, "ws_w_masked", o.b_lanes, m.wire("ws_w_keep", band(cols_ok, replicate(C, k_ok))), C, WB);

  // ---- S2: the row with its bank and partial sum ----
  o.a_i = m.reg("feed_a_q", R * WA);
  m.update(o.a_i, o.a_lanes);
  o.valid_i = m.reg("feed_valid_q", 1);
  o.bank_i = m.reg("feed_bank_q", 1);
  auto psum2 = m.reg("feed_psum_q", 1);
  m.update_with_reset(o.valid_i, v1, 0);
  m.update(o.bank_i, bank1);
  m.update_with_reset(psum2, psum1, 0);
  o.c_rdata = m.wire("ws_psum_rdata", C * ACC);
  o.c_i = m.wire("ws_c_i", band(o.c_rdata, replicate(C * ACC, psum2)));
  return o;
}

}  // namespace tpegen::wrap

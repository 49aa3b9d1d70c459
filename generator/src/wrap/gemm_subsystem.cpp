// The top of `--wrap axi-gemm`: ports, the job control (registers over the shared AXI4-Lite
// slave, START checks against the buffer limits, the tile counts, phases, ABORT, IRQ,
// counters) and the wiring of loader, buffers, sequencer, engine, collector and unloader.
// A job runs in three phases: LOAD (the input packet into the buffers), COMPUTE (every step,
// results into the C memories), UNLOAD (the output packet); overlapping them needs the
// double-buffered strips of the design's later stages.
#include "wrap/gemm_subsystem.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "arch/common.hpp"
#include "arch/registry.hpp"
#include "wrap/axi_lite.hpp"
#include "wrap/gemm_ir.hpp"
#include "wrap/gemm_parts.hpp"

namespace tpegen::wrap {

using namespace ir;
using namespace gemm_ir;

namespace {

constexpr int kErrorBits = 4;  // SIZE, FRAMING, BUSY, ABORTED
constexpr uint32_t kId = 0x54504501;  // "TPE", register layout version 1


/// The sum of the bits of x, `width` bits wide.
ExprP popcount(const ExprP& x, int width) {
  ExprP sum = constant(width, 0);
  for (int i = 0; i < x->width; ++i) sum = add(sum, resize(bits(x, i, 1), width, false));
  return sum;
}

/// ceil(size / tile) - 1 by repeated subtraction from START (at most limit / tile cycles):
/// returns {tiles - 1, ready}.
std::pair<ExprP, ExprP> tile_count(Module& m, const std::string& name, const ExprP& size_in, const ExprP& start,
                                   int tile, int SW) {
  auto rem = m.reg(name + "_rem_q", SW), cnt = m.reg(name + "_tiles_last_q", SW);
  auto more = m.wire(name + "_more", bnot(lt_const(m, name + "_rem_le_tile", rem, static_cast<uint64_t>(tile) + 1)));
  m.update_with_reset(rem, mux(start, size_in, sub(rem, k(SW, static_cast<uint64_t>(tile)))), 0, bor(start, more));
  m.update_with_reset(cnt, mux(start, k(SW, 0), inc(cnt)), 0, bor(start, more));
  return {cnt, m.wire(name + "_tiles_ready", bnot(more))};
}

}  // namespace

const std::vector<AxiReg>& axi_gemm_registers() {
  static const std::vector<AxiReg> regs = {
      {"CTRL", 0x00, "W", "bit 0 START: begin a job with M, K, N (while BUSY: ignored, ERROR bit 2); bit 1 CLEAR: "
                          "clear DONE and ERROR (before START's checks when both are set); bit 2 ABORT: end the "
                          "running job (ERROR bit 3, then DONE)"},
      {"STATUS", 0x04, "R", "bit 0 BUSY (from START until C's last beat was taken, or ABORT finished), bit 1 DONE, "
                            "bit 2 ERROR (ERROR non-zero), bit 3 ABORTING (an ABORT drains the engine)"},
      {"ERROR", 0x08, "R", "sticky until START or CLEAR: bit 0 SIZE (M, K or N not in 1..M_LIMIT, K_LIMIT, "
                           "N_LIMIT: the job did not start), bit 1 FRAMING (tlast before A's last beat: the job ends; "
                           "or missing on it: the job completes), bit 2 BUSY (START while BUSY), bit 3 ABORTED"},
      {"M", 0x0C, "RW", "rows of A and C (1..M_LIMIT); a write while BUSY answers SLVERR and changes nothing"},
      {"K", 0x10, "RW", "columns of A, rows of B (1..K_LIMIT); a write while BUSY answers SLVERR"},
      {"N", 0x14, "RW", "columns of B and C (1..N_LIMIT); a write while BUSY answers SLVERR"},
      {"STEPS", 0x18, "R", "engine steps (valid_i) since START: the schedule's step count"},
      {"RESULTS", 0x1C, "R", "result events the engine gave since START (systolic-os: one per column value, tiles "
                             "x rows x cols; systolic-ws: one per row, K round and column tile; the dot-product "
                             "grids: one per tile); none may come after DONE, not even "
                             "after an ABORT"},
      {"IN_BEATS", 0x20, "R", "input beats taken since START"},
      {"OUT_BEATS", 0x24, "R", "output beats sent since START"},
      {"BUS_WIDTH", 0x28, "R", "tdata bits of both streams"},
      {"MAX_K", 0x2C, "R", "the largest K whose sums the accumulators hold exactly"},
      {"IRQ_ENABLE", 0x30, "RW", "bit 0: interrupt on DONE, bit 1: interrupt on a new ERROR bit"},
      {"IRQ_STATUS", 0x34, "RW1C", "bit 0 DONE event, bit 1 ERROR event; write 1 to clear; irq_o = any bit set "
                                   "and enabled"},
      {"FLAGS", 0x38, "R", "bit 0 ACC_WRAP: results modulo 2^acc_width (K_LIMIT not bounded by MAX_K)"},
      {"K_LIMIT", 0x3C, "R", "the largest K a job may have (buffers, and MAX_K unless ACC_WRAP)"},
      {"PANEL_N", 0x40, "R", "columns of C per pass of the last job (this stage: N, one pass)"},
      {"CYCLES", 0x44, "R", "cycles BUSY since START"},
      {"ID", 0x50, "R", "0x54504501: \"TPE\", register layout version 1"},
      {"M_LIMIT", 0x54, "R", "the largest M a job may have (whole-matrix buffers of this stage)"},
      {"N_LIMIT", 0x58, "R", "the largest N a job may have (whole-matrix buffers of this stage)"},
  };
  return regs;
}

void add_axi_gemm(Design& d, const Timing& timing, const DesignConfig& c) {
  const Module& eng = *d.find_module(d.top);
  const golden::ScheduleDescriptor sd = design_schedule(c);
  // KInner with B per step or a step ahead, or MInner with banked weights (systolic-ws).
  const bool ws = sd.order == golden::Order::MInner;
  if (sd.protocol != golden::Protocol::FixedLatency || ws != (sd.weights == golden::Weights::Banked))
    throw std::logic_error("--wrap axi-gemm: the sequencers run fixed-latency KInner and systolic-ws schedules only (" +
                           c.arch + ")");
  const GemmGeometry g = gemm_geometry(c, sd);
  const std::string engine_name = eng.name();
  const std::vector<Port> eng_ports = eng.ports();
  const int SW = arch::index_width(static_cast<int>(std::max({g.m_limit, g.k_limit, g.n_limit})) + 1);
  Module& m = d.add_module(engine_name + "_axi_gemm");
  m.comments = {
      fmt::format("Top: {} behind a subsystem that owns its schedule: M, K, N over AXI4-Lite, B then A in,", engine_name),
      fmt::format("C out on AXI4-Stream ({} bits), whole matrices up to M {}, K {}, N {} in on-chip memories.",
                  c.axis_width, g.m_limit, g.k_limit, g.n_limit)};
  m.input("clk_i", 1);
  m.input("rst_ni", 1);
  auto irq_o = m.output("irq_o", 1, "interrupt: IRQ_STATUS & IRQ_ENABLE non-zero (level, high)");

  // ---- registers ----
  auto size_m = m.reg("m_q", 32), size_k = m.reg("k_q", 32), size_n = m.reg("n_q", 32);
  auto busy = m.reg("busy_q", 1), done = m.reg("done_q", 1), err = m.reg("err_q", kErrorBits);
  auto aborting = m.reg("aborting_q", 1);
  const LiteIrq irq = irq_registers(m);
  auto steps = m.reg("steps_q", 32), results = m.reg("results_q", 32), in_beats = m.reg("in_beats_q", 32);
  auto out_beats = m.reg("out_beats_q", 32), cycles = m.reg("cycles_q", 32);
  auto jm = m.reg("job_m_q", SW), jn = m.reg("job_n_q", SW);
  auto jm_last = m.reg("job_m_last_q", SW), jk_last = m.reg("job_k_last_q", SW), jn_last = m.reg("job_n_last_q", SW);
  auto k32 = [](long long v) { return constant(32, static_cast<uint64_t>(v)); };
  const std::vector<LiteRegister> regs = {
      {"CTRL", 0x00, true, nullptr},
      {"STATUS", 0x04, false, concat({constant(28, 0), aborting, nonzero(err), done, busy})},
      {"ERROR", 0x08, false, resize(err, 32, false)},
      {"M", 0x0C, true, size_m, bnot(busy)},
      {"K", 0x10, true, size_k, bnot(busy)},
      {"N", 0x14, true, size_n, bnot(busy)},
      {"STEPS", 0x18, false, steps},
      {"RESULTS", 0x1C, false, results},
      {"IN_BEATS", 0x20, false, in_beats},
      {"OUT_BEATS", 0x24, false, out_beats},
      {"BUS_WIDTH", 0x28, false, k32(c.axis_width)},
      {"MAX_K", 0x2C, false, k32(g.max_k)},
      {"IRQ_ENABLE", kIrqEnableOffset, true, resize(irq.enable, 32, false)},
      {"IRQ_STATUS", kIrqStatusOffset, true, resize(irq.status, 32, false)},
      {"FLAGS", 0x38, false, k32(c.acc_wrap ? 1 : 0)},
      {"K_LIMIT", 0x3C, false, k32(g.k_limit)},
      {"PANEL_N", 0x40, false, resize(jn, 32, false)},
      {"CYCLES", 0x44, false, cycles},
      {"ID", 0x50, false, k32(kId)},
      {"M_LIMIT", 0x54, false, k32(g.m_limit)},
      {"N_LIMIT", 0x58, false, k32(g.n_limit)},
  };
  const LiteSlave lite = add_axi_lite_slave(m, regs);

  // ---- START: checks, then the job's sizes ----
  m.update_with_reset(size_m, lite.merged(size_m), 0, lite.write_at(0x0C));
  m.update_with_reset(size_k, lite.merged(size_k), 0, lite.write_at(0x10));
  m.update_with_reset(size_n, lite.merged(size_n), 0, lite.write_at(0x14));
  auto ctrl = m.wire("ctrl_wr", lite.write_at(0x00));
  auto start_req = m.wire("start_req", band(ctrl, bits(lite.wdata, 0, 1)));
  auto clear_req = m.wire("clear_req", band(ctrl, bits(lite.wdata, 1, 1)));
  auto abort = m.wire("abort", band(band(ctrl, bits(lite.wdata, 2, 1)), band(busy, bnot(aborting))));
  auto in_range = [&](const std::string& name, const ExprP& x, long long limit) {
    return band(nonzero(x), lt_const(m, name, x, static_cast<uint64_t>(limit) + 1));
  };
  auto sizes_ok = m.wire("sizes_ok", band(band(in_range("m_ok", size_m, g.m_limit), in_range("k_ok", size_k, g.k_limit)),
                                          in_range("n_ok", size_n, g.n_limit)));
  auto start = m.wire("start", band(band(start_req, bnot(busy)), sizes_ok));
  auto low_sw = [&](const ExprP& x) { return bits(x, 0, SW); };
  m.update(jm, low_sw(size_m), start);
  m.update(jn, low_sw(size_n), start);
  m.update(jm_last, sub(low_sw(size_m), k(SW, 1)), start);
  m.update(jk_last, sub(low_sw(size_k), k(SW, 1)), start);
  m.update(jn_last, sub(low_sw(size_n), k(SW, 1)), start);
  m.wire("unused_size_high", concat({bits(size_m, SW, 32 - SW), bits(size_k, SW, 32 - SW), bits(size_n, SW, 32 - SW)}));
  GemmJob job;
  job.start = start;
  job.m = jm;
  job.n = jn;
  job.m_last = jm_last;
  job.k_last = jk_last;
  job.n_last = jn_last;
  job.aborting = aborting;
  job.size_bits = SW;
  auto [tm_last, tm_ready] = tile_count(m, "tm", low_sw(size_m), start, sd.tile_m, SW);
  auto [tn_last, tn_ready] = tile_count(m, "tn", low_sw(size_n), start, sd.tile_n, SW);
  job.tm_last = tm_last;
  job.tn_last = tn_last;
  job.tiles_ready = m.wire("tiles_ready", band(tm_ready, tn_ready));

  // ---- phases ----
  auto loading = m.reg("loading_q", 1), computing = m.reg("computing_q", 1), unloading = m.reg("unloading_q", 1);
  const LoaderOut ld = add_stream_loader(m, g, job, loading);
  SequencerOut seq = ws ? add_ws_sequencer(m, g, sd, c, job, computing) : add_sequencer(m, g, sd, c, job, computing);
  auto a_banks = add_operand_buffer(m, "abuf", g.a, ld.a, seq.a_raddr, seq.a_group_q);
  auto b_banks = add_operand_buffer(m, "bbuf", g.b, ld.b, seq.b_raddr, seq.b_group_q);
  m.assign(seq.a_lanes, join(std::vector<ExprP>(a_banks.rbegin(), a_banks.rend())));
  m.assign(seq.b_lanes, join(std::vector<ExprP>(b_banks.rbegin(), b_banks.rend())));

  // ---- the engine ----
  auto c_o = m.wire("eng_c_o", eng.width_of("c_o"));
  auto c_valid_o = m.wire("eng_c_valid_o", eng.width_of("c_valid_o"));
  Instance inst{engine_name, "u_engine", {}, {}, {"core"}};
  for (auto& p : eng_ports) {
    ExprP e;
    if (p.name == "clk_i" || p.name == "rst_ni") e = ref(p.name, 1);
    else if (p.name == "a_i") e = seq.a_i;
    else if (p.name == "b_i") e = seq.b_i;
    else if (p.name == "valid_i") e = seq.valid_i;
    else if (p.name == "first_i") e = seq.first_i;
    else if (p.name == "last_i") e = seq.last_i;
    else if (p.name == "w_load_i" && seq.w_load_i) e = seq.w_load_i;
    else if (ws && p.name == "w_i") e = seq.b_i;
    else if (ws && p.name == "bank_i") e = seq.bank_i;
    else if (ws && p.name == "c_i") e = seq.c_i;
    else if (ws && p.name == "w_we_i") e = seq.w_we_i;
    else if (ws && p.name == "w_row_i") e = resize(seq.w_row_i, p.width, false);
    else if (ws && p.name == "w_bank_i") e = seq.w_bank_i;
    else if (p.name == "c_o") e = c_o;
    else if (p.name == "c_valid_o") e = c_valid_o;
    else throw std::logic_error("--wrap axi-gemm: engine port " + p.name + " has no connection");
    inst.conns.emplace_back(p.name, e);
  }
  m.instance(std::move(inst));

  // ---- collector and unloader ----
  auto c_re = m.wire("c_re", 1), c_raddr = m.wire("c_raddr", g.c_addr_bits());
  const CollectorOut col = ws ? add_ws_collector(m, g, sd, c, job, c_o, c_valid_o, c_re, c_raddr)
                           : sd.results == golden::Results::Columns
                               ? add_column_collector(m, g, sd, c, job, c_o, c_valid_o, c_re, c_raddr)
                               : add_block_collector(m, g, sd, c, job, c_o, c_valid_o, c_re, c_raddr);
  auto m_tdata = m.output("m_axis_tdata", c.axis_width, "output beat: C's rows, each padded to whole beats");
  auto m_tvalid = m.output("m_axis_tvalid", 1, "output beat valid", true);
  auto m_tready = m.input("m_axis_tready", 1, "output beat taken");
  auto m_tlast = m.output("m_axis_tlast", 1, "the last beat of C");
  const UnloaderOut ul = add_unloader(m, g, sd, c, job, {unloading, col.rdata, m_tready});
  if (ws) {  // the C memory's read port: partial sums while computing, then the unloader
    m.assign(seq.c_rdata, join(std::vector<ExprP>(col.rdata.rbegin(), col.rdata.rend())));
    m.assign(c_re, bor(computing, ul.re));
    m.assign(c_raddr, mux(computing, seq.c_raddr, ul.raddr));
  } else {
    m.assign(c_re, ul.re);
    m.assign(c_raddr, ul.raddr);
  }
  m.assign(m_tdata, ul.tdata);
  m.assign(m_tvalid, ul.tvalid);
  m.assign(m_tlast, ul.tlast);

  // ---- end of a job: C's last beat taken, an early tlast, or a drained ABORT ----
  const int DW = arch::index_width(timing.latency_last_result_cycles + 8);
  auto drain = m.reg("abort_drain_q", DW);
  m.update_with_reset(drain, mux(abort, k(DW, static_cast<uint64_t>(timing.latency_last_result_cycles + 6)),
                                 mux(nonzero(drain), sub(drain, k(DW, 1)), drain)),
                      0);
  auto finish = m.wire("finish", band(busy, bor(bor(band(ul.finished, bnot(aborting)), ld.early_last),
                                                band(band(aborting, bnot(nonzero(drain))), ul.idle))));
  auto to_compute = m.wire("to_compute", band(loading, ld.done));
  auto to_unload = m.wire("to_unload", band(band(computing, seq.done), col.done));
  m.update_with_reset(loading, mux(start, one_bit(true), mux(bor(bor(to_compute, finish), abort), one_bit(false), loading)), 0);
  m.update_with_reset(computing, mux(to_compute, one_bit(true), mux(bor(to_unload, bor(finish, abort)), one_bit(false), computing)), 0);
  m.update_with_reset(unloading, mux(to_unload, one_bit(true), mux(finish, one_bit(false), unloading)), 0);
  m.update_with_reset(busy, mux(start, one_bit(true), mux(finish, one_bit(false), busy)), 0);
  m.update_with_reset(aborting, mux(abort, one_bit(true), mux(bor(start, finish), one_bit(false), aborting)), 0);
  // A refused START ends at once: DONE with ERROR.SIZE.
  auto refused = m.wire("refused", band(band(start_req, bnot(busy)), bnot(sizes_ok)));
  auto ended = m.wire("ended", bor(finish, refused));
  m.update_with_reset(done, bor(mux(bor(start, clear_req), one_bit(false), done), ended), 0);
  auto framing = m.wire("framing_err", bor(ld.early_last, ld.missing_last));
  auto err_now = m.wire("err_now", concat({abort, band(start_req, busy), band(busy, framing),
                                           refused}));
  m.update_with_reset(err, bor(mux(bor(start, clear_req), k(kErrorBits, 0), err), err_now), 0);

  // ---- counters ----
  auto counter = [&](const ExprP& r, const ExprP& amount) {
    m.update_with_reset(r, mux(start, k(32, 0), add(r, resize(amount, 32, false))), 0);
  };
  counter(steps, seq.issue);
  // Counted after DONE too: a result that comes later (an ABORT that ended before the engine
  // drained) shows.
  counter(results, m.wire("results_now", popcount(c_valid_o, arch::index_width(sd.tile_n + 1))));
  counter(in_beats, ld.take);
  counter(out_beats, ul.sent);
  counter(cycles, busy);

  // ---- interrupt: DONE and ERROR events, write 1 to clear ----
  drive_irq(m, lite, irq, concat({nonzero(err_now), ended}), irq_o);

  gemm_ir::declare_sdp_ram(d);
  d.top = m.name();
}

}  // namespace tpegen::wrap

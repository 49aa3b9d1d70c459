#include "wrap/axi_wrapper.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "arch/common.hpp"
#include "wrap/axi_lite.hpp"
#include "wrap/gemm_ir.hpp"

namespace tpegen::wrap {

using namespace ir;

using gemm_ir::inc_if;
using gemm_ir::is_zero;
using gemm_ir::lt_const;
using gemm_ir::nonzero;
using gemm_ir::one_bit;

namespace {

constexpr int kErrorBits = 4;  // SIZE, FRAMING, BUSY, ABORTED

int ceil_div(int a, int b) { return (a + b - 1) / b; }

/// The result fields of a record packed LSB first (fields[0] at bit 0), zero-padded to `width`.
ExprP pack(const std::vector<ExprP>& lsb_first, int width) {
  std::vector<ExprP> msb_first(lsb_first.rbegin(), lsb_first.rend());
  int used = 0;
  for (auto& e : lsb_first) used += e->width;
  if (used < width) msb_first.insert(msb_first.begin(), constant(width - used, 0));
  return msb_first.size() == 1 ? msb_first[0] : concat(msb_first);
}

}  // namespace

AxiLimits axi_limits(const DesignConfig& c) {
  // The K register has 32 bits: no bound beyond that.
  return {exact_k_bound(c.a_width, c.b_width, c.is_signed, c.acc_width, 0xFFFFFFFFLL)};
}

const std::vector<AxiReg>& axi_registers() {
  static const std::vector<AxiReg> regs = {
      {"CTRL", 0x00, "W", "bit 0 START: begin a job with M, K, N (while BUSY: ignored, ERROR bit 2); bit 1 CLEAR: "
                          "clear DONE and ERROR (before START's checks when both are set); bit 2 ABORT: end the "
                          "running job (ERROR bit 3, then DONE)"},
      {"STATUS", 0x04, "R", "bit 0 BUSY (a job runs: from START until its last result record was sent, or ABORT "
                            "finished), bit 1 DONE (the last job ended), bit 2 ERROR (ERROR register non-zero)"},
      {"ERROR", 0x08, "R", "sticky until START or CLEAR: bit 0 SIZE (START with M, K or N = 0, or K > MAX_K without "
                           "--acc-wrap: the job did not start), bit 1 FRAMING (tlast on a beat that does not end an "
                           "input record), bit 2 BUSY (START while BUSY), bit 3 ABORTED (the job ended by ABORT)"},
      {"M", 0x0C, "RW", "rows of A and C of the job (1 or more)"},
      {"K", 0x10, "RW", "reduction length of the job (1..MAX_K, any with --acc-wrap)"},
      {"N", 0x14, "RW", "columns of B and C of the job (1 or more)"},
      {"STEPS", 0x18, "R", "input records issued to the engine since START"},
      {"RESULTS", 0x1C, "R", "output records sent since START"},
      {"IN_BEATS", 0x20, "R", "beats per input record"},
      {"OUT_BEATS", 0x24, "R", "beats per output record"},
      {"AXIS_WIDTH", 0x28, "R", "tdata bits of both streams"},
      {"MAX_K", 0x2C, "R", "the largest K whose sums the accumulators hold exactly (0 when not even one product "
                           "fits, as a narrow --acc-wrap accumulator)"},
      {"IRQ_ENABLE", 0x30, "RW", "bit 0: interrupt on DONE, bit 1: interrupt on a new ERROR bit"},
      {"IRQ_STATUS", 0x34, "RW1C", "bit 0 DONE event, bit 1 ERROR event; write 1 to clear; irq_o = any bit set "
                                   "and enabled"},
      {"FLAGS", 0x38, "R", "bit 0 ACC_WRAP: the accumulators wrap (results modulo 2^acc_width, any K accepted)"},
  };
  return regs;
}

AxiLayout axi_layout(const Module& engine, const Timing& timing, const DesignConfig& c) {
  AxiLayout l;
  for (auto& p : engine.ports()) {
    if (p.name == engine.clock || p.name == engine.reset_n) continue;
    if (p.name == "a_ready_o") {
      l.handshake = true;
      continue;
    }
    if (p.dir == PortDir::In) {
      l.in.push_back({p.name, l.in_bits, p.width, p.control});
      l.in_bits += p.width;
    } else {
      l.out.push_back({p.name, l.out_bits, p.width, p.control});
      l.out_bits += p.width;
    }
  }
  l.in_beats = ceil_div(l.in_bits, c.axis_width);
  l.out_beats = ceil_div(l.out_bits, c.axis_width);
  if (l.handshake) {
    l.fifo_aw = 2;  // results are counted per issued last step: a few entries keep the engine busy
  } else {
    // The longest time from an issued step to the last result it causes (the OS drain chain).
    const int lat = timing.latency_last_result_cycles;
    l.window = lat + 1;
    while ((1 << l.fifo_aw) < l.window + 2) ++l.fifo_aw;
  }
  return l;
}

void add_axi_wrapper(Design& d, const Timing& timing, const DesignConfig& c) {
  const Module& eng = *d.find_module(d.top);
  const AxiLayout l = axi_layout(eng, timing, c);
  const int W = c.axis_width, IB = l.in_beats * W, OB = l.out_beats * W, AW = l.fifo_aw, DEPTH = 1 << AW;
  const std::string engine_name = eng.name();
  const std::vector<Port> eng_ports = eng.ports();
  Module& m = d.add_module(engine_name + "_axi");
  m.comments = {
      fmt::format("Top: {} behind AXI4-Stream input/output records and an AXI4-Lite register file.", engine_name),
      fmt::format("Input record: {} bits in {} beat(s) of {}; output record: {} bits in {} beat(s); output FIFO "
                  "{} entries.",
                  l.in_bits, l.in_beats, W, l.out_bits, l.out_beats, DEPTH)};
  m.input("clk_i", 1);
  m.input("rst_ni", 1);
  auto irq_o = m.output("irq_o", 1, "interrupt: IRQ_STATUS & IRQ_ENABLE non-zero (level, high)");
  // AXI4-Stream input (engine step records) and output (result records).
  auto s_tdata = m.input("s_axis_tdata", W, "input record beat: record bits [b*W +: W] in beat b");
  auto s_tvalid = m.input("s_axis_tvalid", 1, "input beat valid", true);
  auto s_tready = m.output("s_axis_tready", 1, "input beat taken");
  auto s_tlast = m.input("s_axis_tlast", 1, "last beat of the job's last input record");
  auto m_tdata = m.output("m_axis_tdata", W, "output record beat: record bits [b*W +: W] in beat b");
  auto m_tvalid = m.output("m_axis_tvalid", 1, "output beat valid", true);
  auto m_tready = m.input("m_axis_tready", 1, "output beat taken");
  auto m_tlast = m.output("m_axis_tlast", 1, "last beat of an output record");

  // ---- the register file (values defined below) ----
  auto size_m = m.reg("m_q", 32), size_k = m.reg("k_q", 32), size_n = m.reg("n_q", 32);
  auto busy = m.reg("busy_q", 1), done = m.reg("done_q", 1), err = m.reg("err_q", kErrorBits);
  auto aborting = m.reg("aborting_q", 1);  // ABORT seen: the job empties the engine and the FIFO, then ends
  const LiteIrq irq = irq_registers(m);
  auto steps = m.reg("steps_q", 32), sent_recs = m.reg("results_q", 32);
  const AxiLimits lim = axi_limits(c);
  auto k32 = [](uint64_t v) { return constant(32, v); };
  const std::vector<LiteRegister> regs = {
      {"CTRL", 0x00, true, nullptr},
      {"STATUS", 0x04, false, concat({constant(29, 0), nonzero(err), done, busy})},
      {"ERROR", 0x08, false, resize(err, 32, false)},
      {"M", 0x0C, true, size_m},
      {"K", 0x10, true, size_k},
      {"N", 0x14, true, size_n},
      {"STEPS", 0x18, false, steps},
      {"RESULTS", 0x1C, false, sent_recs},
      {"IN_BEATS", 0x20, false, k32(static_cast<uint64_t>(l.in_beats))},
      {"OUT_BEATS", 0x24, false, k32(static_cast<uint64_t>(l.out_beats))},
      {"AXIS_WIDTH", 0x28, false, k32(static_cast<uint64_t>(W))},
      {"MAX_K", 0x2C, false, k32(static_cast<uint64_t>(lim.max_k))},
      {"IRQ_ENABLE", kIrqEnableOffset, true, resize(irq.enable, 32, false)},
      {"IRQ_STATUS", kIrqStatusOffset, true, resize(irq.status, 32, false)},
      {"FLAGS", 0x38, false, k32(c.acc_wrap ? 1 : 0)},
  };
  const LiteSlave lite = add_axi_lite_slave(m, regs);

  // ---- job control ----
  m.update_with_reset(size_m, lite.merged(size_m), 0, lite.write_at(0x0C));
  m.update_with_reset(size_k, lite.merged(size_k), 0, lite.write_at(0x10));
  m.update_with_reset(size_n, lite.merged(size_n), 0, lite.write_at(0x14));
  auto ctrl = m.wire("ctrl_wr", lite.write_at(0x00));
  auto start_req = m.wire("start_req", band(ctrl, bits(lite.wdata, 0, 1)));
  auto clear_req = m.wire("clear_req", band(ctrl, bits(lite.wdata, 1, 1)));
  auto abort = m.wire("abort", band(band(ctrl, bits(lite.wdata, 2, 1)), busy));
  // With --acc-wrap any K is accepted (results modulo 2^acc); otherwise K up to the exact bound.
  auto k_ok = c.acc_wrap ? one_bit(true) : lt_const(m, "k_in_range", size_k, static_cast<uint64_t>(lim.max_k) + 1);
  auto sizes_bad = m.wire("sizes_bad", bor(bor(is_zero(size_m), is_zero(size_n)), bor(is_zero(size_k), bnot(k_ok))));
  auto start = m.wire("start", band(band(start_req, bnot(busy)), bnot(sizes_bad)));
  m.update_with_reset(aborting, mux(abort, one_bit(true), mux(start, one_bit(false), aborting)), 0);

  // ---- input records: beats shift in from the top, beat 0 ends at the bottom ----
  auto full = m.reg("rec_full_q", 1);  // a whole record waits to be issued
  auto rec_final = m.reg("rec_final_q", 1);
  auto final_seen = m.reg("final_seen_q", 1);  // the job's last record arrived: the input stream closes
  auto final_issued = m.reg("final_issued_q", 1);
  auto rec = m.reg("rec_q", IB);
  const int CW = arch::index_width(l.in_beats);
  auto in_cnt = m.reg("in_beat_q", CW);
  auto issue = m.wire("issue", 1);
  // After ABORT the input stream stays closed until the next START.
  m.assign(s_tready, band(band(busy, bnot(bor(final_seen, aborting))), bor(bnot(full), issue)));
  auto take = m.wire("in_take", band(s_tvalid, s_tready));
  auto in_last = m.wire("in_beat_last", eq(in_cnt, constant(CW, l.in_beats - 1)));
  auto rec_done = m.wire("rec_done", band(take, in_last));
  m.update_with_reset(in_cnt, mux(bor(bor(in_last, abort), start), constant(CW, 0), add(in_cnt, constant(CW, 1))), 0,
                      bor(bor(take, abort), start));
  m.update(rec, l.in_beats == 1 ? s_tdata : concat({s_tdata, bits(rec, W, IB - W)}), take);
  // A one-beat record's padding is never read (longer records shift it down, so it is used).
  if (l.in_beats == 1 && IB > l.in_bits) m.wire("unused_rec_pad", bits(rec, l.in_bits, IB - l.in_bits));
  m.update_with_reset(full, mux(rec_done, one_bit(true), mux(bor(issue, abort), one_bit(false), full)), 0);
  m.update_with_reset(rec_final, s_tlast, 0, rec_done);
  auto framing = m.wire("framing_err", band(band(take, s_tlast), bnot(in_last)));
  m.update_with_reset(final_seen, mux(start, one_bit(false), bor(final_seen, band(rec_done, s_tlast))), 0);
  m.update_with_reset(final_issued, mux(start, one_bit(false), bor(final_issued, band(issue, rec_final))), 0);

  // ---- the engine ----
  Instance inst{engine_name, "u_engine", {}, {}, {"core"}};
  ExprP rec_valid, rec_last, a_ready;
  std::vector<ExprP> results;
  for (auto& p : eng_ports) {
    if (p.name == eng.clock || p.name == eng.reset_n) {
      inst.conns.emplace_back(p.name, ref(p.name, 1));
      continue;
    }
    if (p.name == "a_ready_o") {
      a_ready = m.wire("eng_a_ready", 1);
      inst.conns.emplace_back(p.name, a_ready);
      continue;
    }
    if (p.dir == PortDir::In) {
      const RecordField& f = *std::find_if(l.in.begin(), l.in.end(), [&](auto& x) { return x.port == p.name; });
      auto field = m.wire("rec_" + p.name, bits(rec, f.lsb, f.width));
      if (p.name == "valid_i" || p.name == "a_valid_i") rec_valid = field;
      if (p.name == "last_i") rec_last = field;
      // Control inputs (valid, write enables) only act in the cycle a step is issued.
      inst.conns.emplace_back(p.name, f.control ? m.wire("eng_" + p.name, band(field, replicate(f.width, issue)))
                                                : field);
    } else {
      auto out = m.wire("eng_" + p.name, p.width);
      inst.conns.emplace_back(p.name, out);
      results.push_back(out);
    }
  }
  m.instance(std::move(inst));
  auto eng_valid = ref("eng_c_valid_o", eng.width_of("c_valid_o"));
  auto eng_result = m.wire("eng_result", nonzero(eng_valid));
  auto push = m.wire("fifo_push", band(eng_result, bnot(aborting)));  // an aborted job's results are dropped

  // ---- output FIFO and room ----
  auto count = m.wire("fifo_count", AW + 1);
  auto pop = m.wire("fifo_pop", 1);
  auto fifo_data = m.wire("fifo_data", l.out_bits);
  auto fifo_valid = m.wire("fifo_valid", 1);  // the oldest entry is in the FIFO's read register
  auto empty = m.wire("fifo_empty", is_zero(count));
  ExprP room, pipe_idle;
  if (l.handshake) {
    // Each issued last step of a dot product brings exactly one result record: count them.
    auto infl = m.reg("inflight_q", AW + 1);
    auto counted = m.wire("issue_last", band(band(issue, rec_valid), rec_last));
    m.update_with_reset(infl, sub(inc_if(infl, counted), resize(eng_result, AW + 1, false)), 0);
    auto used = m.wire("fifo_claimed", add(resize(count, AW + 2, false), resize(infl, AW + 2, false)));
    room = lt_const(m, "room", used, static_cast<uint64_t>(DEPTH));
    pipe_idle = m.wire("pipe_idle", is_zero(infl));
    m.assign(issue, band(band(band(full, bnot(aborting)), room), bor(bnot(rec_valid), a_ready)));
  } else {
    // Fixed latency: every result of a step is in the FIFO within `window` cycles and at most
    // one record enters per cycle, so a step may go when the FIFO has `window` free entries.
    room = lt_const(m, "room", count, static_cast<uint64_t>(DEPTH - l.window));
    const int DW = arch::index_width(l.window + 1);
    auto drain = m.reg("drain_q", DW);
    m.update_with_reset(drain, mux(issue, constant(DW, static_cast<uint64_t>(l.window)),
                                   mux(is_zero(drain), drain, sub(drain, constant(DW, 1)))),
                        0);
    pipe_idle = m.wire("pipe_idle", is_zero(drain));
    m.assign(issue, band(band(full, bnot(aborting)), room));
  }
  Instance fifo{"tpe_fifo", "u_fifo", {{"WIDTH", l.out_bits}, {"AW", AW}}, {}, {"fifo"}};
  fifo.conns = {{"clk_i", ref("clk_i", 1)}, {"rst_ni", ref("rst_ni", 1)}, {"push_i", push},
                {"data_i", pack(results, l.out_bits)}, {"pop_i", pop}, {"data_o", fifo_data}, {"valid_o", fifo_valid},
                {"count_o", count}};
  m.instance(std::move(fifo));

  // ---- output records: loaded from the FIFO, shifted out W bits per beat ----
  auto out_busy = m.reg("out_busy_q", 1);
  auto out_rec = m.reg("out_rec_q", OB);
  const int OW = arch::index_width(l.out_beats);
  auto out_cnt = m.reg("out_beat_q", OW);
  auto out_last = m.wire("out_beat_last", eq(out_cnt, constant(OW, l.out_beats - 1)));
  // The mutant (--inject-bug axi_drop) counts a record's last beat as sent whether or not
  // the sink took it: under backpressure that beat is lost.
  auto sent = m.wire("out_sent", band(out_busy, c.inject_bug == "axi_drop" ? bor(m_tready, out_last) : m_tready));
  auto rec_sent = m.wire("out_rec_sent", band(sent, out_last));
  // ABORT: the record being sent goes out whole (a beat on offer must stay until taken), the
  // FIFO is emptied without sending.
  m.assign(pop, band(fifo_valid, bor(aborting, bor(bnot(out_busy), rec_sent))));
  auto load = m.wire("out_load", band(pop, bnot(aborting)));
  m.update_with_reset(out_busy, mux(load, one_bit(true), mux(rec_sent, one_bit(false), out_busy)), 0);
  m.update_with_reset(out_cnt, mux(load, constant(OW, 0), add(out_cnt, constant(OW, 1))), 0, bor(load, sent));
  auto loaded = OB == l.out_bits ? fifo_data : concat({constant(OB - l.out_bits, 0), fifo_data});
  auto shifted = l.out_beats == 1 ? out_rec : concat({constant(W, 0), bits(out_rec, W, OB - W)});
  m.update(out_rec, mux(load, loaded, shifted), bor(load, sent));
  m.assign(m_tvalid, out_busy);
  m.assign(m_tdata, bits(out_rec, 0, W));
  m.assign(m_tlast, out_last);

  // ---- end of a job: its last record issued (or ABORT), its results out of the engine, FIFO
  // and serializer empty ----
  auto drained = m.wire("drained", band(band(pipe_idle, empty), bnot(out_busy)));
  auto finish = m.wire("finish", band(band(busy, bor(final_issued, aborting)), drained));
  m.update_with_reset(busy, mux(start, one_bit(true), mux(finish, one_bit(false), busy)), 0);
  m.update_with_reset(done, mux(bor(start, clear_req), one_bit(false), bor(done, finish)), 0);
  // CLEAR (and a START that begins a job) clears ERROR first, so START|CLEAR with bad sizes
  // still reports SIZE.
  auto err_now = m.wire("err_now", concat({abort, band(start_req, busy), band(busy, framing),
                                           band(band(start_req, bnot(busy)), sizes_bad)}));
  m.update_with_reset(err, bor(mux(bor(start, clear_req), constant(kErrorBits, 0), err), err_now), 0);
  m.update_with_reset(steps, mux(start, constant(32, 0), inc_if(steps, issue)), 0);
  m.update_with_reset(sent_recs, mux(start, constant(32, 0), inc_if(sent_recs, rec_sent)), 0);

  // ---- interrupt: DONE and ERROR events, write 1 to clear ----
  drive_irq(m, lite, irq, concat({nonzero(err_now), finish}), irq_o);

  gemm_ir::declare_sdp_ram(d);
  d.add_extern({"tpe_fifo",
                "tpe_fifo.v",
                {{"clk_i", PortDir::In},
                 {"rst_ni", PortDir::In},
                 {"push_i", PortDir::In},
                 {"data_i", PortDir::In},
                 {"pop_i", PortDir::In},
                 {"data_o", PortDir::Out},
                 {"valid_o", PortDir::Out},
                 {"count_o", PortDir::Out}},
                {"tpe_sdp_ram"}});
  d.top = m.name();
}

nlohmann::json axi_manifest(const AxiLayout& l, const DesignConfig& c) {
  auto fields = [](const std::vector<RecordField>& fs) {
    nlohmann::json a = nlohmann::json::array();
    for (auto& f : fs) a.push_back({{"port", f.port}, {"lsb", f.lsb}, {"width", f.width}});
    return a;
  };
  nlohmann::json regs = nlohmann::json::array();
  for (auto& r : axi_registers()) regs.push_back({{"name", r.name}, {"offset", r.offset}, {"access", r.access}, {"doc", r.doc}});
  return {{"axis_width", c.axis_width},
          {"engine_ready", l.handshake},
          {"input_record", {{"bits", l.in_bits}, {"beats", l.in_beats}, {"fields", fields(l.in)}}},
          {"output_record", {{"bits", l.out_bits}, {"beats", l.out_beats}, {"fields", fields(l.out)}}},
          {"output_fifo_entries", 1 << l.fifo_aw},
          {"max_k", axi_limits(c).max_k},
          {"acc_wrap", c.acc_wrap},
          {"memories",
           {{{"instance", "u_fifo.u_ram"},
             {"module", "tpe_sdp_ram"},
             {"words", 1 << l.fifo_aw},
             {"width", l.out_bits},
             {"read_latency", 1},
             {"purpose", "output FIFO: result records waiting for the output stream"}}}},
          {"issue_rule", l.handshake ? "a step is issued when the engine is ready and the FIFO entries plus the "
                                       "results in flight leave room for one more result"
                                     : fmt::format("a step is issued when the FIFO has {} free entries (the cycles "
                                                   "from a step to its last result)",
                                                   l.window)},
          {"registers", regs}};
}

}  // namespace tpegen::wrap

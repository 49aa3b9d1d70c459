// The `--wrap axi` design under test, seen by the unchanged drivers as the bare engine.
//
// The drivers write the engine's input ports into `dut` (a tpe::EnginePorts, generated in
// tb_params.h from the manifest's record layout) and call tick() once per engine step. Here
// tick() packs those ports into one input record and pushes its beats into the wrapper's
// AXI4-Stream input, clocking the real wrapper until they are taken, while the output stream
// is read under random backpressure. Result records are handed to the driver in order, at
// most one per tick (in c_o/c_valid_o of `dut`), so the drivers' order-based bookkeeping
// (which result belongs to which tile) and every element check work as for the bare engine;
// cycle-exact timing checks are off, since the wrapper decides when a step reaches the engine.
// tvalid and tready follow random patterns: bursts, single-cycle gaps and long stalls.
//
// One record is held back so the last one of a GEMM can carry tlast (end_job). Each GEMM is a
// job: begin_job writes M, K, N and START over AXI4-Lite; end_job waits for DONE and checks
// STATUS, ERROR, STEPS and RESULTS against what went in and came out.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "harness/lite_host.hpp"
#include "harness/model.hpp"
#include "harness/port_io.hpp"
#include "harness/stream_pattern.hpp"
#include "harness/xorshift.hpp"
#include "tb_params.h"

namespace tb {

using Record = std::vector<uint8_t>;

template <typename P>
void port_to_record(Record& rec, int lsb, int width, const P& port) {
  for (int i = 0; i < width; i += 64) {
    const int n = std::min(64, width - i);
    const uint64_t v = get(port, i, n);
    for (int b = 0; b < n; ++b) {
      const int bit = lsb + i + b;
      rec[static_cast<size_t>(bit / 8)] = static_cast<uint8_t>(rec[static_cast<size_t>(bit / 8)] | (((v >> b) & 1U) << (bit % 8)));
    }
  }
}

template <typename P>
void record_to_port(const Record& rec, int lsb, int width, P& port) {
  for (int i = 0; i < width; i += 64) {
    const int n = std::min(64, width - i);
    uint64_t v = 0;
    for (int b = 0; b < n; ++b) {
      const int bit = lsb + i + b;
      v |= static_cast<uint64_t>((rec[static_cast<size_t>(bit / 8)] >> (bit % 8)) & 1U) << b;
    }
    put(port, i, n, v);
  }
}

class Sim : public Model {
 public:
  explicit Sim(uint64_t seed)
      : Model(seed),
        in_pat_(seed * 0x9e3779b97f4a7c15ULL + 1, duty(seed, 0)),
        out_pat_(seed * 0xbf58476d1ce4e5b9ULL + 7, duty(seed, 1)),
        dut(std::make_unique<tpe::EnginePorts>()) {
    reset_axi_design(*hw, [this] { clock(); });
  }

  /// One engine step as the drivers see it (see the header comment).
  void tick() {
    Record rec(static_cast<size_t>(tpe::kInBeats * tpe::kAxisWidth / 8), 0);
    tpe::for_each_input(*dut, [&](const auto& port, int lsb, int width) { port_to_record(rec, lsb, width, port); });
    if (held_) send(*held_, false);
    held_ = std::move(rec);
    ++records_in_;
    clear(dut->c_valid_o);
    if (!results_.empty()) {
      const Record r = std::move(results_.front());
      results_.pop_front();
      tpe::for_each_output(*dut, [&](auto& port, int lsb, int width) { record_to_port(r, lsb, width, port); });
    }
  }

  /// Writes M, K, N and START; first (once) checks that bad sizes are refused.
  void begin_job(int m, int k, int n, std::vector<std::string>& errors) {
    if (!size_checked_) {
      size_checked_ = true;
      lite_write(0x0C, 0);  // M = 0
      lite_write(0x10, static_cast<uint32_t>(k));
      lite_write(0x14, static_cast<uint32_t>(n));
      lite_write(0x00, 1);
      if (lite_read(0x08) != 1 || (lite_read(0x04) & 1U))
        errors.push_back("START with M = 0 was not refused with ERROR = SIZE");
      lite_write(0x0C, static_cast<uint32_t>(m));
      // K = MAX_K + 1 is refused unless the accumulators wrap (any K is accepted then).
      if (!tpe::kAccWrap) {
        lite_write(0x10, static_cast<uint32_t>(tpe::kMaxK) + 1);
        lite_write(0x00, 1);
        if (lite_read(0x08) != 1 || (lite_read(0x04) & 1U))
          errors.push_back("START with K > max_k was not refused with ERROR = SIZE");
        lite_write(0x00, 3);  // START|CLEAR: CLEAR first, then START's checks
        if (lite_read(0x08) != 1) errors.push_back("START|CLEAR with K > max_k did not leave ERROR = SIZE");
      }
      lite_write(0x00, 2);  // CLEAR
      if (lite_read(0x04) != 0) errors.push_back("CLEAR left STATUS non-zero");
      check_register_access(m, errors);
      check_abort(errors);
    }
    lite_write(0x0C, static_cast<uint32_t>(m));
    lite_write(0x10, static_cast<uint32_t>(k));
    lite_write(0x14, static_cast<uint32_t>(n));
    if (lite_read(0x10) != static_cast<uint32_t>(k)) errors.push_back("register K does not read back");
    lite_write(0x00, 1);
    if (lite_read(0x04) != 1U)
      errors.push_back("STATUS after START is " + std::to_string(lite_read(0x04)) + ", ERROR " + std::to_string(lite_read(0x08)) + ", expected BUSY");
    records_in_ = records_out_ = 0;
    results_.clear();
    held_.reset();
  }

  /// Sends the held record with tlast, waits for DONE and checks the job's registers.
  void end_job(std::vector<std::string>& errors) {
    if (held_) send(*held_, true);
    held_.reset();
    uint32_t status = 0;
    for (int t = 0; t < 100000 && !((status = lite_read(0x04)) & 2U); ++t) {
    }
    if (!(status & 2U)) errors.push_back("DONE never came");
    if (status != 2U) errors.push_back("STATUS at the end is " + std::to_string(status) + ", expected DONE only");
    if (const uint32_t steps = lite_read(0x18); steps != records_in_)
      errors.push_back("STEPS = " + std::to_string(steps) + ", " + std::to_string(records_in_) + " records sent");
    if (const uint32_t res = lite_read(0x1C); res != records_out_)
      errors.push_back("RESULTS = " + std::to_string(res) + ", " + std::to_string(records_out_) + " records received");
    for (int t = 0; t < 50; ++t) clock();
    if (!results_.empty()) errors.push_back(std::to_string(results_.size()) + " result record(s) nobody expected");
    if (beat_ != 0) errors.push_back("a partial result record of " + std::to_string(beat_) + " beat(s) at the end");
    if (!stream_errors_.empty()) errors.insert(errors.end(), stream_errors_.begin(), stream_errors_.end());
    stream_errors_.clear();
    results_.clear();
  }

  static int duty(uint64_t seed, int which) {
    // Per seed: a busy or a sparse source, and a sink that always pushes back now and then.
    static const int kInDuty[] = {100, 90, 50, 25}, kOutDuty[] = {90, 50, 25, 70};
    return which == 0 ? kInDuty[seed % 4] : kOutDuty[(seed / 4 + seed) % 4];
  }

 public:
  Pattern in_pat_, out_pat_;
  std::unique_ptr<tpe::EnginePorts> dut;

 private:
  /// Pushes the beats of one record into the input stream, clocking until all are taken.
  void send(const Record& rec, bool last) {
    const int bytes = tpe::kAxisWidth / 8;
    for (int b = 0; b < tpe::kInBeats; ++b) {
      Record beat(rec.begin() + b * bytes, rec.begin() + (b + 1) * bytes);
      clear(hw->s_axis_tdata);
      record_to_port(beat, 0, tpe::kAxisWidth, hw->s_axis_tdata);
      hw->s_axis_tlast = last && b == tpe::kInBeats - 1;
      bool valid = hw->s_axis_tvalid;  // once raised, tvalid stays until the beat is taken
      for (int t = 0;; ++t) {
        if (!valid) valid = in_pat_.next();
        hw->s_axis_tvalid = valid;
        hw->eval();
        const bool taken = valid && hw->s_axis_tready;
        clock();
        if (taken) break;
        if (t > 1000000) {
          stream_errors_.push_back("s_axis_tready stuck at 0");
          return;
        }
      }
      hw->s_axis_tvalid = 0;
    }
  }

  /// One real clock cycle; the output stream is served under its random tready pattern.
  void clock() {
    hw->m_axis_tready = out_pat_.next();
    hw->eval();
    const bool beat = hw->rst_ni && hw->m_axis_tvalid && hw->m_axis_tready;  // registers are random before reset
    if (beat) {
      const int bytes = tpe::kAxisWidth / 8;
      if (beat_ == 0) out_rec_.assign(static_cast<size_t>(tpe::kOutBeats * bytes), 0);
      Record data(static_cast<size_t>(bytes), 0);
      port_to_record(data, 0, tpe::kAxisWidth, hw->m_axis_tdata);
      std::copy(data.begin(), data.end(), out_rec_.begin() + beat_ * bytes);
      const bool want_last = beat_ == tpe::kOutBeats - 1;
      if (static_cast<bool>(hw->m_axis_tlast) != want_last && stream_errors_.size() < 5)
        stream_errors_.push_back("m_axis_tlast = " + std::to_string(hw->m_axis_tlast) + " on beat " + std::to_string(beat_));
      if (++beat_ == tpe::kOutBeats) {
        beat_ = 0;
        results_.push_back(out_rec_);
        ++records_out_;
      }
    }
    edge();
  }

  /// The register file's rules: WSTRB, SLVERR for unmapped, misaligned and read-only accesses.
  void check_register_access(int m, std::vector<std::string>& errors) {
    constexpr uint32_t kSlvErr = 2;
    lite_write(0x0C, 0x11223344U);
    if (lite_write(0x0C, 0xAABBCCDDU, 0x5) != 0 || lite_read(0x0C) != 0x11BB33DDU)
      errors.push_back("a write with WSTRB = 0101 did not write bytes 0 and 2 only");
    if (lite_write(0x0E, 7) != kSlvErr || lite_read(0x0C) != 0x11BB33DDU)
      errors.push_back("a misaligned write (0x0E) was not refused with SLVERR");
    if (lite_write(0x04, 7) != kSlvErr) errors.push_back("a write to read-only STATUS did not answer SLVERR");
    if (lite_write(0x3C, 7) != kSlvErr) errors.push_back("a write to unmapped 0x3C did not answer SLVERR");
    uint32_t resp = 0;
    if (lite_read(0x3C, &resp) != 0 || resp != kSlvErr) errors.push_back("a read of unmapped 0x3C did not answer SLVERR");
    if (lite_read(0x00, &resp) != 0 || resp != kSlvErr) errors.push_back("a read of write-only CTRL did not answer SLVERR");
    if (lite_read(0x2C, &resp) != static_cast<uint32_t>(tpe::kMaxK) || resp != 0)
      errors.push_back("MAX_K does not read " + std::to_string(tpe::kMaxK));
    if (lite_read(0x38) != (tpe::kAccWrap ? 1U : 0U)) errors.push_back("FLAGS.ACC_WRAP is wrong");
    lite_write(0x0C, static_cast<uint32_t>(m));
  }

  /// ABORT of a job whose input never ends (no tlast): DONE with ERROR = ABORTED and the DONE
  /// and ERROR interrupts, nothing sent, and the next job runs normally.
  void check_abort(std::vector<std::string>& errors) {
    lite_write(0x0C, 1);
    lite_write(0x10, 1);
    lite_write(0x14, 1);
    // The refused STARTs before left an ERROR event (and no DONE): clear it, then enable both.
    if (const uint32_t i = lite_read(0x34); i != 2U)
      errors.push_back("IRQ_STATUS after the refused STARTs is " + std::to_string(i) + ", expected 2 (ERROR)");
    lite_write(0x34, 3);
    lite_write(0x30, 3);  // IRQ_ENABLE: DONE and ERROR
    lite_write(0x00, 1);
    send(Record(static_cast<size_t>(tpe::kInBeats * tpe::kAxisWidth / 8), 0), false);
    for (int t = 0; t < 20; ++t) clock();
    if (hw->irq_o) errors.push_back("irq_o high before the job ended");
    lite_write(0x00, 4);  // ABORT
    uint32_t status = 0;
    for (int t = 0; t < 10000 && !((status = lite_read(0x04)) & 2U); ++t) {
    }
    if (status != 6U) errors.push_back("STATUS after ABORT is " + std::to_string(status) + ", expected DONE|ERROR");
    if (const uint32_t e = lite_read(0x08); e != 8U) errors.push_back("ERROR after ABORT is " + std::to_string(e) + ", expected ABORTED");
    if (!hw->irq_o) errors.push_back("irq_o low after the aborted job ended");
    if (const uint32_t i = lite_read(0x34); i != 3U) errors.push_back("IRQ_STATUS after ABORT is " + std::to_string(i) + ", expected 3");
    lite_write(0x34, 3);  // write 1 to clear
    if (hw->irq_o || lite_read(0x34) != 0) errors.push_back("IRQ_STATUS did not clear on a write of 1s");
    lite_write(0x30, 0);
    lite_write(0x00, 2);  // CLEAR
    if (!results_.empty() || beat_ != 0) errors.push_back("the aborted job sent results");
    results_.clear();
  }

  uint32_t lite_write(uint32_t addr, uint32_t data, uint32_t strobes = 0xF) {
    return tb::lite_write(*hw, [this] { clock(); }, addr, data, strobes);
  }
  uint32_t lite_read(uint32_t addr, uint32_t* resp_out = nullptr) {
    return tb::lite_read(*hw, [this] { clock(); }, addr, resp_out);
  }

  std::optional<Record> held_;
  std::deque<Record> results_;
  Record out_rec_;
  int beat_ = 0;
  uint32_t records_in_ = 0, records_out_ = 0;
  bool size_checked_ = false;
  std::vector<std::string> stream_errors_;
};

}  // namespace tb

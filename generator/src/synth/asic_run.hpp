// The ASIC flow of `tpegen synth`: Yosys on the generated RTL, OpenSTA on its netlist, the
// fmax search, and the report (SynthReport) and its printed summary.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "synth/activity.hpp"
#include "synth/fmax_search.hpp"
#include "synth/gate_report.hpp"
#include "synth/high_fanout.hpp"
#include "synth/sta_flow.hpp"
#include "synth/synth_flow.hpp"
#include "synth/synth_report.hpp"

namespace tpegen::synth {

/// Switching activity measured by a simulation of the design (synth --activity sim).
struct SimActivity {
  ActivityEstimate estimate;
  uint64_t macs = 0;   // useful multiply-accumulates of the traced run
  double peak_macs_per_cycle = 0;  // the design's peak rate (manifest timing), for the utilization
  double seconds = 0;  // simulation (build included)
  std::filesystem::path log;
  std::filesystem::path vcd;  // kept for --activity gate (empty: deleted once read)
  std::string dist;           // the workload: operand distribution, GEMMs, percent of cycles with data
  int trials = 0, duty_percent = 100;
};

struct TimingResult {
  std::optional<SimActivity> sim;  // set with --activity sim
  StaReport report;
  StaPath worst;  // the reported path with the least slack
  double period_ns = 0;
  double sta_seconds = 0;
  std::optional<StaLibProfile> profile;
};

/// The figures of the unbuffered netlist, kept when it was mapped again with buffering.
struct UnbufferedRun {
  double area_um2 = 0;
  TimingResult timing;
};

/// Where buffer_high_fanout maps the design again, inside the work folder.
inline constexpr const char* kBufferedDir = "buffered";

struct SynthResult {
  StatReport generic;
  std::optional<StatReport> lib;  // set when a liberty file was used
  double yosys_seconds = 0;
  std::optional<TimingResult> timing;  // set when OpenSTA ran
  std::string timing_skipped;          // why it did not (empty when it ran)
  std::vector<FmaxStep> fmax_steps;    // --fmax-search: the first run, then each re-synthesis
  std::optional<GateReport> gate;      // --activity gate
  double macs_per_cycle = 0;           // the manifest's timing.macs_per_cycle (static energy estimate)
  std::optional<FanoutPathology> pathology;  // the fmax path was dominated by high-fanout nets
  std::optional<UnbufferedRun> unbuffered;   // ... and lib/timing are now those of work/kBufferedDir
};

/// The clock period a timed netlist meets (kFmaxDefinition): period - slack of the
/// register-to-register group when there is one (before placement an unbuffered input port
/// that fans out to every PE would otherwise dominate), else of the worst path.
double met_period_ns(const TimingResult& t);

/// Runs `yosys -s synth.ys` in `work` and reads its statistics (liberty empty: generic only).
SynthResult run_yosys(const std::filesystem::path& work, const std::filesystem::path& liberty);

/// Runs OpenSTA on kStaScriptFile in `work` (its log: kStaLogFile there) and parses the log.
/// Throws std::runtime_error naming the log when OpenSTA fails or its log has errors (2.0.17
/// exits 0 after errors, so the log decides).
struct StaRun {
  StaReport report;
  double seconds = 0;
};
StaRun run_sta_script(const std::filesystem::path& work);

/// Runs OpenSTA on the netlist Yosys wrote and reads back the worst path and the power.
/// `profile`: the library's I/O profile, found once per run (the liberty file can be 13 MB).
TimingResult run_sta(const std::filesystem::path& work, const std::filesystem::path& liberty,
                     const std::optional<StaLibProfile>& profile, const std::string& top, double period_ns,
                     std::optional<SimActivity> sim);

/// When the fmax path of the timed netlist is dominated by high-fanout nets (high_fanout.hpp),
/// maps the design again with ABC's buffering (abc -constr) in work/kBufferedDir, times it with
/// the same activity and makes it the result's netlist (r.lib, r.timing); the unbuffered
/// figures move to r.unbuffered. ABC buffers only with a driving cell and a load, so a library
/// without an I/O profile gets r.pathology alone. Anything else: nothing changes.
void buffer_high_fanout(const std::filesystem::path& work, const std::vector<std::string>& rtl, const std::string& top,
                        const std::filesystem::path& liberty, const std::string& clock_gate_map, SynthResult& r);

/// --activity gate: replays the activity run's trace (timing->sim->vcd) on the netlist in
/// Icarus Verilog (gate_activity.hpp) and sets r.gate; deletes the trace (it can be large).
/// `ports`: the manifest's port list. `liberty_delays`: each cell's delay from its liberty
/// tables instead of one unit.
void run_gate_level(const std::filesystem::path& work, const std::filesystem::path& liberty, const std::string& top,
                    const nlohmann::json& ports, bool liberty_delays, SynthResult& r);

/// Re-synthesizes with abc -D at shrinking periods (fmax_search.hpp), each step in
/// work/fmax/stepN, and records what each one meets. The first entry is the run already done.
void search_fmax(int max_steps, const std::filesystem::path& work, const std::vector<std::string>& rtl,
                 const std::string& top, const std::filesystem::path& liberty, const std::string& clock_gate_map,
                 SynthResult& r);

/// --clock-gate: tpe_clock_gate as the liberty's smallest integrated clock-gating cell
/// (ScriptInputs::clock_gate_map); "" without a liberty (generic cells keep the latch).
/// Throws ConfigError when the liberty has no usable "latch_posedge" clock-gating cell.
std::string clock_gate_map_for(const std::filesystem::path& liberty);

/// The report of an ASIC run.
SynthReport asic_report(const nlohmann::json& config, const std::string& top, const std::filesystem::path& work,
                        const LibertyChoice& lib, const SynthResult& r);

}  // namespace tpegen::synth

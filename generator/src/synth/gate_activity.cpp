#include "synth/gate_activity.hpp"

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "liberty/cache.hpp"
#include "util/run.hpp"
#include "util/text_file.hpp"

namespace fs = std::filesystem;

namespace tpegen::synth {
namespace {

EnergyBreakdown per_mac(const GateActivity& g, const EnergySplit& e) {
  return {g.pj_per_mac(e.clock), g.pj_per_mac(e.sequential), g.pj_per_mac(e.combinational), g.pj_per_mac(e.glitch),
          g.pj_per_mac(e.leakage)};
}

void run_step(const std::vector<std::string>& argv, const fs::path& dir, const std::string& log) {
  if (run_program(argv, dir, dir / log) != 0)
    throw std::runtime_error(fmt::format("{} failed in the gate-level activity run; see {}", argv.front(),
                                         (dir / log).string()));
}

}  // namespace

// The output has an explicit zero delay, which instrument_models leaves alone (it still counts
// the transitions): gated clocks arrive with the clock, an ideal clock tree as STA assumes
// before CTS; a cell delay there would race the flip-flops it clocks against their inputs.
std::string clock_gate_models(const LibertyPower& lib, const std::string& netlist_v, const std::string& models_v) {
  std::string s;
  for (const auto& [name, c] : lib.cells) {
    const auto g = clock_gate_pins(name, c);
    // Only cells the netlist uses, and not those Yosys modelled itself (a duplicate module).
    if (!g || netlist_v.find(name + " ") == std::string::npos || models_v.find("module " + name + "(") != std::string::npos)
      continue;
    // postcontrol: the test pin bypasses the latch; otherwise it is latched with the enable.
    const bool post = c.clock_gate == "latch_posedge_postcontrol";
    const std::string &clk = g->clock_pin, &en = g->enable_pin, &out = g->out_pin, &test = g->test_pin;
    s += fmt::format("module {}({}, {}{}, {});\n", name, clk, en, test.empty() ? "" : ", " + test, out);
    for (const std::string& in : {clk, en, test})
      if (!in.empty()) s += fmt::format("  input {0};\n  wire {0};\n", in);
    s += fmt::format("  output {0};\n  wire {0};\n  reg IQ;\n", out);
    const std::string latched = test.empty() || post ? en : en + " | " + test;
    s += fmt::format("  always @({0} or {1}{2})\n    if (!{0}) IQ = {3};\n", clk, en,
                     test.empty() || post ? "" : " or " + test, latched);
    s += fmt::format("  assign #0 {} = {} & {};\nendmodule\n", out, clk, post && !test.empty() ? "(IQ | " + test + ")" : "IQ");
  }
  return s;
}

GateReport GateActivity::report() const {
  GateReport r;
  r.breakdown = per_mac(*this, power.energy);
  for (const auto& [name, e] : power.blocks) r.blocks[name] = {per_mac(*this, e), power.block_instances.at(name)};
  r.cycles = cycles;
  r.macs = macs;
  r.power_mw = power_mw();
  r.zero_delay_energy_per_mac_pj = pj_per_mac(power.functional.total());
  r.cell_delay = cell_delay;
  r.internal_pj = pj_per_mac(power.components.internal);
  r.switching_pj = pj_per_mac(power.components.switching);
  r.leakage_pj = pj_per_mac(power.components.leakage);
  r.transitions = power.transitions;
  r.functional_transitions = power.functional_transitions;
  r.output_mismatches = mismatches;
  r.cells = power.cells;
  r.nets = power.nets;
  r.unknown_cells = power.unknown_cells;
  r.nominal_slew_ns = kNominalSlewNs;
  r.seconds = sim_seconds;
  r.dir = dir.string();
  return r;
}

std::map<std::string, std::string> top_instances(const std::string& netlist_v, const std::string& top) {
  std::map<std::string, std::string> r;
  std::istringstream in(netlist_v);
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.rfind("module ", 0) == 0) inside = line.compare(7, top.size() + 1, top + "(") == 0;
    if (!inside || line.size() < 3 || line[0] != ' ' || line[1] != ' ' || line[2] == ' ') continue;
    std::istringstream ls(line);
    std::string type, name, paren;
    if (!(ls >> type >> name >> paren) || paren != "(") continue;
    if (type == "wire" || type == "input" || type == "output" || type == "reg" || type == "assign") continue;
    if (name[0] == '\\') name = name.substr(1);
    const size_t cut = type.rfind('\\');  // "$paramod$<hash>\tpe_pipe" -> "tpe_pipe"
    r[name] = cut == std::string::npos ? type : type.substr(cut + 1);
  }
  return r;
}

GateActivity run_gate_activity(const GateRunInputs& in) {
  GateActivity g;
  g.dir = in.work / "gate";
  g.macs = in.macs;
  g.period_ns = in.period_ns;
  fs::create_directories(g.dir);
  for (const char* f : {"flat.json", "flat.v", "models.v", "counts.txt", "gate.vvp"}) fs::remove(g.dir / f);
  const std::string lib = (fs::path("..") / in.liberty).string();
  write_text_file(g.dir / "gate.ys",
                  fmt::format("# Written by tpegen synth --activity gate.\n"
                              "read_liberty -lib {0}\nread_verilog ../netlist.v\nhierarchy -top {1}\n"
                              "flatten\nwrite_json flat.json\nwrite_verilog -noattr flat.v\n"
                              "design -reset\nread_liberty -ignore_miss_func -ignore_miss_dir {0}\n"
                              "write_verilog -noattr models.v\n",
                              lib, in.top));
  run_step({"yosys", "-q", "-s", "gate.ys"}, g.dir, "yosys.log");
  const LibertyPower power = read_liberty_power(*liberty::load_library(in.work / in.liberty));
  std::map<std::string, int> delays;
  if (in.liberty_delays) {
    delays = power.nominal_delays_ps(kNominalSlewNs * 1e-9);
    if (delays.empty())
      throw std::runtime_error("--gate-delay liberty: the liberty file " + in.liberty.string() +
                               " has no cell_rise/cell_fall tables (or no input pin capacitances)");
  }
  ModelDelays count;
  const std::string models = read_text_or_empty(g.dir / "models.v");
  write_text_file(g.dir / "models_counted.v",
                  instrument_models(models + clock_gate_models(power, read_text_or_empty(g.dir / "flat.v"), models),
                                    delays, &count));
  g.cell_delay = in.liberty_delays
                     ? fmt::format("liberty (cell_rise/cell_fall at {} ns input slew and a fanout-2 load; {} of {} "
                                   "cell-model outputs, 1 ps for the others)",
                                   kNominalSlewNs, count.from_delays, count.outputs)
                     : std::string(kUnitDelayText);

  std::ifstream vcd(in.vcd);
  if (!vcd) throw std::runtime_error("cannot read the activity trace " + in.vcd.string());
  const PortTrace trace = sample_ports(vcd, in.ports, in.clock);
  {
    std::string text;
    for (const auto& r : trace.in_rows) text += r + "\n";
    write_text_file(g.dir / "stim_in.mem", text);
    text.clear();
    for (const auto& r : trace.out_rows) text += r + "\n";
    write_text_file(g.dir / "stim_out.mem", text);
  }
  write_text_file(g.dir / "tb.v", gate_testbench(in.top, trace, in.clock, in.reset,
                                                 in.liberty_delays ? kGateLibertyPeriodPs : kGatePeriodUnits,
                                                 kGateCellDelay));
  const auto t0 = std::chrono::steady_clock::now();
  run_step({"iverilog", "-g2005", "-s", "tpe_tb", "-o", "gate.vvp", "tb.v", "models_counted.v", "flat.v"}, g.dir,
           "iverilog.log");
  run_step({"vvp", "-n", "gate.vvp"}, g.dir, "vvp.log");
  g.sim_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::ifstream counts_in(g.dir / "counts.txt");
  const GateCounts counts = parse_gate_counts(counts_in);
  g.cycles = counts.cycles;
  g.mismatches = counts.mismatches;

  std::ifstream json_in(g.dir / "flat.json");
  const nlohmann::json flat = nlohmann::json::parse(json_in);
  GatePowerInputs pin;
  pin.period_s = in.period_ns * 1e-9;
  pin.cycles = g.cycles;
  pin.output_load_f = in.output_load * power.cap_unit_f;
  pin.clock = in.clock;
  pin.block_of = top_instances(read_text_or_empty(in.work / "netlist.v"), in.top);
  g.power = gate_power(flat, in.top, power, counts, input_toggles(trace, in.reset), pin);
  for (const char* f : {"flat.json", "gate.vvp", "models.v"}) fs::remove(g.dir / f);  // large, rebuilt on demand
  return g;
}

}  // namespace tpegen::synth

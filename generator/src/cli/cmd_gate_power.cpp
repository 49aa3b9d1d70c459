// `tpegen gate-power`: the gate-level energy model of `synth --activity gate` on any netlist
// and any trace in the harness's VCD form (time 2c: inputs of cycle c, 2c+1: outputs after its
// clock edge). The validation tests feed it hand-made circuits whose answers are known.
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/help_format.hpp"
#include "config/design_config.hpp"
#include "liberty/cache.hpp"
#include "liberty/error.hpp"
#include "synth/activity.hpp"
#include "synth/gate_activity.hpp"
#include "synth/sta_flow.hpp"
#include "util/run.hpp"
#include "util/tools.hpp"
#include "util/work_dir.hpp"

namespace fs = std::filesystem;

namespace tpegen::cli {
namespace {

struct GatePowerOptions {
  std::string netlist, top, liberty, vcd, work, json, ports;
  uint64_t macs = 1;
  double period_ns = 10;
  double output_load = 0;
  std::string gate_delay = "unit";  // unit | liberty
};

// "a_i:8,b_i:8,s_o:9:out": the top's ports with widths (1 when left out), inputs unless marked out.
std::vector<synth::PortSpec> parse_ports(const std::string& text) {
  std::vector<synth::PortSpec> r;
  std::string item;
  std::istringstream in(text);
  while (std::getline(in, item, ',')) {
    synth::PortSpec p;
    const size_t c1 = item.find(':');
    p.name = item.substr(0, c1);
    bool ok = !p.name.empty();
    if (ok && c1 != std::string::npos) {
      const size_t c2 = item.find(':', c1 + 1);
      const std::string width = item.substr(c1 + 1, c2 == std::string::npos ? std::string::npos : c2 - c1 - 1);
      ok = !width.empty() && width.size() <= 4 && width.find_first_not_of("0123456789") == std::string::npos;
      p.width = ok ? std::stoi(width) : 0;
      ok = ok && p.width >= 1 && (c2 == std::string::npos || item.substr(c2 + 1) == "out");
      p.input = c2 == std::string::npos;
    }
    if (!ok)
      throw ConfigError(fmt::format("invalid --ports item '{}': valid form is name[:width[:out]], width 1..9999",
                                    item));
    r.push_back(p);
  }
  if (r.empty()) throw ConfigError("invalid --ports = '': give the top's ports as name:width[:out],...");
  return r;
}

void run(const GatePowerOptions& o) {
  require_tool(Tool::Yosys);
  require_tool(Tool::Iverilog);
  const std::vector<synth::PortSpec> ports = parse_ports(o.ports);
  if (o.macs < 1) throw ConfigError(fmt::format("invalid --macs = {}: valid range is >= 1", o.macs));
  synth::check_clock_period(o.period_ns);
  synth::check_gate_delay(o.gate_delay);
  if (!(o.output_load >= 0))
    throw ConfigError(fmt::format("invalid --output-load = {}: valid range is >= 0", o.output_load));
  for (const auto& [flag, f] : {std::pair{"--netlist", o.netlist}, {"--liberty", o.liberty}, {"--vcd", o.vcd}})
    if (!std::ifstream(f)) throw ConfigError(fmt::format("invalid {} = '{}': cannot read the file", flag, f));
  try {
    liberty::load_library(o.liberty);  // parsed once, here: a malformed file is refused before Yosys runs
  } catch (const liberty::Error& e) {
    throw ConfigError(fmt::format("invalid --liberty = '{}': {}", o.liberty, e.why_at_line()));
  }
  const fs::path work = claim_work_dir(o.work, "--work");
  fs::copy_file(o.netlist, work / "netlist.v", fs::copy_options::overwrite_existing);
  std::error_code ec;
  fs::remove(work / "cells.lib", ec);
  fs::create_symlink(fs::absolute(o.liberty), work / "cells.lib");
  synth::GateRunInputs in{work, "cells.lib", o.top, ports, fs::absolute(o.vcd), o.macs, o.period_ns, o.output_load};
  in.liberty_delays = o.gate_delay == "liberty";
  const synth::GateReport g = synth::run_gate_activity(in).report();
  fmt::print("{}", synth::gate_summary(g));
  fmt::print("output_mismatches: {}\n", g.output_mismatches);
  if (!o.json.empty()) write_work_file(o.json, synth::gate_json(g).dump(2) + "\n", "--json");
}

}  // namespace

void setup_gate_power(CLI::App& app) {
  auto o = std::make_shared<GatePowerOptions>();
  app.add_option("--netlist", o->netlist, "mapped Verilog netlist")->required();
  app.add_option("--top", o->top, "its top module")->required();
  app.add_option("--liberty", o->liberty, "the liberty file it is mapped to")->required();
  app.add_option("--vcd", o->vcd, "port values, two dumps per cycle (inputs, then outputs)")->required();
  app.add_option("--ports", o->ports, "the top's ports: name:width[:out],... (clk_i is the clock)")->required();
  app.add_option("--work", o->work, "work directory")->required();
  app.add_option("--macs", o->macs, "useful MACs of the trace (for per-MAC figures; default 1)");
  app.add_option("--clock-period", o->period_ns, "ns (default 10)");
  app.add_option("--output-load", o->output_load, "per output bit, liberty capacitance unit (default 0)");
  app.add_option("--gate-delay", o->gate_delay, synth::kGateDelayHelp)->type_name(one_of(synth::kGateDelayModes));
  app.add_option("--json", o->json, "also write the results as JSON");
  app.callback([o] { run(*o); });
}

}  // namespace tpegen::cli

#include "synth/gate_sim.hpp"

#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

#include "util/text.hpp"

namespace tpegen::synth {
namespace {

// A value change ("0101", left-extended with 0, x/z as 0) as `width` bits, MSB first.
std::string bits_of(const std::string& v, int width) {
  std::string out(static_cast<size_t>(width), '0');
  const size_t n = std::min(v.size(), out.size());
  for (size_t i = 0; i < n; ++i) out[out.size() - 1 - i] = v[v.size() - 1 - i] == '1' ? '1' : '0';
  return out;
}

}  // namespace

PortTrace sample_ports(std::istream& vcd, const std::vector<PortSpec>& ports, const std::string& clock) {
  PortTrace t;
  for (const PortSpec& p : ports)
    if (p.name != clock) (p.input ? t.inputs : t.outputs).push_back(p);
  std::unordered_map<std::string, std::vector<size_t>> by_id;  // VCD code -> value slots
  std::vector<std::string> value;
  std::vector<const PortSpec*> slot_port;
  std::map<std::string, size_t> slot_of;
  for (const auto* group : {&t.inputs, &t.outputs})
    for (const PortSpec& p : *group) {
      slot_of[p.name] = value.size();
      value.push_back(std::string(static_cast<size_t>(p.width), '0'));
      slot_port.push_back(&p);
    }
  int depth = 0;
  std::string line;
  bool header = true, have_time = false;
  uint64_t time = 0, first = 0;
  const auto row = [&](const std::vector<PortSpec>& group) {
    std::string r;
    for (const PortSpec& p : group) r += value[slot_of[p.name]];
    return r;
  };
  const auto close_time = [&] {
    if (!have_time) return;
    const uint64_t c = (time - first) / 2;
    auto& rows = (time - first) % 2 == 0 ? t.in_rows : t.out_rows;
    rows.resize(c + 1);
    rows[c] = row((time - first) % 2 == 0 ? t.inputs : t.outputs);
  };
  while (std::getline(vcd, line)) {
    if (header) {
      std::istringstream ls(line);
      std::string kw;
      ls >> kw;
      if (kw == "$scope") ++depth;
      if (kw == "$upscope") --depth;
      if (kw == "$var" && depth == 1) {
        std::string type, id, name;
        int width = 0;
        ls >> type >> width >> id >> name;
        const auto it = slot_of.find(name);
        if (it != slot_of.end() && slot_port[it->second]->width == width) by_id[id].push_back(it->second);
      }
      if (kw == "$enddefinitions") {
        header = false;
        std::set<size_t> seen;
        for (const auto& [id, slots] : by_id) seen.insert(slots.begin(), slots.end());
        for (const auto& [name, slot] : slot_of)
          if (!seen.count(slot)) throw std::runtime_error("the VCD has no top-level port " + name);
      }
      continue;
    }
    if (line.empty()) continue;
    if (line[0] == '#') {
      const uint64_t now = std::stoull(line.substr(1));
      if (!have_time) first = now;
      close_time();
      time = now;
      have_time = true;
      continue;
    }
    std::string v, id;
    if (line[0] == 'b' || line[0] == 'B') {
      const size_t sp = line.find(' ');
      if (sp == std::string::npos) continue;
      v = line.substr(1, sp - 1);
      id = trim(line.substr(sp + 1));
    } else if (std::string("01xXzZ").find(line[0]) != std::string::npos) {
      v = line.substr(0, 1);
      id = trim(line.substr(1));
    } else {
      continue;
    }
    const auto it = by_id.find(id);
    if (it == by_id.end()) continue;
    for (size_t s : it->second) value[s] = bits_of(v, slot_port[s]->width);
  }
  close_time();
  // A cycle whose outputs were not dumped (the last one) is dropped.
  const size_t n = std::min(t.in_rows.size(), t.out_rows.size());
  t.in_rows.resize(n);
  t.out_rows.resize(n);
  if (n == 0) throw std::runtime_error("the VCD has no complete clock cycle");
  return t;
}

std::map<std::string, uint64_t> input_toggles(const PortTrace& t, const std::string& reset) {
  std::map<std::string, uint64_t> r;
  size_t off = 0;
  for (const PortSpec& p : t.inputs) {
    for (int b = 0; b < p.width; ++b) {
      const size_t col = off + static_cast<size_t>(p.width - 1 - b);
      const std::string key = p.width == 1 ? p.name : fmt::format("{}[{}]", p.name, b);
      // The prelude holds the first row with the reset asserted.
      char prev = p.name == reset ? '0' : t.in_rows.front()[col];
      uint64_t n = 0;
      for (const std::string& row : t.in_rows) {
        n += row[col] != prev;
        prev = row[col];
      }
      r[key] = n;
    }
    off += static_cast<size_t>(p.width);
  }
  return r;
}

namespace {

// The name in "module NAME(...)", "module NAME #(...)" or "module \\NAME (...)".
std::string module_name(const std::string& decl) {
  const std::string rest = trim(decl.substr(7));
  if (!rest.empty() && rest[0] == '\\') return rest.substr(1, rest.find_first_of(" \t") - 1);
  return rest.substr(0, rest.find_first_of(" \t(#;"));
}

}  // namespace

std::string instrument_models(const std::string& models_v, const std::map<std::string, int>& delays,
                              ModelDelays* count) {
  std::istringstream in(models_v);
  std::ostringstream out;
  std::string line, module;
  std::set<std::string> outputs;
  ModelDelays n;
  while (std::getline(in, line)) {
    const std::string s = trim(line);
    if (s.rfind("module ", 0) == 0) {
      outputs.clear();
      module = module_name(s);
    }
    if (s.rfind("output ", 0) == 0 && s.back() == ';') outputs.insert(trim(s.substr(7, s.size() - 8)));
    if (s.rfind("reg ", 0) == 0 && s.back() == ';' && s.find('=') == std::string::npos) {
      out << "  reg " << trim(s.substr(4, s.size() - 5)) << " = 1'b0;\n";
      continue;
    }
    if (s.rfind("assign ", 0) == 0) {
      const size_t eq = s.find('=');
      const std::string lhs = trim(s.substr(7, eq - 7));
      if (outputs.count(lhs)) {
        const auto d = delays.find(module + "/" + lhs);
        ++n.outputs;
        n.from_delays += d != delays.end();
        out << "  assign #(" << (d == delays.end() ? std::string("`TPE_CELL_DELAY") : std::to_string(d->second))
            << ") " << s.substr(7) << "\n";
        continue;
      }
    }
    if (s == "endmodule") {
      for (const std::string& o : outputs) {
        out << fmt::format("  integer tpe_a_{0} = 0, tpe_f_{0} = 0;\n  reg tpe_p_{0} = 1'b0;\n", o);
        out << fmt::format("  always @({0}) tpe_a_{0} = tpe_a_{0} + 1;\n", o);
        out << fmt::format(
            "  always @(tpe_tb.sample) begin if ({0} !== tpe_p_{0}) tpe_f_{0} = tpe_f_{0} + 1; tpe_p_{0} = {0}; end\n",
            o);
        out << fmt::format("  always @(tpe_tb.clear) begin tpe_a_{0} = 0; tpe_f_{0} = 0; tpe_p_{0} = {0}; end\n", o);
        out << fmt::format("  always @(tpe_tb.report) $fdisplay(tpe_tb.fd, \"%m {0} %0d %0d\", tpe_a_{0}, tpe_f_{0});\n",
                           o);
      }
    }
    out << line << "\n";
  }
  if (count) *count = n;
  return out.str();
}

std::string gate_testbench(const std::string& top, const PortTrace& t, const std::string& clock,
                           const std::string& reset, int period_units, int cell_delay_units) {
  int in_bits = 0, out_bits = 0;
  bool has_reset = false;
  std::string ins, outs, decl, conn;
  for (const PortSpec& p : t.inputs) {
    in_bits += p.width;
    has_reset = has_reset || p.name == reset;
    ins += (ins.empty() ? "" : ", ") + p.name;
    decl += fmt::format("  reg [{}:0] {};\n", p.width - 1, p.name);
    conn += fmt::format(",\n    .{0}({0})", p.name);
  }
  // Handshake outputs (*valid_o, *ready_o) are compared every cycle, data outputs only while
  // the RTL run shows a valid bit: outside it they are don't-cares (registers without reset,
  // or, with clock gating, holding whatever they held). With one valid output of N > 1 bits
  // (a valid per column) and a data output of N equal lanes, only the valid lanes count.
  std::string control = "1'b0", data = "1'b0", valid;
  auto ends_with = [](const std::string& n, const std::string& tail) {
    return n.size() >= tail.size() && n.compare(n.size() - tail.size(), tail.size(), tail) == 0;
  };
  const PortSpec* lane_valid = nullptr;
  int valid_outputs = 0;
  for (const PortSpec& p : t.outputs)
    if (ends_with(p.name, "valid_o")) {
      ++valid_outputs;
      lane_valid = &p;
    }
  if (valid_outputs != 1 || lane_valid->width < 2) lane_valid = nullptr;
  for (const PortSpec& p : t.outputs) {
    out_bits += p.width;
    outs += (outs.empty() ? "" : ", ") + ("exp_" + p.name);
    decl += fmt::format("  wire [{0}:0] {1};\n  reg [{0}:0] exp_{1};\n", p.width - 1, p.name);
    conn += fmt::format(",\n    .{0}({0})", p.name);
    const bool handshake = ends_with(p.name, "valid_o") || ends_with(p.name, "ready_o");
    if (ends_with(p.name, "valid_o")) valid += (valid.empty() ? "" : ", ") + ("exp_" + p.name);
    if (handshake) {
      control += fmt::format(" || {0} !== exp_{0}", p.name);
    } else if (lane_valid && p.width % lane_valid->width == 0) {
      std::string mask;  // each lane's valid bit repeated over the lane, msb lane first
      for (int lane = lane_valid->width - 1; lane >= 0; --lane)
        mask += fmt::format("{}{{{}{{exp_{}[{}]}}}}", mask.empty() ? "" : ", ", p.width / lane_valid->width,
                            lane_valid->name, lane);
      data += fmt::format(" || (({0} ^ exp_{0}) & {{{1}}}) !== {2}'d0", p.name, mask, p.width);
    } else {
      data += fmt::format(" || {0} !== exp_{0}", p.name);
    }
  }
  const std::string mismatch =
      fmt::format("({}) || ({} && ({}))", control, valid.empty() ? "1'b1" : "(|{" + valid + "})", data);
  const int half = period_units / 2;
  std::ostringstream v;
  v << "// Written by tpegen synth --activity gate: replays the RTL run's port values on the netlist.\n"
    << fmt::format("`define TPE_CELL_DELAY {}\n", cell_delay_units) << "module tpe_tb;\n"
    << fmt::format("  localparam CYCLES = {};\n", t.in_rows.size()) << fmt::format("  reg {} = 1'b0;\n", clock)
    << decl << fmt::format("  reg [{}:0] in_mem [0:CYCLES-1];\n", in_bits - 1)
    << fmt::format("  reg [{}:0] out_mem [0:CYCLES-1];\n", std::max(out_bits, 1) - 1)
    << "  event sample, clear, report;\n  integer fd, c, bad;\n"
    << fmt::format("  {} dut (\n    .{}({}){});\n", top, clock, clock, conn) << "  initial begin\n"
    << "    $readmemb(\"stim_in.mem\", in_mem);\n    $readmemb(\"stim_out.mem\", out_mem);\n"
    << "    fd = $fopen(\"counts.txt\");\n" << fmt::format("    {{{}}} = in_mem[0];\n", ins)
    << (has_reset ? fmt::format("    {} = 1'b0;\n", reset) : std::string())
    << fmt::format("    repeat (2) begin #{0} {1} = 1'b1; #{0} {1} = 1'b0; end\n", half, clock)
    << "    -> clear;\n    bad = 0;\n    for (c = 0; c < CYCLES; c = c + 1) begin\n"
    << fmt::format("      {{{}}} = in_mem[c];\n", ins) << fmt::format("      #{} {} = 1'b1;\n", half, clock)
    << fmt::format("      #{};\n", period_units - half - 1) << "      -> sample;\n"
    << fmt::format("      {{{}}} = out_mem[c];\n", outs)
    << fmt::format("      if ({}) bad = bad + 1;\n", mismatch)
    << fmt::format("      #1 {} = 1'b0;\n", clock) << "    end\n    -> report;\n"
    << "    #1 $fdisplay(fd, \"tpe_tb cycles %0d mismatches %0d\", CYCLES, bad);\n"
    << "    $fclose(fd);\n    $finish;\n  end\nendmodule\n";
  return v.str();
}

GateCounts parse_gate_counts(std::istream& in) {
  GateCounts g;
  bool summary = false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("tpe_tb cycles ", 0) == 0) {
      std::istringstream ls(line.substr(14));
      std::string kw;
      ls >> g.cycles >> kw >> g.mismatches;
      summary = true;
      continue;
    }
    // "<%m path> <pin> <all> <functional>"; the path may hold escaped names with spaces.
    std::istringstream ls(line);
    std::vector<std::string> w;
    std::string x;
    while (ls >> x) w.push_back(x);
    if (w.size() < 4) continue;
    std::string path;
    for (size_t i = 0; i + 3 < w.size(); ++i) path += (path.empty() ? "" : " ") + w[i];
    const std::string prefix = "tpe_tb.dut.";
    if (path.rfind(prefix, 0) == 0) path = path.substr(prefix.size());
    if (!path.empty() && path[0] == '\\') path = path.substr(1);
    while (!path.empty() && path.back() == ' ') path.pop_back();
    PinToggles& p = g.pins[path + "/" + w[w.size() - 3]];
    p.all = std::stoull(w[w.size() - 2]);
    p.functional = std::stoull(w[w.size() - 1]);
  }
  if (!summary) throw std::runtime_error("the gate-level simulation wrote no summary line");
  return g;
}

}  // namespace tpegen::synth

#include "synth/activity.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

#include "config/design_config.hpp"
#include "golden/stimulus.hpp"
#include "util/did_you_mean.hpp"

namespace tpegen::synth {
namespace {

struct Tracked {
  size_t signal;                 // index into VcdActivity::signals
  std::vector<uint64_t> value;   // current bits, 64 per word
  std::vector<uint64_t> changed; // bits that have changed so far
  bool seen = false;             // the first value is a starting state, not a toggle
};

int popcount64(uint64_t x) { return __builtin_popcountll(x); }

// Applies a new value ("0101", leading bits omitted as VCD allows: left-extended with 0)
// and returns how many bits changed.
uint64_t apply(Tracked& t, int width, const std::string& bits) {
  std::vector<uint64_t> v(t.value.size(), 0);
  const size_t n = std::min(bits.size(), static_cast<size_t>(width));
  for (size_t i = 0; i < n; ++i) {
    const char ch = bits[bits.size() - 1 - i];
    if (ch == '1') v[i / 64] |= uint64_t{1} << (i % 64);
  }
  uint64_t changed = 0;
  if (t.seen)
    for (size_t w = 0; w < v.size(); ++w) {
      changed += static_cast<uint64_t>(popcount64(v[w] ^ t.value[w]));
      t.changed[w] |= v[w] ^ t.value[w];
    }
  t.value.swap(v);
  t.seen = true;
  return changed;
}

[[noreturn]] void bad(size_t line_no, const std::string& why) {
  throw std::runtime_error("not a readable VCD file: line " + std::to_string(line_no) + ": " + why);
}

}  // namespace

void check_activity_mode(const std::string& mode, const std::string& name) {
  if (std::find(kActivityModes.begin(), kActivityModes.end(), mode) == kActivityModes.end())
    throw ConfigError(invalid_choice(name, mode, kActivityModes));
}

void check_gate_delay(const std::string& mode, const std::string& name) {
  if (std::find(kGateDelayModes.begin(), kGateDelayModes.end(), mode) == kGateDelayModes.end())
    throw ConfigError(invalid_choice(name, mode, kGateDelayModes));
}

void check_gate_delay_activity(const std::string& gate_delay, const std::string& activity,
                               const std::string& gate_delay_name, const std::string& activity_name) {
  if (gate_delay != "unit" && activity != "gate")
    throw ConfigError("invalid " + gate_delay_name + " = '" + gate_delay + "' with " + activity_name + " " + activity +
                      ": it applies to " + activity_name + " gate only");
}

void check_gate_slice(int slice, const std::string& activity, const std::string& slice_name,
                      const std::string& activity_name) {
  if (slice < 0 || slice > Limits::kMaxDim)
    throw ConfigError(fmt::format("invalid {} = {}: valid range is 1..{} (0: the whole design)", slice_name, slice,
                                  Limits::kMaxDim));
  if (slice > 0 && activity != "gate")
    throw ConfigError(fmt::format("invalid {} = {} with {} {}: it applies to {} gate only", slice_name, slice,
                                  activity_name, activity, activity_name));
}

void check_activity_dist(const std::string& dist, const std::string& name) {
  try {
    golden::Distribution::parse(dist);
  } catch (const std::exception& e) {
    throw ConfigError(fmt::format("invalid {} = '{}': {}", name, dist, e.what()));
  }
}

VcdActivity parse_vcd(std::istream& in) {
  VcdActivity r;
  std::unordered_map<std::string, Tracked> ids;
  std::vector<std::string> scope;
  bool in_header = true, saw_var = false;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (in_header) {
      std::istringstream ls(line);
      std::string kw;
      ls >> kw;
      if (kw == "$scope") {
        std::string type, name;
        ls >> type >> name;
        scope.push_back(name);
      } else if (kw == "$upscope") {
        if (scope.empty()) bad(line_no, "$upscope without $scope");
        scope.pop_back();
      } else if (kw == "$var") {
        std::string type, id, name;
        int width = 0;
        if (!(ls >> type >> width >> id >> name) || width < 1) bad(line_no, "malformed $var");
        saw_var = true;
        if (ids.count(id)) continue;  // an alias of a net already tracked
        std::string path;
        for (const auto& s : scope) path += (path.empty() ? "" : ".") + s;
        r.signals.push_back({path, name, width, 0});
        const std::vector<uint64_t> zero((width + 63) / 64, 0);
        ids.emplace(id, Tracked{r.signals.size() - 1, zero, zero, false});
      } else if (kw == "$enddefinitions") {
        if (!saw_var) bad(line_no, "no $var before $enddefinitions");
        in_header = false;
      }
      continue;
    }
    const char c0 = line[0];
    if (c0 == '#') {
      r.last_time = std::stoull(line.substr(1));
    } else if (c0 == 'b' || c0 == 'B') {
      const size_t sp = line.find(' ');
      if (sp == std::string::npos) bad(line_no, "vector change without identifier");
      auto it = ids.find(line.substr(sp + 1));
      if (it == ids.end()) bad(line_no, "unknown identifier " + line.substr(sp + 1));
      VcdSignal& s = r.signals[it->second.signal];
      s.toggles += apply(it->second, s.width, line.substr(1, sp - 1));
    } else if (c0 == '0' || c0 == '1' || c0 == 'x' || c0 == 'X' || c0 == 'z' || c0 == 'Z') {
      auto it = ids.find(line.substr(1));
      if (it == ids.end()) bad(line_no, "unknown identifier " + line.substr(1));
      VcdSignal& s = r.signals[it->second.signal];
      s.toggles += apply(it->second, s.width, std::string(1, c0 == '1' ? '1' : '0'));
    } else if (c0 == '$' || c0 == 'r' || c0 == 'R') {
      continue;  // $dumpvars/$end markers; real values are not used by RTL designs
    } else {
      bad(line_no, "unexpected text");
    }
  }
  if (in_header) bad(line_no, "no $enddefinitions");
  for (const auto& [id, t] : ids)
    for (uint64_t w : t.changed) r.signals[t.signal].active_bits += static_cast<uint64_t>(popcount64(w));
  return r;
}

ActivityEstimate estimate_activity(const VcdActivity& vcd, uint64_t cycles, const std::vector<std::string>& inputs,
                                   const std::string& clock, const std::string& reset) {
  if (cycles == 0) throw std::runtime_error("activity over 0 cycles");
  ActivityEstimate e;
  e.cycles = cycles;
  uint64_t toggles = 0, in_bits = 0, in_toggles = 0;
  for (const VcdSignal& s : vcd.signals) {
    // Gated clocks (--clock-gate: cg_clkN in a module, gclk_o in the gate) are clocks, not data.
    if (s.name == clock || s.name == reset || s.name.rfind("cg_clk", 0) == 0 || s.name == "gclk_o") continue;
    toggles += s.toggles;
    e.bits += static_cast<uint64_t>(s.width);
    e.active_bits += s.active_bits;
    // Top-level ports sit in the outermost scope (Verilator: "TOP").
    if (s.scope.find('.') != std::string::npos) continue;
    for (const std::string& p : inputs) {
      if (p != s.name || p == clock || p == reset) continue;
      e.ports[p] = static_cast<double>(s.toggles) / (static_cast<double>(s.width) * static_cast<double>(cycles));
      in_bits += static_cast<uint64_t>(s.width);
      in_toggles += s.toggles;
    }
  }
  if (e.bits == 0) throw std::runtime_error("the VCD has no signals besides clock and reset");
  const double c = static_cast<double>(cycles);
  e.global = e.active_bits ? static_cast<double>(toggles) / (static_cast<double>(e.active_bits) * c) : 0;
  e.input = in_bits ? static_cast<double>(in_toggles) / (static_cast<double>(in_bits) * c) : 0;
  return e;
}

bool parse_activity_window(const std::string& sim_output, uint64_t& cycles, uint64_t& macs) {
  std::istringstream in(sim_output);
  std::string line;
  bool found = false;
  while (std::getline(in, line)) {
    unsigned long long c = 0, m = 0;
    if (std::sscanf(line.c_str(), "activity window: cycles %llu, macs %llu", &c, &m) == 2) {
      cycles = c;
      macs = m;
      found = true;
    }
  }
  return found;
}

std::optional<double> workload_utilization(uint64_t macs, uint64_t cycles, double peak_macs_per_cycle) {
  if (macs == 0 || cycles == 0 || !(peak_macs_per_cycle > 0)) return std::nullopt;
  return static_cast<double>(macs) / (static_cast<double>(cycles) * peak_macs_per_cycle);
}

std::string utilization_text(const std::optional<double>& utilization) {
  if (!utilization) return "";
  const double pct = 100 * *utilization;
  return fmt::format(", utilization {} %", pct >= 10 ? fmt::format("{:.0f}", pct) : fmt::format("{:.1f}", pct));
}

}  // namespace tpegen::synth

#include "synth/synth_report.hpp"

namespace tpegen::synth {
namespace {

using nlohmann::json;

template <class T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

template <class T>
std::optional<T> get_opt(const json& j, const char* key) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  try {
    return j.at(key).get<T>();
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

json path_json(const ReportPath& p) {
  return {{"arrival_ns", p.arrival_ns}, {"slack_ns", p.slack_ns}, {"startpoint", p.startpoint}, {"endpoint", p.endpoint}};
}

ReportPath path_from(const json& j) {
  ReportPath p;
  p.arrival_ns = get_opt<double>(j, "arrival_ns").value_or(0.0);
  p.slack_ns = get_opt<double>(j, "slack_ns").value_or(0.0);
  p.startpoint = get_opt<std::string>(j, "startpoint").value_or("");
  p.endpoint = get_opt<std::string>(j, "endpoint").value_or("");
  return p;
}

json target_or_null(double t) { return t > 0 ? json(t) : json(nullptr); }

json high_fanout_json(const HighFanoutReport& h) {
  return {{"net", h.net},
          {"driver", h.driver},
          {"fanout", h.fanout},
          {"path_group", h.path_group},
          {"arrival_ns", h.arrival_ns},
          {"share", h.share},
          {"buffered", h.buffered},
          {"buffered_dir", h.buffered ? json(h.buffered_dir) : json(nullptr)},
          {"unbuffered", h.buffered ? json{{"area_um2", opt(h.unbuffered_area_um2)},
                                           {"fmax_mhz", opt(h.unbuffered_fmax_mhz)},
                                           {"critical_path_ns", opt(h.unbuffered_critical_path_ns)},
                                           {"netlist", h.unbuffered_netlist}}
                                    : json(nullptr)}};
}

std::optional<HighFanoutReport> high_fanout_from(const json& j) {
  if (!j.contains("high_fanout") || !j.at("high_fanout").is_object()) return std::nullopt;
  const json& h = j.at("high_fanout");
  HighFanoutReport r;
  r.net = get_opt<std::string>(h, "net").value_or("");
  r.driver = get_opt<std::string>(h, "driver").value_or("");
  r.fanout = get_opt<long>(h, "fanout").value_or(0);
  r.path_group = get_opt<std::string>(h, "path_group").value_or("");
  r.arrival_ns = get_opt<double>(h, "arrival_ns").value_or(0.0);
  r.share = get_opt<double>(h, "share").value_or(0.0);
  r.buffered = get_opt<bool>(h, "buffered").value_or(false);
  r.buffered_dir = get_opt<std::string>(h, "buffered_dir").value_or("");
  if (h.contains("unbuffered") && h.at("unbuffered").is_object()) {
    const json& u = h.at("unbuffered");
    r.unbuffered_area_um2 = get_opt<double>(u, "area_um2");
    r.unbuffered_fmax_mhz = get_opt<double>(u, "fmax_mhz");
    r.unbuffered_critical_path_ns = get_opt<double>(u, "critical_path_ns");
    r.unbuffered_netlist = get_opt<std::string>(u, "netlist").value_or("");
  }
  return r;
}

void asic_to_json(const SynthReport& r, json& j) {
  j["transistors"] = opt(r.transistors);
  j["transistors_exact"] = r.transistors_exact;
  j["generic_cell_types"] = r.generic_cell_types;
  j["liberty"] = opt(r.liberty);
  j["liberty_origin"] = r.liberty_origin;
  j["lib_cells"] = opt(r.lib_cells);
  j["lib_cell_types"] = r.lib_cells ? json(r.lib_cell_types) : json(nullptr);
  if (r.area_um2) j["area_exact"] = r.area_exact;
  if (r.memory_area_um2) j["memory_area_um2"] = *r.memory_area_um2;
  if (r.netlist) j["netlist"] = *r.netlist;
  j["clock_period_ns"] = opt(r.clock_period_ns);
  j["critical_path_ns"] = r.worst ? json(r.worst->arrival_ns) : json(nullptr);
  j["startpoint"] = r.worst ? json(r.worst->startpoint) : json(nullptr);
  j["endpoint"] = r.worst ? json(r.worst->endpoint) : json(nullptr);
  j["slack_ns"] = r.worst ? json(r.worst->slack_ns) : json(nullptr);
  j["power_mw"] = opt(r.power_mw);
  j["timing_skipped"] = opt(r.timing_skipped);
  if (r.worst) {
    j["path_group"] = r.worst_group;
    j["wns_ns"] = opt(r.wns_ns);
    j["tns_ns"] = opt(r.tns_ns);
    j["power_breakdown_mw"] = r.power_breakdown_mw;
    j["activity_source"] = r.activity_source;
    j["activity"] = opt(r.activity);
    j["input_activity"] = opt(r.input_activity);
    j["energy_per_mac_pj"] = opt(r.energy_per_mac_pj);
    j["utilization"] = opt(r.utilization);
    j["macs_per_cycle"] = opt(r.macs_per_cycle);
    if (r.activity_detail.is_object())
      for (auto& [k, v] : r.activity_detail.items()) j[k] = v;
    if (r.gate) {
      j["energy_per_mac_pj_global_activity"] = opt(r.energy_per_mac_pj_global_activity);
      j.update(gate_json(*r.gate));  // its energy_per_mac_pj is the report's
    }
    j["drive_cell"] = opt(r.drive_cell);
    j["output_load"] = opt(r.output_load);
    json groups = json::object();
    for (const auto& [g, p] : r.path_groups) groups[g] = path_json(p);
    j["path_groups"] = groups;
    j["sta_log"] = opt(r.sta_log);
    j["sta_seconds"] = opt(r.sta_seconds);
  }
  if (r.high_fanout) j["high_fanout"] = high_fanout_json(*r.high_fanout);  // only where one was found
  j["fmax_search"] = nullptr;
  if (const FmaxStep* best = r.best_fmax_step()) {
    json steps = json::array();
    for (const FmaxStep& st : r.fmax_steps)
      steps.push_back({{"target_ns", target_or_null(st.target_ns)},
                       {"period_ns", st.period_ns},
                       {"fmax_mhz", 1000.0 / st.period_ns},
                       {"area_um2", st.area_um2}});
    j["fmax_search"] = {{"steps", steps},
                        {"path", kFmaxDefinition},
                        {"fmax_mhz", 1000.0 / best->period_ns},
                        {"period_ns", best->period_ns},
                        {"area_um2", best->area_um2},
                        {"target_ns", target_or_null(best->target_ns)}};
  }
}

void fpga_to_json(const SynthReport& r, json& j) {
  j["device"] = opt(r.device);
  j["synth_command"] = r.synth_command;
  j["lut"] = r.lut;
  j["ff"] = r.ff;
  j["carry"] = r.carry;
  j["dsp"] = r.dsp;
  j["bram"] = r.bram;
  j["other_cells"] = r.other_cells;
  j["fpga_cell_types"] = r.fpga_cell_types;
  j["pnr"] = r.pnr;
  j["pnr_skipped"] = opt(r.pnr_skipped);
}

}  // namespace

const FmaxStep* SynthReport::best_fmax_step() const {
  const int i = synth::best_fmax_step(fmax_steps);
  return i < 0 ? nullptr : &fmax_steps[static_cast<size_t>(i)];
}

json to_json(const SynthReport& r) {
  json j = {{"generator", "tpegen"},
            {"version", r.version},
            {"top", r.top},
            {"config", r.config},
            {"target", r.target},
            {"work_dir", r.work_dir},
            {"yosys_log", r.yosys_log},
            {"yosys_seconds", r.yosys_seconds},
            {"cells", r.cells},
            {"area_um2", opt(r.area_um2)},
            {"fmax_mhz", opt(r.fmax_mhz)},
            {"fmax_definition", r.fmax_mhz ? json(r.fmax_definition) : json(nullptr)}};
  if (r.target == "asic")
    asic_to_json(r, j);
  else
    fpga_to_json(r, j);
  return j;
}

std::optional<SynthReport> synth_report_from_json(const json& j) {
  if (!j.is_object() || !j.contains("cells") || !j.at("cells").is_number_integer()) return std::nullopt;
  SynthReport r;
  r.version = get_opt<std::string>(j, "version").value_or("");
  r.top = get_opt<std::string>(j, "top").value_or("");
  r.target = get_opt<std::string>(j, "target").value_or("asic");
  r.config = j.contains("config") && j.at("config").is_object() ? j.at("config") : json::object();
  r.work_dir = get_opt<std::string>(j, "work_dir").value_or("");
  r.yosys_log = get_opt<std::string>(j, "yosys_log").value_or("");
  r.yosys_seconds = get_opt<double>(j, "yosys_seconds").value_or(0.0);
  r.cells = j.at("cells").get<long>();
  r.area_um2 = get_opt<double>(j, "area_um2");
  r.memory_area_um2 = get_opt<double>(j, "memory_area_um2");
  r.fmax_mhz = get_opt<double>(j, "fmax_mhz");
  r.fmax_definition = get_opt<std::string>(j, "fmax_definition").value_or("");
  if (r.target != "asic") {
    r.device = get_opt<std::string>(j, "device");
    r.synth_command = get_opt<std::string>(j, "synth_command").value_or("");
    r.lut = get_opt<long>(j, "lut").value_or(0);
    r.ff = get_opt<long>(j, "ff").value_or(0);
    r.carry = get_opt<long>(j, "carry").value_or(0);
    r.dsp = get_opt<long>(j, "dsp").value_or(0);
    r.bram = get_opt<long>(j, "bram").value_or(0);
    r.other_cells = get_opt<long>(j, "other_cells").value_or(0);
    if (j.contains("fpga_cell_types") && j.at("fpga_cell_types").is_object())
      r.fpga_cell_types = j.at("fpga_cell_types").get<std::map<std::string, long>>();
    r.pnr = j.value("pnr", json(nullptr));
    r.pnr_skipped = get_opt<std::string>(j, "pnr_skipped");
    return r;
  }
  r.transistors = get_opt<long>(j, "transistors");
  r.transistors_exact = get_opt<bool>(j, "transistors_exact").value_or(true);
  if (j.contains("generic_cell_types") && j.at("generic_cell_types").is_object())
    r.generic_cell_types = j.at("generic_cell_types").get<std::map<std::string, long>>();
  r.liberty = get_opt<std::string>(j, "liberty");
  r.liberty_origin = get_opt<std::string>(j, "liberty_origin").value_or("");
  r.netlist = get_opt<std::string>(j, "netlist");
  r.area_exact = get_opt<bool>(j, "area_exact").value_or(true);
  r.lib_cells = get_opt<long>(j, "lib_cells");
  if (j.contains("lib_cell_types") && j.at("lib_cell_types").is_object())
    r.lib_cell_types = j.at("lib_cell_types").get<std::map<std::string, long>>();
  r.timing_skipped = get_opt<std::string>(j, "timing_skipped");
  r.clock_period_ns = get_opt<double>(j, "clock_period_ns");
  if (get_opt<double>(j, "critical_path_ns")) {
    ReportPath w;
    w.arrival_ns = j.at("critical_path_ns").get<double>();
    w.slack_ns = get_opt<double>(j, "slack_ns").value_or(0.0);
    w.startpoint = get_opt<std::string>(j, "startpoint").value_or("");
    w.endpoint = get_opt<std::string>(j, "endpoint").value_or("");
    r.worst = w;
    r.worst_group = get_opt<std::string>(j, "path_group").value_or("");
  }
  if (j.contains("path_groups") && j.at("path_groups").is_object())
    for (auto& [g, p] : j.at("path_groups").items())
      if (p.is_object()) r.path_groups[g] = path_from(p);
  r.wns_ns = get_opt<double>(j, "wns_ns");
  r.tns_ns = get_opt<double>(j, "tns_ns");
  r.power_mw = get_opt<double>(j, "power_mw");
  r.power_breakdown_mw = j.value("power_breakdown_mw", json(nullptr));
  r.activity_source = get_opt<std::string>(j, "activity_source").value_or("");
  r.activity = get_opt<double>(j, "activity");
  r.input_activity = get_opt<double>(j, "input_activity");
  r.energy_per_mac_pj = get_opt<double>(j, "energy_per_mac_pj");
  r.energy_per_mac_pj_global_activity = get_opt<double>(j, "energy_per_mac_pj_global_activity");
  r.utilization = get_opt<double>(j, "utilization");
  r.macs_per_cycle = get_opt<double>(j, "macs_per_cycle");
  r.gate = gate_from_json(j);
  for (const char* k : {"activity_ports", "activity_bits", "activity_active_bits", "activity_sim"})
    if (j.contains(k)) r.activity_detail[k] = j.at(k);
  r.drive_cell = get_opt<std::string>(j, "drive_cell");
  r.output_load = get_opt<double>(j, "output_load");
  r.sta_log = get_opt<std::string>(j, "sta_log");
  r.sta_seconds = get_opt<double>(j, "sta_seconds");
  r.high_fanout = high_fanout_from(j);
  if (j.contains("fmax_search") && j.at("fmax_search").is_object() && j.at("fmax_search").contains("steps"))
    for (const json& st : j.at("fmax_search").at("steps"))
      r.fmax_steps.push_back({get_opt<double>(st, "target_ns").value_or(0), get_opt<double>(st, "period_ns").value_or(0.0),
                              get_opt<double>(st, "area_um2").value_or(0.0)});
  return r;
}

}  // namespace tpegen::synth

#include "sweep/result.hpp"

#include <fmt/format.h>

#include "arch/registry.hpp"
#include "config/config_fields.hpp"
#include "sweep/json_fields.hpp"
#include "synth/synth_report.hpp"

namespace tpegen::sweep {
namespace {

using nlohmann::json;

// The PE-specific keys (field table): a baseline matches a bit-weight design on everything else.
bool is_pe_key(const std::string& k) {
  for (const ConfigField& f : config_fields())
    if (k == f.key) return f.pe_option;
  return false;
}

json baseline_key(const json& config) {
  json k = json::object();
  for (auto& [key, v] : config.items())
    if (!is_pe_key(key)) k[key] = v;
  return k;
}


}  // namespace

std::string Result::arch() const { return config.value("arch", std::string()); }
std::string Result::pe() const { return config.value("pe", std::string()); }

double macs_per_cycle_formula(const json& c, std::string* note) {
  // The results' config: arch, pe and dimensions (absent: 1) are all the registry needs.
  auto g = [&](const char* k) { return c.contains(k) && c.at(k).is_number() ? c.at(k).get<int>() : 1; };
  DesignConfig d;
  d.arch = c.value("arch", std::string());
  d.pe = c.value("pe", std::string());
  d.rows = g("rows");
  d.cols = g("cols");
  d.depth = g("depth");
  try {
    return arch_macs_per_cycle(d, note);
  } catch (const ConfigError&) {  // not an architecture of this tpegen: every multiplier busy
    if (note) note->clear();
    return static_cast<double>(d.rows) * d.cols * d.depth;
  }
}

Result result_from_report(const std::string& name, const json& report_json, const json& manifest) {
  Result r;
  r.name = name;
  const std::optional<synth::SynthReport> rep = synth::synth_report_from_json(report_json);
  if (!rep) {
    r.error = "not a tpegen synth report";
    return r;
  }
  r.ok = true;
  r.config = rep->config;
  r.cells = rep->cells;
  r.transistors = rep->transistors.value_or(-1);
  r.area_um2 = rep->area_um2;
  r.fmax_mhz = rep->fmax_mhz;
  if (rep->worst) r.critical_path_ns = rep->worst->arrival_ns;
  r.power_mw = rep->power_mw;
  r.clock_period_ns = rep->clock_period_ns;
  r.activity_source = rep->activity_source;
  r.energy_per_mac_pj = rep->energy_per_mac_pj;
  r.utilization = rep->utilization;
  if (rep->high_fanout && rep->high_fanout->buffered) {
    r.fmax_unbuffered_mhz = rep->high_fanout->unbuffered_fmax_mhz;
    r.high_fanout_net = fmt::format("{} (fanout {})", rep->high_fanout->net, rep->high_fanout->fanout);
  }
  if (rep->gate) {
    r.energy_breakdown = rep->gate->breakdown;
    r.energy_blocks = rep->gate->blocks;
  }
  if (rep->target != "asic") {
    r.fpga = {{"target", rep->target}, {"device", rep->device ? json(*rep->device) : json(nullptr)},
              {"lut", rep->lut}, {"ff", rep->ff}, {"carry", rep->carry}, {"dsp", rep->dsp}, {"bram", rep->bram}};
  }
  if (const synth::FmaxStep* best = rep->best_fmax_step()) {
    r.fmax_search_mhz = 1000.0 / best->period_ns;
    r.fmax_search_area_um2 = best->area_um2;
  }
  // synth::kFmaxDefinition, from the reg2reg group even where fmax_mhz is another path's.
  const auto g = rep->path_groups.find("reg2reg");
  if (g != rep->path_groups.end() && rep->clock_period_ns && *rep->clock_period_ns - g->second.slack_ns > 0)
    r.fmax_reg2reg_mhz = 1e3 / (*rep->clock_period_ns - g->second.slack_ns);
  const json* m = nullptr;
  if (manifest.is_object() && manifest.contains("timing") && manifest.at("timing").is_object() &&
      manifest.at("timing").contains("macs_per_cycle"))
    m = &manifest.at("timing").at("macs_per_cycle");
  if (m && m->is_number()) {
    r.macs_per_cycle = m->get<double>();
    // An estimate names the data it assumes (schema/manifest.schema.json).
    const json& t = manifest.at("timing");
    const std::string data = t.value("macs_per_cycle_data", std::string("any"));
    if (data != "any")
      r.macs_note = t.contains("doc") && t.at("doc").is_object() ? t.at("doc").value("macs_per_cycle", data) : data;
  } else {
    r.macs_per_cycle = macs_per_cycle_formula(r.config, &r.macs_note);
  }
  return r;
}

json result_to_json(const Result& r) {
  return {{"name", r.name},
          {"config", r.config},
          {"ok", r.ok},
          {"error", r.error},
          {"cells", r.cells},
          {"transistors", r.transistors},
          {"area_um2", opt_json(r.area_um2)},
          {"fmax_mhz", opt_json(r.fmax_mhz)},
          {"fmax_reg2reg_mhz", opt_json(r.fmax_reg2reg_mhz)},
          {"critical_path_ns", opt_json(r.critical_path_ns)},
          {"power_mw", opt_json(r.power_mw)},
          {"clock_period_ns", opt_json(r.clock_period_ns)},
          {"macs_per_cycle", opt_json(r.macs_per_cycle)},
          {"macs_note", r.macs_note},
          {"run", r.run},
          {"activity_source", r.activity_source},
          {"energy_per_mac_pj", opt_json(r.energy_per_mac_pj)},
          {"utilization", opt_json(r.utilization)},
          {"fmax_unbuffered_mhz", opt_json(r.fmax_unbuffered_mhz)},
          {"high_fanout_net", r.high_fanout_net},
          {"energy_breakdown_pj_per_mac",
           r.energy_breakdown ? synth::breakdown_json(*r.energy_breakdown) : json(nullptr)},
          {"energy_blocks_pj_per_mac", synth::blocks_json(r.energy_blocks)},
          {"fmax_search_mhz", opt_json(r.fmax_search_mhz)},
          {"fmax_search_area_um2", opt_json(r.fmax_search_area_um2)},
          {"fpga", r.fpga}};
}

std::optional<Result> result_from_json(const json& j) {
  if (!j.is_object() || !j.contains("name") || !j.at("name").is_string() || !j.contains("config") ||
      !j.at("config").is_object() || !j.contains("ok") || !j.at("ok").is_boolean() || !j.contains("cells") ||
      !j.at("cells").is_number_integer())
    return std::nullopt;
  Result r;
  r.name = j.at("name").get<std::string>();
  r.config = j.at("config");
  r.ok = j.at("ok").get<bool>();
  r.error = j.contains("error") && j.at("error").is_string() ? j.at("error").get<std::string>() : "";
  r.cells = j.at("cells").get<long long>();
  r.transistors = j.contains("transistors") && j.at("transistors").is_number_integer()
                      ? j.at("transistors").get<long long>()
                      : -1;
  r.area_um2 = opt_num(j, "area_um2");
  r.fmax_mhz = opt_num(j, "fmax_mhz");
  r.fmax_reg2reg_mhz = opt_num(j, "fmax_reg2reg_mhz");
  r.critical_path_ns = opt_num(j, "critical_path_ns");
  r.power_mw = opt_num(j, "power_mw");
  r.clock_period_ns = opt_num(j, "clock_period_ns");
  r.macs_per_cycle = opt_num(j, "macs_per_cycle");
  r.macs_note = j.contains("macs_note") && j.at("macs_note").is_string() ? j.at("macs_note").get<std::string>() : "";
  r.run = j.contains("run") && j.at("run").is_object() ? j.at("run") : json::object();
  r.activity_source = j.value("activity_source", std::string());
  r.energy_per_mac_pj = opt_num(j, "energy_per_mac_pj");
  r.utilization = opt_num(j, "utilization");
  r.fmax_unbuffered_mhz = opt_num(j, "fmax_unbuffered_mhz");
  r.high_fanout_net = j.value("high_fanout_net", std::string());
  r.energy_breakdown = synth::breakdown_from_json(j.value("energy_breakdown_pj_per_mac", json()));
  r.energy_blocks = synth::blocks_from_json(j.value("energy_blocks_pj_per_mac", json()));
  r.fmax_search_mhz = opt_num(j, "fmax_search_mhz");
  r.fmax_search_area_um2 = opt_num(j, "fmax_search_area_um2");
  r.fpga = j.contains("fpga") && j.at("fpga").is_object() ? j.at("fpga") : json(nullptr);
  return r;
}

Derived derive(const Result& r) {
  Derived d;
  if (!r.ok || !r.macs_per_cycle || *r.macs_per_cycle <= 0) return d;
  if (r.fmax() && r.fmax_area() && *r.fmax_area() > 0)
    // MAC/cycle * MHz / µm² = 1e6 MAC/s / 1e-6 mm² -> GMAC/s/mm² is * 1e3.
    d.area_eff = *r.macs_per_cycle * *r.fmax() / *r.fmax_area() * 1e3;
  if (r.energy_per_mac_pj) {
    d.energy_pj = r.energy_per_mac_pj;  // measured over the simulated workload
  } else if (r.power_mw && r.clock_period_ns && *r.clock_period_ns > 0) {
    const double f_mhz = 1e3 / *r.clock_period_ns;
    // mW / (MAC/cycle * MHz) = 1e-3 W / 1e6 MAC/s = nJ/MAC -> pJ is * 1e3.
    d.energy_pj = *r.power_mw / (*r.macs_per_cycle * f_mhz) * 1e3;
    d.energy_rough = true;
  }
  return d;
}

void link_baselines(std::vector<Result>& results, const BaselineOf& baseline_of) {
  for (Result& r : results) {
    r.baseline = -1;
    if (!r.ok) continue;
    const std::optional<json> want = baseline_of(r.config);
    if (!want) continue;
    const json k = baseline_key(*want);
    const std::string pe = want->value("pe", std::string());
    for (size_t b = 0; b < results.size(); ++b)
      if (results[b].ok && results[b].pe() == pe && results[b].run == r.run && baseline_key(results[b].config) == k) {
        r.baseline = static_cast<int>(b);
        break;
      }
  }
}

int find_baseline(const std::vector<Result>& results, size_t i) { return results[i].baseline; }

Ratios ratios(const Result& opt, const Result& base) {
  Ratios q;
  auto div = [](const std::optional<double>& a, const std::optional<double>& b) -> std::optional<double> {
    if (!a || !b || *b == 0) return std::nullopt;
    return *a / *b;
  };
  q.area = div(opt.area_um2, base.area_um2);
  q.fmax = div(opt.fmax(), base.fmax());
  const Derived o = derive(opt), b = derive(base);
  q.area_eff = div(o.area_eff, b.area_eff);
  q.energy = div(o.energy_pj, b.energy_pj);
  return q;
}

}  // namespace tpegen::sweep

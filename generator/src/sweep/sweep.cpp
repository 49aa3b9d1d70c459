#include "sweep/sweep.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "arch/opt3_column.hpp"
#include "synth/activity.hpp"
#include "synth/fmax_search.hpp"
#include "synth/sta_flow.hpp"
#include "util/json_text.hpp"
#include "util/text_file.hpp"

namespace tpegen::sweep {
namespace {

using nlohmann::json;

std::optional<double> opt_num(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j.at(key).is_number()) return std::nullopt;
  return j.at(key).get<double>();
}

json opt_json(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

std::string fmt_opt(const std::optional<double>& v, const char* spec) {
  return v ? fmt::format(fmt::runtime(spec), *v) : std::string("-");
}

std::string fmt_ratio(const std::optional<double>& v) { return v ? fmt::format("{:.2f}x", *v) : std::string("-"); }

// The PE-specific keys: a baseline matches a bit-weight design on everything else.
bool is_pe_key(const std::string& k) {
  return k == "pe" || k == "encoding" || k == "tree" || k == "use_42" || k == "final_adder" || k == "inject_bug";
}

json baseline_key(const json& config) {
  json k = json::object();
  for (auto& [key, v] : config.items())
    if (!is_pe_key(key)) k[key] = v;
  return k;
}

// Run keys with the values the synth flags accept (ConfigError naming the key otherwise).
void check_run_keys(const json& run) {
  auto wrong_type = [](const char* key, const json& v, const char* what) {
    return ConfigError(fmt::format("invalid {} = {}: expected {}", key, v.dump(), what));
  };
  if (run.contains("clock_period")) {
    const json& v = run.at("clock_period");
    if (!v.is_number()) throw wrong_type("clock_period", v, "a number of ns");
    synth::check_clock_period(v.get<double>(), "clock_period");
  }
  if (run.contains("fmax_search")) {
    const json& v = run.at("fmax_search");
    if (!v.is_number_integer()) throw wrong_type("fmax_search", v, "an integer");
    synth::check_fmax_search(v.get<int>(), "fmax_search");
  }
  if (run.contains("activity")) {
    const json& v = run.at("activity");
    if (!v.is_string()) throw wrong_type("activity", v, "a string");
    synth::check_activity_mode(v.get<std::string>(), "activity");
  }
}

std::string dims(const json& c) {
  auto g = [&](const char* k) { return c.contains(k) && c.at(k).is_number() ? c.at(k).get<int>() : 0; };
  return fmt::format("{}x{}x{} s{}x{}", g("rows"), g("cols"), g("depth"), g("a_width"), g("b_width"));
}

std::string xml_escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string md_cell(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '|') o += "\\|";
    else if (c == '\n') o += ' ';
    else o += c;
  }
  return o;
}

const char* pe_color(const std::string& pe) {
  if (pe == "mac") return "#4c72b0";
  if (pe == "opt1") return "#dd8452";
  if (pe == "opt2") return "#55a868";
  if (pe == "opt3") return "#c44e52";
  return "#8172b3";
}

}  // namespace

std::string Result::arch() const { return config.value("arch", std::string()); }
std::string Result::pe() const { return config.value("pe", std::string()); }

std::vector<Point> expand(const std::string& text, const std::string& origin, const Resolver& resolve_design) {
  const json j = parse_json_object(text, fmt::format("invalid sweep config '{}'", origin));
  for (auto& [key, v] : j.items()) {
    (void)v;
    if (key != "base" && key != "grid" && key != "points")
      throw ConfigError(fmt::format("invalid sweep config '{}': unknown key '{}' (expected base, grid, points)",
                                    origin, key));
  }
  const json base = j.value("base", json::object());
  const json grid = j.value("grid", json::object());
  const json points = j.value("points", json::array());
  if (!base.is_object()) throw ConfigError(fmt::format("invalid sweep config '{}': base is not an object", origin));
  if (!grid.is_object()) throw ConfigError(fmt::format("invalid sweep config '{}': grid is not an object", origin));
  if (!points.is_array()) throw ConfigError(fmt::format("invalid sweep config '{}': points is not an array", origin));

  std::vector<json> designs;
  if (!grid.empty()) {
    std::vector<std::pair<std::string, json>> axes;
    for (auto& [key, values] : grid.items()) {
      if (!values.is_array() || values.empty())
        throw ConfigError(
            fmt::format("invalid sweep config '{}': grid.{} is not a non-empty array of values", origin, key));
      axes.emplace_back(key, values);
    }
    std::vector<size_t> idx(axes.size(), 0);
    bool more = true;
    while (more) {
      json d = base;
      for (size_t a = 0; a < axes.size(); ++a) d[axes[a].first] = axes[a].second[idx[a]];
      designs.push_back(d);
      more = false;
      for (size_t a = axes.size(); a-- > 0;) {
        if (++idx[a] < axes[a].second.size()) {
          more = true;
          break;
        }
        idx[a] = 0;
      }
    }
  } else if (points.empty()) {
    designs.push_back(base);  // just the base design
  }
  for (size_t i = 0; i < points.size(); ++i) {
    if (!points[i].is_object())
      throw ConfigError(fmt::format("invalid sweep config '{}': points[{}] is not an object", origin, i));
    json d = base;
    for (auto& [key, v] : points[i].items()) d[key] = v;
    designs.push_back(d);
  }

  std::vector<Point> out;
  std::set<std::string> seen;
  for (const json& given : designs) {
    Point p;
    p.design = json::object();
    for (auto& [key, v] : given.items()) (is_run_key(key) ? p.run : p.design)[key] = v;
    try {
      check_run_keys(p.run);
      p.resolved = resolve_design(p.design);
      p.name = canonical_name(*p.resolved) + run_suffix(p.run);
    } catch (const ConfigError& e) {
      p.resolved.reset();
      p.skipped = e.what();
    }
    if (p.resolved && !seen.insert(p.name).second) continue;
    out.push_back(std::move(p));
  }
  return out;
}

bool is_run_key(const std::string& key) {
  return key == "clock_period" || key == "fmax_search" || key == "activity";
}

std::string run_suffix(const json& run) {
  std::string s;
  if (run.contains("clock_period")) s += fmt::format("_p{:g}", run.at("clock_period").get<double>());
  if (run.contains("fmax_search")) s += fmt::format("_fs{}", run.at("fmax_search").get<int>());
  if (run.contains("activity")) s += "_" + run.at("activity").get<std::string>();
  return s.empty() ? s : "@" + s.substr(1);
}

json cache_key_json(const CacheInputs& in) {
  return {{"config", in.config},
          {"run", in.run},
          {"liberty", in.liberty},
          {"clock_period_ns", opt_json(in.clock_period_ns)},
          {"version", in.version},
          {"rtl", in.rtl}};
}

namespace {

// FNV-1a 64, continued from h.
uint64_t fnv1a(uint64_t h, const std::string& s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}
constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;

}  // namespace

std::string cache_key(const CacheInputs& in) {
  return fmt::format("{:016x}", fnv1a(kFnvBasis, cache_key_json(in).dump()));  // objects are key-sorted: canonical
}

std::string rtl_digest(const std::vector<std::pair<std::string, std::string>>& files) {
  uint64_t h = kFnvBasis;
  for (const auto& [path, text] : files)
    if (path.rfind("rtl/", 0) == 0) h = fnv1a(fnv1a(h, path + '\0'), text + '\0');
  return fmt::format("{:016x}", h);
}

double macs_per_cycle_formula(const json& c, std::string* note) {
  auto g = [&](const char* k) { return c.contains(k) && c.at(k).is_number() ? c.at(k).get<double>() : 1.0; };
  const std::string arch = c.value("arch", std::string());
  if (note) note->clear();
  if (arch == "systolic-os" || arch == "systolic-ws") return g("rows") * g("cols");
  // Variable latency (int8 normal(0,30) operands): a lock-step k step of rows*depth operands
  // lasts as long as its slowest one (arch::expected_step_cycles).
  const bool laconic = arch == "bitslice" && c.value("pe", std::string("laconic")) == "laconic";
  if (arch == "opt4c" || arch == "opt4e" || (arch == "bitslice" && !laconic)) {
    const int ops = static_cast<int>(g("rows") * (arch == "opt4e" ? g("depth") : 1.0));
    const double cycles = arch::expected_step_cycles(ops);
    if (note) *note = fmt::format("estimate: rows*cols*depth/{:.2f} ({:.2f} cycles per step of {} int8 normal(0,30) operands)",
                                  cycles, cycles, ops);
    return ops * g("cols") / cycles;
  }
  if (laconic) {  // cycles per int8 operand measured at sigma = 30, N = 16 (README)
    if (note) *note = "estimate: cols/9.9 (Laconic lock step, int8 normal(0,30))";
    return g("cols") / 9.9;
  }
  return g("rows") * g("cols") * g("depth");  // cube, mac-tree (rows 1), matrix2d
}

Result result_from_report(const std::string& name, const json& report, const json& manifest) {
  Result r;
  r.name = name;
  r.ok = true;
  r.config = report.value("config", json::object());
  r.cells = report.value("cells", -1LL);
  r.transistors = report.value("transistors", -1LL);
  r.area_um2 = opt_num(report, "area_um2");
  r.fmax_mhz = opt_num(report, "fmax_mhz");
  r.critical_path_ns = opt_num(report, "critical_path_ns");
  r.power_mw = opt_num(report, "power_mw");
  r.clock_period_ns = opt_num(report, "clock_period_ns");
  r.activity_source = report.value("activity_source", std::string());
  r.energy_per_mac_pj = opt_num(report, "energy_per_mac_pj");
  if (report.contains("fmax_search") && report.at("fmax_search").is_object()) {
    r.fmax_search_mhz = opt_num(report.at("fmax_search"), "fmax_mhz");
    r.fmax_search_area_um2 = opt_num(report.at("fmax_search"), "area_um2");
  }
  if (report.contains("path_groups") && report.at("path_groups").is_object() &&
      report.at("path_groups").contains("reg2reg"))
    if (auto a = opt_num(report.at("path_groups").at("reg2reg"), "arrival_ns"); a && *a > 0)
      r.fmax_reg2reg_mhz = 1e3 / *a;
  const json* m = nullptr;
  if (manifest.is_object() && manifest.contains("timing") && manifest.at("timing").is_object() &&
      manifest.at("timing").contains("macs_per_cycle"))
    m = &manifest.at("timing").at("macs_per_cycle");
  if (m && m->is_number()) {
    r.macs_per_cycle = m->get<double>();
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
          {"fmax_search_mhz", opt_json(r.fmax_search_mhz)},
          {"fmax_search_area_um2", opt_json(r.fmax_search_area_um2)}};
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
  r.fmax_search_mhz = opt_num(j, "fmax_search_mhz");
  r.fmax_search_area_um2 = opt_num(j, "fmax_search_area_um2");
  return r;
}

std::string cache_file_text(const std::string& key, const CacheInputs& in, const Result& r) {
  return json{{"key", key}, {"inputs", cache_key_json(in)}, {"result", result_to_json(r)}}.dump(2) + "\n";
}

std::optional<Result> read_cache_file(const std::filesystem::path& p, const std::string& key, std::string* why) {
  auto fail = [&](const std::string& w) -> std::optional<Result> {
    if (why) *why = w;
    return std::nullopt;
  };
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p, ec)) return fail("no cache file");
  const std::optional<std::string> text = read_text_file(p);
  if (!text) return fail("no cache file");
  const json j = json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return fail("corrupt cache file (not JSON)");
  if (!j.contains("key") || j.at("key") != key) return fail("cache file for another key");
  if (!j.contains("result")) return fail("corrupt cache file (no result)");
  std::optional<Result> r = result_from_json(j.at("result"));
  if (!r || !r->ok) return fail("corrupt cache file (bad result)");
  r->cached = true;
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

std::string to_csv(const std::vector<Result>& results) {
  std::string s =
      "name,arch,pe,rows,cols,depth,a_width,b_width,status,error,cells,transistors,area_um2,fmax_mhz,"
      "fmax_reg2reg_mhz,critical_path_ns,power_mw,clock_period_ns,macs_per_cycle,area_eff_gmacs_per_mm2,energy_pj_per_mac,"
      "baseline,area_ratio,fmax_ratio,area_eff_ratio,energy_ratio,activity,fmax_search_mhz,fmax_search_area_um2\n";
  auto num = [](const std::optional<double>& v) { return v ? fmt::format("{:.6g}", *v) : std::string(); };
  auto geti = [](const json& c, const char* k) {
    return c.contains(k) && c.at(k).is_number() ? std::to_string(c.at(k).get<long long>()) : std::string();
  };
  for (size_t i = 0; i < results.size(); ++i) {
    const Result& r = results[i];
    const Derived d = derive(r);
    const int b = find_baseline(results, i);
    const Ratios q = b >= 0 ? ratios(r, results[static_cast<size_t>(b)]) : Ratios{};
    s += fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(r.name),
        csv_field(r.arch()), csv_field(r.pe()), geti(r.config, "rows"), geti(r.config, "cols"),
        geti(r.config, "depth"), geti(r.config, "a_width"), geti(r.config, "b_width"), r.ok ? "ok" : "failed",
        csv_field(r.error), r.ok && r.cells >= 0 ? std::to_string(r.cells) : "",
        r.ok && r.transistors >= 0 ? std::to_string(r.transistors) : "", num(r.area_um2), num(r.fmax_mhz),
        num(r.fmax_reg2reg_mhz), num(r.critical_path_ns), num(r.power_mw), num(r.clock_period_ns), num(r.macs_per_cycle), num(d.area_eff),
        num(d.energy_pj), b >= 0 ? csv_field(results[static_cast<size_t>(b)].name) : "", num(q.area), num(q.fmax),
        num(q.area_eff), num(q.energy), csv_field(r.activity_source), num(r.fmax_search_mhz),
        num(r.fmax_search_area_um2));
  }
  return s;
}

std::string to_markdown(const std::vector<Result>& results, const std::vector<Point>& skipped) {
  std::string s = "# tpegen sweep\n\n";
  s += "Area: standard-cell area of the mapped netlist. fmax: from the worst path (OpenSTA); reg2reg "
       "fmax: register-to-register paths only (the unbuffered netlist's port fan-out, which dominates the "
       "worst path of the broadcast arrays before placement buffers it, excluded). The fmax ratio, area "
       "efficiency and plots use reg2reg fmax when known, else the worst path. "
       "With an fmax search (fmax_search > 0) its best clock and that netlist's area are used instead. "
       "Area efficiency: MACs/cycle × fmax / area (GMAC/s/mm²). Energy (pJ/MAC): with simulated activity "
       "(activity sim) the energy of the simulated GEMM workload divided by its useful MACs; with static "
       "activity power / (MACs/cycle × f) at the clock period the power was measured at. Ratios: each "
       "design vs its baseline (the architecture's first PE variant at the same size and widths, or the "
       "architecture's own rule, e.g. a row of MAC PEs for opt4c), measured the same way (area "
       "efficiency: > 1 is better; energy: > 1 means more energy per MAC).\n\n";
  s += "| design | arch | pe | rows×cols×depth | cells | area µm² | fmax MHz | reg2reg fmax MHz | searched fmax MHz | "
       "power mW | activity | MACs/cycle | GMAC/s/mm² | pJ/MAC | area × | fmax × | area eff × | energy × |\n";
  s += "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  bool estimate = false;
  for (size_t i = 0; i < results.size(); ++i) {
    const Result& r = results[i];
    const std::string dim = dims(r.config);
    if (!r.ok) {
      s += fmt::format("| {} | {} | {} | {} | FAILED: {} | | | | | | | | | | | | | |\n", md_cell(r.name), r.arch(),
                       r.pe(), dim, md_cell(r.error));
      continue;
    }
    const Derived d = derive(r);
    const int b = find_baseline(results, i);
    const Ratios q = b >= 0 ? ratios(r, results[static_cast<size_t>(b)]) : Ratios{};
    const bool show = b >= 0;
    estimate |= !r.macs_note.empty();
    s += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {}{} | {} | {} | {} | {} | {} | {} |\n",
                     md_cell(r.name), r.arch(), r.pe(), dim, r.cells, fmt_opt(r.area_um2, "{:.1f}"),
                     fmt_opt(r.fmax_mhz, "{:.1f}"), fmt_opt(r.fmax_reg2reg_mhz, "{:.1f}"),
                     fmt_opt(r.fmax_search_mhz, "{:.1f}"), fmt_opt(r.power_mw, "{:.3f}"),
                     r.activity_source.empty() ? "-" : r.activity_source,
                     fmt_opt(r.macs_per_cycle, "{:g}"), r.macs_note.empty() ? "" : "*",
                     fmt_opt(d.area_eff, "{:.2f}"), fmt_opt(d.energy_pj, "{:.3f}"),
                     show ? fmt_ratio(q.area) : "", show ? fmt_ratio(q.fmax) : "", show ? fmt_ratio(q.area_eff) : "",
                     show ? fmt_ratio(q.energy) : "");
  }
  if (estimate) s += "\n\\* MACs/cycle estimated (variable-latency design, int8 normal data).\n";
  bool any_skipped = false;
  for (const Point& p : skipped) {
    if (p.resolved) continue;
    if (!any_skipped) s += "\nSkipped (invalid combinations):\n\n";
    any_skipped = true;
    s += fmt::format("- `{}`: {}\n", p.design.dump(), md_cell(p.skipped));
  }
  return s;
}

namespace {

struct Frame {
  double x0 = 70, y0 = 30, w = 560, h = 360;
};

std::string svg_header(int width, int height, const std::string& title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"{0}\" height=\"{1}\" fill=\"white\"/>\n"
      "<text x=\"{2}\" y=\"18\" text-anchor=\"middle\" font-size=\"14\">{3}</text>\n",
      width, height, width / 2, xml_escape(title));
}

double nice_max(double v) {
  if (v <= 0) return 1;
  const double p = std::pow(10.0, std::floor(std::log10(v)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (v <= m * p) return m * p;
  return 10 * p;
}

std::string legend(const std::vector<std::string>& pes, double x, double y) {
  std::string s;
  for (size_t i = 0; i < pes.size(); ++i) {
    const double yy = y + 16.0 * static_cast<double>(i);
    s += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"10\" height=\"10\" fill=\"{}\"/>"
                     "<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
                     x, yy, pe_color(pes[i]), x + 14, yy + 9, xml_escape(pes[i]));
  }
  return s;
}

std::vector<std::string> pes_of(const std::vector<Result>& results) {
  std::vector<std::string> pes;
  for (const Result& r : results)
    if (r.ok && std::find(pes.begin(), pes.end(), r.pe()) == pes.end()) pes.push_back(r.pe());
  return pes;
}

}  // namespace

std::string svg_area_fmax(const std::vector<Result>& results) {
  const Frame f;
  const int width = 800, height = 430;
  std::string s = svg_header(width, height, "area vs fmax (line: each design to its baseline)");
  double amax = 0, fmaxmax = 0;
  for (const Result& r : results)
    if (r.ok && r.area_um2 && r.fmax()) {
      amax = std::max(amax, *r.area_um2);
      fmaxmax = std::max(fmaxmax, *r.fmax());
    }
  amax = nice_max(amax);
  fmaxmax = nice_max(fmaxmax);
  auto X = [&](double a) { return f.x0 + a / amax * f.w; };
  auto Y = [&](double v) { return f.y0 + f.h - v / fmaxmax * f.h; };
  s += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"black\"/>\n", f.x0,
                   f.y0, f.w, f.h);
  for (int t = 0; t <= 5; ++t) {
    const double a = amax * t / 5, v = fmaxmax * t / 5;
    s += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#ddd\"/>"
                     "<text x=\"{0:.1f}\" y=\"{3}\" text-anchor=\"middle\">{4:g}</text>\n",
                     X(a), f.y0, f.y0 + f.h, f.y0 + f.h + 14, a);
    s += fmt::format("<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#ddd\"/>"
                     "<text x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\">{5:g}</text>\n",
                     f.x0, Y(v), f.x0 + f.w, f.x0 - 4, Y(v) + 4, v);
  }
  s += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">area (µm²)</text>\n", f.x0 + f.w / 2,
                   f.y0 + f.h + 32);
  s += fmt::format("<text x=\"16\" y=\"{0}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {0})\">fmax "
                   "(MHz, reg2reg when known)</text>\n",
                   f.y0 + f.h / 2);
  for (size_t i = 0; i < results.size(); ++i) {
    const Result& r = results[i];
    const int b = find_baseline(results, i);
    if (b < 0 || !r.area_um2 || !r.fmax()) continue;
    const Result& base = results[static_cast<size_t>(b)];
    if (!base.area_um2 || !base.fmax()) continue;
    s += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#999\" "
                     "stroke-dasharray=\"3,3\"/>\n",
                     X(*base.area_um2), Y(*base.fmax()), X(*r.area_um2), Y(*r.fmax()));
  }
  for (const Result& r : results) {
    if (!r.ok || !r.area_um2 || !r.fmax()) continue;
    s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"{}\"><title>{}</title></circle>"
                     "<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"9\">{}</text>\n",
                     X(*r.area_um2), Y(*r.fmax()), pe_color(r.pe()), xml_escape(r.name), X(*r.area_um2) + 5,
                     Y(*r.fmax()) - 5, xml_escape(r.arch() + " " + r.pe()));
  }
  s += legend(pes_of(results), f.x0 + f.w + 20, f.y0 + 10);
  return s + "</svg>\n";
}

std::string svg_area_eff(const std::vector<Result>& results) {
  // Groups: each baseline followed by the designs compared with it; then the others.
  std::vector<std::vector<size_t>> groups;
  std::vector<bool> used(results.size(), false);
  for (size_t i = 0; i < results.size(); ++i) {
    bool is_baseline = false;
    for (const Result& r : results) is_baseline = is_baseline || r.baseline == static_cast<int>(i);
    if (!results[i].ok || !is_baseline || used[i]) continue;
    std::vector<size_t> g{i};
    used[i] = true;
    for (size_t j = 0; j < results.size(); ++j)
      if (find_baseline(results, j) == static_cast<int>(i)) {
        g.push_back(j);
        used[j] = true;
      }
    groups.push_back(g);
  }
  for (size_t i = 0; i < results.size(); ++i)
    if (!used[i] && results[i].ok) groups.push_back({i});
  double vmax = 0;
  size_t bars = 0;
  for (const auto& g : groups)
    for (size_t i : g) {
      ++bars;
      if (auto e = derive(results[i]).area_eff) vmax = std::max(vmax, *e);
    }
  vmax = nice_max(vmax);
  const double bar_w = 18, gap = 14, x0 = 70, y0 = 30, h = 300;
  const double w = std::max(480.0, static_cast<double>(bars) * bar_w + static_cast<double>(groups.size()) * gap + gap);
  const int width = static_cast<int>(x0 + w + 120), height = static_cast<int>(y0 + h + 130);
  std::string s = svg_header(width, height, "area efficiency (GMAC/s/mm² at fmax), each design beside its baseline");
  auto Y = [&](double v) { return y0 + h - v / vmax * h; };
  for (int t = 0; t <= 5; ++t) {
    const double v = vmax * t / 5;
    s += fmt::format("<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#ddd\"/>"
                     "<text x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\">{5:g}</text>\n",
                     x0, Y(v), x0 + w, x0 - 4, Y(v) + 4, v);
  }
  s += fmt::format("<text x=\"16\" y=\"{0}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {0})\">GMAC/s/mm²"
                   "</text>\n",
                   y0 + h / 2);
  double x = x0 + gap;
  for (const auto& g : groups) {
    const double gx = x;
    for (size_t i : g) {
      const Result& r = results[i];
      const auto e = derive(r).area_eff;
      if (e)
        s += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" fill=\"{}\">"
                         "<title>{}: {:.2f}</title></rect>\n",
                         x, Y(*e), bar_w - 2, y0 + h - Y(*e), pe_color(r.pe()), xml_escape(r.name), *e);
      else
        s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"9\">n/a</text>\n", x, y0 + h - 4);
      x += bar_w;
    }
    const Result& first = results[g.front()];
    const double cx = (gx + x) / 2;
    s += fmt::format("<text x=\"{0:.1f}\" y=\"{1:.1f}\" font-size=\"9\" text-anchor=\"end\" "
                     "transform=\"rotate(-45 {0:.1f} {1:.1f})\">{2}</text>\n",
                     cx, y0 + h + 12, xml_escape(first.arch() + " " + dims(first.config)));
    x += gap;
  }
  s += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"black\"/>\n", x0, y0 + h, x0 + w);
  s += legend(pes_of(results), x0 + w + 20, y0 + 10);
  return s + "</svg>\n";
}

}  // namespace tpegen::sweep

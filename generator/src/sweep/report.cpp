#include "sweep/report.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include <fmt/format.h>

#include "arch/pe_traits.hpp"
#include "sweep/energy_blocks.hpp"
#include "sweep/expand.hpp"
#include "sweep/json_fields.hpp"
#include "sweep/table_cells.hpp"
#include "synth/synth_report.hpp"
#include "util/text.hpp"

namespace tpegen::sweep {
namespace {

using nlohmann::json;

std::string fmt_opt(const std::optional<double>& v, const char* spec) {
  return v ? fmt::format(fmt::runtime(spec), *v) : std::string("-");
}

std::string fmt_ratio(const std::optional<double>& v) { return v ? fmt::format("{:.2f}x", *v) : std::string("-"); }

// "≈" before a figure from static activity ("-" stays as it is).
std::string rough_mark(bool rough, const std::string& cell) { return rough && cell != "-" ? "≈" + cell : cell; }

constexpr const char* kRoughEnergyNote =
    "≈ Energy from static activity (0.1 toggles per net and cycle, every cycle busy): a rough "
    "estimate, which can reverse the comparison of PE variants; a sweep with `\"activity\": \"sim\"` or "
    "`\"gate\"` measures the energy of a simulated workload.";

// The activity model, and for a simulated workload its utilization ("sim, 49 % busy").
std::string activity_cell(const Result& r) {
  if (r.activity_source.empty()) return "-";
  if (!r.utilization) return r.activity_source;
  return fmt::format("{}, {:.0f} % busy", r.activity_source, 100 * *r.utilization);
}


std::string dims(const json& c) {
  auto g = [&](const char* k) { return c.contains(k) && c.at(k).is_number() ? c.at(k).get<int>() : 0; };
  return fmt::format("{}x{}x{} s{}x{}", g("rows"), g("cols"), g("depth"), g("a_width"), g("b_width"));
}

// The array size a plot labels a point with: rows x cols, x depth where the depth is used.
std::string size_label(const json& c) {
  auto g = [&](const char* k) { return c.contains(k) && c.at(k).is_number() ? c.at(k).get<int>() : 0; };
  return g("depth") > 1 ? fmt::format("{}x{}x{}", g("rows"), g("cols"), g("depth"))
                        : fmt::format("{}x{}", g("rows"), g("cols"));
}

// The registry's colour of a PE variant (arch/pe_traits.cpp), the default for a name it
// does not know (a results file from another version).
std::string pe_color(const std::string& pe) {
  const PeTraits* t = find_pe_traits(pe);
  return t ? t->plot_colour : PeTraits{}.plot_colour;
}

// "lut<sep>ff<sep>carry<sep>dsp<sep>bram" of an FPGA result (empty fields for asic).
std::string fpga_counts(const Result& r, const char* sep) {
  std::string s;
  bool first = true;
  for (const char* k : {"lut", "ff", "carry", "dsp", "bram"}) {
    const std::optional<double> v = r.fpga.is_object() ? opt_num(r.fpga, k) : std::nullopt;
    s += (first ? "" : sep) + (v ? fmt::format("{:g}", *v) : std::string());
    first = false;
  }
  return s;
}

// The FPGA points (target key) in their own table: resource counts, nextpnr fmax, and the
// LUT, flip-flop and fmax ratios to the baseline on the same target.
std::string fpga_markdown(const std::vector<Result>& results) {
  std::string s;
  for (size_t i = 0; i < results.size(); ++i) {
    const Result& r = results[i];
    if (!r.ok || !r.fpga.is_object()) continue;
    if (s.empty())
      s = "\n## FPGA targets\n\nYosys synth_* resource counts; fmax from nextpnr-ice40 (iCE40 only). "
          "Ratios against the baseline on the same target.\n\n"
          "| design | target | LUT | FF | carry | DSP | BRAM | fmax MHz | LUT × | FF × | fmax × |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|\n";
    const int b = find_baseline(results, i);
    auto ratio = [&](const char* k) -> std::string {
      if (b < 0) return "";
      const auto x = opt_num(r.fpga, k), y = opt_num(results[static_cast<size_t>(b)].fpga, k);
      return x && y && *y > 0 ? fmt_ratio(*x / *y) : "-";
    };
    const std::string target =
        r.fpga.value("target", std::string()) +
        (r.fpga.contains("device") && r.fpga.at("device").is_string() ? " " + r.fpga.at("device").get<std::string>() : "");
    s += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", md_cell(r.name), target, fpga_counts(r, " | "),
                     fmt_opt(r.fmax_mhz, "{:.1f}"), ratio("lut"), ratio("ff"),
                     b >= 0 ? fmt_ratio(ratios(r, results[static_cast<size_t>(b)]).fmax) : "");
  }
  return s;
}

// The gate-level energy breakdown (pJ/MAC, synth::kBreakdownKeys order) as cells joined by
// `sep`, each formatted by `spec`; empty cells without one.
std::string breakdown_cells(const Result& r, const char* sep, const char* spec) {
  std::string s;
  for (size_t i = 0; i < synth::kBreakdownKeys.size(); ++i) {
    if (i) s += sep;
    if (r.energy_breakdown) s += fmt::format(fmt::runtime(spec), r.energy_breakdown->values()[i]);
  }
  return s;
}

std::string breakdown_markdown(const std::vector<Result>& results) {
  std::string s;
  for (const Result& r : results) {
    if (!r.ok || !r.energy_breakdown) continue;
    if (s.empty())
      s = "\nEnergy per MAC by class (activity gate: per-cell transitions of the netlist at unit delay; glitch is "
          "the part of combinational due to glitches; clock + sequential + combinational + leakage = total), "
          "pJ/MAC:\n\n| design | total | clock | sequential | combinational | glitch | leakage |\n"
          "|---|---|---|---|---|---|---|\n";
    s += fmt::format("| {} | {} | {} |\n", md_cell(r.name), fmt_opt(r.energy_per_mac_pj, "{:.3f}"),
                     breakdown_cells(r, " | ", "{:.3f}"));
  }
  return s;
}

}  // namespace

std::string to_csv(const std::vector<Result>& results) {
  std::string s =
      "name,arch,pe,rows,cols,depth,a_width,b_width,status,error,cells,transistors,area_um2,fmax_mhz,"
      "fmax_reg2reg_mhz,critical_path_ns,power_mw,clock_period_ns,macs_per_cycle,area_eff_gmacs_per_mm2,energy_pj_per_mac,"
      "baseline,area_ratio,fmax_ratio,area_eff_ratio,energy_ratio,activity,fmax_search_mhz,fmax_search_area_um2,"
      "target,lut,ff,carry,dsp,bram,energy_clock_pj,energy_sequential_pj,energy_combinational_pj,"
      "energy_glitch_pj,energy_leakage_pj,utilization,energy_rough,fmax_unbuffered_mhz\n";
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
        "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
        csv_field(r.name),
        csv_field(r.arch()), csv_field(r.pe()), geti(r.config, "rows"), geti(r.config, "cols"),
        geti(r.config, "depth"), geti(r.config, "a_width"), geti(r.config, "b_width"), r.ok ? "ok" : "failed",
        csv_field(r.error), r.ok && r.cells >= 0 ? std::to_string(r.cells) : "",
        r.ok && r.transistors >= 0 ? std::to_string(r.transistors) : "", num(r.area_um2), num(r.fmax_mhz),
        num(r.fmax_reg2reg_mhz), num(r.critical_path_ns), num(r.power_mw), num(r.clock_period_ns), num(r.macs_per_cycle), num(d.area_eff),
        num(d.energy_pj), b >= 0 ? csv_field(results[static_cast<size_t>(b)].name) : "", num(q.area), num(q.fmax),
        num(q.area_eff), num(q.energy), csv_field(r.activity_source), num(r.fmax_search_mhz),
        num(r.fmax_search_area_um2), r.fpga.is_object() ? r.fpga.value("target", std::string()) : "asic",
        fpga_counts(r, ","), breakdown_cells(r, ",", "{:.6g}"), num(r.utilization),
        d.energy_pj ? (d.energy_rough ? "1" : "0") : "", num(r.fmax_unbuffered_mhz));
  }
  return s;
}

std::string to_markdown(const std::vector<Result>& results, const std::vector<Point>& skipped) {
  std::string s = "# tpegen sweep\n\n";
  s += fmt::format(
      "Area: standard-cell area of the mapped netlist. fmax (ASIC, as tpegen synth prints it): {}, i.e. "
      "the clock the register-to-register paths meet with the flip-flops' setup time (OpenSTA; the "
      "unbuffered netlist's port fan-out, which dominates the worst path of the broadcast arrays before "
      "placement buffers it, excluded); the reg2reg column is the same figure, kept for reports of older "
      "versions. The fmax ratio, area efficiency and plots use it. ",
      synth::kFmaxDefinition);
  s += "With an fmax search (fmax_search > 0) its best clock and that netlist's area are used instead. "
       "Area efficiency: MACs/cycle × fmax / area (GMAC/s/mm²). Energy (pJ/MAC): with simulated activity "
       "(activity sim) the energy of the simulated GEMM workload divided by its useful MACs; with static "
       "activity power / (MACs/cycle × f) at the clock period the power was measured at. Ratios: each "
       "design vs its baseline (the architecture's first PE variant at the same size and widths, or the "
       "architecture's own rule, e.g. a row of MAC PEs for opt4c), measured the same way (area "
       "efficiency: > 1 is better; energy: > 1 means more energy per MAC). The activity column gives a "
       "simulated workload's utilization (useful MACs / (cycles × peak MACs per cycle)).\n\n";
  s += "| design | arch | pe | rows×cols×depth | cells | area µm² | fmax MHz | reg2reg fmax MHz | searched fmax MHz | "
       "power mW | activity | MACs/cycle | GMAC/s/mm² | pJ/MAC | area × | fmax × | area eff × | energy × |\n";
  s += "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  bool estimate = false, rough = false;
  std::string buffered;  // the points mapped again with buffering, for the note under the table
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
    // A static-activity energy, or a ratio built on one, carries the mark of a rough estimate.
    const bool rough_ratio = d.energy_rough || (show && derive(results[static_cast<size_t>(b)]).energy_rough);
    rough |= d.energy_rough;
    if (r.fmax_unbuffered_mhz)
      buffered += fmt::format("{}`{}`: {}, {:.1f} MHz unbuffered", buffered.empty() ? "" : "; ", r.name,
                              md_cell(r.high_fanout_net), *r.fmax_unbuffered_mhz);
    s += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {}{} | {} | {} | {} | {} | {} | {} |\n",
                     md_cell(r.name), r.arch(), r.pe(), dim, r.cells, fmt_opt(r.area_um2, "{:.1f}"),
                     fmt_opt(r.fmax_mhz, "{:.1f}") + (r.fmax_unbuffered_mhz ? "†" : ""),
                     fmt_opt(r.fmax_reg2reg_mhz, "{:.1f}"),
                     fmt_opt(r.fmax_search_mhz, "{:.1f}"), fmt_opt(r.power_mw, "{:.3f}"),
                     activity_cell(r), fmt_opt(r.macs_per_cycle, "{:g}"), r.macs_note.empty() ? "" : "*",
                     fmt_opt(d.area_eff, "{:.2f}"), rough_mark(d.energy_rough, fmt_opt(d.energy_pj, "{:.3f}")),
                     show ? fmt_ratio(q.area) : "", show ? fmt_ratio(q.fmax) : "", show ? fmt_ratio(q.area_eff) : "",
                     show ? rough_mark(rough_ratio, fmt_ratio(q.energy)) : "");
  }
  if (estimate) s += "\n\\* MACs/cycle estimated (variable-latency design, int8 normal data).\n";
  if (rough) s += fmt::format("\n{}\n", kRoughEnergyNote);
  if (!buffered.empty())
    s += fmt::format("\n† Area, fmax and power of the netlist mapped again with ABC's buffering: a high-fanout net "
                     "dominated the unbuffered netlist's critical path ({}).\n",
                     buffered);
  s += fpga_markdown(results);
  s += breakdown_markdown(results);
  s += blocks_markdown(results);
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
  double x0 = 70, y0 = 30, w = 680, h = 400;
};

// width="100%": a page shows the plot as wide as its column (the viewBox keeps the proportions).
std::string svg_header(int width, int height, const std::string& title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 {0} {1}\" "
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

// A bar chart's value axis: five grid lines from 0 to vmax with their values, and its label.
std::string value_axis(double x0, double y0, double w, double h, double vmax, const std::string& label) {
  std::string s;
  for (int t = 0; t <= 5; ++t) {
    const double v = vmax * t / 5, y = y0 + h - v / vmax * h;
    s += fmt::format("<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#ddd\"/>"
                     "<text x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\">{5:g}</text>\n",
                     x0, y, x0 + w, x0 - 4, y + 4, v);
  }
  return s + fmt::format("<text x=\"16\" y=\"{0}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {0})\">{1}"
                         "</text>\n",
                         y0 + h / 2, label);
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
  const int width = 920, height = 480;
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
                     Y(*r.fmax()) - 5, xml_escape(r.arch() + " " + r.pe() + " " + size_label(r.config)));
  }
  const std::vector<std::string> pes = pes_of(results);
  s += legend(pes, f.x0 + f.w + 20, f.y0 + 10);
  const double ly = f.y0 + 10 + 16.0 * static_cast<double>(pes.size()) + 8;
  s += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#999\" stroke-dasharray=\"3,3\"/>"
                   "<text x=\"{3}\" y=\"{4}\">to its baseline</text>\n",
                   f.x0 + f.w + 20, ly + 5, f.x0 + f.w + 30, f.x0 + f.w + 34, ly + 9);
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
  vmax = nice_max(vmax * 1.15);  // room for the size labels above the tallest bar
  const double bar_w = 18, gap = 14, x0 = 70, y0 = 30, h = 300;
  const double w = std::max(480.0, static_cast<double>(bars) * bar_w + static_cast<double>(groups.size()) * gap + gap);
  const int width = static_cast<int>(x0 + w + 120), height = static_cast<int>(y0 + h + 130);
  std::string s = svg_header(width, height, "area efficiency (GMAC/s/mm² at fmax), each design beside its baseline");
  auto Y = [&](double v) { return y0 + h - v / vmax * h; };
  s += value_axis(x0, y0, w, h, vmax, "GMAC/s/mm²");
  double x = x0 + gap;
  for (const auto& g : groups) {
    const double gx = x;
    for (size_t i : g) {
      const Result& r = results[i];
      const auto e = derive(r).area_eff;
      if (e) {
        s += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" fill=\"{}\">"
                         "<title>{}: {:.2f}</title></rect>\n",
                         x, Y(*e), bar_w - 2, y0 + h - Y(*e), pe_color(r.pe()), xml_escape(r.name), *e);
        // Each bar's size, upwards from the bar's top (a design and its baseline may differ).
        s += fmt::format("<text x=\"{0:.1f}\" y=\"{1:.1f}\" font-size=\"9\" transform=\"rotate(-90 {0:.1f} {1:.1f})\">"
                         "{2}</text>\n",
                         x + bar_w / 2 + 2, Y(*e) - 3, xml_escape(size_label(r.config)));
      } else
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

namespace {

// "arch pe RxCxD sAxB" and the point's run-key suffix ("@p5_gate"): the full names are too
// long under a bar (they are in each segment's title).
std::string short_label(const Result& r) {
  const size_t at = r.name.rfind('@');
  return r.arch() + " " + r.pe() + " " + dims(r.config) + (at == std::string::npos ? "" : r.name.substr(at));
}

}  // namespace

std::string svg_energy_breakdown(const std::vector<Result>& results) {
  // Bottom to top; combinational is split into its settled part and its glitch part.
  struct Segment {
    const char* cls;
    const char* label;
    const char* color;
    double (*pj)(const synth::EnergyBreakdown&);
  };
  static const Segment kSegments[] = {
      {"clock", "clock", "#4e79a7", [](const synth::EnergyBreakdown& e) { return e.clock; }},
      {"sequential", "sequential", "#59a14f", [](const synth::EnergyBreakdown& e) { return e.sequential; }},
      {"settled", "combinational (settled)", "#f28e2b",
       [](const synth::EnergyBreakdown& e) { return e.combinational - e.glitch; }},
      {"glitch", "combinational (glitch)", "#e15759", [](const synth::EnergyBreakdown& e) { return e.glitch; }},
      {"leakage", "leakage", "#9c755f", [](const synth::EnergyBreakdown& e) { return e.leakage; }}};
  std::vector<const Result*> bars;
  double vmax = 0;
  for (const Result& r : results)
    if (r.ok && r.energy_breakdown) {
      bars.push_back(&r);
      vmax = std::max(vmax, r.energy_breakdown->total());
    }
  if (bars.empty()) return "";
  vmax = nice_max(vmax);
  const double bar_w = 28, gap = 16, x0 = 70, y0 = 30, h = 300;
  const double w = std::max(360.0, static_cast<double>(bars.size()) * (bar_w + gap) + gap);
  const int width = static_cast<int>(x0 + w + 190), height = static_cast<int>(y0 + h + 150);
  std::string s = svg_header(width, height, "energy per MAC by class (activity gate), one bar per design point");
  auto Y = [&](double v) { return y0 + h - v / vmax * h; };
  s += value_axis(x0, y0, w, h, vmax, "pJ/MAC");
  double x = x0 + gap;
  for (const Result* r : bars) {
    double base = 0;
    for (const Segment& g : kSegments) {
      const double v = std::max(0.0, g.pj(*r->energy_breakdown));
      s += fmt::format("<rect class=\"{}\" x=\"{:.1f}\" y=\"{:.3f}\" width=\"{}\" height=\"{:.3f}\" fill=\"{}\">"
                       "<title>{}: {} {:.4f} pJ/MAC</title></rect>\n",
                       g.cls, x, Y(base + v), bar_w, Y(base) - Y(base + v), g.color, xml_escape(r->name), g.label, v);
      base += v;
    }
    s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"9\" text-anchor=\"middle\">{:.2f}</text>\n",
                     x + bar_w / 2, Y(base) - 3, r->energy_breakdown->total());
    s += fmt::format("<text x=\"{0:.1f}\" y=\"{1:.1f}\" font-size=\"9\" text-anchor=\"end\" "
                     "transform=\"rotate(-45 {0:.1f} {1:.1f})\">{2}</text>\n",
                     x + bar_w / 2, y0 + h + 12, xml_escape(short_label(*r)));
    x += bar_w + gap;
  }
  s += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"black\"/>\n", x0, y0 + h, x0 + w);
  for (size_t i = 0; i < std::size(kSegments); ++i) {  // legend, top segment first
    const Segment& g = kSegments[std::size(kSegments) - 1 - i];
    const double yy = y0 + 10 + 16.0 * static_cast<double>(i);
    s += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"10\" height=\"10\" fill=\"{}\"/>"
                     "<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
                     x0 + w + 20, yy, g.color, x0 + w + 34, yy + 9, g.label);
  }
  return s + "</svg>\n";
}

}  // namespace tpegen::sweep

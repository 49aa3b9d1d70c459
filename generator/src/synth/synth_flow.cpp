#include "synth/synth_flow.hpp"

#include <sstream>

#include <fmt/format.h>

#include "config/design_config.hpp"
#include "synth/sta_flow.hpp"
#include "util/text.hpp"

namespace fs = std::filesystem;

namespace tpegen::synth {
namespace {

// Yosys strips one pair of double quotes around a file argument (which protects spaces)
// but has no escape for a quote inside one.
std::string quoted(const std::string& path) {
  if (path.find_first_of("\"\n") != std::string::npos)
    throw ConfigError(fmt::format("cannot pass '{}' to Yosys: the path contains a double quote or newline", path));
  return "\"" + path + "\"";
}

// The number after the last ':' of a stat line; `partial` is set when it ends in '+'.
std::optional<double> value_after_colon(const std::string& line, bool* partial = nullptr) {
  const auto colon = line.rfind(':');
  if (colon == std::string::npos) return std::nullopt;
  std::string v = trim(line.substr(colon + 1));
  if (partial) *partial = !v.empty() && v.back() == '+';
  if (!v.empty() && v.back() == '+') v.pop_back();
  char* end = nullptr;
  const double d = std::strtod(v.c_str(), &end);
  if (v.empty() || *end != '\0') return std::nullopt;
  return d;
}

// Splits `stat` output into its "=== name ===" sections and returns the last one.
std::vector<std::string> last_section(const std::string& text) {
  std::vector<std::string> section;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (starts_with(trim(line), "=== ")) section.clear();
    section.push_back(line);
  }
  return section;
}

// "     $_AND_    406" -> ("$_AND_", 406); false for anything else.
bool cell_type_line(const std::string& line, std::string& type, long& count) {
  std::istringstream in(line);
  std::string extra;
  return static_cast<bool>(in >> type >> count) && !(in >> extra);
}

void read_section(const std::vector<std::string>& section, StatReport& r) {
  bool in_cell_list = false;
  for (const std::string& raw : section) {
    const std::string line = trim(raw);
    std::string type;
    long count = 0;
    if (in_cell_list && cell_type_line(line, type, count)) {
      r.cell_types[type] = count;
      continue;
    }
    in_cell_list = false;
    if (starts_with(line, "Number of cells:")) {
      if (auto v = value_after_colon(line)) r.cells = static_cast<long>(*v);
      in_cell_list = true;
    } else if (starts_with(line, "Estimated number of transistors:")) {
      if (auto v = value_after_colon(line, &r.transistors_partial)) r.transistors = static_cast<long>(*v);
    } else if (starts_with(line, "Chip area for top module") ||
               (starts_with(line, "Chip area for module") && !r.area_um2)) {
      r.area_um2 = value_after_colon(line);
    } else if (starts_with(line, "Area for cell type") && line.find("is unknown") != std::string::npos) {
      r.area_partial = true;
    }
  }
}

}  // namespace

std::string yosys_script(const ScriptInputs& in) {
  std::string s = "# Written by tpegen synth (Yosys 0.23). Hierarchical on purpose: one module per\n"
                  "# distinct PE, so a large array costs little more than one PE (-flatten is ~100x slower).\n"
                  "# The leaf adder cells are flattened into their PE, so each PE is optimized whole.\n";
  const bool map_clock_gate = !in.clock_gate_map.empty() && !in.liberty.empty();
  if (map_clock_gate) s += "read_liberty -lib " + quoted(in.liberty.string()) + "\n";
  s += "read_verilog -sv";
  std::string leaves;
  for (const auto& f : in.verilog_files) {
    const std::string stem = std::filesystem::path(f).stem().string();
    if (map_clock_gate && stem == "tpe_clock_gate") continue;
    s += " " + quoted(f);
    for (const char* cell : kLeafCells)
      if (stem == cell) leaves += " " + stem;
  }
  // --clock-gate: the latch-based gate becomes the liberty's integrated cell, which STA
  // times as a clock gate and which is the cell a designer would place.
  if (map_clock_gate) s += "\nread_verilog <<EOT\n" + in.clock_gate_map + "EOT";
  // After `hierarchy`: set before it, the attribute changed the synthesis of leafless modules
  // (a MAC PE grew 3 %, measured) and did not reach the parametrized tpe_pipe copies.
  s += fmt::format("\nhierarchy -check -top {}\nsetattr -mod -set keep_hierarchy 1 *\n", in.top);
  if (!leaves.empty()) s += "setattr -mod -unset keep_hierarchy" + leaves + "\n";
  s += fmt::format("synth -flatten -top {}\ndesign -save synthesized\n\n", in.top);
  s += "# Generic gates for the transistor estimate. `stat -tech cmos` prices only $_DFF_P_/$_DFF_N_\n"
       "# flops and prints \"N+\" otherwise, so async resets (async2sync: a reset gate per flop,\n"
       "# close to a resettable flop's cost) and enables become logic first.\n"
       "async2sync\n"
       "dfflegalize -cell $_DFF_P_ 01\n"
       "abc -g AND,NAND,OR,NOR,XOR,XNOR,ANDNOT,ORNOT,MUX\n"
       "opt_clean -purge\n";
  s += fmt::format("tee -o {} stat -tech cmos\n", kGenericStatFile);
  if (in.liberty.empty()) return s;
  const std::string lib = quoted(in.liberty.string());
  s += fmt::format(
      "\n# Standard cells. In hierarchical mode `stat -liberty` sums instances of submodules into\n"
      "# \"Chip area for top module\". -simple-lhs: OpenSTA 2.0.17 cannot parse `assign {{a, b}} = ...`.\n"
      "design -load synthesized\n"
      "dfflibmap -liberty {0}\n"
      "abc{3}{4} -liberty {0}\n"
      "opt_clean -purge\n"
      "tee -o {1} stat -liberty {0}\n"
      "write_verilog -noattr -noexpr -nohex -nodec -simple-lhs {2}\n",
      lib, kLibertyStatFile, kNetlistFile,
      in.delay_target_ps ? fmt::format(" -D {:.0f}", *in.delay_target_ps) : std::string(),
      in.abc_constr.empty() ? std::string() : " -constr " + quoted(in.abc_constr));
  return s;
}

std::string abc_constraints(const std::string& drive_cell, double load) {
  return fmt::format("set_driving_cell {}\nset_load {:g}\n", drive_cell, load);
}

// The area of every tpe_sdp_ram instance: each module section's "Chip area for module" and the
// "design hierarchy" tree, whose counts are per instance of the parent (indentation 2 per level).
std::optional<double> memory_area(const std::string& text) {
  std::map<std::string, double> module_area;
  std::vector<std::pair<int, std::string>> tree;  // (indent, "name count")
  std::istringstream in(text);
  std::string section;
  for (std::string line; std::getline(in, line);) {
    const std::string t = trim(line);
    if (starts_with(t, "=== ") && t.size() > 8) {
      section = t.substr(4, t.size() - 8);
    } else if (section == "design hierarchy") {
      if (!t.empty() && !starts_with(t, "Number of") && !starts_with(t, "Chip area") && t.find(':') == std::string::npos)
        tree.emplace_back(static_cast<int>(line.find_first_not_of(' ')), t);
    } else if (starts_with(t, "Chip area for module")) {
      if (auto v = value_after_colon(t)) module_area[section] = *v;
    }
  }
  double total = 0;
  bool found = false;
  std::vector<std::pair<int, long>> multipliers;  // (indent, instances) of the open ancestors
  for (auto& [indent, entry] : tree) {
    std::string name;
    long count = 0;
    if (!cell_type_line(entry, name, count)) continue;
    while (!multipliers.empty() && multipliers.back().first >= indent) multipliers.pop_back();
    const long instances = count * (multipliers.empty() ? 1 : multipliers.back().second);
    multipliers.emplace_back(indent, instances);
    if (name == "tpe_sdp_ram" || ends_with(name, "\\tpe_sdp_ram")) {
      const auto a = module_area.find(name);
      if (a == module_area.end()) return std::nullopt;
      total += static_cast<double>(instances) * a->second;
      found = true;
    }
  }
  return found ? std::optional<double>(total) : std::nullopt;
}

StatReport parse_stat(const std::string& text) {
  StatReport r;
  read_section(last_section(text), r);
  r.memory_area_um2 = memory_area(text);
  return r;
}

std::string first_error_line(const std::string& log) {
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);)
    if (starts_with(line, "ERROR:")) return line;
  return "";
}

}  // namespace tpegen::synth

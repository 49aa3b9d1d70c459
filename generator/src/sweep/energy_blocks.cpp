#include "sweep/energy_blocks.hpp"

#include <fmt/format.h>

#include "sweep/table_cells.hpp"

namespace tpegen::sweep {
namespace {

// The design's top module: the point's name without its run keys (`<top>@gate`).
std::string top_of(const Result& r) { return r.name.substr(0, r.name.find('@')); }

bool has_blocks(const std::vector<Result>& results) {
  for (const Result& r : results)
    if (r.ok && !r.energy_blocks.empty()) return true;
  return false;
}

}  // namespace

std::string block_label(const std::string& module, const std::string& top) {
  if (!top.empty() && module.size() > top.size() + 1 && module.compare(0, top.size() + 1, top + "_") == 0)
    return module.substr(top.size() + 1);
  if (module.size() > 4 && module.compare(0, 4, "tpe_") == 0) return module.substr(4);
  return module;
}

namespace {

// Calls row(result, label, module, block) for every block of every ok result, in order.
template <class Row>
void each_block(const std::vector<Result>& results, Row row) {
  for (const Result& r : results)
    if (r.ok)
      for (const auto& [module, b] : r.energy_blocks) row(r, block_label(module, top_of(r)), module, b);
}

}  // namespace

std::string blocks_csv(const std::vector<Result>& results) {
  if (!has_blocks(results)) return "";
  std::string s =
      "name,block,module,instances,energy_pj,energy_clock_pj,energy_sequential_pj,energy_combinational_pj,"
      "energy_glitch_pj,energy_leakage_pj\n";
  each_block(results, [&](const Result& r, const std::string& label, const std::string& module,
                          const synth::BlockEnergy& b) {
    const synth::EnergyBreakdown& e = b.split;
    s += fmt::format("{},{},{},{},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g}\n", csv_field(r.name), csv_field(label),
                     csv_field(module), b.instances, e.total(), e.clock, e.sequential, e.combinational, e.glitch,
                     e.leakage);
  });
  return s;
}

std::string blocks_markdown(const std::vector<Result>& results) {
  if (!has_blocks(results)) return "";
  std::string s =
      "\nEnergy per MAC by block (activity gate; each first-level instance's cells, grouped by module; "
      "top: the top module's own cells; ports: the input nets; the blocks sum to the total), pJ/MAC:\n\n"
      "| design | block | instances | total | clock | sequential | combinational | glitch | leakage |\n"
      "|---|---|---|---|---|---|---|---|---|\n";
  each_block(results, [&](const Result& r, const std::string& label, const std::string&,
                          const synth::BlockEnergy& b) {
    const synth::EnergyBreakdown& e = b.split;
    s += fmt::format("| {} | {} | {} | {:.3f} | {:.3f} | {:.3f} | {:.3f} | {:.3f} | {:.3f} |\n", md_cell(r.name),
                     md_cell(label), b.instances, e.total(), e.clock, e.sequential, e.combinational, e.glitch,
                     e.leakage);
  });
  return s;
}

}  // namespace tpegen::sweep

#include "arch/registry.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "arch/design_fields.hpp"
#include "config/config_fields.hpp"
#include "util/did_you_mean.hpp"

namespace tpegen {

namespace arch {
ArchDescriptor describe_systolic_os();
ArchDescriptor describe_systolic_ws();
ArchDescriptor describe_cube();
ArchDescriptor describe_mac_tree();
ArchDescriptor describe_matrix2d();
ArchDescriptor describe_opt4c();
ArchDescriptor describe_opt4e();
ArchDescriptor describe_bitslice();
}  // namespace arch

const std::vector<ArchDescriptor>& architectures() {
  // The one list of architectures: add a line here for a new one.
  static const std::vector<ArchDescriptor> all = {
      arch::describe_systolic_os(), arch::describe_systolic_ws(), arch::describe_cube(),
      arch::describe_mac_tree(),    arch::describe_matrix2d(),
      arch::describe_opt4c(),
      arch::describe_opt4e(),
      arch::describe_bitslice(),
  };
  return all;
}

const ArchDescriptor& find_arch(const std::string& name) {
  std::vector<std::string> names;
  for (auto& a : architectures()) {
    if (a.name == name) return a;
    names.push_back(a.name);
  }
  throw ConfigError(invalid_choice("--arch", name, names));
}

std::string axi_gemm_architectures() {
  std::string list;
  for (auto& a : architectures())
    if (a.axi_gemm) list += (list.empty() ? "" : ", ") + a.name;
  return list;
}

double arch_macs_per_cycle(const DesignConfig& c, std::string* note) {
  if (note) note->clear();
  const ArchDescriptor& a = find_arch(c.arch);
  return a.macs_per_cycle ? a.macs_per_cycle(c, note) : static_cast<double>(c.rows) * c.cols * c.depth;
}

Timing design_timing(const DesignConfig& c) {
  Timing t = find_arch(c.arch).timing(c);
  std::string note;
  t.macs_per_cycle = arch_macs_per_cycle(c, &note);
  t.macs_per_cycle_data = note.empty() ? "any" : kMacsEstimateData;
  if (!note.empty()) t.doc["macs_per_cycle"] = note;
  return t;
}

std::string arch_driver(const DesignConfig& c) {
  const ArchDescriptor& a = find_arch(c.arch);
  for (const PeVariant& pe : a.pes)
    if (pe.name == c.pe && !pe.driver.empty()) return pe.driver;
  return a.driver;
}

golden::ScheduleDescriptor design_schedule(const DesignConfig& c) {
  const ArchDescriptor& a = find_arch(c.arch);
  if (!a.schedule) throw std::logic_error("architecture " + c.arch + " has no schedule descriptor");
  return a.schedule(c);
}

std::optional<DesignConfig> baseline_of(const DesignConfig& c) {
  const ArchDescriptor& a = find_arch(c.arch);
  DesignConfig b = c;
  if (a.baseline) {
    b = a.baseline(c);
  } else {
    if (a.pes.empty() || c.pe == a.pes.front().name) return std::nullopt;
    b.pe = a.pes.front().name;
  }
  // The PE options the baseline's PE does not take belong to the optimized design only.
  for (const ConfigField& f : config_fields())
    if (f.pe_option && !field_applies(f, b)) reset_field(f, b);
  b.inject_bug.clear();  // a mutant's baseline is the correct design
  return b;
}

}  // namespace tpegen

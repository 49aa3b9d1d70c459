#include "arch/resolve.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "arch/design_fields.hpp"
#include "arch/pe_traits.hpp"
#include "arch/registry.hpp"
#include "arith/compressor_tree.hpp"
#include "arith/final_adder.hpp"
#include "arith/partial_products.hpp"
#include "config/config_fields.hpp"
#include "util/did_you_mean.hpp"

namespace tpegen {
namespace {

void check_range(const char* param, long long value, long long lo, long long hi) {
  if (value < lo || value > hi)
    throw ConfigError(fmt::format("invalid {} = {}: valid range is {}..{}", param, value, lo, hi));
}

int resolve_dim(const ConfigField& f, int value, const DimInfo& info, const std::string& arch) {
  const char* flag = f.flag;
  if (!info.used) {
    if (value != kAuto && value != info.fixed_value)
      throw ConfigError(fmt::format("invalid {} = {}: architecture {} has no {} dimension (it is fixed at {})",
                                    flag, value, arch, flag + 2, info.fixed_value));
    return info.fixed_value;
  }
  if (value == kAuto) return info.default_value;
  check_range(flag, value, f.min, f.max);
  return value;
}

// The fields that apply to some designs only (field table): given elsewhere they are an
// error, where they apply the documented default is filled in; a string must be one of its
// choices. (An axis width without --wrap axi is ignored: a sweep may grid wrap over a base
// that sets it.)
void resolve_choices(DesignConfig& c) {
  for (const ConfigField& f : config_fields()) {
    const bool scoped = f.applies == Applies::BitWeightPe || f.applies == Applies::ArchOption;
    if (scoped && !field_applies(f, c)) {
      if (field_given(f, c))
        throw ConfigError(fmt::format("invalid {} for {}: it applies to {} only", f.flag,
                                      f.applies == Applies::BitWeightPe ? "--pe " + c.pe : "--arch " + c.arch,
                                      applies_doc(f)));
      continue;
    }
    if (scoped && f.default_doc && !field_given(f, c)) set_field_text(f, c, f.default_doc);
    if (f.choices.empty() || !field_given(f, c) || !std::holds_alternative<std::string DesignConfig::*>(f.member))
      continue;
    const std::string value = field_text(f, c);
    if (std::find(f.choices.begin(), f.choices.end(), value) == f.choices.end())
      throw ConfigError(invalid_choice(f.flag, value, f.choices));
  }
  // The PE's own choices (arch/pe_traits.cpp): resolve() found c.pe in the registry.
  const PeTraits* traits = find_pe_traits(c.pe);
  if (!traits) throw std::logic_error("PE variant " + c.pe + " has no row in arch/pe_traits.cpp");
  const PeTraits& pe = *traits;
  if (c.view == "behavioral" && !pe.behavioral_view)
    throw ConfigError(fmt::format("invalid --view behavioral for --pe {}: it applies to --pe {} only", c.pe,
                                  pe_names_with(&PeTraits::behavioral_view)));
  // A binary accumulator's buffered drain is already binary: `resolved` would name the same hardware.
  if (c.drain == "resolved" && !pe.resolved_drain)
    throw ConfigError(fmt::format("invalid --drain resolved for --pe {}: it applies to --pe {} only (the {} "
                                  "drain is binary already; use buffered)", c.pe, pe_names_with(&PeTraits::resolved_drain), c.pe));
  if (c.encoding && !pe.encodings.empty() &&
      std::find(pe.encodings.begin(), pe.encodings.end(), arith::to_string(*c.encoding)) == pe.encodings.end())
    throw ConfigError(fmt::format("invalid --encoding = '{}' for --pe {}: valid values are {}", arith::to_string(*c.encoding),
                                  c.pe, fmt::join(pe.encodings, ", ")));
}

}  // namespace

DesignConfig resolve(const DesignConfig& in) {
  const ArchDescriptor& arch = find_arch(in.arch);
  DesignConfig c = in;
  // No --pe: the architecture's first variant (mac, or opt3 for opt4c, built from OPT3 PEs only).
  if (c.pe.empty() && !arch.pes.empty()) c.pe = arch.pes.front().name;
  bool pe_known = false;
  std::vector<std::string> pe_names;
  for (auto& pe : arch.pes) {
    pe_known |= pe.name == c.pe;
    pe_names.push_back(pe.name);
  }
  if (!pe_known)
    throw ConfigError(fmt::format("invalid --pe = '{}' for architecture {}: valid PE variants are {}{}", c.pe,
                                  c.arch, fmt::join(pe_names, ", "), did_you_mean(c.pe, pe_names)));
  for (const ConfigField& f : config_fields()) {
    if (f.dim == Dim::None) continue;
    int& value = c.*std::get<int DesignConfig::*>(f.member);
    value = resolve_dim(f, value, arch_dim(arch, f.dim), c.arch);
  }
  for (const ConfigField& f : config_fields())
    if (f.plain_range) check_range(f.flag, c.*std::get<int DesignConfig::*>(f.member), f.min, f.max);
  const int exact = exact_acc_width(c.a_width, c.b_width, c.is_signed, c.max_k);
  if (exact > Limits::kMaxAcc)
    throw ConfigError(fmt::format("invalid --max-k = {}: the exact accumulator would need {} bits (at most {})",
                                  c.max_k, exact, Limits::kMaxAcc));
  if (c.acc_width == kAuto) {
    c.acc_width = exact;
  } else if (c.acc_wrap) {
    check_range("--acc-width", c.acc_width, Limits::kMinWidth, Limits::kMaxAcc);
  } else if (c.acc_width < exact || c.acc_width > Limits::kMaxAcc) {
    throw ConfigError(fmt::format(
        "invalid --acc-width = {}: valid range is {}..{} ({} bits hold any sum of --max-k = {} products "
        "exactly; pass --acc-wrap to accept results modulo 2^acc-width)",
        c.acc_width, exact, Limits::kMaxAcc, exact, c.max_k));
  }
  resolve_choices(c);
  if (c.axis_width < Limits::kMinAxis || c.axis_width > Limits::kMaxAxis || c.axis_width % 8 != 0)
    throw ConfigError(fmt::format("invalid --axis-width = {}: valid values are multiples of 8 in {}..{}", c.axis_width,
                                  Limits::kMinAxis, Limits::kMaxAxis));
  if (c.inject_bug == "axi_drop" && c.wrap != "axi")
    throw ConfigError("invalid --inject-bug = 'axi_drop': it breaks the AXI wrapper, so it needs --wrap axi");
  // The subsystem (AXI_DESIGN.md S2) runs the KInner fixed-latency schedules; the other
  // engines keep --wrap axi until theirs land.
  if (c.wrap == "axi-gemm" && !find_arch(c.arch).axi_gemm)
    throw ConfigError(fmt::format("invalid --wrap = 'axi-gemm' for --arch {}: valid architectures are {} (use "
                                  "--wrap axi for the others)",
                                  c.arch, axi_gemm_architectures()));
  if ((c.inject_bug == "gemm_collect" || c.inject_bug == "gemm_pad" || c.inject_bug == "seq_spacing" ||
       c.inject_bug == "seq_pad" || c.inject_bug == "driver_pack") &&
      c.wrap != "axi-gemm")
    throw ConfigError(fmt::format("invalid --inject-bug = '{}': it breaks the axi-gemm subsystem, so it needs "
                                  "--wrap axi-gemm",
                                  c.inject_bug));
  if (c.inject_bug == "clock_gate" && !c.clock_gate)
    throw ConfigError("invalid --inject-bug = 'clock_gate': it breaks the clock gates, so it needs --clock-gate");
  return c;
}

}  // namespace tpegen

#include "config/design_config.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "arch/registry.hpp"
#include "arith/compressor_tree.hpp"
#include "arith/final_adder.hpp"
#include "arith/partial_products.hpp"
#include "config/config_fields.hpp"
#include "util/did_you_mean.hpp"

namespace tpegen {
namespace {

// Smallest two's-complement width holding every value of [lo, hi].
int signed_bits(long long lo, long long hi) {
  int n = 1;
  while (!(lo >= -(1LL << (n - 1)) && hi <= (1LL << (n - 1)) - 1)) ++n;
  return n;
}

int unsigned_bits(unsigned long long hi) {
  int n = 1;
  while (n < 64 && hi > (1ULL << n) - 1) ++n;
  return n;
}

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
    const bool scoped = f.applies == Applies::BitWeightPe || f.applies == Applies::SystolicOs;
    if (scoped && !field_applies(f, c)) {
      if (field_given(f, c))
        throw ConfigError(fmt::format("invalid {} for {}: it applies to {} only", f.flag,
                                      f.applies == Applies::BitWeightPe ? "--pe " + c.pe : "--arch " + c.arch,
                                      applies_doc(f.applies)));
      continue;
    }
    if (scoped && f.default_doc && !field_given(f, c)) set_field_text(f, c, f.default_doc);
    if (f.choices.empty() || !field_given(f, c) || !std::holds_alternative<std::string DesignConfig::*>(f.member))
      continue;
    const std::string value = field_text(f, c);
    if (std::find(f.choices.begin(), f.choices.end(), value) == f.choices.end())
      throw ConfigError(invalid_choice(f.flag, value, f.choices));
  }
  // The behavioural twin exists for the OPT1 PE only.
  if (c.view == "behavioral" && c.pe != "opt1")
    throw ConfigError(fmt::format("invalid --view behavioral for --pe {}: it applies to --pe opt1 only", c.pe));
  // The MAC PE's buffered drain is already binary: `resolved` would name the same hardware.
  if (c.drain == "resolved" && c.pe != "opt1")
    throw ConfigError(fmt::format("invalid --drain resolved for --pe {}: it applies to --pe opt1 only (the {} "
                                  "drain is binary already; use buffered)", c.pe, c.pe));
  // OPT2 broadcasts radix-4 digits {0, +-1, +-2} to the units; the AND array has none.
  if (c.pe == "opt2" && c.encoding == arith::Encoding::And)
    throw ConfigError("invalid --encoding = 'and' for --pe opt2: valid values are booth, ent");
}

}  // namespace

bool is_bit_weight_pe(const std::string& pe) { return pe == "opt1" || pe == "opt2"; }

bool has_drain_option(const DesignConfig& c) { return !c.drain.empty() && c.drain != "buffered"; }

bool DesignConfig::operator==(const DesignConfig& o) const {
  for (const ConfigField& f : config_fields())
    if (!field_equal(f, *this, o)) return false;
  return true;
}

int exact_acc_width(int a_width, int b_width, bool is_signed, long long max_k) {
  if (!is_signed) {
    const unsigned long long pmax = ((1ULL << a_width) - 1) * ((1ULL << b_width) - 1);
    return unsigned_bits(pmax * static_cast<unsigned long long>(max_k));
  }
  const long long amin = -(1LL << (a_width - 1)), amax = (1LL << (a_width - 1)) - 1;
  const long long bmin = -(1LL << (b_width - 1)), bmax = (1LL << (b_width - 1)) - 1;
  const long long pmax = amin * bmin;
  const long long pmin = std::min(amin * bmax, amax * bmin);
  return signed_bits(pmin * max_k, pmax * max_k);
}

long long exact_k_bound(int a_width, int b_width, bool is_signed, int acc_width, long long cap) {
  // exact_acc_width grows with k: the last k that fits, by bisection on [0, cap].
  long long lo = 0, hi = cap;
  while (lo < hi) {
    const long long mid = lo + (hi - lo + 1) / 2;
    if (exact_acc_width(a_width, b_width, is_signed, mid) <= acc_width) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

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
    if (!f.dim) continue;
    int& value = c.*std::get<int DesignConfig::*>(f.member);
    value = resolve_dim(f, value, arch.*f.dim, c.arch);
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

const char* final_adder_token(arith::AdderKind k) {
  using arith::AdderKind;
  return k == AdderKind::KoggeStone ? "ks" : k == AdderKind::BrentKung ? "bk"
         : k == AdderKind::Ripple   ? "rca" : k == AdderKind::Sklansky ? "sk"
         : k == AdderKind::Timing   ? "ta" : "add";
}

std::string canonical_name(const DesignConfig& c) {
  const ArchDescriptor& arch = find_arch(c.arch);
  std::string name = "tpe_" + c.arch + "_" + c.pe + "_";
  if (is_bit_weight_pe(c.pe))
    name += fmt::format("{}_{}{}_{}_", arith::to_string(*c.encoding), arith::to_string(*c.tree), c.use_42 ? "42" : "",
                        final_adder_token(*c.final_adder));
  for (auto& ch : name)
    if (ch == '-') ch = '_';
  if (dim_named(arch.rows, c.rows)) name += fmt::format("r{}", c.rows);
  if (dim_named(arch.cols, c.cols)) name += fmt::format("c{}", c.cols);
  if (dim_named(arch.depth, c.depth)) name += fmt::format("d{}", c.depth);
  name += fmt::format("_{}{}x{}_acc{}", c.is_signed ? "s" : "u", c.a_width, c.b_width, c.acc_width);
  if (c.acc_wrap) name += "w";
  if (c.in_regs) name += fmt::format("_i{}", c.in_regs);
  if (c.out_regs) name += fmt::format("_o{}", c.out_regs);
  // The default (buffered) keeps the names it always had.
  if (c.drain == "shift") name += "_dshift";
  if (c.drain == "resolved") name += "_dres";
  if (c.view == "behavioral") name += "_beh";
  if (c.clock_gate) name += "_cg";
  if (!c.inject_bug.empty()) name += "_bug_" + c.inject_bug;
  return name;
}

std::string top_name(const DesignConfig& c) {
  return canonical_name(c) + (c.wrap == "axi" ? "_axi" : c.wrap == "axi-gemm" ? "_axi_gemm" : "");
}

std::string describe(const DesignConfig& c) { return field_words(c, Surface::Summary); }

}  // namespace tpegen

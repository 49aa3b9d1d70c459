#include "config/design_config.hpp"

#include <fmt/format.h>

#include "arch/registry.hpp"
#include "arith/compressor_tree.hpp"
#include "arith/final_adder.hpp"
#include "arith/partial_products.hpp"

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

int resolve_dim(const char* flag, int value, const DimInfo& info, const std::string& arch) {
  if (!info.used) {
    if (value != kAuto && value != info.fixed_value)
      throw ConfigError(fmt::format("invalid {} = {}: architecture {} has no {} dimension (it is fixed at {})",
                                    flag, value, arch, flag + 2, info.fixed_value));
    return info.fixed_value;
  }
  if (value == kAuto) return info.default_value;
  check_range(flag, value, Limits::kMinDim, Limits::kMaxDim);
  return value;
}

// Encoding, tree and final adder apply to bit-weight PEs only; defaults filled in here.
void resolve_arith(DesignConfig& c) {
  if (!is_bit_weight_pe(c.pe)) {
    const char* given = !c.encoding.empty() ? "--encoding" : !c.tree.empty() ? "--tree"
                        : c.use_42 ? "--use-42" : !c.final_adder.empty() ? "--final-adder" : nullptr;
    if (given) throw ConfigError(fmt::format("invalid {} for --pe {}: it applies to --pe opt1 and opt2 only", given, c.pe));
    return;
  }
  if (c.encoding.empty()) c.encoding = "booth";
  if (c.tree.empty()) c.tree = "dadda";
  if (c.final_adder.empty()) c.final_adder = "brent-kung";
  try {
    arith::parse_encoding(c.encoding);
  } catch (const std::invalid_argument&) {
    throw ConfigError(fmt::format("invalid --encoding = '{}': valid values are and, booth, ent", c.encoding));
  }
  // OPT2 broadcasts radix-4 digits {0, +-1, +-2} to the units; the AND array has none.
  if (c.pe == "opt2" && c.encoding == "and")
    throw ConfigError("invalid --encoding = 'and' for --pe opt2: valid values are booth, ent");
  try {
    arith::parse_tree(c.tree);
  } catch (const std::invalid_argument&) {
    throw ConfigError(fmt::format("invalid --tree = '{}': valid values are dadda, wallace", c.tree));
  }
  try {
    arith::parse_adder(c.final_adder);
  } catch (const std::invalid_argument&) {
    throw ConfigError(fmt::format(
        "invalid --final-adder = '{}': valid values are ripple, kogge-stone, brent-kung, behavioral", c.final_adder));
  }
}

// Only systolic-os has a drain chain to choose; "" stays "" elsewhere so other names never change.
void resolve_drain(DesignConfig& c) {
  if (c.arch != "systolic-os") {
    if (!c.drain.empty())
      throw ConfigError(fmt::format("invalid --drain for --arch {}: it applies to --arch systolic-os only", c.arch));
    return;
  }
  if (c.drain.empty()) c.drain = "buffered";
  if (c.drain != "buffered" && c.drain != "shift")
    throw ConfigError(fmt::format("invalid --drain = '{}': valid values are buffered, shift", c.drain));
}

// The behavioural twin exists for the OPT1 PE; "structural" (the default) is stored as "" so
// names and manifests of structural designs never change.
void resolve_view(DesignConfig& c) {
  if (c.view == "structural") c.view.clear();
  if (c.view.empty()) return;
  if (c.view != "behavioral")
    throw ConfigError(fmt::format("invalid --view = '{}': valid values are structural, behavioral", c.view));
  if (c.pe != "opt1")
    throw ConfigError(fmt::format("invalid --view behavioral for --pe {}: it applies to --pe opt1 only", c.pe));
}

}  // namespace

bool is_bit_weight_pe(const std::string& pe) { return pe == "opt1" || pe == "opt2"; }

bool DesignConfig::operator==(const DesignConfig& o) const {
  return arch == o.arch && pe == o.pe && rows == o.rows && cols == o.cols && depth == o.depth &&
         a_width == o.a_width && b_width == o.b_width && is_signed == o.is_signed && max_k == o.max_k &&
         acc_width == o.acc_width && acc_wrap == o.acc_wrap && in_regs == o.in_regs &&
         out_regs == o.out_regs && encoding == o.encoding && tree == o.tree && use_42 == o.use_42 &&
         final_adder == o.final_adder && inject_bug == o.inject_bug && drain == o.drain && view == o.view && wrap == o.wrap &&
         axis_width == o.axis_width;
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

DesignConfig resolve(const DesignConfig& in) {
  const ArchDescriptor& arch = find_arch(in.arch);
  DesignConfig c = in;
  // No --pe: the architecture's first variant (mac, or opt3 for opt4c, built from OPT3 PEs only).
  if (c.pe.empty() && !arch.pes.empty()) c.pe = arch.pes.front().name;
  bool pe_known = false;
  std::string pe_names;
  for (auto& pe : arch.pes) {
    pe_known |= pe.name == c.pe;
    pe_names += (pe_names.empty() ? "" : ", ") + pe.name;
  }
  if (!pe_known)
    throw ConfigError(fmt::format("invalid --pe = '{}' for architecture {}: valid PE variants are {}", c.pe,
                                  c.arch, pe_names));
  c.rows = resolve_dim("--rows", c.rows, arch.rows, c.arch);
  c.cols = resolve_dim("--cols", c.cols, arch.cols, c.arch);
  c.depth = resolve_dim("--depth", c.depth, arch.depth, c.arch);
  check_range("--a-width", c.a_width, Limits::kMinWidth, Limits::kMaxWidth);
  check_range("--b-width", c.b_width, Limits::kMinWidth, Limits::kMaxWidth);
  check_range("--max-k", c.max_k, 1, Limits::kMaxMaxK);
  check_range("--in-regs", c.in_regs, 0, Limits::kMaxRegs);
  check_range("--out-regs", c.out_regs, 0, Limits::kMaxRegs);
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
  resolve_arith(c);
  resolve_drain(c);
  resolve_view(c);
  if (!c.inject_bug.empty() && c.inject_bug != "adder" && c.inject_bug != "lockstep" && c.inject_bug != "axi_drop")
    throw ConfigError(
        fmt::format("invalid --inject-bug = '{}': valid values are adder, lockstep, axi_drop", c.inject_bug));
  if (c.wrap != "none" && c.wrap != "axi")
    throw ConfigError(fmt::format("invalid --wrap = '{}': valid values are none, axi", c.wrap));
  if (c.axis_width < Limits::kMinAxis || c.axis_width > Limits::kMaxAxis || c.axis_width % 8 != 0)
    throw ConfigError(fmt::format("invalid --axis-width = {}: valid values are multiples of 8 in {}..{}", c.axis_width,
                                  Limits::kMinAxis, Limits::kMaxAxis));
  if (c.inject_bug == "axi_drop" && c.wrap != "axi")
    throw ConfigError("invalid --inject-bug = 'axi_drop': it breaks the AXI wrapper, so it needs --wrap axi");
  return c;
}

std::string canonical_name(const DesignConfig& c) {
  const ArchDescriptor& arch = find_arch(c.arch);
  std::string name = "tpe_" + c.arch + "_" + c.pe + "_";
  if (is_bit_weight_pe(c.pe)) {
    const std::string adder = c.final_adder == "kogge-stone" ? "ks" : c.final_adder == "brent-kung" ? "bk"
                              : c.final_adder == "ripple" ? "rca" : "add";
    name += fmt::format("{}_{}{}_{}_", c.encoding, c.tree, c.use_42 ? "42" : "", adder);
  }
  for (auto& ch : name)
    if (ch == '-') ch = '_';
  if (dim_named(arch.rows, c.rows)) name += fmt::format("r{}", c.rows);
  if (dim_named(arch.cols, c.cols)) name += fmt::format("c{}", c.cols);
  if (dim_named(arch.depth, c.depth)) name += fmt::format("d{}", c.depth);
  name += fmt::format("_{}{}x{}_acc{}", c.is_signed ? "s" : "u", c.a_width, c.b_width, c.acc_width);
  if (c.acc_wrap) name += "w";
  if (c.in_regs) name += fmt::format("_i{}", c.in_regs);
  if (c.out_regs) name += fmt::format("_o{}", c.out_regs);
  if (c.drain == "shift") name += "_dshift";  // the default (buffered) keeps the names it always had
  if (!c.view.empty()) name += "_beh";
  if (!c.inject_bug.empty()) name += "_bug_" + c.inject_bug;
  return name;
}

std::string top_name(const DesignConfig& c) { return canonical_name(c) + (c.wrap == "axi" ? "_axi" : ""); }

std::string describe(const DesignConfig& c) {
  return fmt::format(
      "arch={} pe={} rows={} cols={} depth={} a_width={} b_width={} {} max_k={} acc_width={}{} "
      "in_regs={} out_regs={}{}{}{}{}",
      c.arch, c.pe, c.rows, c.cols, c.depth, c.a_width, c.b_width, c.is_signed ? "signed" : "unsigned",
      c.max_k, c.acc_width, c.acc_wrap ? " acc_wrap" : "", c.in_regs, c.out_regs,
      is_bit_weight_pe(c.pe) ? fmt::format(" encoding={} tree={}{} final_adder={}", c.encoding, c.tree,
                                           c.use_42 ? " use_42" : "", c.final_adder)
                             : "",
      c.drain == "shift" ? " drain=shift" : "", c.view.empty() ? "" : " view=" + c.view, c.inject_bug.empty() ? "" : " inject_bug=" + c.inject_bug,
      c.wrap == "none" ? "" : fmt::format(" wrap={} axis_width={}", c.wrap, c.axis_width));
}

}  // namespace tpegen

#include "arch/design_fields.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "arch/pe_traits.hpp"
#include "arch/registry.hpp"

namespace tpegen {
namespace {

bool takes_option(const ArchDescriptor& a, const char* key) {
  return std::find(a.options.begin(), a.options.end(), key) != a.options.end();
}

}  // namespace

const DimInfo& arch_dim(const ArchDescriptor& a, Dim d) {
  switch (d) {
    case Dim::Rows: return a.rows;
    case Dim::Cols: return a.cols;
    case Dim::Depth: return a.depth;
    case Dim::None: break;
  }
  throw std::logic_error("arch_dim: a field that sets no dimension");
}

std::string applies_doc(const ConfigField& f) {
  switch (f.applies) {
    case Applies::All: return "all";
    case Applies::BitWeightPe: return "--pe " + pe_names_with(&PeTraits::bit_weight);
    case Applies::ArchOption: {
      std::string names;
      for (const ArchDescriptor& a : architectures())
        if (takes_option(a, f.key)) names += (names.empty() ? "" : ", ") + a.name;
      return "--arch " + names;
    }
    case Applies::AxiWrap: return "--wrap axi and axi-gemm";
  }
  return "?";
}

bool field_applies(const ConfigField& f, const DesignConfig& c) {
  switch (f.applies) {
    case Applies::All: return true;
    case Applies::BitWeightPe: return is_bit_weight_pe(c.pe);
    case Applies::ArchOption: return takes_option(find_arch(c.arch), f.key);
    case Applies::AxiWrap: return c.wrap == "axi" || c.wrap == "axi-gemm";
  }
  return true;
}

bool field_shown(const ConfigField& f, const DesignConfig& c, Surface s) {
  if (!field_applies(f, c)) return false;
  switch (f.shown) {
    case Shown::Always: return true;
    case Shown::NonDefault: return !field_at_default(f, c);
    case Shown::AsNamed: {
      if (s != Surface::Command) return true;
      if (f.dim != Dim::None)
        return dim_named(arch_dim(find_arch(c.arch), f.dim), c.*std::get<int DesignConfig::*>(f.member));
      return !field_at_default(f, c);
    }
  }
  return true;
}

std::string field_words(const DesignConfig& c, Surface s) {
  std::string words;
  for (const ConfigField& f : config_fields()) {
    if (!field_shown(f, c, s)) continue;
    const bool command = s == Surface::Command;
    std::string word = command ? fmt::format("{} {}", f.flag, field_text(f, c)) : fmt::format("{}={}", f.key, field_text(f, c));
    if (const auto* m = std::get_if<bool DesignConfig::*>(&f.member)) {  // a bare flag or word
      const char* off = f.off_flag ? f.off_flag + (command ? 0 : 2) : nullptr;  // "--unsigned", "unsigned"
      const bool on = c.*(*m);
      if (!on && !off) continue;
      word = on ? (command ? f.flag : f.key) : off;
    }
    words += (words.empty() ? "" : " ") + word;
  }
  return words;
}

std::string describe(const DesignConfig& c) { return field_words(c, Surface::Summary); }

}  // namespace tpegen

#include "arch/pe_traits.hpp"

namespace tpegen {

const std::vector<PeTraits>& pe_traits() {
  // One row per PE variant; a new variant is a row here and its entry in the architectures'
  // `pes` (registry_test checks that every offered variant has a row).
  static const std::vector<PeTraits> all = [] {
    std::vector<PeTraits> t(5);
    t[0].name = "mac";
    t[0].plot_colour = "#4c72b0";
    t[1].name = "opt1";
    t[1].bit_weight = true;
    t[1].behavioral_view = true;
    t[1].resolved_drain = true;
    t[1].plot_colour = "#dd8452";
    t[2].name = "opt2";
    t[2].bit_weight = true;
    t[2].encodings = {"booth", "ent"};  // radix-4 digits {0, +-1, +-2} broadcast to the units; AND has none
    t[2].plot_colour = "#55a868";
    t[3].name = "opt3";
    t[3].plot_colour = "#c44e52";
    t[4].name = "laconic";
    return t;
  }();
  return all;
}

const PeTraits* find_pe_traits(const std::string& pe) {
  for (const PeTraits& t : pe_traits())
    if (t.name == pe) return &t;
  return nullptr;
}

bool is_bit_weight_pe(const std::string& pe) {
  const PeTraits* t = find_pe_traits(pe);
  return t && t->bit_weight;
}

std::string pe_names_with(bool PeTraits::*trait) {
  std::vector<std::string> names;
  for (const PeTraits& t : pe_traits())
    if (t.*trait) names.push_back(t.name);
  std::string out;
  for (size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return out;
}

}  // namespace tpegen

#include "arch/pe_traits.hpp"

#include <utility>

namespace tpegen {
namespace {

// One row of the table, built by name like config_fields' rows.
struct Row {
  PeTraits t;
  Row(const char* name, const char* plot_colour) {
    t.name = name;
    t.plot_colour = plot_colour;
  }
  Row& bit_weight() {
    t.bit_weight = true;
    return *this;
  }
  Row& behavioral_view() {
    t.behavioral_view = true;
    return *this;
  }
  Row& resolved_drain() {
    t.resolved_drain = true;
    return *this;
  }
  Row& encodings(std::vector<std::string> e) {
    t.encodings = std::move(e);
    return *this;
  }
  operator PeTraits() const { return t; }  // NOLINT: the table is a list of rows
};

}  // namespace

const std::vector<PeTraits>& pe_traits() {
  // One row per PE variant; a new variant is a row here and its entry in the architectures'
  // `pes` (registry_test checks that every offered variant has a row).
  static const std::vector<PeTraits> all = {
      Row("mac", "#4c72b0"),
      Row("opt1", "#dd8452").bit_weight().behavioral_view().resolved_drain(),
      // Radix-4 digits {0, +-1, +-2} broadcast to the units: the AND array has none.
      Row("opt2", "#55a868").bit_weight().encodings({"booth", "ent"}),
      Row("opt3", "#c44e52"),
      Row("laconic", "#8172b3"),
  };
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

// What a PE variant is, wherever an architecture offers it: the one place that knows which
// PEs are bit-weight PEs, which have a behavioural twin, which drain choices they add and how
// plots draw them. Configuration rules, names, `tpegen list` and reports ask here instead of
// comparing PE names.
#pragma once

#include <string>
#include <vector>

namespace tpegen {

struct PeTraits {
  std::string name;
  /// Built from bit heaps: the --encoding, --tree, --use-42 and --final-adder fields apply
  /// (config_fields' Applies::BitWeightPe) and the canonical name spells them.
  bool bit_weight = false;
  /// --view behavioral: a twin with the same ports and timing, arithmetic as + and *.
  bool behavioral_view = false;
  /// --drain resolved: drain registers holding binary results (the PE's accumulator is a
  /// carry-save pair; a binary accumulator's buffered drain is resolved already).
  bool resolved_drain = false;
  /// The --encoding values it takes; empty: every choice of the field.
  std::vector<std::string> encodings = {};
  /// Colour of its points in the sweep's plots.
  std::string plot_colour = "#8172b3";
};

/// Every PE variant of any architecture (ArchDescriptor::pes names them).
const std::vector<PeTraits>& pe_traits();

/// The traits of a PE variant, or nullptr for a name no architecture offers.
const PeTraits* find_pe_traits(const std::string& pe);

/// True for PE variants built from bit heaps (encoding/tree/adder options apply).
bool is_bit_weight_pe(const std::string& pe);

/// The PE variants with a trait, as docs and messages spell them: "opt1", "opt1 and opt2".
std::string pe_names_with(bool PeTraits::*trait);

}  // namespace tpegen

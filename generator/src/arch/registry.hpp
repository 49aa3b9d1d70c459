// The one registry of architectures and PE variants. Adding an architecture: the arch file
// (systolic_os.cpp is the one to copy), one line in registry.cpp and tb/tests_<name>.cmake;
// docs/contributing.md "Adding an architecture" lists the rest, and docs.arch_complete names
// whatever is missing.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "arch/design_name.hpp"
#include "arch/timing.hpp"
#include "config/design_config.hpp"
#include "golden/schedule.hpp"
#include "ir/module.hpp"

namespace tpegen {

/// Meaning of one hardware dimension (--rows/--cols/--depth) for an architecture.
struct DimInfo {
  bool used = false;     // false: the flag is rejected; the value is fixed_value
  int default_value = 0;
  int fixed_value = 1;
  std::string meaning;
  // false: canonical names and reproduce commands leave the dimension out at its default
  // value, so a dimension added to an architecture later keeps its existing designs' names.
  bool named_at_default = true;
};

/// Whether a design's canonical name and reproduce command mention this dimension.
inline bool dim_named(const DimInfo& d, int value) { return d.used && (d.named_at_default || value != d.default_value); }

/// A PE variant as an architecture offers it; what the variant is (bit-weight, its options,
/// plot colour) is in arch/pe_traits.hpp, the same for every architecture.
struct PeVariant {
  std::string name;
  std::string summary;
  /// The harness driver where it differs from the architecture's (bitslice's laconic PEs).
  std::string driver = {};
};

struct ArchDescriptor {
  std::string name;
  std::string summary;
  DimInfo rows, cols, depth;
  std::vector<PeVariant> pes;
  /// Builds the design (top module name = canonical_name(cfg)); cfg is resolved.
  std::function<ir::Design(const DesignConfig&)> build;
  /// Interface and timing for the manifest (design_timing fills in macs_per_cycle).
  std::function<Timing(const DesignConfig&)> timing;
  /// The MAC design a design of this architecture is compared against, for architectures
  /// whose own PE variants are all optimized (e.g. opt4c: a row of N MAC PEs). Empty: the same
  /// configuration with the first PE variant (pes[0] is the baseline). Either way baseline_of
  /// then drops the PE options (encoding, tree, ...) a non-bit-weight baseline does not take.
  std::function<DesignConfig(const DesignConfig&)> baseline = {};
  /// The testbench harness's driver family: tb/harness/driver_<driver>.hpp, which `tpegen sim`
  /// names in tb_params.h (a PeVariant may name its own), and whether the design holds B in
  /// weight registers (TPE_HELD_WEIGHTS). Empty: `tpegen sim` refuses the architecture.
  std::string driver = {};
  bool held_weights = false;
  /// The keys of the config fields that apply to some architectures only (Applies::ArchOption,
  /// e.g. "drain") that this one takes.
  std::vector<std::string> options = {};
  /// Useful MACs per cycle (for the sweep's efficiency figures when the manifest gives no
  /// number), from arch, pe, rows, cols and depth; an estimate sets *note to how it was made.
  /// Empty: rows*cols*depth, every multiplier busy every cycle.
  std::function<double(const DesignConfig&, std::string* note)> macs_per_cycle = {};
  /// The schedule a host or the AXI subsystem feeds the bare engine with (model/golden/
  /// schedule.hpp), from the same facts as `timing` (arch/schedule_base.hpp): the manifest's
  /// "schedule", the harness's --driver schedule, the unit tests' functional model.
  std::function<golden::ScheduleDescriptor(const DesignConfig&)> schedule = {};
  /// `--wrap axi-gemm` runs this architecture's schedule (KInner, fixed latency, its B with
  /// the step or a step ahead: wrap/gemm_sequencer.cpp); the others keep `--wrap axi`.
  bool axi_gemm = false;
};

/// The descriptor's macs_per_cycle (rows*cols*depth without one); clears *note first.
double arch_macs_per_cycle(const DesignConfig& c, std::string* note = nullptr);

/// The harness driver family of a resolved design: its PE variant's, else its architecture's.
std::string arch_driver(const DesignConfig& c);

/// The schedule descriptor of a resolved design (every architecture has one).
golden::ScheduleDescriptor design_schedule(const DesignConfig& c);

/// The manifest's timing of a resolved design: the descriptor's timing, with macs_per_cycle
/// from arch_macs_per_cycle and, for an estimate, the data it assumes.
Timing design_timing(const DesignConfig& c);

/// The (unresolved) design `c` is compared against in sweeps and reports, or nullopt when
/// `c` is itself a baseline.
std::optional<DesignConfig> baseline_of(const DesignConfig& c);

/// All architectures, in the order `tpegen list` shows them.
const std::vector<ArchDescriptor>& architectures();

/// The architectures `--wrap axi-gemm` supports, in registry order, comma-separated.
std::string axi_gemm_architectures();

/// Throws ConfigError listing the valid names when `name` is unknown.
const ArchDescriptor& find_arch(const std::string& name);

}  // namespace tpegen

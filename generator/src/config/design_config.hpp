// The parameters of one generated design: plain data, their limits and the exact accumulator
// width. Resolution against the architecture: arch/resolve.hpp; names: arch/design_name.hpp.
#pragma once

#include <climits>
#include <optional>
#include <string>

#include "util/config_error.hpp"

// The arithmetic choices of bit-weight PEs (arith/partial_products.hpp, compressor_tree.hpp,
// final_adder.hpp); declared here so that a configuration does not pull in the bit heaps.
namespace tpegen::arith {
enum class Encoding;
enum class TreeKind;
enum class AdderKind;
}  // namespace tpegen::arith

namespace tpegen {

/// "Not given: use the architecture's default" for dimensions and the accumulator width.
inline constexpr int kAuto = INT_MIN;

/// One design's parameters. Their names, flags, JSON keys, defaults, ranges and the designs
/// each applies to are in the field table (config/config_fields.hpp).
struct DesignConfig {
  std::string arch;          // registry name, e.g. "systolic-os"
  std::string pe;            // PE variant ("": the architecture's first)
  int rows = kAuto;          // hardware dimensions (kAuto: the architecture's default)
  int cols = kAuto;
  int depth = kAuto;
  int a_width = 8;           // operand widths, 2..16
  int b_width = 8;
  bool is_signed = true;     // two's complement operands (else unsigned)
  int max_k = 65536;         // longest reduction the accumulator must hold exactly
  int acc_width = kAuto;     // kAuto: exact width for max_k
  bool acc_wrap = false;     // allow acc_width below the exact width (results wrap mod 2^acc)
  int in_regs = 0;           // pipeline registers on every input / output port
  int out_regs = 0;
  // Bit-weight PEs only (nullopt elsewhere; resolve() fills in booth, timing, timing).
  std::optional<arith::Encoding> encoding;
  std::optional<arith::TreeKind> tree;
  bool use_42 = false;       // bit-weight PEs: 4:2 compressors in the tree
  std::optional<arith::AdderKind> final_adder;
  std::string drain;         // where the architecture takes it: buffered | shift | resolved ("" = buffered)
  std::string view;          // bit-weight PEs: structural (the bit-level netlist) | behavioral (+ and *, same ports)
  bool clock_gate = false;   // idle state on gated clocks (arch/clock_gating.hpp) instead of enables
  std::string inject_bug;    // test-only: "adder" breaks the accumulator adder (mutation check)
  std::string wrap = "none"; // none | axi: AXI4-Stream data + AXI4-Lite control wrapper around the engine
  int axis_width = 32;       // wrap=axi: tdata bits of both streams, a multiple of 8 in 8..1024

  bool operator==(const DesignConfig& o) const;
};

/// Limits of the parameters (shared by validation, `tpegen list` and the docs).
struct Limits {
  static constexpr int kMinWidth = 2, kMaxWidth = 16;
  static constexpr int kMinDim = 1, kMaxDim = 256;
  static constexpr int kMaxAcc = 64;
  static constexpr int kMaxMaxK = 1 << 24;
  static constexpr int kMaxRegs = 8;
  static constexpr int kMinAxis = 8, kMaxAxis = 1024;
};

/// Two's-complement (or unsigned) width that holds any sum of max_k products exactly.
int exact_acc_width(int a_width, int b_width, bool is_signed, long long max_k);

/// The largest K whose sums an acc_width-bit accumulator holds exactly, at most `cap`
/// (0 when not even one product fits, as with a narrow --acc-wrap accumulator).
long long exact_k_bound(int a_width, int b_width, bool is_signed, int acc_width, long long cap);

}  // namespace tpegen

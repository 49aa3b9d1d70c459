// Verilator flags that work around known miscompiles of tpegen's RTL (docs/contributing.md "Known tool
// bugs"): one place for tpegen sim, the FuseSoC .core and the regression test.
#pragma once

#include <string>
#include <vector>

namespace tpegen {

/// Verilator up to 5.008 drops or adds a NOT when its bit-op-tree optimization (V3Const)
/// folds an XOR tree whose leaves become constant only per instance (a zero-extended port
/// of a module it does not inline): OPT1 compressor trees fed constant carry bits.
inline constexpr const char* kNoBitOpTreeFlag = "-fno-const-bit-op-tree";

/// (major, minor) of `verilator --version` output ("Verilator 5.006 2023-01-22 ..."),
/// or {0, 0} when the text is not in that form.
struct VerilatorVersion {
  int major = 0, minor = 0;
};
VerilatorVersion parse_verilator_version(const std::string& version_text);

/// The work-around flags the Verilator that printed `version_text` needs; an unreadable
/// version gets them all (they cost no measurable speed, see docs/contributing.md).
std::vector<std::string> verilator_workaround_flags(const std::string& version_text);

}  // namespace tpegen

// A precompiled header for the Verilated model builds of `tpegen sim`: the Verilator runtime
// header and the standard headers the harness uses are parsed once per machine instead of in
// every build (about a third of the CPU of a -O0 model build).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tpegen::cli {

/// Writes `work`/pch.mk, a make fragment that builds (once, shared by every work directory
/// through `<tmp>/tpegen-pch/KEY/`) and uses the precompiled header for the harness and the
/// model with exactly the model's own compile flags. `key` names everything that changes
/// those flags (Verilator version, optimization level, tracing). Returns the extra make
/// arguments for Verilator's -MAKEFLAGS, or none when the temporary directory's path is not
/// safe to hand to make (the build then runs without it).
std::vector<std::string> model_pch_make_args(const std::filesystem::path& work, const std::string& key,
                                             int build_opt, bool ccache);

}  // namespace tpegen::cli

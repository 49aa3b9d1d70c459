// A precompiled header for the Verilated model builds of `tpegen sim`: the Verilator runtime
// header and the standard headers the harness uses are parsed once per machine instead of in
// every build (about a third of the CPU of a -O0 model build).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tpegen::cli {

/// Writes `work`/pch.mk, a make fragment that builds (once, shared by every work directory
/// through the user's private cache, `$XDG_CACHE_HOME` or `~/.cache`, `tpegen/pch/KEY/`) and
/// uses the precompiled header for the harness and the model with exactly the model's own
/// compile flags. `key` names what changes those flags (Verilator version, optimization level,
/// tracing); the compiler version and Verilator's installation are added here. Returns the
/// extra make arguments for Verilator's -MAKEFLAGS, or none when there is no private cache
/// folder whose path make can take (the build then runs without it).
std::vector<std::string> model_pch_make_args(const std::filesystem::path& work, const std::string& key,
                                             int build_opt, bool ccache);

}  // namespace tpegen::cli

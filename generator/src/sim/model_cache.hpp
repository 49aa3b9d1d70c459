// What every Verilated model build of `tpegen sim` shares, built once per machine instead of
// in every work folder: a precompiled header (Verilator's runtime header and the standard
// headers the harness uses), Verilator's runtime objects, and the harness's design-independent
// part (the golden model and the operand trace). At -O0 these were most of a build's CPU.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tpegen::sim {

/// The harness's C++ sources that do not depend on the design (no tb_params.h), under the
/// tpegen data root: compiled once per cache key, or into each model without a cache.
std::vector<std::filesystem::path> harness_support_sources(const std::filesystem::path& root);

/// Writes `work`/pch.mk, a make fragment that builds (once, shared by every work directory
/// through the user's private cache, `$XDG_CACHE_HOME` or `~/.cache`, `tpegen/pch/KEY/`) and
/// uses the precompiled header, Verilator's runtime objects and the `support` sources' objects,
/// with exactly the model's own compile flags. `key` names what changes those flags (Verilator
/// version, optimization level, tracing); the compiler version and Verilator's installation
/// are added here, and the support objects' names carry a digest of their sources and headers.
/// Returns the extra make arguments for Verilator's -MAKEFLAGS, or none when there is no
/// private cache folder whose path make can take (the caller then compiles everything itself).
std::vector<std::string> model_cache_make_args(const std::filesystem::path& work, const std::string& key, int build_opt,
                                               bool ccache, const std::vector<std::filesystem::path>& support);

/// What Verilator's command line needs besides the design and the harness: make arguments
/// (-MAKEFLAGS) and extra sources (the support sources when there is no cache to hold them).
struct ModelBuildArgs {
  std::vector<std::string> make;
  std::vector<std::string> sources;
};

/// The build arguments of a model in `work` at -O`build_opt`, traced or not.
ModelBuildArgs model_build_args(const std::filesystem::path& work, int build_opt, bool trace,
                                const std::string& verilator_version);

}  // namespace tpegen::sim

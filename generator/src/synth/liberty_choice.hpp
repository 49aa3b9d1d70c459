// Which liberty file a flow uses: a library tpegen knows by name (sky130hd, sg13g2, nangate45)
// or a file the user names, from --liberty, TPEGEN_LIBERTY or the default. A lookup: it reads
// the file system, and parses a file given by path (liberty/cache.hpp, so the later stages get
// the same model) to refuse an unusable one early (generator/tests/synth_flow_test.cpp).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "liberty/library.hpp"

namespace tpegen::synth {

/// A standard-cell library tpegen knows by name.
struct KnownLibrary {
  const char* name;        // the --liberty / TPEGEN_LIBERTY value
  const char* file;        // the liberty file inside the library's folder
  const char* shared_dir;  // the folder's name in a shared/pdk tree (may differ from `name`)
  bool shipped;            // in synth/pdk/ and decompressed by the build (Apache-2.0)
  const char* summary;     // one line for --help and the docs
};

/// sky130hd (the default), sg13g2 (both shipped) and nangate45 (never shipped: its licence
/// forbids benchmarking and commercial use; found only in a pdk folder the user provides).
const std::vector<KnownLibrary>& known_libraries();
inline constexpr const char* kDefaultLibraryName = "sky130hd";

struct LibertyChoice {
  std::filesystem::path path;  // empty: generic cells only
  std::string origin;          // "--liberty", "TPEGEN_LIBERTY", "default", or why there is none
  std::string name = {};       // the known library's name; "" for a file given by path
};

/// The folders searched for a library given by name, in order: $TPEGEN_PDK_DIR (`env_dir`,
/// null or empty = unset), the installed share/tpegen/pdk beside the executable, the build's
/// decompressed pdk/, and a shared/pdk folder beside the source tree. Folders that do not exist
/// are kept: the error for a missing library lists where it looked.
std::vector<std::filesystem::path> pdk_search_dirs(const char* env_dir);

/// The build's decompressed pdk/ folder (the shipped libraries).
std::filesystem::path pdk_build_dir();

/// Where `lib` is in `pdk_dirs` (DIR/<name>/<file> or DIR/<shared_dir>/<file>, the first
/// found), or an empty path.
std::filesystem::path locate_library(const KnownLibrary& lib, const std::vector<std::filesystem::path>& pdk_dirs);

/// Lookup order: `flag` (--liberty), else `env` (TPEGEN_LIBERTY; null or empty = unset), else
/// the default library. Each is a known library's name, searched in `pdk_dirs` as
/// DIR/<name>/<file> or DIR/<shared_dir>/<file>, or a path to a liberty file. A value that is
/// neither, or names a library none of the folders holds, is a ConfigError naming its source
/// and the valid names; the default missing is not an error (origin says why, generic flow).
/// A file must be readable, uncompressed, parse, and pass liberty_problem.
LibertyChoice find_liberty(const std::string& flag, const char* env, const std::vector<std::filesystem::path>& pdk_dirs);

/// Why a parsed library cannot be synthesized to ("" when it can): no cells, or no flip-flop
/// (an ff or ff_bank group) for the registers.
std::string liberty_problem(const liberty::Library& lib);

/// "sky130hd (default, shipped), sg13g2 (shipped) or nangate45 (not shipped: ...)": for help texts.
std::string known_library_names();

}  // namespace tpegen::synth

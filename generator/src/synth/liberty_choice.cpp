#include "synth/liberty_choice.hpp"

#include <cstdlib>
#include <fstream>

#include <fmt/format.h>

#include "arch/resolve.hpp"
#include "config/design_config.hpp"
#include "liberty/cache.hpp"
#include "liberty/error.hpp"
#include "synth/synth_flow.hpp"
#include "util/paths.hpp"

namespace fs = std::filesystem;

namespace tpegen::synth {
namespace {

// Neither Yosys 0.23 nor OpenSTA reads compressed liberty files; they fail with a bare
// "syntax error line 1", so catch it here with a message that says what to do.
const char* compression_of(std::ifstream& in) {
  unsigned char magic[6] = {0, 0, 0, 0, 0, 0};
  in.read(reinterpret_cast<char*>(magic), 6);
  const auto n = in.gcount();
  if (n >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) return "gzip";
  if (n == 6 && magic[0] == 0xfd && magic[1] == '7' && magic[2] == 'z' && magic[3] == 'X' && magic[4] == 'Z')
    return "xz";
  return nullptr;
}

void check_liberty_file(const fs::path& p, const std::string& source) {
  std::error_code ec;
  if (fs::is_directory(p, ec))
    throw ConfigError(fmt::format("invalid {} = '{}': it is a directory, not a liberty file", source, p.string()));
  std::ifstream in(p, std::ios::binary);
  if (!in) throw ConfigError(fmt::format("invalid {} = '{}': cannot read the file", source, p.string()));
  if (const char* kind = compression_of(in))
    throw ConfigError(fmt::format("invalid {} = '{}': the file is {}-compressed; Yosys 0.23 reads only "
                                  "uncompressed liberty files ({} it first)",
                                  source, p.string(), kind, std::string(kind) == "gzip" ? "gunzip" : "unxz"));
  std::shared_ptr<const liberty::Library> lib;
  try {
    lib = liberty::load_library(p);  // parsed once: the later stages get the same model
  } catch (const liberty::Error& e) {
    throw ConfigError(fmt::format("invalid {} = '{}': {}", source, p.string(), e.why_at_line()));
  }
  const std::string why = liberty_problem(*lib);
  if (!why.empty()) throw ConfigError(fmt::format("invalid {} = '{}': {}", source, p.string(), why));
}

}  // namespace

std::string liberty_problem(const liberty::Library& lib) {
  if (lib.cells.empty()) return "the liberty file defines no cells";
  for (const liberty::Cell& c : lib.cells)
    if (c.flip_flop) return "";
  return "the liberty file has no flip-flop (ff group): registers cannot be mapped";
}

namespace {

const KnownLibrary* known_library(const std::string& name) {
  for (const KnownLibrary& lib : known_libraries())
    if (name == lib.name) return &lib;
  return nullptr;
}


std::string list_dirs(const std::vector<fs::path>& dirs) {
  std::string s;
  for (const fs::path& d : dirs) s += (s.empty() ? "" : ", ") + d.string();
  return s;
}

std::string not_found(const KnownLibrary& lib, const std::vector<fs::path>& dirs) {
  if (!lib.shipped)
    return fmt::format("{} is not shipped with tpegen ({}); put {} into $TPEGEN_PDK_DIR/{}/ or give the file's "
                       "path (looked in: {})",
                       lib.name, lib.summary, lib.file, lib.name, list_dirs(dirs));
  return fmt::format("the shipped library {} is missing (looked in: {}); rerun the build (make build) to "
                     "decompress it, or give a liberty file's path",
                     lib.name, list_dirs(dirs));
}

// A value of --liberty or TPEGEN_LIBERTY: a known name, else a path.
LibertyChoice resolve(const std::string& value, const std::string& source, const std::vector<fs::path>& dirs) {
  if (const KnownLibrary* lib = known_library(value)) {
    fs::path p = locate_library(*lib, dirs);
    if (p.empty()) throw ConfigError(fmt::format("invalid {} = '{}': {}", source, value, not_found(*lib, dirs)));
    return {p, source, lib->name};
  }
  std::error_code ec;
  if (!fs::exists(value, ec) && value.find('/') == std::string::npos && value.find('.') == std::string::npos)
    throw ConfigError(fmt::format("invalid {} = '{}': neither a library name ({}) nor a liberty file", source, value,
                                  known_library_names()));
  check_liberty_file(value, source);
  return {fs::absolute(value), source};
}

}  // namespace

fs::path locate_library(const KnownLibrary& lib, const std::vector<fs::path>& dirs) {
  std::error_code ec;
  for (const fs::path& dir : dirs)
    for (const char* sub : {lib.name, lib.shared_dir})
      if (fs::is_regular_file(dir / sub / lib.file, ec)) return fs::absolute(dir / sub / lib.file);
  return {};
}

const std::vector<KnownLibrary>& known_libraries() {
  static const std::vector<KnownLibrary> libs = {
      {"sky130hd", "sky130_fd_sc_hd__tt_025C_1v80.dont_use.lib", "sky130hd", true,
       "SkyWater sky130 high density, typical 25 C 1.80 V, Apache-2.0"},
      {"sg13g2", "sg13g2_stdcell_typ_1p20V_25C.lib", "ihp-sg13g2", true,
       "IHP SG13G2 130 nm, typical 25 C 1.20 V, Apache-2.0"},
      {"nangate45", "NangateOpenCellLibrary_typical.lib", "nangate45", false,
       "Nangate 45 nm open cell library, typical; its licence forbids benchmarking and commercial use"},
  };
  return libs;
}

std::string known_library_names() {
  std::string s;
  const auto& libs = known_libraries();
  for (size_t i = 0; i < libs.size(); ++i) {
    s += i == 0 ? "" : i + 1 == libs.size() ? " or " : ", ";
    s += libs[i].name;
    s += libs[i].name == std::string(kDefaultLibraryName) ? " (default, shipped)"
         : libs[i].shipped                                 ? " (shipped)"
                                                           : " (not shipped)";
  }
  return s;
}

fs::path pdk_build_dir() { return TPEGEN_PDK_BUILD_DIR; }

std::vector<fs::path> pdk_search_dirs(const char* env_dir) {
  std::vector<fs::path> dirs;
  if (env_dir && *env_dir) dirs.emplace_back(env_dir);
  // An installed tpegen's own copy first (as source_root() prefers it), then the build's.
  if (const fs::path exe = executable_dir(); !exe.empty())
    dirs.push_back((exe / ".." / "share" / "tpegen" / "pdk").lexically_normal());
  dirs.push_back(pdk_build_dir());
  dirs.push_back((source_root() / ".." / "shared" / "pdk").lexically_normal());
  return dirs;
}

LibertyChoice find_liberty(const std::string& flag, const char* env, const std::vector<fs::path>& pdk_dirs) {
  if (!flag.empty()) return resolve(flag, "--liberty", pdk_dirs);
  if (env && *env) return resolve(env, "TPEGEN_LIBERTY", pdk_dirs);
  const KnownLibrary& def = *known_library(kDefaultLibraryName);
  if (fs::path p = locate_library(def, pdk_dirs); !p.empty()) return {p, "default", def.name};
  return {{}, "no liberty file: " + not_found(def, pdk_dirs)};
}

}  // namespace tpegen::synth

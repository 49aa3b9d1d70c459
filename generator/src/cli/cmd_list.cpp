#include <cstdlib>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <CLI/CLI.hpp>

#include "arch/design_fields.hpp"
#include "arch/pe_traits.hpp"
#include "arch/registry.hpp"
#include "arch/resolve.hpp"
#include "cli/commands.hpp"
#include "config/config_fields.hpp"
#include "synth/liberty_choice.hpp"
#include "util/tools.hpp"

namespace tpegen::cli {
namespace {

void print_dim(const char* flag, const DimInfo& d) {
  if (d.used)
    fmt::print("    {:<9} {} (default {}, range {}..{})\n", flag, d.meaning, d.default_value, Limits::kMinDim,
               Limits::kMaxDim);
  else
    fmt::print("    {:<9} {}\n", flag, d.meaning);
}

void run_list() {
  fmt::print("Architectures (--arch):\n");
  for (auto& a : architectures()) {
    fmt::print("\n  {}: {}\n", a.name, a.summary);
    print_dim("--rows", a.rows);
    print_dim("--cols", a.cols);
    print_dim("--depth", a.depth);
    fmt::print("    PE variants (--pe):\n");
    for (auto& pe : a.pes)
      fmt::print("      {:<7} {}{}\n", pe.name, pe.summary, &pe == &a.pes.front() ? " (default)" : "");
  }
  fmt::print("\nParameters (flag, JSON key of --config: meaning, valid values, default, designs it applies to):\n");
  for (const ConfigField& f : config_fields()) {
    // --arch, --pe, --rows, --cols, --depth: listed per architecture above.
    if (f.hidden || f.dim != Dim::None || f.key == std::string("arch") || f.key == std::string("pe")) continue;
    fmt::print("  {:<14} {:<12} {}, {} (default {}){}\n", f.flag, f.key, f.help, field_range_doc(f),
               field_default_doc(f), f.applies == Applies::All ? "" : fmt::format(" [{}]", applies_doc(f)));
  }
  fmt::print("  --config FILE  JSON object with these keys; flags given on the command line win\n");
}

nlohmann::json parameters_json() {
  nlohmann::json params = nlohmann::json::array();
  for (const ConfigField& f : config_fields())
    if (!f.hidden)
      params.push_back({{"key", f.key},
                        {"flag", f.flag},
                        {"type", field_type(f)},
                        {"default", field_default_doc(f)},
                        {"range", field_range_doc(f)},
                        {"applies", applies_doc(f)}});
  return params;
}

nlohmann::json dim_json(const DimInfo& d) {
  if (!d.used) return {{"used", false}, {"fixed", d.fixed_value}, {"meaning", d.meaning}};
  return {{"used", true},
          {"default", d.default_value},
          {"min", Limits::kMinDim},
          {"max", Limits::kMaxDim},
          {"meaning", d.meaning}};
}

// The libraries --liberty knows by name and where this tpegen finds them now (path null: not
// found), so scripts resolve a name exactly as the flows do.
nlohmann::json libraries_json() {
  const auto dirs = synth::pdk_search_dirs(std::getenv("TPEGEN_PDK_DIR"));
  nlohmann::json libs = nlohmann::json::array();
  for (const synth::KnownLibrary& lib : synth::known_libraries()) {
    const auto path = synth::locate_library(lib, dirs);
    libs.push_back({{"name", lib.name},
                    {"file", lib.file},
                    {"shipped", lib.shipped},
                    {"default", lib.name == std::string(synth::kDefaultLibraryName)},
                    {"summary", lib.summary},
                    {"path", path.empty() ? nlohmann::json(nullptr) : nlohmann::json(path.string())}});
  }
  nlohmann::json searched = nlohmann::json::array();
  for (auto& d : dirs) searched.push_back(d.string());
  return {{"known", libs}, {"search_dirs", searched}};
}

// The registry as data, so scripts (and the registry-wide tests) follow it without parsing prose.
void run_list_json() {
  nlohmann::json archs = nlohmann::json::array();
  for (auto& a : architectures()) {
    nlohmann::json pes = nlohmann::json::array();
    for (auto& pe : a.pes) {
      // The default design of this PE: its harness driver and handshake (protocol) follow from it.
      DesignConfig c;
      c.arch = a.name;
      c.pe = pe.name;
      c = resolve(c);
      pes.push_back({{"name", pe.name},
                     {"summary", pe.summary},
                     {"bit_weight", is_bit_weight_pe(pe.name)},
                     {"driver", arch_driver(c)},
                     {"protocol", design_timing(c).protocol}});
    }
    archs.push_back({{"name", a.name},
                     {"summary", a.summary},
                     {"rows", dim_json(a.rows)},
                     {"cols", dim_json(a.cols)},
                     {"depth", dim_json(a.depth)},
                     {"default_pe", a.pes.empty() ? "" : a.pes.front().name},
                     {"axi_gemm", a.axi_gemm},  // --wrap axi-gemm supports it
                     {"driver", a.driver},      // tb/harness/driver_<driver>.hpp (a PE may name its own)
                     {"options", a.options},    // the fields only some architectures take
                     {"pes", pes}});
  }
  fmt::print("{}\n", nlohmann::json{{"architectures", archs}, {"parameters", parameters_json()}, {"libraries", libraries_json()}}
                         .dump(2));
}

}  // namespace

void setup_list(CLI::App& app) {
  auto json = std::make_shared<bool>(false);
  app.add_flag("--json", *json, "print the registry as JSON (architectures, dimensions, PE variants, parameters, and the liberty libraries known by name with where they are found)");
  auto tools = std::make_shared<bool>(false);
  app.add_flag("--tools", *tools, "list the programs tpegen starts: command, Debian package, the version found on PATH, what it is used for (with --json: as JSON)");
  app.callback([json, tools] {
    if (*tools) return fmt::print("{}", *json ? tools_json().dump(2) + "\n" : tools_text());
    *json ? run_list_json() : run_list();
  });
}

}  // namespace tpegen::cli

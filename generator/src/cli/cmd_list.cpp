#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "arch/registry.hpp"
#include "cli/commands.hpp"

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
  fmt::print("\nParameters of every architecture:\n");
  fmt::print("  --a-width, --b-width  operand widths, {}..{} (default 8)\n", Limits::kMinWidth, Limits::kMaxWidth);
  fmt::print("  --signed | --unsigned two's-complement (default) or unsigned operands\n");
  fmt::print("  --max-k               longest reduction held exactly, 1..{} (default 65536)\n", Limits::kMaxMaxK);
  fmt::print("  --acc-width           accumulator bits, up to {} (default: exact for --max-k)\n", Limits::kMaxAcc);
  fmt::print("  --acc-wrap            allow a narrower accumulator (results modulo 2^acc-width)\n");
  fmt::print("  --in-regs, --out-regs pipeline stages on every input/output port, 0..{} (default 0)\n",
             Limits::kMaxRegs);
  fmt::print("  --config FILE         JSON object with the same keys (a_width, signed, ...); flags win\n");
}

nlohmann::json dim_json(const DimInfo& d) {
  if (!d.used) return {{"used", false}, {"fixed", d.fixed_value}, {"meaning", d.meaning}};
  return {{"used", true},
          {"default", d.default_value},
          {"min", Limits::kMinDim},
          {"max", Limits::kMaxDim},
          {"meaning", d.meaning}};
}

// The registry as data, so scripts (and the registry-wide tests) follow it without parsing prose.
void run_list_json() {
  nlohmann::json archs = nlohmann::json::array();
  for (auto& a : architectures()) {
    nlohmann::json pes = nlohmann::json::array();
    for (auto& pe : a.pes) pes.push_back({{"name", pe.name}, {"summary", pe.summary}, {"bit_weight", is_bit_weight_pe(pe.name)}});
    archs.push_back({{"name", a.name},
                     {"summary", a.summary},
                     {"rows", dim_json(a.rows)},
                     {"cols", dim_json(a.cols)},
                     {"depth", dim_json(a.depth)},
                     {"default_pe", a.pes.empty() ? "" : a.pes.front().name},
                     {"pes", pes}});
  }
  fmt::print("{}\n", nlohmann::json{{"architectures", archs}}.dump(2));
}

}  // namespace

void setup_list(CLI::App& app) {
  auto json = std::make_shared<bool>(false);
  app.add_flag("--json", *json, "print the registry as JSON (architectures, dimensions, PE variants)");
  app.callback([json] { *json ? run_list_json() : run_list(); });
}

}  // namespace tpegen::cli

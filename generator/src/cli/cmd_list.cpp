#include <fmt/format.h>

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
    for (auto& pe : a.pes) fmt::print("      {:<7} {}\n", pe.name, pe.summary);
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

}  // namespace

void setup_list(CLI::App& app) { app.callback(run_list); }

}  // namespace tpegen::cli

#include "cli/app.hpp"

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/help_format.hpp"
#include "util/paths.hpp"

namespace tpegen::cli {

void setup_app(CLI::App& app) {
  app.name("tpegen");
  app.description("tpegen: generator of Verilog tensor processing engines (GEMM arrays optimized in the "
                  "bit-weight dimension)");
  app.set_version_flag("--version", tpegen::version());
  app.require_subcommand(1);
  // Sub-commands copy both when they are added: every flag records the value it starts with,
  // which the help and the reference show as its default.
  app.formatter(help_formatter());
  app.option_defaults()->always_capture_default();
  setup_list(*app.add_subcommand("list", "architectures, PE variants and parameters"));
  setup_generate(*app.add_subcommand("generate", "write the RTL, files.f, .core and manifest.json"));
  setup_sim(*app.add_subcommand("sim", "generate, verilate and check random GEMMs against the golden model"));
  setup_synth(*app.add_subcommand("synth", "synthesize with Yosys and report cells and area"));
  setup_arith(*app.add_subcommand("arith", "a stand-alone multiplier or OPT1 step with test vectors"));
  setup_sweep(*app.add_subcommand("sweep", "synthesize a grid of design points (cached) and compare them"));
  setup_sweep_point(
      *app.add_subcommand("sweep-point", "synthesize one point of a sweep's plan into its cache (one Slurm array task)"));
  setup_gate_power(*app.add_subcommand(
      "gate-power", "energy of a mapped netlist from a gate-level replay of a port trace (the model of synth --activity gate)"));
  setup_docs(*app.add_subcommand("docs", "write the reference pages (CLI, config keys, architectures, manifest) as Markdown"));
}

}  // namespace tpegen::cli

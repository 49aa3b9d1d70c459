#include "cli/app.hpp"

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/help_format.hpp"
#include "util/paths.hpp"

namespace tpegen::cli {
namespace {

docs::FlagDoc describe_flag(const CLI::Option& o) {
  docs::FlagDoc f;
  f.positional = !o.nonpositional();
  if (f.positional) f.names = o.get_name(true, false);
  for (auto& s : o.get_snames()) f.names += (f.names.empty() ? "-" : ", -") + s;  // "-o, --output"
  for (auto& l : o.get_lnames()) f.names += (f.names.empty() ? "--" : ", --") + l;
  f.value = value_placeholder(o);
  f.default_value = shown_default(o);
  f.help = o.get_description();
  f.required = o.get_required();
  return f;
}

}  // namespace

std::vector<docs::CommandDoc> describe_commands(CLI::App& app) {
  std::vector<docs::CommandDoc> commands;
  for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    docs::CommandDoc c{sub->get_name(), sub->get_description(), {}};
    for (const CLI::Option* o : sub->get_options()) {
      if (o == sub->get_help_ptr() || o->get_group().empty()) continue;  // --help; hidden test flags
      c.flags.push_back(describe_flag(*o));
    }
    commands.push_back(std::move(c));
  }
  return commands;
}

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
  setup_diagram(*app.add_subcommand("diagram", "draw the design as an SVG: PEs, operand flow, encoders, skew, read-out"));
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

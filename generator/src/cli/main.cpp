// tpegen: generator of Verilog tensor processing engines.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/parse_errors.hpp"
#include "config/design_config.hpp"
#include "util/paths.hpp"
#include "util/run.hpp"

int main(int argc, char** argv) {
  CLI::App app{"tpegen: generator of Verilog tensor processing engines (GEMM arrays optimized in the "
               "bit-weight dimension)"};
  app.set_version_flag("--version", tpegen::version());
  app.require_subcommand(1);
  tpegen::cli::setup_list(*app.add_subcommand("list", "architectures, PE variants and parameters"));
  tpegen::cli::setup_generate(*app.add_subcommand("generate", "write the RTL, files.f, .core and manifest.json"));
  tpegen::cli::setup_diagram(*app.add_subcommand("diagram", "draw the design as an SVG: PEs, operand flow, encoders, skew, read-out"));
  tpegen::cli::setup_sim(*app.add_subcommand("sim", "generate, verilate and check random GEMMs against the golden model"));
  tpegen::cli::setup_synth(*app.add_subcommand("synth", "synthesize with Yosys and report cells and area"));
  tpegen::cli::setup_arith(*app.add_subcommand("arith", "a stand-alone multiplier or OPT1 step with test vectors"));
  tpegen::cli::setup_sweep(*app.add_subcommand("sweep", "synthesize a grid of design points (cached) and compare them"));
  tpegen::cli::setup_sweep_point(
      *app.add_subcommand("sweep-point", "synthesize one point of a sweep's plan into its cache (one Slurm array task)"));
  tpegen::cli::setup_gate_power(*app.add_subcommand(
      "gate-power", "energy of a mapped netlist from a gate-level replay of a port trace (the model of synth --activity gate)"));
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (const std::string problem = tpegen::cli::check_subcommand(app, args); !problem.empty()) {
    fmt::print(stderr, "tpegen: error: {}\n", problem);
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    fmt::print(stderr, "tpegen: error: {}\n", tpegen::cli::describe_parse_error(app, e, args));
    return 2;
  } catch (const tpegen::ExitStatus& e) {
    return e.code;
  } catch (const tpegen::ConfigError& e) {
    fmt::print(stderr, "tpegen: error: {}\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "tpegen: error: {}\n", e.what());
    return 1;
  }
  return 0;
}

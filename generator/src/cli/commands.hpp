// One function per subcommand; each adds its options to `app` and sets its callback.
#pragma once

#include <string>
#include <vector>

#include "cli/cli_fwd.hpp"

namespace tpegen::cli {

void setup_list(CLI::App& app);
void setup_generate(CLI::App& app);
void setup_diagram(CLI::App& app);
void setup_sim(CLI::App& app);
void setup_synth(CLI::App& app);
void setup_arith(CLI::App& app);
void setup_sweep(CLI::App& app);
void setup_sweep_point(CLI::App& app);
void setup_gate_power(CLI::App& app);
void setup_docs(CLI::App& app);

/// Tells the user which of their files in an output directory a rewrite kept.
void print_kept(const std::vector<std::string>& kept, const std::string& dir);

}  // namespace tpegen::cli

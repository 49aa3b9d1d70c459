// One function per subcommand; each adds its options to `app` and sets its callback.
#pragma once

#include <CLI/CLI.hpp>

namespace tpegen::cli {

void setup_list(CLI::App& app);
void setup_generate(CLI::App& app);
void setup_sim(CLI::App& app);
void setup_synth(CLI::App& app);
void setup_arith(CLI::App& app);
void setup_sweep(CLI::App& app);
void setup_sweep_point(CLI::App& app);

}  // namespace tpegen::cli

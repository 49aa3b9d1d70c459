#include "cli/commands.hpp"
namespace tpegen::cli { void setup_synth(CLI::App& app) { app.callback([] {}); } }

#include "cli/commands.hpp"
namespace tpegen::cli { void setup_sim(CLI::App& app) { app.callback([] {}); } }

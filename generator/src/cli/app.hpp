// The whole command line: the top-level App with every sub-command, built in one place so
// that `main` and `tpegen docs` (the generated CLI reference) describe the same flags.
#pragma once

#include <vector>

#include "cli/cli_fwd.hpp"
#include "docs/reference.hpp"

namespace tpegen::cli {

/// Adds every sub-command with its flags to `app` and sets the help formatter.
void setup_app(CLI::App& app);

/// The sub-commands of `app` and their flags (without --help and hidden test flags), as the
/// reference pages show them.
std::vector<docs::CommandDoc> describe_commands(CLI::App& app);

}  // namespace tpegen::cli

// The whole command line: the top-level App with every sub-command, built in one place so
// that `main` and `tpegen docs` (the generated CLI reference) describe the same flags.
#pragma once

#include "cli/cli_fwd.hpp"

namespace tpegen::cli {

/// Adds every sub-command with its flags to `app` and sets the help formatter.
void setup_app(CLI::App& app);

}  // namespace tpegen::cli

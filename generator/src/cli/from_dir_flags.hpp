// --from DIR: sim and synth take the design of a folder written by `tpegen generate`.
#pragma once

#include <optional>
#include <string>

#include "cli/cli_fwd.hpp"
#include "cli/design_flags.hpp"

namespace tpegen::cli {

/// Adds --from DIR. `also` ends the help text (what else the command takes from the folder).
void add_from_flag(CLI::App& app, DesignFlags& flags, const std::string& also = "");

/// The clock period of the --from folder's SDC, when --from was given and it has one.
std::optional<double> from_clock_period(const DesignFlags& flags);

/// The folder's design, with the flags given beside --from, which may only repeat it.
DesignConfig load_from_dir(const DesignFlags& flags);

}  // namespace tpegen::cli

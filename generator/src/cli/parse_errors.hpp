// Command-line mistakes reported the project's way: one `tpegen: error:` line naming the
// command or flag, with a "did you mean" for near misses, and exit status 2 (CLI11's own
// messages and exit codes 104..109 say neither).
#pragma once

#include <string>
#include <vector>

#include "cli/cli_fwd.hpp"

namespace tpegen::cli {

/// For unsigned options: CLI11 would turn -1 into 2^64 - 1 without a word.
const CLI::Validator& non_negative_whole();

/// Before CLI11 parses: a missing or unknown sub-command. Returns the error line (without
/// the "tpegen: error: " prefix), or "" when the command line names a known sub-command or
/// only asks for --help/--version.
std::string check_subcommand(CLI::App& app, const std::vector<std::string>& args);

/// The error line for a CLI11 parse error of `args` (without the prefix).
std::string describe_parse_error(CLI::App& app, const CLI::ParseError& e, const std::vector<std::string>& args);

}  // namespace tpegen::cli

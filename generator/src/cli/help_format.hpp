// How --help shows a flag: a readable value placeholder (INT, NUMBER, TEXT or the choices, never
// CLI11's validator-suffixed "UINT:UINT") and the flag's real default, the value its variable
// starts with, unless the help text already says it. The generated CLI reference uses the same
// two functions, so --help and docs/reference/cli.md agree.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cli/cli_fwd.hpp"

namespace tpegen::cli {

/// The word after the flag: "INT", "NUMBER", "TEXT", or the type name a flag set itself
/// ("and|booth|ent", "FILE"); "" for a flag without a value.
std::string value_placeholder(const CLI::Option& opt);

/// The placeholder of a flag with these choices: "static|sim|gate".
std::string one_of(const std::vector<std::string>& choices);

/// The default as the flag's variable starts ("" for flags without a value, required ones
/// and empty text).
std::string shown_default(const CLI::Option& opt);

/// The help text, plus " (default X)" when the text does not speak of its default itself.
std::string help_with_default(const CLI::Option& opt);

/// CLI11's formatter with the flags shown as above (and "(required)", "(not with --x)").
std::shared_ptr<CLI::FormatterBase> help_formatter();

}  // namespace tpegen::cli

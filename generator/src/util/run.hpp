// Running external tools (verilator, yosys, sta) from the CLI.
#pragma once

#include <string>

namespace tpegen {

/// Thrown by a command whose outcome is a plain exit status (e.g. a failed regression);
/// main() returns `code` without printing anything more.
struct ExitStatus {
  int code;
};

/// True when `tool` is found on PATH.
bool on_path(const std::string& tool);

/// Throws ConfigError naming the Debian package when `tool` is not on PATH.
void require_tool(const std::string& tool, const std::string& debian_package);

/// Runs `command` through /bin/sh; returns its exit status (-1 if it could not run).
int run_shell(const std::string& command);

/// Single-quotes `s` for /bin/sh.
std::string shell_quote(const std::string& s);

}  // namespace tpegen

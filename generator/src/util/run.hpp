// Running external tools (verilator, yosys, sta) from the CLI.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

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

/// Runs argv[0] (looked up on PATH) with `argv`, in directory `cwd` (empty: the current
/// one), stdout and stderr into `log` (truncated; empty: inherited). No shell is involved,
/// so no argument is ever split or interpreted. Returns the exit status, 127 when the program
/// cannot be started, -1 when it was killed by a signal or could not be forked.
int run_program(const std::vector<std::string>& argv, const std::filesystem::path& cwd = {},
                const std::filesystem::path& log = {});

/// Single-quotes `s` for /bin/sh.
std::string shell_quote(const std::string& s);

}  // namespace tpegen

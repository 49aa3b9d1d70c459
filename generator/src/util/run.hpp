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

/// True when `tool` is found on PATH (as execvp would find it; no shell).
bool on_path(const std::string& tool);

/// Throws ConfigError naming the Debian package when `tool` is not on PATH.
void require_tool(const std::string& tool, const std::string& debian_package);

/// Runs argv[0] (looked up on PATH) with `argv`, in directory `cwd` (empty: the current
/// one), stdout and stderr into `log` (truncated; empty: inherited). No shell is involved,
/// so no argument is ever split or interpreted. Returns the exit status, 127 when the program
/// cannot be started, -1 when it was killed by a signal or could not be forked.
int run_program(const std::vector<std::string>& argv, const std::filesystem::path& cwd = {},
                const std::filesystem::path& log = {});

/// Runs argv like run_program (no shell) and returns its exit status and everything it
/// wrote to stdout and stderr (status 127: cannot be started; -1: killed or not forked).
struct ProgramOutput {
  int status = -1;
  std::string text;
};
ProgramOutput run_capture(const std::vector<std::string>& argv);

/// Single-quotes `s` for /bin/sh: for the batch script Slurm runs and for command lines
/// shown to the user, never to run anything through a shell.
std::string shell_quote(const std::string& s);

}  // namespace tpegen

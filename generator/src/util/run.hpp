// Running external tools (verilator, yosys, sta) from the CLI.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace tpegen {

/// Thrown by a command whose outcome is a plain exit status (e.g. a failed regression);
/// main() returns `code` without printing anything more.
struct ExitStatus {
  int code;
};

/// Thrown by run_program and run_lines when an InterruptScope caught SIGINT or SIGTERM while
/// the program ran; the program (its whole process group) has been stopped by then.
struct Interrupted {
  int signal;
};

/// While one is alive, SIGINT and SIGTERM do not end tpegen at once: programs started by
/// run_program and run_lines run in a process group of their own (so a Ctrl-C at the terminal
/// reaches tpegen only, and no tool prints its own reaction to it), and the first such signal
/// stops the running program and throws Interrupted, so that the command can say what it had
/// done and exit 130 with whole lines on the terminal. Not nested, one thread.
class InterruptScope {
 public:
  InterruptScope();
  ~InterruptScope();
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;
};

/// True when `tool` is found on PATH (as execvp would find it; no shell).
bool on_path(const std::string& tool);

/// Runs argv[0] (looked up on PATH) with `argv`, in directory `cwd` (empty: the current
/// one), stdout and stderr into `log` (truncated; empty: inherited). No shell is involved,
/// so no argument is ever split or interpreted. Returns the exit status, 127 when the program
/// cannot be started, -1 when it was killed by a signal or could not be forked. Inside an
/// InterruptScope, `on_tick` (when set) is called about every 100 ms with the seconds since
/// the start, e.g. to show progress.
int run_program(const std::vector<std::string>& argv, const std::filesystem::path& cwd = {},
                const std::filesystem::path& log = {}, const std::function<void(double)>& on_tick = {});

/// run_program, timed: its exit status and the seconds it ran.
struct TimedRun {
  int status = -1;
  double seconds = 0;
};
TimedRun run_timed(const std::vector<std::string>& argv, const std::filesystem::path& cwd,
                   const std::filesystem::path& log);

/// Runs argv like run_program (no shell) with its stdout and stderr read by tpegen: `on_line`
/// gets each line (without its '\n') as it comes; a last unterminated line comes at the end.
/// Returns the exit status as run_program does.
int run_lines(const std::vector<std::string>& argv, const std::function<void(const std::string&)>& on_line);

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

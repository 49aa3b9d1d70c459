#include "util/run.hpp"

#include <cerrno>
#include <algorithm>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config/design_config.hpp"

namespace tpegen {

std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

bool on_path(const std::string& tool) {
  // execvp's own search: a name with a '/' is a path, else each PATH entry in turn.
  if (tool.find('/') != std::string::npos) return ::access(tool.c_str(), X_OK) == 0;
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    const size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::string dir = end > start ? dirs.substr(start, end - start) : ".";
    const std::string file = dir + "/" + tool;
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(file.c_str(), X_OK) == 0) return true;
    start = end + 1;
  }
  return false;
}

void require_tool(const std::string& tool, const std::string& debian_package) {
  if (!on_path(tool))
    throw ConfigError(tool + " not found on PATH: install the Debian package " + debian_package +
                      " (`make deps` installs every tool tpegen needs)");
}

namespace {

// Forks and execs argv in `cwd` with stdout and stderr on `out_fd` (-1: inherited); the
// child's pid, or -1.
pid_t spawn(const std::vector<std::string>& argv, const std::filesystem::path& cwd, int out_fd, int close_fd) {
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  // The child: only async-signal-safe calls until exec.
  if (close_fd >= 0) ::close(close_fd);
  if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(127);
  if (out_fd >= 0) {
    ::dup2(out_fd, 1);
    ::dup2(out_fd, 2);
    ::close(out_fd);
  }
  ::execvp(args[0], args.data());
  ::_exit(127);
}

int wait_status(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

int run_program(const std::vector<std::string>& argv, const std::filesystem::path& cwd,
                const std::filesystem::path& log) {
  if (argv.empty()) return 127;
  int fd = -1;
  if (!log.empty()) {
    // Opened here, not in the child: a log that cannot be written is the same failure.
    std::filesystem::path p = log.is_absolute() || cwd.empty() ? log : cwd / log;
    fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return 127;
  }
  const pid_t pid = spawn(argv, cwd, fd, -1);
  if (fd >= 0) ::close(fd);
  return pid < 0 ? -1 : wait_status(pid);
}

ProgramOutput run_capture(const std::vector<std::string>& argv) {
  ProgramOutput o;
  if (argv.empty()) return o;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return o;
  const pid_t pid = spawn(argv, {}, fds[1], fds[0]);
  ::close(fds[1]);
  char buf[4096];
  ssize_t got;
  while ((got = ::read(fds[0], buf, sizeof buf)) != 0) {
    if (got < 0) {
      if (errno == EINTR) continue;
      break;
    }
    o.text.append(buf, static_cast<size_t>(got));
  }
  ::close(fds[0]);
  o.status = pid < 0 ? -1 : wait_status(pid);
  return o;
}

}  // namespace tpegen

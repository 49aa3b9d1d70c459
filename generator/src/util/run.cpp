#include "util/run.hpp"

#include <cerrno>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>


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

namespace {

// The InterruptScope's state: a signal handler may only set a flag.
volatile std::sig_atomic_t g_signal = 0;
bool g_scope = false;
struct sigaction g_old_int {}, g_old_term {};

extern "C" void note_signal(int sig) { g_signal = sig; }

// Forks and execs argv in `cwd` with stdout and stderr on `out_fd` (-1: inherited); the
// child's pid, or -1. Inside an InterruptScope the child leads a process group of its own.
pid_t spawn(const std::vector<std::string>& argv, const std::filesystem::path& cwd, int out_fd, int close_fd) {
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const bool own_group = g_scope;
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid != 0) {
    if (pid > 0 && own_group) ::setpgid(pid, pid);  // also here: no race with a signal to the group
    return pid;
  }
  // The child: only async-signal-safe calls until exec.
  if (own_group) {
    ::setpgid(0, 0);
    // Out of tpegen's group, a Ctrl-C no longer reaches it: it must not outlive a tpegen that
    // is killed outright either (SIGKILL, a test's timeout).
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != parent) ::_exit(127);
  }
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

int decode(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

int wait_status(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return decode(status);
}

// Stops the program's whole process group (make, compilers, ...): SIGTERM, and SIGKILL for
// whatever is left after two seconds; then reaps it and throws Interrupted.
[[noreturn]] void stop_and_throw(pid_t pid) {
  ::kill(-pid, SIGTERM);
  int status = 0;
  for (int i = 0; i < 20 && ::waitpid(pid, &status, WNOHANG) == 0; ++i) ::poll(nullptr, 0, 100);
  ::kill(-pid, SIGKILL);
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  throw Interrupted{static_cast<int>(g_signal)};
}

// waitpid that notices an InterruptScope's signal (polling: a signal between a check and a
// blocking wait would otherwise be missed).
int wait_interruptible(pid_t pid, const std::function<void(double)>& on_tick) {
  const auto start = std::chrono::steady_clock::now();
  for (;;) {
    int status = 0;
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) return decode(status);
    if (r < 0 && errno != EINTR) return -1;
    if (g_signal != 0) stop_and_throw(pid);
    if (on_tick) on_tick(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    ::poll(nullptr, 0, 100);
  }
}

}  // namespace

InterruptScope::InterruptScope() {
  g_signal = 0;
  g_scope = true;
  struct sigaction sa {};
  sa.sa_handler = note_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a blocking read returns, and the loop sees the flag
  ::sigaction(SIGINT, &sa, &g_old_int);
  ::sigaction(SIGTERM, &sa, &g_old_term);
}

InterruptScope::~InterruptScope() {
  ::sigaction(SIGINT, &g_old_int, nullptr);
  ::sigaction(SIGTERM, &g_old_term, nullptr);
  g_scope = false;
}

int run_program(const std::vector<std::string>& argv, const std::filesystem::path& cwd,
                const std::filesystem::path& log, const std::function<void(double)>& on_tick) {
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
  if (pid < 0) return -1;
  return g_scope ? wait_interruptible(pid, on_tick) : wait_status(pid);
}

TimedRun run_timed(const std::vector<std::string>& argv, const std::filesystem::path& cwd,
                   const std::filesystem::path& log) {
  const auto t0 = std::chrono::steady_clock::now();
  const int status = run_program(argv, cwd, log);
  return {status, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()};
}

int run_lines(const std::vector<std::string>& argv, const std::function<void(const std::string&)>& on_line) {
  if (argv.empty()) return 127;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return -1;
  const pid_t pid = spawn(argv, {}, fds[1], fds[0]);
  ::close(fds[1]);
  if (pid < 0) {
    ::close(fds[0]);
    return -1;
  }
  std::string pending;
  char buf[4096];
  for (;;) {
    if (g_scope && g_signal != 0) {
      ::close(fds[0]);
      stop_and_throw(pid);  // the lines not yet complete are dropped, never printed cut
    }
    pollfd p{fds[0], POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;  // timeout or EINTR: check for a signal again
    const ssize_t got = ::read(fds[0], buf, sizeof buf);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    pending.append(buf, static_cast<size_t>(got));
    size_t start = 0;
    for (size_t nl; (nl = pending.find('\n', start)) != std::string::npos; start = nl + 1)
      on_line(pending.substr(start, nl - start));
    pending.erase(0, start);
  }
  ::close(fds[0]);
  if (!pending.empty()) on_line(pending);
  return g_scope ? wait_interruptible(pid, {}) : wait_status(pid);
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

#include "util/work_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "util/config_error.hpp"

namespace tpegen {

WorkLock::WorkLock(const std::filesystem::path& dir, const std::string& flag) {
  const std::filesystem::path file = dir / kWorkLockFile;
  fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw ConfigError(fmt::format("invalid {} = '{}': cannot create its lock file {}: {}", flag, dir.string(),
                                  file.string(), std::strerror(errno)));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    char holder[32] = {};
    const ssize_t n = ::pread(fd_, holder, sizeof holder - 1, 0);
    std::string pid = n > 0 ? std::string(holder, static_cast<size_t>(n)) : std::string();
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    ::close(fd_);
    fd_ = -1;
    throw ConfigError(fmt::format("invalid {} = '{}': another tpegen{} is working in it; wait until it ends, or "
                                  "name another {}",
                                  flag, dir.string(), pid.empty() ? "" : " (process " + pid + ")", flag));
  }
  // The holder's process id, for the message above (the lock itself is the flock).
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
    // Only the message loses its process id.
  }
}

WorkLock::~WorkLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace tpegen

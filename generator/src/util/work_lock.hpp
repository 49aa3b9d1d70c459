// One tpegen at a time in a work folder: two sweeps sharing a --work (two terminals, or a
// local rerun beside a Slurm collect) wrote the same points/<name> folders and failed points
// of each other. The lock is an flock(2) on <dir>/.tpegen-lock, so the kernel releases it when
// the holder ends, however it ends (a SIGKILLed sweep leaves no stale lock).
#pragma once

#include <filesystem>
#include <string>

namespace tpegen {

/// The lock file's name inside a work folder.
inline constexpr const char* kWorkLockFile = ".tpegen-lock";

class WorkLock {
 public:
  /// Takes the lock of the work folder `dir` (which must exist) or throws ConfigError naming
  /// `flag`, the holder's process id and the way out.
  WorkLock(const std::filesystem::path& dir, const std::string& flag);
  ~WorkLock();
  WorkLock(const WorkLock&) = delete;
  WorkLock& operator=(const WorkLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace tpegen

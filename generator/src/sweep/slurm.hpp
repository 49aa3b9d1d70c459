// The Slurm executor of `tpegen sweep`: one job array (`sbatch --array`) whose task i runs
// `tpegen sweep-point WORK i`, i.e. job i of WORK/slurm/plan.json, into the shared cache.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sweep/point.hpp"

namespace tpegen::sweep {

struct SlurmOptions {
  int max_parallel = 0;  // 0: no throttle (--max-parallel N gives %N; cmd_sweep checks N >= 1)
  std::string partition, time, mem;
  std::vector<std::string> sbatch_args;
};

/// Throws ConfigError naming the flag for a value sbatch would reject.
void check_slurm_options(const SlurmOptions& o);

/// The sbatch command (argument vector, run without a shell) that submits `count` tasks for
/// WORK (count >= 1), and the same as one line to show (--dry-run).
std::vector<std::string> sbatch_argv(const std::filesystem::path& work, size_t count, const SlurmOptions& o);
std::string sbatch_command(const std::filesystem::path& work, size_t count, const SlurmOptions& o);

/// Writes WORK/slurm/plan.json and the batch script, submits the array and returns the job id.
/// Throws ConfigError (one line) when sbatch is missing, the controller does not answer, or a
/// job of an earlier run on WORK is still active.
std::string submit_array(const std::filesystem::path& exe, const std::filesystem::path& work,
                         const std::vector<PointJob>& jobs, const SlurmOptions& o);

/// Waits for every task of the job, printing progress as points reach the cache; results of
/// the jobs are read back from the cache, failures carry the task's Slurm state and log.
void wait_array(const std::string& job_id, const std::filesystem::path& work, const std::vector<PointJob>& jobs,
                std::vector<Result>& results, size_t done);

/// `tpegen sweep-point WORK INDEX`: runs job INDEX of WORK/slurm/plan.json (exit 1 when the
/// point fails; its cache file is written atomically, so a killed task leaves none).
int run_sweep_point(const std::filesystem::path& work, long index);

}  // namespace tpegen::sweep

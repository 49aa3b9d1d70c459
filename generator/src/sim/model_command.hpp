// The Verilator command of a `tpegen sim` model: the design and the harness's description of it
// (tb_params.h) written into the work folder, then the harness (tb/harness) built against them
// with what every model shares (sim/model_cache) and this Verilator's workarounds.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "config/design_config.hpp"
#include "output/design_files.hpp"

namespace tpegen::sim {

struct ModelBuildOptions {
  std::filesystem::path work;  // the claimed work folder
  int build_opt = 2;           // the model's C++ optimization level
  bool trace = false;          // a VCD-traced model (a build of its own beside the plain one)
  int trace_depth = 0;         // Verilator --trace-depth; 0: every level
  bool schedule_driver = false;  // the golden schedule's driver instead of the architecture's own
  bool lint = false;           // verilator -Wall while building, every warning fatal (sim --lint)
};

struct ModelCommand {
  std::vector<std::string> build;  // verilator --build ..., run in `work`/design
  std::filesystem::path model;     // the executable it builds
};

/// Writes `o.work`/design and `o.work`/tb_params.h and returns the command that builds the model
/// (throws ConfigError when Verilator is missing); prints which design it builds and where.
ModelCommand prepare_model(const DesignConfig& c, const DesignFiles& files, const ModelBuildOptions& o);

}  // namespace tpegen::sim

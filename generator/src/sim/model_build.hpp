// The inputs of a Verilated model build of `tpegen sim` besides the design's RTL: the
// harness's description of the design under test (tb_params.h), and the check that an old
// build in a reused work folder can still be made.
#pragma once

#include <filesystem>
#include <string>

#include "config/design_config.hpp"
#include "output/design_files.hpp"

namespace tpegen::sim {

/// A model build left in a reused --work by an older tpegen can name harness headers that have
/// since moved; make then stops on "No rule to make target". Such a build (folder `obj`) is dropped.
void drop_stale_model_build(const std::filesystem::path& obj);

/// tb_params.h: the design under test for the harness (tb/harness): its driver, sizes, widths,
/// latency and tile rules, its schedule descriptor, whether the schedule driver runs it
/// (tb/harness/driver_schedule.hpp) instead of its hand driver, and with --wrap axi the
/// engine's ports and the stream record layout.
std::string tb_params(const DesignConfig& c, const DesignFiles& files, bool schedule_driver = false);

}  // namespace tpegen::sim

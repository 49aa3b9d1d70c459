// Each liberty file is parsed once per run: several stages (the --liberty check, the STA
// profile, the clock-gate cell, the gate-level energy, the delay model) read the same file.
#pragma once

#include <filesystem>
#include <memory>

#include "liberty/library.hpp"

namespace tpegen::liberty {

/// The model of the file at `path`, parsed on first use and kept for the life of the process.
/// The same file (by canonical path, size and modification time) gives the same object; a
/// changed file is parsed again. Thread-safe. Throws liberty::Error ("path: cannot read the
/// file", or "path:line: why").
std::shared_ptr<const Library> load_library(const std::filesystem::path& path);

}  // namespace tpegen::liberty

// The error of bad user input, at the bottom layer so that every layer can throw it.
#pragma once

#include <stdexcept>

namespace tpegen {

/// Bad user input: the message names the parameter and its valid range (`tpegen: error: ...`,
/// exit status 2).
struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace tpegen

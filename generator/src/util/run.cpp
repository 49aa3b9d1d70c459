#include "util/run.hpp"

#include <cstdlib>
#include <sys/wait.h>

#include "config/design_config.hpp"

namespace tpegen {

std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

bool on_path(const std::string& tool) {
  return run_shell("command -v " + shell_quote(tool) + " >/dev/null 2>&1") == 0;
}

void require_tool(const std::string& tool, const std::string& debian_package) {
  if (!on_path(tool))
    throw ConfigError(tool + " not found on PATH: install the Debian package " + debian_package +
                      " (`make deps` installs every tool tpegen needs)");
}

int run_shell(const std::string& command) {
  const int status = std::system(command.c_str());
  if (status == -1 || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

}  // namespace tpegen

// The external programs tpegen starts, one row each: the command, the Debian package that
// installs it and how it reports its version. Every "not found" message, version probe and
// `tpegen list --tools` reads this table, so a package name is written once.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tpegen {

enum class Tool { Yosys, Sta, Verilator, Iverilog, NextpnrIce40, Sbatch, Squeue, Sacct };

struct ToolInfo {
  Tool tool;
  const char* command;                    // looked up on PATH
  const char* package;                    // the Debian package that installs it
  const char* used_for;                   // for `tpegen list --tools`
  std::vector<std::string> version_argv;  // prints the version on its first line
};

const std::vector<ToolInfo>& tool_table();
const ToolInfo& tool_info(Tool t);

/// Throws ConfigError naming the tool and its Debian package when the command is not on PATH;
/// `alternative` (e.g. "or pass --no-timing") is appended for commands that can do without it.
void require_tool(Tool t, const std::string& alternative = "");

/// The first line of the tool's version probe; empty when the tool is missing, fails the probe
/// or says nothing.
std::string tool_version(Tool t);

/// The table with the versions found on PATH (`tpegen list --tools`; a recorded run names them):
/// as text, one row per tool, and as {"tools": [{command, package, used_for, version|null}]}.
std::string tools_text();
nlohmann::json tools_json();

}  // namespace tpegen

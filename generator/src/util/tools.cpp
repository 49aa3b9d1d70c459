#include "util/tools.hpp"

#include <fmt/format.h>

#include "util/config_error.hpp"
#include "util/run.hpp"

namespace tpegen {

const std::vector<ToolInfo>& tool_table() {
  static const std::vector<ToolInfo> table = {
      {Tool::Yosys, "yosys", "yosys", "synthesis, RTL checks, gate-level netlists", {"yosys", "-V"}},
      {Tool::Sta, "sta", "opensta", "static timing (fmax) and power", {"sta", "-version"}},
      {Tool::Verilator, "verilator", "verilator", "lint and the golden-GEMM regression (tpegen sim)", {"verilator", "--version"}},
      {Tool::Iverilog, "iverilog", "iverilog", "gate-level activity (--activity gate) and the independent replay", {"iverilog", "-V"}},
      {Tool::NextpnrIce40, "nextpnr-ice40", "nextpnr-ice40", "iCE40 place and route (synth --target ice40-*)", {"nextpnr-ice40", "--version"}},
      {Tool::Sbatch, "sbatch", "slurm-client", "sweep --executor slurm (submit)", {"sbatch", "--version"}},
      {Tool::Squeue, "squeue", "slurm-client", "sweep --executor slurm (wait)", {"squeue", "--version"}},
      {Tool::Sacct, "sacct", "slurm-client", "sweep --executor slurm (job states after the queue)", {"sacct", "--version"}},
  };
  return table;
}

const ToolInfo& tool_info(Tool t) {
  for (const ToolInfo& info : tool_table())
    if (info.tool == t) return info;
  throw std::logic_error("tool missing from tool_table()");
}

void require_tool(Tool t, const std::string& alternative) {
  const ToolInfo& info = tool_info(t);
  if (on_path(info.command)) return;
  throw ConfigError(fmt::format("{} not found on PATH: install the Debian package {}{} (`make deps` installs every "
                                "tool tpegen needs)",
                                info.command, info.package, alternative.empty() ? "" : ", " + alternative));
}

std::string tool_version(Tool t) {
  const ToolInfo& info = tool_info(t);
  if (!on_path(info.command)) return "";
  const ProgramOutput out = run_capture(info.version_argv);
  if (out.status != 0) return "";  // e.g. the Slurm clients without a slurm.conf
  const std::string& text = out.text;
  const size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return "";
  const size_t end = text.find('\n', start);
  std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

std::string tools_text() {
  std::string text = fmt::format("{:<14} {:<14} {:<70} {}\n", "command", "package", "used for", "version on PATH");
  for (const ToolInfo& t : tool_table()) {
    const std::string version = tool_version(t.tool);
    text += fmt::format("{:<14} {:<14} {:<70} {}\n", t.command, t.package, t.used_for, version.empty() ? "(none)" : version);
  }
  return text;
}

nlohmann::json tools_json() {
  nlohmann::json tools = nlohmann::json::array();
  for (const ToolInfo& t : tool_table()) {
    const std::string version = tool_version(t.tool);
    tools.push_back({{"command", t.command},
                     {"package", t.package},
                     {"used_for", t.used_for},
                     {"version", version.empty() ? nlohmann::json(nullptr) : nlohmann::json(version)}});
  }
  return {{"tools", tools}};
}

}  // namespace tpegen

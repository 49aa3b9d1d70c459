#include "sim/model_command.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "output/dir_writer.hpp"
#include "sim/model_build.hpp"
#include "sim/model_cache.hpp"
#include "util/paths.hpp"
#include "util/run.hpp"
#include "util/verilator_bugs.hpp"
#include "util/work_dir.hpp"

namespace fs = std::filesystem;

namespace tpegen::sim {

ModelCommand prepare_model(const DesignConfig& c, const DesignFiles& files, const ModelBuildOptions& o) {
  require_tool("verilator", "verilator");
  write_tree_atomically(o.work / "design", files.files, false);
  write_work_file(o.work / "tb_params.h", tb_params(c, files, o.schedule_driver), "--work");
  const fs::path tb = source_root() / "tb";
  const std::string verilator_version = run_capture({"verilator", "--version"}).text;
  const ModelBuildArgs extra = model_build_args(o.work, o.build_opt, o.trace, verilator_version);
  // A shallow trace is a much smaller model (a 2x2x2 cube's full trace is 4.6 MB of C++): its
  // own build, so that switching depths never reuses the other's objects.
  std::string obj_name = "obj";
  if (o.trace) obj_name = o.trace_depth > 0 ? fmt::format("obj-trace-d{}", o.trace_depth) : "obj-trace";
  const fs::path obj = o.work / obj_name;
  drop_stale_model_build(obj);
  std::vector<std::string> build = {"verilator", "--cc", "--exe", "--build", "-j", "2", "-Wno-fatal", "--x-assign",
                                    "unique", "--x-initial", "unique"};
  if (o.trace) build.push_back("--trace");
  if (o.trace && o.trace_depth > 0) build.insert(build.end(), {"--trace-depth", std::to_string(o.trace_depth)});
  const std::vector<std::string> workarounds = verilator_workaround_flags(verilator_version);
  build.insert(build.end(), workarounds.begin(), workarounds.end());
  build.insert(build.end(), {"--top-module", files.top, "--prefix", "Vdut", "-Mdir", obj.string(), "-CFLAGS",
                             fmt::format("-std=c++17 -I{} -I{} -I{}", tb.string(), (source_root() / "model").string(),
                                         o.work.string()),
                             (tb / "harness" / "harness.cpp").string()});
  build.insert(build.end(), extra.sources.begin(), extra.sources.end());
  build.insert(build.end(), {"-f", "files.f"});
  for (const std::string& arg : extra.make) build.insert(build.end(), {"-MAKEFLAGS", arg});
  std::string note;
  for (const std::string& f : workarounds) note += (note.empty() ? " (" : " ") + f;
  if (!note.empty()) note += ": works around a miscompile of this Verilator, see docs/contributing.md \"Known tool bugs\")";
  std::printf("tpegen: building %s with Verilator in %s%s\n", files.top.c_str(), o.work.string().c_str(), note.c_str());
  std::fflush(stdout);
  return {build, obj / "Vdut"};
}

}  // namespace tpegen::sim

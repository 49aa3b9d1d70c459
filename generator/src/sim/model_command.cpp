#include "sim/model_command.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "output/dir_writer.hpp"
#include "sim/model_build.hpp"
#include "sim/model_cache.hpp"
#include "util/paths.hpp"
#include "util/run.hpp"
#include "util/tools.hpp"
#include "util/verilator_bugs.hpp"
#include "util/work_dir.hpp"

namespace fs = std::filesystem;

namespace tpegen::sim {
namespace {

/// --wrap axi-gemm: the design's C driver is the host program. It is compiled as C99 with
/// warnings as errors (what an integrator's build may demand) and linked into the harness:
/// Verilator's make has no rule for .c files, and its link takes every prerequisite.
std::string driver_make_fragment(const fs::path& design, const std::string& top) {
  const std::string src = (design / (top + "_driver.c")).string();
  return fmt::format(
      "# Written by tpegen sim: the design's C driver, compiled as C99 and linked into the harness.\n"
      "$(VM_PREFIX): tpe_driver.o\n"
      "tpe_driver.o: {0} {1} {2}\n"
      "\t$(CC) -std=c99 -pedantic -Wall -Wextra -Werror -O1 -c -o $@ {0}\n",
      src, (design / (top + "_driver.h")).string(), (design / (top + "_regs.h")).string());
}

}  // namespace

ModelCommand prepare_model(const DesignConfig& c, const DesignFiles& files, const ModelBuildOptions& o) {
  require_tool(Tool::Verilator);
  write_tree_atomically(o.work / "design", files.files, false);
  write_work_file(o.work / "tb_params.h", tb_params(c, files, o.schedule_driver), "--work");
  const fs::path tb = source_root() / "tb";
  const std::string verilator_version = tool_version(Tool::Verilator);
  const ModelBuildArgs extra = model_build_args(o.work, o.build_opt, o.trace, verilator_version);
  // A shallow trace is a much smaller model (a 2x2x2 cube's full trace is 4.6 MB of C++): its
  // own build, so that switching depths never reuses the other's objects.
  std::string obj_name = "obj";
  if (o.trace) obj_name = o.trace_depth > 0 ? fmt::format("obj-trace-d{}", o.trace_depth) : "obj-trace";
  const fs::path obj = o.work / obj_name;
  drop_stale_model_build(obj);
  // --lint: the same warnings as `verilator --lint-only -Wall`, from the parse the build does anyway.
  std::vector<std::string> build = {"verilator", "--cc", "--exe", "--build", "-j", "2", o.lint ? "-Wall" : "-Wno-fatal",
                                    "--x-assign", "unique", "--x-initial", "unique"};
  // --build-opt 0 asks for the fastest build: without module inlining and comments Verilator
  // writes far less C++ where it would inline bit-level PEs (a 4x4x4 OPT1 cube: 5.5 -> 2.5 MB,
  // compiled in 40 % of the time) and about the same elsewhere; the model runs up to a fifth
  // slower, which short runs do not notice.
  if (o.build_opt == 0) build.insert(build.end(), {"-fno-inline", "--no-decoration"});
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
  if (c.wrap == "axi-gemm") {
    const fs::path mk = o.work / "driver.mk";
    write_work_file(mk, driver_make_fragment(o.work / "design", files.top), "--work");
    build.insert(build.end(), {"-MAKEFLAGS", "-f", "-MAKEFLAGS", mk.string()});
  }
  std::string note;
  for (const std::string& f : workarounds) note += (note.empty() ? " (" : " ") + f;
  if (!note.empty()) note += ": works around a miscompile of this Verilator, see docs/contributing.md \"Known tool bugs\")";
  std::printf("tpegen: building %s with Verilator in %s%s\n", files.top.c_str(), o.work.string().c_str(), note.c_str());
  std::fflush(stdout);
  return {build, obj / "Vdut"};
}

}  // namespace tpegen::sim

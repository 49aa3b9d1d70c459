#include "sim/model_build.hpp"

#include <cctype>
#include <fstream>
#include <system_error>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "arch/registry.hpp"

namespace fs = std::filesystem;

namespace tpegen::sim {
namespace {

/// The Verilator C++ type of a port of `width` bits.
std::string verilated_type(int width) {
  if (width <= 8) return "CData";
  if (width <= 16) return "SData";
  if (width <= 32) return "IData";
  if (width <= 64) return "QData";
  return fmt::format("VlWide<{}>", (width + 31) / 32);
}

/// --wrap axi: the engine's ports as a struct the drivers fill in (tb/harness/axi_sim.hpp)
/// and the record layout that maps them onto the stream beats.
std::string axi_params(const DesignConfig& c, const nlohmann::json& axi) {
  std::string s = "#include \"verilated.h\"\nnamespace tpe {\n";
  s += fmt::format("constexpr int kAxisWidth = {}, kInBeats = {}, kOutBeats = {};\nconstexpr long long kMaxK = {};\n"
                   "constexpr bool kAccWrap = {};\n",
                   c.axis_width, axi.at("input_record").at("beats").get<int>(),
                   axi.at("output_record").at("beats").get<int>(), axi.at("max_k").get<long long>(),
                   axi.at("acc_wrap").get<bool>());
  std::string fields, ins, outs;
  bool has_ready = false;
  for (const char* side : {"input_record", "output_record"})
    for (auto& f : axi.at(side).at("fields")) {
      const std::string name = f.at("port").get<std::string>();
      const int lsb = f.at("lsb").get<int>(), width = f.at("width").get<int>();
      fields += fmt::format("  {} {}{{}};\n", verilated_type(width), name);
      (side[0] == 'i' ? ins : outs) += fmt::format("  f(p.{}, {}, {});\n", name, lsb, width);
    }
  has_ready = axi.at("engine_ready").get<bool>();
  s += "struct EnginePorts {\n" + fields;
  if (has_ready) s += "  CData a_ready_o = 1;  // the wrapper does the handshakes\n";
  s += "  void eval() {}\n};\n";
  s += "template <class F> void for_each_input(const EnginePorts& p, F f) {\n" + ins + "}\n";
  s += "template <class F> void for_each_output(EnginePorts& p, F f) {\n" + outs + "}\n";
  return s + "}  // namespace tpe\n";
}

/// --wrap axi-gemm: the host layout and limits the host (tb/harness/axi_gemm_host.hpp) needs,
/// and the design's own C header, whose beat formulas the host holds against the hardware.
std::string axi_gemm_params(const std::string& top, const nlohmann::json& g) {
  const auto& e = g.at("element_bytes");
  const auto& l = g.at("limits");
  std::string upper = top;
  for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return fmt::format("#include \"design/{0}_regs.h\"\nnamespace tpe {{\n"
                     "inline uint64_t header_in_beats(uint32_t m, uint32_t k, uint32_t n) {{ return {0}_in_beats(m, k, n); }}\n"
                     "inline uint64_t header_out_beats(uint32_t m, uint32_t n) {{ return {1}_OUT_BEATS(m, n); }}\n"
                     "inline bool header_sizes_ok(uint32_t m, uint32_t k, uint32_t n) {{ return {0}_sizes_ok(m, k, n) != 0; }}\n"
                     "}}  // namespace tpe\n",
                     top, upper) +
         // The generated C driver, which the host runs every job through (linked as C99).
         fmt::format("#include \"design/{0}_driver.h\"\nnamespace tpe {{\n"
                     "using DriverDev = {0}_dev;\nusing AElem = {0}_a_t;\nusing BElem = {0}_b_t;\nusing CElem = {0}_c_t;\n"
                     "inline uint32_t driver_init(const DriverDev* d) {{ return {0}_init(d); }}\n"
                     "inline uint32_t driver_abort(const DriverDev* d) {{ return {0}_abort(d); }}\n"
                     "inline uint32_t driver_check_sizes(uint32_t m, uint32_t k, uint32_t n) {{ return {0}_check_sizes(m, k, n); }}\n"
                     "inline uint32_t driver_gemm(const DriverDev* d, const AElem* a, size_t lda, const BElem* b, size_t ldb, "
                     "CElem* c, size_t ldc, uint32_t m, uint32_t k, uint32_t n) {{\n"
                     "  return {0}_gemm(d, a, lda, b, ldb, c, ldc, m, k, n);\n}}\n"
                     "constexpr uint32_t kDrvSize = {1}_ERROR_SIZE, kDrvBadM = {1}_DRV_BAD_M, kDrvBadK = {1}_DRV_BAD_K, "
                     "kDrvBadN = {1}_DRV_BAD_N, kDrvTimeout = {1}_DRV_TIMEOUT, kDrvTlast = {1}_DRV_TLAST, "
                     "kDrvDevice = {1}_DRV_DEVICE;\n}}  // namespace tpe\n",
                     top, upper) +
         fmt::format("namespace tpe {{\nconstexpr int kBusBytes = {}, kABytes = {}, kBBytes = {}, kCBytes = {};\n"
                     "constexpr long long kMLimit = {}, kKLimit = {}, kNLimit = {}, kMaxK = {};\n"
                     "constexpr bool kAccWrap = {};\n}}  // namespace tpe\n",
                     g.at("bus_width").get<int>() / 8, e.at("a").get<int>(), e.at("b").get<int>(), e.at("c").get<int>(),
                     l.at("m").get<long long>(), l.at("k").get<long long>(), l.at("n").get<long long>(),
                     l.at("max_k").get<long long>(), g.at("acc_wrap").get<bool>());
}

/// The design's schedule descriptor (model/golden/schedule.hpp) as C++, for the schedule
/// driver (tb/harness/driver_schedule.hpp): the registry's value, field by field.
std::string schedule_params(const golden::ScheduleDescriptor& d) {
  const auto slice = [](const char* name, const golden::Slice& x) {
    return fmt::format("  d.{0}.rows = {1};\n  d.{0}.cols = {2};\n  d.{0}.port_col_major = {3};\n  d.{0}.engine_latches = {4};\n",
                       name, x.rows, x.cols, x.port_col_major, x.engine_latches);
  };
  const char* G = "tpegen::golden::";
  return fmt::format("inline tpegen::golden::ScheduleDescriptor schedule_descriptor() {{\n  tpegen::golden::ScheduleDescriptor d;\n"
                     "  d.protocol = {0}Protocol::{1};\n  d.order = {0}Order::{2};\n  d.weights = {0}Weights::{3};\n"
                     "  d.results = {0}Results::{4};\n",
                     G, d.protocol == golden::Protocol::FixedLatency ? "FixedLatency" : "ValidReady",
                     d.order == golden::Order::KInner ? "KInner" : "MInner",
                     d.weights == golden::Weights::WithStep ? "WithStep"
                     : d.weights == golden::Weights::NextStep ? "NextStep" : "Banked",
                     d.results == golden::Results::Columns ? "Columns" : "Block") +
         fmt::format("  d.tile_m = {};\n  d.tile_n = {};\n  d.tile_k = {};\n", d.tile_m, d.tile_n, d.tile_k) +
         slice("a", d.a) + slice("b", d.b) +
         fmt::format("  d.strip_rows = {};\n  d.last_spacing = {};\n  d.first_after_last = {};\n  d.revisit_min = {};\n"
                     "  d.weight_rows = {};\n  d.bank_rewrite = {};\n  d.result_rows = {};\n  d.result_hold = {};\n  d.latency_first = {};\n"
                     "  d.latency_last = {};\n  d.step_cycles_min = {};\n  d.step_cycles_max = {};\n"
                     "  d.column_row_skew = {};\n  d.column_col_skew = {};\n  return d;\n}}\n",
                     d.strip_rows, d.last_spacing, d.first_after_last, d.revisit_min, d.weight_rows, d.bank_rewrite, d.result_rows,
                     d.result_hold, d.latency_first, d.latency_last, d.step_cycles_min, d.step_cycles_max,
                     d.column_row_skew, d.column_col_skew);
}

}  // namespace

void drop_stale_model_build(const fs::path& obj) {
  std::error_code ec;
  if (!fs::is_directory(obj, ec)) return;
  for (const auto& entry : fs::directory_iterator(obj, ec)) {
    if (entry.path().extension() != ".d") continue;
    std::ifstream in(entry.path());
    for (std::string word; in >> word;) {
      if (!word.empty() && word.back() == ':') word.pop_back();
      if (word.size() > 1 && word[0] == '/' && !fs::exists(word, ec)) {
        fs::remove_all(obj, ec);
        return;
      }
    }
  }
}

std::string tb_params(const DesignConfig& c, const DesignFiles& files, bool schedule_driver) {
  const ArchDescriptor& arch = find_arch(c.arch);
  // The registry names the driver family; the harness includes its header, and the shared
  // headers (driver_schedule, schedule_check, step_cost) follow the engine's ports and digits.
  const std::string driver = schedule_driver ? "schedule" : arch_driver(c);
  if (driver.empty()) throw ConfigError(fmt::format("invalid --arch = '{}': no testbench driver for it", c.arch));
  const golden::ScheduleDescriptor schedule = design_schedule(c);
  const auto& timing = files.manifest.at("timing");
  // Fixed-latency designs: the latency; valid/ready designs: its minimum (the drivers
  // compute each result's cycle from the digits).
  const int latency = timing.at("latency_first_result_cycles").get<int>();
  // Tile rules of accumulating arrays (1: any tile may follow on the next cycle).
  const int tile_spacing = timing.at("tile_spacing_cycles").get<int>();
  const int first_after_last = timing.at("first_after_last_cycles").get<int>();
  return fmt::format(
      "// Written by tpegen sim for the harness: the design under test.\n#pragma once\n#include \"golden/schedule.hpp\"\n"
      "#define TPE_DRIVER_HEADER \"harness/driver_{}.hpp\"\n#define TPE_VALID_READY {}\n#define TPE_WEIGHT_BANKS {}\n"
      "#define TPE_SERIAL_BOOTH {}\n#define TPE_AXI {}\n#define TPE_AXI_GEMM {}\n#define TPE_SCHEDULE_DRIVER {}\n"
      "#define TPE_HELD_WEIGHTS {}\nnamespace tpe {{\nconstexpr const char* kTop = \"{}\";\n"
      "constexpr int kRows = {}, kCols = {}, kDepth = {};\nconstexpr int kAWidth = {}, kBWidth = {}, kAccWidth = {};\n"
      "constexpr bool kSigned = {};\nconstexpr int kInRegs = {}, kOutRegs = {};\nconstexpr int kLatency = {};\n"
      "constexpr int kTileSpacing = {}, kFirstAfterLast = {};\n{}}}  // namespace tpe\n",
      driver, schedule.protocol == golden::Protocol::ValidReady ? 1 : 0, schedule.weights == golden::Weights::Banked ? 1 : 0,
      timing.at("serial_digits").get<std::string>() == "booth" ? 1 : 0, c.wrap == "axi" ? 1 : 0, c.wrap == "axi-gemm" ? 1 : 0, schedule_driver ? 1 : 0, arch.held_weights ? 1 : 0, files.top, c.rows, c.cols, c.depth, c.a_width,
      c.b_width, c.acc_width, c.is_signed ? "true" : "false", c.in_regs, c.out_regs, latency, tile_spacing,
      first_after_last, schedule_params(schedule)) +
         (c.wrap == "axi" ? axi_params(c, files.manifest.at("axi")) : "") +
         (c.wrap == "axi-gemm" ? axi_gemm_params(files.top, files.manifest.at("axi_gemm")) : "");
}


}  // namespace tpegen::sim

// Unit tests of the pure parts of `tpegen synth` (synth/synth_flow.hpp, synth/sta_flow.hpp).
// The stat texts below are real Yosys 0.23 output and the sta texts real OpenSTA 2.0.17
// output, captured with the scripts tpegen writes (long paths cut to a few lines).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <unistd.h>

#include "config/design_config.hpp"
#include "synth/sta_flow.hpp"
#include "synth/synth_flow.hpp"

namespace fs = std::filesystem;
using namespace tpegen::synth;

namespace {

// `stat -tech cmos` of the generic netlist of systolic-os 2x2 (hierarchical: 4 PEs and
// skew pipes). The top module's own section says "0+": its cells are submodules.
const char* const kGenericHier = R"STAT(
11. Printing statistics.

=== $paramod$043730c7378ff5811117776acae7056c25fc6773\tpe_pipe_rst ===

   Number of wires:                  6
   Number of wire bits:              6
   Number of public wires:           4
   Number of public wire bits:       4
   Number of memories:               0
   Number of memory bits:            0
   Number of processes:              0
   Number of cells:                  3
     $_AND_                          2
     $_DFF_P_                        1

   Estimated number of transistors:         28

=== $paramod$4dcc51b1f1d852e7f42af7b74f20cd45ca63ef8d\tpe_pipe ===

   Number of wires:                  3
   Number of wire bits:             17
   Number of public wires:           3
   Number of public wire bits:      17
   Number of memories:               0
   Number of memory bits:            0
   Number of processes:              0
   Number of cells:                  8
     $_DFF_P_                        8

   Estimated number of transistors:        128

=== $paramod$83f5959ac133938388a9b2bc2f60948a024ee934\tpe_pipe ===

   Number of wires:                  3
   Number of wire bits:              5
   Number of public wires:           3
   Number of public wire bits:       5
   Number of memories:               0
   Number of memory bits:            0
   Number of processes:              0
   Number of cells:                  2
     $_DFF_P_                        2

   Estimated number of transistors:         32

=== tpe_systolic_os_mac_r2c2_s8x8_acc32 ===

   Number of wires:                 21
   Number of wire bits:            406
   Number of public wires:          21
   Number of public wire bits:     406
   Number of memories:               0
   Number of memory bits:            0
   Number of processes:              0
   Number of cells:                  8
     $paramod$043730c7378ff5811117776acae7056c25fc6773\tpe_pipe_rst      1
     $paramod$4dcc51b1f1d852e7f42af7b74f20cd45ca63ef8d\tpe_pipe      2
     $paramod$83f5959ac133938388a9b2bc2f60948a024ee934\tpe_pipe      1
     tpe_systolic_os_mac_r2c2_s8x8_acc32_pe      4

   Estimated number of transistors:          0+

=== tpe_systolic_os_mac_r2c2_s8x8_acc32_pe ===

   Number of wires:                658
   Number of wire bits:            810
   Number of public wires:          17
   Number of public wire bits:     138
   Number of memories:               0
   Number of memory bits:            0
   Number of processes:              0
   Number of cells:                756
     $_ANDNOT_                      12
     $_AND_                        101
     $_DFF_P_                       84
     $_MUX_                         98
     $_NAND_                       219
     $_NOR_                          4
     $_NOT_                          2
     $_ORNOT_                       10
     $_OR_                          36
     $_XNOR_                        55
     $_XOR_                        135

   Estimated number of transistors:       6650

=== design hierarchy ===

   tpe_systolic_os_mac_r2c2_s8x8_acc32      1
     $paramod$043730c7378ff5811117776acae7056c25fc6773\tpe_pipe_rst      1
     $paramod$4dcc51b1f1d852e7f42af7b74f20cd45ca63ef8d\tpe_pipe      2
     $paramod$83f5959ac133938388a9b2bc2f60948a024ee934\tpe_pipe      1
     tpe_systolic_os_mac_r2c2_s8x8_acc32_pe      4

   Number of wires:               2668
   Number of wire bits:           3691
   Number of public wires:         102
   Number of public wire bits:    1001
   Number of memories:               0
   Number of memory bits:            0
   Number of processes:              0
   Number of cells:               3045
     $_ANDNOT_                      48
     $_AND_                        406
     $_DFF_P_                      355
     $_MUX_                        392
     $_NAND_                       876
     $_NOR_                         16
     $_NOT_                          8
     $_ORNOT_                       40
     $_OR_                         144
     $_XNOR_                       220
     $_XOR_                        540

   Estimated number of transistors:      26916

)STAT";

// `stat -liberty` (sky130hd tt .dont_use.lib) of the same design.
const char* const kLibertyHier = R"STAT(
15. Printing statistics.

=== $paramod$043730c7378ff5811117776acae7056c25fc6773\tpe_pipe_rst ===

   Number of wires:                  4
   Number of wire bits:              4
   Number of public wires:           4
   Number of public wire bits:       4
   Number of memories:               0
   Number of memory bits:            0
   Number of processes:              0
   Number of cells:                  1
     sky130_fd_sc_hd__dfrtp_1        1

   Chip area for module '$paramod$043730c7378ff5811117776acae7056c25fc6773\tpe_pipe_rst': 25.024000

=== $paramod$4dcc51b1f1d852e7f42af7b74f20cd45ca63ef8d\tpe_pipe ===

   Number of wires:                  3
   Number of wire bits:             17
   Number of public wires:           3
   Number of public wire bits:      17
   Number of memories:               0
   Number of memory bits:            0
   Number of processes:              0
   Number of cells:                  8
     sky130_fd_sc_hd__dfxtp_1        8

   Chip area for module '$paramod$4dcc51b1f1d852e7f42af7b74f20cd45ca63ef8d\tpe_pipe': 160.153600

=== $paramod$83f5959ac133938388a9b2bc2f60948a024ee934\tpe_pipe ===

   Number of wires:                  3
   Number of wire bits:              5
   Number of public wires:           3
   Number of public wire bits:       5
   Number of memories:               0
   Number of memory bits:            0
   Number of processes:              0
   Number of cells:                  2
     sky130_fd_sc_hd__dfxtp_1        2

   Chip area for module '$paramod$83f5959ac133938388a9b2bc2f60948a024ee934\tpe_pipe': 40.038400

=== tpe_systolic_os_mac_r2c2_s8x8_acc32 ===

   Number of wires:                 21
   Number of wire bits:            406
   Number of public wires:          21
   Number of public wire bits:     406
   Number of memories:               0
   Number of memory bits:            0
   Number of processes:              0
   Number of cells:                  8
     $paramod$043730c7378ff5811117776acae7056c25fc6773\tpe_pipe_rst      1
     $paramod$4dcc51b1f1d852e7f42af7b74f20cd45ca63ef8d\tpe_pipe      2
     $paramod$83f5959ac133938388a9b2bc2f60948a024ee934\tpe_pipe      1
     tpe_systolic_os_mac_r2c2_s8x8_acc32_pe      4

   Area for cell type \tpe_systolic_os_mac_r2c2_s8x8_acc32_pe is unknown!
   Area for cell type $paramod$4dcc51b1f1d852e7f42af7b74f20cd45ca63ef8d\tpe_pipe is unknown!
   Area for cell type $paramod$043730c7378ff5811117776acae7056c25fc6773\tpe_pipe_rst is unknown!
   Area for cell type $paramod$83f5959ac133938388a9b2bc2f60948a024ee934\tpe_pipe is unknown!

=== tpe_systolic_os_mac_r2c2_s8x8_acc32_pe ===

   Number of wires:                557
   Number of wire bits:            709
   Number of public wires:          17
   Number of public wire bits:     138
   Number of memories:               0
   Number of memory bits:            0
   Number of processes:              0
   Number of cells:                655
     sky130_fd_sc_hd__a211oi_1       1
     sky130_fd_sc_hd__a21bo_1        1
     sky130_fd_sc_hd__a21boi_0       1
     sky130_fd_sc_hd__a21o_1         3
     sky130_fd_sc_hd__a21oi_1       38
     sky130_fd_sc_hd__a22o_1         1
     sky130_fd_sc_hd__a22oi_1        2
     sky130_fd_sc_hd__a2bb2oi_1      1
     sky130_fd_sc_hd__a31o_1         1
     sky130_fd_sc_hd__a31oi_1        5
     sky130_fd_sc_hd__a41oi_1        1
     sky130_fd_sc_hd__and2_0         9
     sky130_fd_sc_hd__and3_1         5
     sky130_fd_sc_hd__clkinv_1      14
     sky130_fd_sc_hd__dfrtp_1        2
     sky130_fd_sc_hd__dfxtp_1       82
     sky130_fd_sc_hd__maj3_1        52
     sky130_fd_sc_hd__mux2_1        27
     sky130_fd_sc_hd__nand2_1      102
     sky130_fd_sc_hd__nand2b_1       7
     sky130_fd_sc_hd__nand3_1        9
     sky130_fd_sc_hd__nand4_1        2
     sky130_fd_sc_hd__nor2_1        45
     sky130_fd_sc_hd__nor2b_1        7
     sky130_fd_sc_hd__nor3_1         4
     sky130_fd_sc_hd__nor3b_1        1
     sky130_fd_sc_hd__o2111ai_1      1
     sky130_fd_sc_hd__o21a_1         8
     sky130_fd_sc_hd__o21ai_0       51
     sky130_fd_sc_hd__o311ai_0       2
     sky130_fd_sc_hd__o31a_1         2
     sky130_fd_sc_hd__o31ai_1        2
     sky130_fd_sc_hd__o41ai_1        2
     sky130_fd_sc_hd__or2_0          6
     sky130_fd_sc_hd__or3_1          4
     sky130_fd_sc_hd__xnor2_1       82
     sky130_fd_sc_hd__xnor3_1       13
     sky130_fd_sc_hd__xor2_1        47
     sky130_fd_sc_hd__xor3_1        12

   Chip area for module '\tpe_systolic_os_mac_r2c2_s8x8_acc32_pe': 5861.872000

=== design hierarchy ===

   tpe_systolic_os_mac_r2c2_s8x8_acc32      1
     $paramod$043730c7378ff5811117776acae7056c25fc6773\tpe_pipe_rst      1
     $paramod$4dcc51b1f1d852e7f42af7b74f20cd45ca63ef8d\tpe_pipe      2
     $paramod$83f5959ac133938388a9b2bc2f60948a024ee934\tpe_pipe      1
     tpe_systolic_os_mac_r2c2_s8x8_acc32_pe      4

   Number of wires:               2262
   Number of wire bits:           3285
   Number of public wires:         102
   Number of public wire bits:    1001
   Number of memories:               0
   Number of memory bits:            0
   Number of processes:              0
   Number of cells:               2639
     sky130_fd_sc_hd__a211oi_1       4
     sky130_fd_sc_hd__a21bo_1        4
     sky130_fd_sc_hd__a21boi_0       4
     sky130_fd_sc_hd__a21o_1        12
     sky130_fd_sc_hd__a21oi_1      152
     sky130_fd_sc_hd__a22o_1         4
     sky130_fd_sc_hd__a22oi_1        8
     sky130_fd_sc_hd__a2bb2oi_1      4
     sky130_fd_sc_hd__a31o_1         4
     sky130_fd_sc_hd__a31oi_1       20
     sky130_fd_sc_hd__a41oi_1        4
     sky130_fd_sc_hd__and2_0        36
     sky130_fd_sc_hd__and3_1        20
     sky130_fd_sc_hd__clkinv_1      56
     sky130_fd_sc_hd__dfrtp_1        9
     sky130_fd_sc_hd__dfxtp_1      346
     sky130_fd_sc_hd__maj3_1       208
     sky130_fd_sc_hd__mux2_1       108
     sky130_fd_sc_hd__nand2_1      408
     sky130_fd_sc_hd__nand2b_1      28
     sky130_fd_sc_hd__nand3_1       36
     sky130_fd_sc_hd__nand4_1        8
     sky130_fd_sc_hd__nor2_1       180
     sky130_fd_sc_hd__nor2b_1       28
     sky130_fd_sc_hd__nor3_1        16
     sky130_fd_sc_hd__nor3b_1        4
     sky130_fd_sc_hd__o2111ai_1      4
     sky130_fd_sc_hd__o21a_1        32
     sky130_fd_sc_hd__o21ai_0      204
     sky130_fd_sc_hd__o311ai_0       8
     sky130_fd_sc_hd__o31a_1         8
     sky130_fd_sc_hd__o31ai_1        8
     sky130_fd_sc_hd__o41ai_1        8
     sky130_fd_sc_hd__or2_0         24
     sky130_fd_sc_hd__or3_1         16
     sky130_fd_sc_hd__xnor2_1      328
     sky130_fd_sc_hd__xnor3_1       52
     sky130_fd_sc_hd__xor2_1       188
     sky130_fd_sc_hd__xor3_1        48

   Chip area for top module '\tpe_systolic_os_mac_r2c2_s8x8_acc32': 23832.857600

)STAT";

// A design without submodules: no "design hierarchy" section, and flops Yosys' CMOS
// model cannot price (`synth` alone leaves $_DFF_PN0_, hence "0+").
const char* const kFlatPlus = R"STAT(
4. Printing statistics.

=== tpe_pipe_rst ===

   Number of wires:                  5
   Number of wire bits:              8
   Number of public wires:           5
   Number of public wire bits:       8
   Number of memories:               0
   Number of memory bits:            0
   Number of processes:              0
   Number of cells:                  2
     $_DFF_PN0_                      2

   Estimated number of transistors:          0+

)STAT";

// `stat -liberty` (nangate45) of a design without submodules.
const char* const kFlatLiberty = R"STAT(
7. Printing statistics.

=== tpe_pipe ===

   Number of wires:                  6
   Number of wire bits:              9
   Number of public wires:           4
   Number of public wire bits:       7
   Number of memories:               0
   Number of memory bits:            0
   Number of processes:              0
   Number of cells:                  2
     DFF_X1                          2

   Chip area for module '\tpe_pipe': 9.044000

)STAT";

// A scratch directory removed at the end of each test case.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string t = (fs::temp_directory_path() / "synth_flow_test-XXXXXX").string();
    REQUIRE(::mkdtemp(t.data()) != nullptr);
    path = t;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path write(const std::string& rel, const std::string& text) const {
    const fs::path p = path / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
};

// The script without its comment lines (comments may mention what the commands avoid).
std::string commands_only(const std::string& script) {
  std::istringstream in(script);
  std::string out;
  for (std::string line; std::getline(in, line);)
    if (line.rfind("#", 0) != 0) out += line + "\n";
  return out;
}

}  // namespace

TEST_CASE("parse_stat: hierarchical generic stat reports the whole design") {
  const StatReport r = parse_stat(kGenericHier);
  CHECK(r.cells == 3045);
  CHECK(r.transistors == 26916);
  CHECK_FALSE(r.transistors_partial);  // the top module's own "0+" must not leak in
  CHECK_FALSE(r.area_um2.has_value());
  CHECK(r.cell_types.size() == 11);
  CHECK(r.cell_types.at("$_DFF_P_") == 355);
  CHECK(r.cell_types.at("$_XOR_") == 540);
  CHECK(r.cell_types.count("tpe_systolic_os_mac_r2c2_s8x8_acc32_pe") == 0);  // hierarchy list, not cells
}

TEST_CASE("parse_stat: hierarchical liberty stat takes the top module area") {
  const StatReport r = parse_stat(kLibertyHier);
  CHECK(r.cells == 2639);
  CHECK(r.transistors == -1);
  REQUIRE(r.area_um2.has_value());
  CHECK(*r.area_um2 == doctest::Approx(23832.8576));
  // The top area counts every PE instance: 4 x PE + the skew pipes (1 x rst, 2 x 8-bit, 1 x 2-bit).
  CHECK(*r.area_um2 == doctest::Approx(4 * 5861.872 + 25.024 + 2 * 160.1536 + 40.0384));
  CHECK_FALSE(r.area_partial);  // "Area for cell type ... is unknown!" of the top's own section
  CHECK(r.cell_types.at("sky130_fd_sc_hd__dfxtp_1") == 346);
  CHECK(r.cell_types.at("sky130_fd_sc_hd__maj3_1") == 208);
}

TEST_CASE("parse_stat: a single module, partial transistor count") {
  const StatReport r = parse_stat(kFlatPlus);
  CHECK(r.cells == 2);
  CHECK(r.transistors == 0);
  CHECK(r.transistors_partial);
  CHECK(r.cell_types.at("$_DFF_PN0_") == 2);
}

TEST_CASE("parse_stat: a single module's liberty area") {
  const StatReport r = parse_stat(kFlatLiberty);
  CHECK(r.cells == 2);
  REQUIRE(r.area_um2.has_value());
  CHECK(*r.area_um2 == doctest::Approx(9.044));
  CHECK(r.cell_types.at("DFF_X1") == 2);
}

TEST_CASE("parse_stat: text without statistics") {
  const StatReport r = parse_stat("ERROR: something broke\n");
  CHECK(r.cells == -1);
  CHECK(r.transistors == -1);
  CHECK_FALSE(r.area_um2.has_value());
  CHECK(r.cell_types.empty());
}

TEST_CASE("find_liberty: --liberty, then TPEGEN_LIBERTY, then the default library") {
  TempDir t;
  const std::string cells = " cell (DFF) { ff (IQ, IQN) { next_state : \"D\"; } } }\n";
  const fs::path flag_lib = t.write("a.lib", "library (a) {" + cells);
  const fs::path env_lib = t.write("b.lib", "library (b) {" + cells);
  const std::vector<fs::path> empty_dirs = {t.path / "pdk"};

  LibertyChoice c = find_liberty(flag_lib.string(), env_lib.c_str(), empty_dirs);
  CHECK(c.path == flag_lib);
  CHECK(c.origin == "--liberty");
  CHECK(c.name.empty());

  c = find_liberty("", env_lib.c_str(), empty_dirs);
  CHECK(c.path == env_lib);
  CHECK(c.origin == "TPEGEN_LIBERTY");

  // No default in the folders: generic cells, and the origin says where it looked.
  c = find_liberty("", "", empty_dirs);  // an empty variable counts as unset
  CHECK(c.path.empty());
  CHECK(c.origin.find("sky130hd") != std::string::npos);
  CHECK(c.origin.find((t.path / "pdk").string()) != std::string::npos);

  // The default found by name, in the second folder; the first folder that has it wins.
  const fs::path def = t.write("second/sky130hd/sky130_fd_sc_hd__tt_025C_1v80.dont_use.lib", "library (sky) {" + cells);
  const std::vector<fs::path> dirs = {t.path / "first", t.path / "second"};
  c = find_liberty("", nullptr, dirs);
  CHECK(c.path == def);
  CHECK(c.origin == "default");
  CHECK(c.name == "sky130hd");
  const fs::path first = t.write("first/sky130hd/sky130_fd_sc_hd__tt_025C_1v80.dont_use.lib", "library (sky) {" + cells);
  CHECK(find_liberty("", nullptr, dirs).path == first);
}

TEST_CASE("find_liberty: library names, in the build's folder name or a shared/pdk folder name") {
  TempDir t;
  const std::string cells = " cell (DFF) { ff (IQ, IQN) { next_state : \"D\"; } } }\n";
  const fs::path ihp = t.write("pdk/ihp-sg13g2/sg13g2_stdcell_typ_1p20V_25C.lib", "library (sg13g2_stdcell) {" + cells);
  LibertyChoice c = find_liberty("sg13g2", nullptr, {t.path / "pdk"});
  CHECK(c.path == ihp);
  CHECK(c.name == "sg13g2");
  CHECK(c.origin == "--liberty");
  c = find_liberty("", "sg13g2", {t.path / "pdk"});
  CHECK(c.path == ihp);
  CHECK(c.origin == "TPEGEN_LIBERTY");
  // nangate45 never ships: the error says so and where to put it.
  CHECK_THROWS_WITH_AS(find_liberty("nangate45", nullptr, {t.path / "pdk"}),
                       doctest::Contains("invalid --liberty = 'nangate45': nangate45 is not shipped with tpegen"),
                       tpegen::ConfigError);
  CHECK_THROWS_WITH_AS(find_liberty("", "sky130hd", {t.path / "pdk"}),
                       doctest::Contains("invalid TPEGEN_LIBERTY = 'sky130hd': the shipped library sky130hd is missing"),
                       tpegen::ConfigError);
  // Neither a name nor a file: the valid names.
  CHECK_THROWS_WITH_AS(find_liberty("sky130", nullptr, {t.path / "pdk"}),
                       doctest::Contains("neither a library name (sky130hd (default, shipped), sg13g2 (shipped) or "
                                         "nangate45 (not shipped)) nor a liberty file"),
                       tpegen::ConfigError);
}

TEST_CASE("find_liberty: unreadable or compressed explicit files are errors naming their source") {
  TempDir t;
  const std::vector<fs::path> dirs = {t.path};
  const std::string missing = (t.path / "missing.lib").string();
  CHECK_THROWS_WITH_AS(find_liberty(missing, nullptr, dirs),
                       doctest::Contains("invalid --liberty"), tpegen::ConfigError);
  CHECK_THROWS_WITH_AS(find_liberty("", missing.c_str(), dirs), doctest::Contains("TPEGEN_LIBERTY"),
                       tpegen::ConfigError);
  CHECK_THROWS_WITH_AS(find_liberty(t.path.string(), nullptr, dirs), doctest::Contains("directory"),
                       tpegen::ConfigError);
  const fs::path gz = t.write("x.lib.gz", std::string("\x1f\x8b\x08\x00", 4));
  CHECK_THROWS_WITH_AS(find_liberty(gz.string(), nullptr, dirs), doctest::Contains("gzip"),
                       tpegen::ConfigError);
  const fs::path xz = t.write("x.lib.xz", std::string("\xfd" "7zXZ\0", 6));
  CHECK_THROWS_WITH_AS(find_liberty(xz.string(), nullptr, dirs), doctest::Contains("xz-compressed"),
                       tpegen::ConfigError);
}

TEST_CASE("locate_library: the first folder holding the library, by its name or its shared/pdk folder name") {
  TempDir t;
  const KnownLibrary& sg = *std::find_if(known_libraries().begin(), known_libraries().end(),
                                         [](const KnownLibrary& l) { return std::string(l.name) == "sg13g2"; });
  const fs::path second = t.write(std::string("b/") + sg.shared_dir + "/" + sg.file, "library");
  CHECK(locate_library(sg, {t.path / "a", t.path / "b"}) == fs::absolute(second));
  const fs::path first = t.write(std::string("a/") + sg.name + "/" + sg.file, "library");
  CHECK(locate_library(sg, {t.path / "a", t.path / "b"}) == fs::absolute(first));
  CHECK(locate_library(sg, {t.path / "c"}).empty());
}

TEST_CASE("the shipped libraries were decompressed by the build") {
  for (const KnownLibrary& lib : known_libraries()) {
    if (!lib.shipped) continue;
    CAPTURE(lib.name);
    const LibertyChoice c = find_liberty(lib.name, nullptr, {tpegen::synth::pdk_build_dir()});
    CHECK(c.name == lib.name);
    CHECK(fs::file_size(c.path) > 100000);
  }
}

TEST_CASE("yosys_script: hierarchical, generic always, liberty section only with a liberty file") {
  ScriptInputs in{"top_x", {"design/rtl/a.v", "design/rtl/top_x.v"}, {}, std::nullopt, ""};
  std::string s = yosys_script(in);
  CHECK(s.find("read_verilog -sv \"design/rtl/a.v\" \"design/rtl/top_x.v\"\n") != std::string::npos);
  // Every module keeps its hierarchy; `synth -flatten` then only inlines leaf cells (none here).
  CHECK(s.find("hierarchy -check -top top_x\nsetattr -mod -set keep_hierarchy 1 *\nsynth -flatten -top top_x\n") !=
        std::string::npos);
  CHECK(commands_only(s).find("-unset") == std::string::npos);
  CHECK(s.find("dfflegalize -cell $_DFF_P_ 01\n") != std::string::npos);
  CHECK(s.find(std::string("tee -o ") + kGenericStatFile + " stat -tech cmos\n") != std::string::npos);
  CHECK(commands_only(s).find("liberty") == std::string::npos);

  in.liberty = "/p d k/x.lib";  // spaces survive inside Yosys' double quotes
  s = yosys_script(in);
  CHECK(s.find("dfflibmap -liberty \"/p d k/x.lib\"\n") != std::string::npos);
  CHECK(s.find("abc -liberty \"/p d k/x.lib\"\n") != std::string::npos);
  CHECK(s.find(std::string("tee -o ") + kLibertyStatFile + " stat -liberty \"/p d k/x.lib\"\n") !=
        std::string::npos);
  CHECK(s.find("design -load synthesized\n") != std::string::npos);

  in.liberty = "/bad\"quote.lib";
  CHECK_THROWS_AS(yosys_script(in), tpegen::ConfigError);
}

TEST_CASE("yosys_script: the adder leaf cells present are flattened into their PE, nothing else") {
  const ScriptInputs in{"top_x", {"rtl/tpe_fa.v", "rtl/tpe_ha.v", "rtl/tpe_pipe.v", "rtl/top_x_pe.v", "rtl/top_x.v"},
                        {}, std::nullopt, ""};
  const std::string s = yosys_script(in);
  const size_t set = s.find("setattr -mod -set keep_hierarchy 1 *\n");
  const size_t unset = s.find("setattr -mod -unset keep_hierarchy tpe_fa tpe_ha\n");
  const size_t synth = s.find("synth -flatten -top top_x\n");
  CHECK(set != std::string::npos);
  CHECK(unset != std::string::npos);
  CHECK((set < unset && unset < synth));
}

TEST_CASE("first_error_line") {
  CHECK(first_error_line("1. Executing\nERROR: Format error in liberty file.\nmore\n") ==
        "ERROR: Format error in liberty file.");
  CHECK(first_error_line("Warning: harmless\n").empty());
}

// ---- OpenSTA ------------------------------------------------------------------------

namespace {

// systolic-os 2x2 (mac), sky130hd, period 10, the script sta_script() writes (the reset is
// a false path): the worst path of each group, through PE instances of the hierarchical
// netlist. Most path lines cut; one liberty warning kept (harmless, not an error).
const char* const kSta2x2 = R"STA(Warning: Found unsupported expression 'D&!SCE|SCD&SCE' in pin attribute of cell 'sky130_fd_sc_hd__sdfbbn_1' - skipping.
Startpoint: b_i[0] (input port clocked by clk)
Endpoint: g_row[0].g_col[0].u_pe/_1142_
          (rising edge-triggered flip-flop clocked by clk)
Path Group: in2reg
Path Type: max

   Delay     Time   Description
-----------------------------------------------------------
   0.000    0.000   clock clk (rise edge)
   0.000    0.000   clock network delay (ideal)
   0.000    0.000 ^ input external delay
   0.123    0.123 ^ b_i[0] (in)
   0.003    9.199 ^ g_row[0].g_col[0].u_pe/_1142_/D (sky130_fd_sc_hd__dfxtp_1)
            9.199   data arrival time

  10.000   10.000   clock clk (rise edge)
   0.000   10.000   clock network delay (ideal)
   0.000   10.000   clock reconvergence pessimism
           10.000 ^ g_row[0].g_col[0].u_pe/_1142_/CLK (sky130_fd_sc_hd__dfxtp_1)
  -0.085    9.915   library setup time
            9.915   data required time
-----------------------------------------------------------
            9.915   data required time
           -9.199   data arrival time
-----------------------------------------------------------
            0.717   slack (MET)


Startpoint: g_row[0].g_col[0].u_pe/_1193_
            (rising edge-triggered flip-flop clocked by clk)
Endpoint: c_valid_o[0] (output port clocked by clk)
Path Group: reg2out
Path Type: max

   Delay     Time   Description
-----------------------------------------------------------
   0.000    0.000   clock clk (rise edge)
   0.000    0.000   clock network delay (ideal)
   0.000    0.000 ^ g_row[0].g_col[0].u_pe/_1193_/CLK (sky130_fd_sc_hd__dfrtp_1)
   0.357    0.357 v g_row[0].g_col[0].u_pe/_1193_/Q (sky130_fd_sc_hd__dfrtp_1)
   0.001    0.358 v c_valid_o[0] (out)
            0.358   data arrival time

  10.000   10.000   clock clk (rise edge)
   0.000   10.000   clock network delay (ideal)
   0.000   10.000   clock reconvergence pessimism
   0.000   10.000   output external delay
           10.000   data required time
-----------------------------------------------------------
           10.000   data required time
           -0.358   data arrival time
-----------------------------------------------------------
            9.642   slack (MET)


Startpoint: u_b_skew_1/_0_ (rising edge-triggered flip-flop clocked by clk)
Endpoint: g_row[0].g_col[1].u_pe/_1142_
          (rising edge-triggered flip-flop clocked by clk)
Path Group: reg2reg
Path Type: max

   Delay     Time   Description
-----------------------------------------------------------
   0.000    0.000   clock clk (rise edge)
   0.000    0.000   clock network delay (ideal)
   0.000    0.000 ^ u_b_skew_1/_0_/CLK (sky130_fd_sc_hd__dfxtp_1)
   0.489    0.489 ^ u_b_skew_1/_0_/Q (sky130_fd_sc_hd__dfxtp_1)
   0.003    9.607 ^ g_row[0].g_col[1].u_pe/_1142_/D (sky130_fd_sc_hd__dfxtp_1)
            9.607   data arrival time

  10.000   10.000   clock clk (rise edge)
   0.000   10.000   clock network delay (ideal)
   0.000   10.000   clock reconvergence pessimism
           10.000 ^ g_row[0].g_col[1].u_pe/_1142_/CLK (sky130_fd_sc_hd__dfxtp_1)
  -0.091    9.909   library setup time
            9.909   data required time
-----------------------------------------------------------
            9.909   data required time
           -9.607   data arrival time
-----------------------------------------------------------
            0.303   slack (MET)


wns 0.000
tns 0.000
Group                  Internal  Switching    Leakage      Total
                          Power      Power      Power      Power
----------------------------------------------------------------
Sequential           3.0354e-03 6.6245e-05 3.0246e-09 3.1016e-03  80.5%
Combinational        5.3251e-04 2.1764e-04 6.4087e-09 7.5016e-04  19.5%
Macro                0.0000e+00 0.0000e+00 0.0000e+00 0.0000e+00   0.0%
Pad                  0.0000e+00 0.0000e+00 0.0000e+00 0.0000e+00   0.0%
----------------------------------------------------------------
Total                3.5679e-03 2.8388e-04 9.4332e-09 3.8518e-03 100.0%
                          92.6%       7.4%       0.0%
)STA";

// systolic-os 16x16, captured with an earlier script that had neither path groups nor the
// false path from rst_ni: the unbuffered reset net (rst_ni driven by a buf_2 into every
// resettable flop) gives a recovery violation in its own group, reported before the clock group.
const char* const kSta16x16NoFalsePath = R"STA(Startpoint: rst_ni (input port clocked by clk)
Endpoint: g_row[0].g_col[0].u_pe/_1207_
          (recovery check against rising-edge clock clk)
Path Group: **async_default**
Path Type: max

   Delay     Time   Description
-----------------------------------------------------------
   0.000    0.000   clock clk (rise edge)
   0.000    0.000   clock network delay (ideal)
   0.000    0.000 ^ input external delay
   7.731    7.731 ^ rst_ni (in)
   0.000    7.731 ^ g_row[0].g_col[0].u_pe/_1207_/RESET_B (sky130_fd_sc_hd__dfrtp_1)
            7.731   data arrival time

  10.000   10.000   clock clk (rise edge)
   0.000   10.000   clock network delay (ideal)
   0.000   10.000   clock reconvergence pessimism
           10.000 ^ g_row[0].g_col[0].u_pe/_1207_/CLK (sky130_fd_sc_hd__dfrtp_1)
  -2.832    7.168   library recovery time
            7.168   data required time
-----------------------------------------------------------
            7.168   data required time
           -7.731   data arrival time
-----------------------------------------------------------
           -0.564   slack (VIOLATED)


Startpoint: u_b_skew_10/_72_ (rising edge-triggered flip-flop clocked by clk)
Endpoint: g_row[0].g_col[10].u_pe/_1188_
          (rising edge-triggered flip-flop clocked by clk)
Path Group: clk
Path Type: max

   Delay     Time   Description
-----------------------------------------------------------
   0.000    0.000   clock clk (rise edge)
   0.000    0.000   clock network delay (ideal)
   0.000    0.000 ^ u_b_skew_10/_72_/CLK (sky130_fd_sc_hd__dfxtp_1)
   0.003    8.880 ^ g_row[0].g_col[10].u_pe/_1188_/D (sky130_fd_sc_hd__dfxtp_1)
            8.880   data arrival time

  10.000   10.000   clock clk (rise edge)
   0.000   10.000   clock network delay (ideal)
   0.000   10.000   clock reconvergence pessimism
           10.000 ^ g_row[0].g_col[10].u_pe/_1188_/CLK (sky130_fd_sc_hd__dfxtp_1)
  -0.090    9.910   library setup time
            9.910   data required time
-----------------------------------------------------------
            9.910   data required time
           -8.880   data arrival time
-----------------------------------------------------------
            1.030   slack (MET)


wns -0.56
tns -356.14
Group                  Internal  Switching    Leakage      Total
                          Power      Power      Power      Power
----------------------------------------------------------------
Total                2.3788e-01 1.8989e-02 6.1227e-07 2.5687e-01 100.0%
)STA";

// The netlist Yosys writes without -simple-lhs: OpenSTA rejects `assign { a, b } = ...`,
// makes the PE a black box, and still prints a (wrong) report and exits 0.
const char* const kStaBlackBox = R"STA(Error: netlist.v, line 215 syntax error, unexpected '{', expecting ID.
Warning: netlist.v, line 760 signal a_i previously declared on line 90.
Warning: netlist.v, line 119 module tpe_systolic_os_mac_r2c2_s8x8_acc32_pe not found.  Creating black box for \g_row[0].g_col[0].u_pe .
Startpoint: b_i[0] (input port clocked by clk)
)STA";

}  // namespace

TEST_CASE("parse_sta: worst path, slack and power of a hierarchical netlist") {
  const StaReport r = parse_sta(kSta2x2);
  CHECK(r.errors.empty());  // the liberty "unsupported expression" warnings are harmless
  REQUIRE(r.paths.size() == 3);
  CHECK(r.paths[0].group == "in2reg");
  CHECK(r.paths[0].startpoint == "b_i[0]");
  CHECK(r.paths[0].arrival_ns == doctest::Approx(9.199));
  CHECK(r.paths[1].group == "reg2out");
  CHECK(r.paths[1].startpoint == "g_row[0].g_col[0].u_pe/_1193_");  // description on the next line
  CHECK(r.paths[1].endpoint == "c_valid_o[0]");
  CHECK(r.paths[1].slack_ns == doctest::Approx(9.642));
  const StaPath* w = r.worst();
  REQUIRE(w == &r.paths[2]);
  CHECK(w->startpoint == "u_b_skew_1/_0_");
  CHECK(w->endpoint == "g_row[0].g_col[1].u_pe/_1142_");
  CHECK(w->group == "reg2reg");
  CHECK(w->arrival_ns == doctest::Approx(9.607));  // the first "data arrival time", not "-9.607"
  REQUIRE(w->required_ns.has_value());
  CHECK(*w->required_ns == doctest::Approx(9.909));
  CHECK(w->slack_ns == doctest::Approx(0.303));
  CHECK(r.wns_ns == doctest::Approx(0.0));
  CHECK(r.tns_ns == doctest::Approx(0.0));
  REQUIRE(r.power_w.has_value());
  CHECK(*r.power_w == doctest::Approx(3.8518e-03));
  CHECK(*r.internal_w == doctest::Approx(3.5679e-03));
  CHECK(*r.switching_w == doctest::Approx(2.8388e-04));
  CHECK(*r.leakage_w == doctest::Approx(9.4332e-09));
  // fmax includes the setup time: period - slack = arrival + setup.
  CHECK(fmax_mhz(10, w->slack_ns) == doctest::Approx(1000.0 / 9.697));
}

TEST_CASE("parse_sta: one path per group, the worst is the one with the least slack") {
  const StaReport r = parse_sta(kSta16x16NoFalsePath);
  REQUIRE(r.paths.size() == 2);
  CHECK(r.paths[0].group == "**async_default**");
  CHECK(r.paths[0].startpoint == "rst_ni");
  CHECK(r.paths[1].group == "clk");
  CHECK(r.paths[1].arrival_ns == doctest::Approx(8.880));
  CHECK(r.worst() == &r.paths[0]);
  CHECK(r.worst()->slack_ns == doctest::Approx(-0.564));
  CHECK(fmax_mhz(10, -0.564) == doctest::Approx(1000.0 / 10.564));
  CHECK(r.wns_ns == doctest::Approx(-0.56));
  CHECK(r.tns_ns == doctest::Approx(-356.14));
  CHECK(r.power_w == doctest::Approx(0.25687));
}

TEST_CASE("parse_sta: errors and black boxes, no paths") {
  const StaReport r = parse_sta(kStaBlackBox);
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].rfind("Error: netlist.v, line 215", 0) == 0);
  CHECK(r.errors[1].find("Creating black box") != std::string::npos);
  CHECK(r.paths.empty());  // a Startpoint without a slack line is no path

  const StaReport none = parse_sta("No paths found.\nwns 0.000\ntns 0.000\n");
  CHECK(none.worst() == nullptr);
  CHECK_FALSE(none.power_w.has_value());
  CHECK(none.errors.empty());
}

TEST_CASE("check_clock_period: > 0 and finite") {
  CHECK_NOTHROW(check_clock_period(10));
  CHECK_NOTHROW(check_clock_period(0.05));
  for (double bad : {0.0, -1.0, 2e6, std::numeric_limits<double>::infinity(),
                     std::numeric_limits<double>::quiet_NaN()})
    CHECK_THROWS_WITH_AS(check_clock_period(bad), doctest::Contains("--clock-period"), tpegen::ConfigError);
  CHECK_THROWS_WITH_AS(check_clock_period(0), doctest::Contains("> 0"), tpegen::ConfigError);
}

TEST_CASE("liberty profile: by library name, only when the drive cell exists") {
  using tpegen::liberty::parse_library;
  const auto sky = parse_library("/* header */\nlibrary (\"sky130_fd_sc_hd__tt_025C_1v80\") {\n"
                                 "    cell (\"sky130_fd_sc_hd__buf_2\") { dont_use : true; }\n}\n",
                                 "sky.lib");
  auto p = find_sta_profile(sky);
  REQUIRE(p.has_value());
  CHECK(std::string(p->drive_cell) == "sky130_fd_sc_hd__buf_2");
  CHECK(std::string(p->drive_pin) == "X");

  p = find_sta_profile(parse_library("library (NangateOpenCellLibrary) {\n  cell (BUF_X2) { }\n}", "n.lib"));
  REQUIRE(p.has_value());
  CHECK(std::string(p->drive_pin) == "Z");

  CHECK_FALSE(find_sta_profile(parse_library("library (NangateOpenCellLibrary) {\n  cell (BUF_X1) { }\n}", "n.lib")));
  CHECK_FALSE(find_sta_profile(parse_library("library (my_lib) {\n  cell (BUF_X2) { }\n}", "m.lib")));
}

TEST_CASE("sta_script: constraints, reports and power activity") {
  StaInputs in;
  in.liberty = "/p d k/x.lib";
  in.netlist = kNetlistFile;
  in.top = "top_x";
  in.period_ns = 2.5;
  std::string s = sta_script(in);
  const std::string cmds = commands_only(s);
  CHECK(cmds.find("read_liberty {/p d k/x.lib}\nread_verilog {netlist.v}\nlink_design {top_x}\n") !=
        std::string::npos);
  CHECK(cmds.find("create_clock -name clk -period 2.5 [get_ports {clk_i}]\n") != std::string::npos);
  CHECK(cmds.find("set tpegen_inputs [delete_from_list [all_inputs] [get_ports {clk_i}]]\n") != std::string::npos);
  CHECK(cmds.find("set_input_delay 0 -clock clk $tpegen_inputs\n") != std::string::npos);
  CHECK(cmds.find("set_output_delay 0 -clock clk [all_outputs]\n") != std::string::npos);
  CHECK(cmds.find("set_false_path -from [get_ports {rst_ni}]") != std::string::npos);
  CHECK(cmds.find("group_path -name reg2reg -from [all_registers -clock_pins] -to [all_registers -data_pins]\n") !=
        std::string::npos);
  CHECK(cmds.find("group_path -name in2out -from $tpegen_inputs -to [all_outputs]\n") != std::string::npos);
  CHECK(cmds.find("report_checks -path_delay max -format full -digits 3 -fields {fanout capacitance nets}\n") !=
        std::string::npos);
  CHECK(cmds.find("report_wns -digits 3\nreport_tns -digits 3\n") != std::string::npos);
  CHECK(cmds.find("set_power_activity -global -activity 0.1\n") != std::string::npos);
  CHECK(cmds.find("set_power_activity -input -activity 0.2\n") != std::string::npos);
  CHECK(cmds.find("report_power") != std::string::npos);
  CHECK(cmds.find("set_driving_cell") == std::string::npos);  // unknown library: none
  CHECK(cmds.find("set_load") == std::string::npos);
  CHECK(cmds.find("-flatten") == std::string::npos);

  in.profile = sta_lib_profiles().front();
  s = commands_only(sta_script(in));
  CHECK(s.find("set_driving_cell -lib_cell {sky130_fd_sc_hd__buf_2} -pin {X} $tpegen_inputs\n") !=
        std::string::npos);
  CHECK(s.find("set_load 0.0069 [all_outputs]\n") != std::string::npos);

  in.activity = 0.23;
  in.port_activity = {{"a_i", 0.5}, {"b_i", 0.125}};
  s = commands_only(sta_script(in));
  CHECK(s.find("set_power_activity -global -activity 0.23\n") != std::string::npos);
  CHECK(s.find("set_power_activity -input_ports [get_ports {a_i}] -activity 0.5\n"
               "set_power_activity -input_ports [get_ports {b_i}] -activity 0.125\nreport_power") != std::string::npos);

  in.top = "a{b";
  CHECK_THROWS_AS(sta_script(in), tpegen::ConfigError);
}

TEST_CASE("yosys_script: the netlist has no concatenation on the left of assign (for OpenSTA)") {
  const std::string s = yosys_script({"top_x", {"a.v"}, "/x.lib", std::nullopt, ""});
  CHECK(s.find(std::string("write_verilog -noattr -noexpr -nohex -nodec -simple-lhs ") + kNetlistFile + "\n") !=
        std::string::npos);
}

TEST_CASE("parse_stat: the tpe_sdp_ram memories' area, instances multiplied down the hierarchy") {
  const std::string text = R"(
=== $paramod$abc\tpe_sdp_ram ===

   Number of cells:                 10
     sky130_fd_sc_hd__dfxtp_1       10

   Chip area for module '$paramod$abc\tpe_sdp_ram': 100.5

=== $paramod$abc\tpe_fifo ===

   Number of cells:                 2
     $paramod$abc\tpe_sdp_ram      1
     sky130_fd_sc_hd__inv_1         1

   Chip area for module '$paramod$abc\tpe_fifo': 4.0

=== top ===

   Number of cells:                 3
     $paramod$abc\tpe_fifo          2
     eng                            1

   Chip area for module '\top': 7.0

=== design hierarchy ===

   top      1
     $paramod$abc\tpe_fifo      2
       $paramod$abc\tpe_sdp_ram      1
     eng      1
       $paramod$x\tpe_pipe      3

   Number of cells:                 30

   Chip area for top module '\top': 500.0
)";
  const StatReport r = parse_stat(text);
  REQUIRE(r.memory_area_um2);
  CHECK(*r.memory_area_um2 == doctest::Approx(201.0));
  CHECK(*r.area_um2 == doctest::Approx(500.0));
  CHECK_FALSE(parse_stat("=== top ===\n\n   Number of cells: 3\n\n   Chip area for module '\\top': 7.0\n").memory_area_um2);
}

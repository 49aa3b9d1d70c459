// The Liberty library (generator/src/liberty/): parse errors with file:line, comments and line
// continuations, the data model on a hand-written library (dont_use, ff_bank, latch, clock-gating
// cells), the one table interpolation against values computed by hand, the per-path cache, and
// the shipped libraries' real counts.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <unistd.h>

#include "liberty/cache.hpp"
#include "liberty/error.hpp"
#include "liberty/library.hpp"
#include "synth/liberty_choice.hpp"
#include "util/text_file.hpp"

using namespace tpegen::liberty;
namespace fs = std::filesystem;

namespace {

// Every kind of cell the model tells apart, with comments of both kinds and continuations.
const char* kLib = R"lib(/* a hand-written library */
library ("hand") {
  // units
  time_unit : "1ns" ;
  capacitive_load_unit (1, pf) ;
  nom_voltage : 1.8 ;
  lu_table_template (slew_load) { variable_1 : input_net_transition ;
    variable_2 : total_output_net_capacitance ; index_1 ("0.1, 0.3") ; index_2 ("0.01, 0.05") ; }
  lu_table_template (load_slew) { variable_1 : total_output_net_capacitance ;
    variable_2 : input_net_transition ; }
  cell (NAND2) {
    area : 3.75 ;
    pin (A) { direction : input ; capacitance : 0.002 ; }
    pin (B) { direction : input ; capacitance : 0.003 ; }
    pin (Y) {
      direction : output ;
      function : "!(A&B)" ;
      timing () {
        related_pin : "A" ;
        cell_rise (slew_load) { values ("1, 2", \
                                        "3, 5") ; }
        cell_fall (load_slew) { index_1 ("0.01, 0.05") ; index_2 ("0.1, 0.3") ;
                                values ("1, 3", "2, 5") ; }
      }
      internal_power () { related_pin : "A B" ; rise_power (scalar) { values ("0.25") ; } }
    }
  }
  cell (NAND2_SLOW) { dont_use : true ; area : 2.5 ; pin (Y) { direction : output ; function : "!(A \
&B)" ; } }
  cell (DFF) { area : 20 ; ff (IQ, IQN) { clocked_on : "CK" ; next_state : "D" ; }
    pin (CK) { direction : input ; clock : true ; } }
  cell (DFF2) { area : 36 ; ff_bank (IQ, IQN, 2) { clocked_on : "CK" ; next_state : "D" ; } }
  cell (LAT) { area : 15 ; latch (IQ, IQN) { enable : "G" ; data_in : "D" ; } }
  cell (ICG) { area : 17 ; clock_gating_integrated_cell : "latch_posedge" ;
    statetable ("CK E", "IQ") { table : "L L : - : L" ; }
    pin (CK) { direction : input ; clock_gate_clock_pin : true ; }
    pin (GCK) { direction : output ; clock_gate_out_pin : true ; } }
  cell (ICG_BARE) { area : 12 ; clock_gating_integrated_cell : "latch_negedge" ; }
}
)lib";

std::string error_of(const std::string& text, const std::string& source) {
  try {
    parse_library(text, source);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

fs::path pdk(const char* rel) { return tpegen::synth::pdk_build_dir() / rel; }

}  // namespace

TEST_CASE("liberty parser: errors say file:line: why") {
  CHECK(error_of("# readme\n", "README.md") == "README.md:1: not a liberty file: no library (NAME) group at its start");
  CHECK(error_of("library (x) {\n  cell (a) {\n    area : 1;\n", "t.lib") ==
        "t.lib:2: missing '}' (unbalanced braces): the cell group never closes");
  CHECK(error_of("library (x) {\n\n  cell (a) { area : \"1; }\n}\n", "s.lib") == "s.lib:3: unterminated string");
  CHECK(error_of("library (x) {\n/* open\n\n", "c.lib") == "c.lib:2: unterminated comment");
  CHECK(error_of("library (x) {\n  cell (a) {\n    area 1;\n  }\n}\n", "a.lib") ==
        "a.lib:3: expected ':' or '(' after 'area 1'");
  CHECK(error_of("library (x) { }\n}\n", "e.lib") == "e.lib:2: text after the end of the library group");
  CHECK(error_of("library (x) {\n cell (a) {\n  pin (Y) {\n   timing () {\n    cell_rise (t) {\n"
                 "     index_1 (\"1, 2\"); values (\"1, 2, 3\"); } } } } }",
                 "v.lib") == "v.lib:5: a cell_rise table has 3 values for 2 index points");
  CHECK(error_of("library (x) {\n time_unit : \"1hs\";\n}", "u.lib") == "u.lib:2: unknown unit '1hs'");
  // The parts, for callers that name the file themselves.
  try {
    parse_library("library (x) {\n  cell (a) {\n", "p.lib");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.line() == 2);
    CHECK(e.why().rfind("missing '}'", 0) == 0);
    CHECK(e.why_at_line() == e.why() + " (line 2)");
  }
}

TEST_CASE("liberty model: cells, pins, dont_use, and the one definition of sequential") {
  const Library lib = parse_library(kLib, "hand.lib");
  CHECK(lib.name == "hand");
  CHECK(lib.source == "hand.lib");
  CHECK(lib.units.capacitance_f == doctest::Approx(1e-12));
  CHECK(lib.units.time_s == doctest::Approx(1e-9));
  CHECK(lib.nom_voltage == doctest::Approx(1.8));
  REQUIRE(lib.cells.size() == 7);
  CHECK(lib.cells[0].name == "NAND2");
  CHECK(lib.cells[0].line == 11);
  CHECK(lib.cell("nope") == nullptr);

  const Cell& nand = *lib.cell("NAND2");
  CHECK(nand.area == doctest::Approx(3.75));
  CHECK_FALSE(nand.dont_use);
  CHECK_FALSE(nand.sequential);
  CHECK(usable_for_new_logic(nand));
  REQUIRE(nand.pins.size() == 3);
  CHECK(nand.pin("B")->capacitance == doctest::Approx(0.003));
  CHECK(nand.pin("B")->direction == Direction::input);
  const Pin& y = *nand.pin("Y");
  CHECK(y.is_output());
  CHECK_FALSE(y.is_input());
  CHECK(y.function == "!(A&B)");
  CHECK(y.line == 15);
  REQUIRE(y.timing.size() == 1);
  CHECK(y.timing[0].related_pin == "A");
  CHECK(y.timing[0].cell_rise);
  CHECK(y.timing[0].cell_fall);
  CHECK_FALSE(y.timing[0].rise_transition);
  REQUIRE(y.internal_power.size() == 1);
  CHECK(y.internal_power[0].related_pin == "A B");
  CHECK(y.internal_power[0].rise->at(1, 1) == 0.25);
  CHECK_FALSE(y.internal_power[0].fall);

  const Cell& slow = *lib.cell("NAND2_SLOW");
  CHECK(slow.dont_use);
  CHECK_FALSE(slow.sequential);
  CHECK_FALSE(usable_for_new_logic(slow));
  CHECK(slow.pin("Y")->function == "!(A &B)");  // a continuation inside quotes joins the lines

  // Sequential: ff, ff_bank, latch, statetable, or a clock-gating cell however it is written.
  for (const char* name : {"DFF", "DFF2", "LAT", "ICG", "ICG_BARE"}) {
    CAPTURE(name);
    CHECK(lib.cell(name)->sequential);
    CHECK(usable_for_new_logic(*lib.cell(name)));  // dont_use alone decides that
  }
  CHECK(lib.cell("DFF")->flip_flop);
  CHECK(lib.cell("DFF2")->flip_flop);
  CHECK_FALSE(lib.cell("LAT")->flip_flop);
  CHECK_FALSE(lib.cell("ICG")->flip_flop);
  CHECK(lib.cell("DFF")->pin("CK")->clock);
  CHECK(lib.cell("ICG")->clock_gating == "latch_posedge");
  CHECK(lib.cell("ICG")->pin("CK")->clock_gate_role == "clock");
  CHECK(lib.cell("ICG")->pin("GCK")->clock_gate_role == "out");
}

TEST_CASE("liberty table: bilinear interpolation and extrapolation, by hand") {
  const Library lib = parse_library(kLib, "hand.lib");
  const TimingArc& a = lib.cell("NAND2")->pin("Y")->timing[0];
  // cell_rise: axes from the template, slew (0.1, 0.3) x load (0.01, 0.05), values 1 2 / 3 5.
  const Table& rise = *a.cell_rise;
  CHECK(rise.index_1 == std::vector<double>{0.1, 0.3});
  CHECK(rise.index_2 == std::vector<double>{0.01, 0.05});
  CHECK(rise.at(0.1, 0.01) == doctest::Approx(1));
  CHECK(rise.at(0.3, 0.05) == doctest::Approx(5));
  // slew 0.2, load 0.03: rows 1.5 and 4.0, then 1.5 + 0.5 * 2.5.
  CHECK(rise.at(0.2, 0.03) == doctest::Approx(2.75));
  // slew 0.5 (beyond the axis), load 0.01: 1 + (0.4 / 0.2) * (3 - 1).
  CHECK(rise.at(0.5, 0.01) == doctest::Approx(5));
  // slew 0.1, load 0 (below the axis): 1 + (-0.25) * (2 - 1).
  CHECK(rise.at(0.1, 0) == doctest::Approx(0.75));
  // cell_fall: the same numbers with the load first (its template), values transposed.
  const Table& fall = *a.cell_fall;
  CHECK(fall.index_1_is_load);
  CHECK_FALSE(fall.index_2_is_load);
  for (const auto& [s, l] : {std::pair{0.2, 0.03}, {0.5, 0.01}, {0.1, 0.0}, {0.25, 0.04}})
    CHECK(fall.at(s, l) == doctest::Approx(rise.at(s, l)));
  // Three breakpoints: the segment whose upper end is the first >= x.
  Table t;
  t.index_1 = {0, 1, 3};
  t.values = {0, 10, 50};
  CHECK(t.at(0.5, 0) == doctest::Approx(5));
  CHECK(t.at(2, 0) == doctest::Approx(30));
  CHECK(t.at(4, 0) == doctest::Approx(70));
  CHECK(t.at(-1, 0) == doctest::Approx(-10));
}

TEST_CASE("liberty cache: one parse per file, the same object for the same path") {
  const fs::path dir = fs::temp_directory_path() / ("tpegen_liberty_cache_" + std::to_string(getpid()));
  fs::create_directories(dir);
  tpegen::write_text_file(dir / "a.lib", kLib);
  fs::create_symlink(dir / "a.lib", dir / "link.lib");
  const auto first = load_library(dir / "a.lib");
  CHECK(first->name == "hand");
  CHECK(load_library(dir / "a.lib") == first);
  CHECK(load_library(dir / "link.lib") == first);          // the same file by another name
  CHECK(load_library(dir / "." / "a.lib") == first);
  // A changed file is read again.
  tpegen::write_text_file(dir / "a.lib", std::string(kLib) + "\n// changed\n");
  fs::last_write_time(dir / "a.lib", fs::last_write_time(dir / "a.lib") + std::chrono::seconds(2));
  const auto second = load_library(dir / "a.lib");
  CHECK(second != first);
  CHECK(second->cells.size() == first->cells.size());
  CHECK_THROWS_WITH_AS(load_library(dir / "missing.lib"), doctest::Contains("missing.lib: cannot read the file"),
                       Error);
  fs::remove_all(dir);
}

// Counts checked against the files independently (grep of `cell (`, `dont_use : true`, ...).
TEST_CASE("liberty: the shipped sky130hd and sg13g2 libraries") {
  const auto sky = load_library(pdk("sky130hd/sky130_fd_sc_hd__tt_025C_1v80.dont_use.lib"));
  const auto ihp = load_library(pdk("sg13g2/sg13g2_stdcell_typ_1p20V_25C.lib"));
  struct Counts {
    size_t cells = 0, dont_use = 0, sequential = 0, flip_flops = 0, clock_gates = 0;
  };
  const auto count = [](const Library& l) {
    Counts c;
    for (const Cell& x : l.cells) {
      c.cells++;
      c.dont_use += x.dont_use;
      c.sequential += x.sequential;
      c.flip_flops += x.flip_flop;
      c.clock_gates += !x.clock_gating.empty();
    }
    return c;
  };
  const Counts s = count(*sky), i = count(*ihp);
  CHECK(sky->name == "sky130_fd_sc_hd__tt_025C_1v80");
  CHECK(s.cells == 428u);
  CHECK(s.dont_use == 36u);
  CHECK(s.sequential == 69u);
  CHECK(s.flip_flops == 45u);
  CHECK(s.clock_gates == 6u);
  CHECK(ihp->name == "sg13g2_stdcell_typ_1p20V_25C");
  CHECK(i.cells == 78u);
  CHECK(i.dont_use == 10u);
  CHECK(i.sequential == 10u);
  CHECK(i.flip_flops == 3u);
  CHECK(i.clock_gates == 2u);
  // One cell read closely: sky130's full adder.
  const Cell& fa = *sky->cell("sky130_fd_sc_hd__fa_1");
  CHECK(fa.pin("COUT")->function == "(A&B) | (A&CIN) | (B&CIN)");
  CHECK(fa.pin("A")->capacitance == doctest::Approx(0.006729));
  CHECK(fa.area == doctest::Approx(20.0192));
}

// The decisions of the fmax search (synth/fmax_search) and the Yosys script it needs.
#include <doctest/doctest.h>

#include "synth/fmax_search.hpp"
#include "synth/synth_flow.hpp"

using namespace tpegen::synth;

TEST_CASE("fmax search: targets shrink from the best period; stops without gain or at the step limit") {
  std::vector<FmaxStep> steps;
  CHECK_FALSE(next_fmax_target(steps, 4));  // nothing measured yet
  steps.push_back({0, 12.0, 100});
  REQUIRE(next_fmax_target(steps, 4));
  CHECK(*next_fmax_target(steps, 4) == doctest::Approx(12.0 * kFmaxSearchShrink));
  CHECK_FALSE(next_fmax_target(steps, 0));  // --fmax-search 0: the first run only
  steps.push_back({10.2, 10.5, 102});       // gained: go on from 10.5
  CHECK(*next_fmax_target(steps, 4) == doctest::Approx(10.5 * kFmaxSearchShrink));
  steps.push_back({8.9, 10.9, 104});        // worse: the search is over
  CHECK_FALSE(next_fmax_target(steps, 4));
  CHECK(best_fmax_step(steps) == 1);
  steps.back().period_ns = 10.45;           // under 1% better: over too
  CHECK_FALSE(next_fmax_target(steps, 4));
  steps.back().period_ns = 9.0;             // clearly better, but 2 re-syntheses of 2 are done
  CHECK_FALSE(next_fmax_target(steps, 2));
  CHECK(next_fmax_target(steps, 3));
  CHECK(best_fmax_step(steps) == 2);
  CHECK(best_fmax_step({}) == -1);
}

TEST_CASE("yosys_script: abc delay target with its constraint file") {
  const std::string s = yosys_script({"top_x", {"a.v"}, "/x.lib", 8945.4, kAbcConstrFile});
  CHECK(s.find("abc -D 8945 -constr \"abc.constr\" -liberty \"/x.lib\"\n") != std::string::npos);
  CHECK(yosys_script({"top_x", {"a.v"}, "/x.lib", std::nullopt, ""}).find("abc -liberty \"/x.lib\"\n") !=
        std::string::npos);
  CHECK(abc_constraints("sky130_fd_sc_hd__buf_2", 0.0069) == "set_driving_cell sky130_fd_sc_hd__buf_2\nset_load 0.0069\n");
}

TEST_CASE("liberty_problem: a library synthesis can map to (parse errors: liberty_test.cpp)") {
  using tpegen::liberty::parse_library;
  const std::string ok = "/* c { */\nlibrary (tiny) { cell (INV) { area : 1; } cell (DFF) { ff (IQ, IQN) { "
                         "next_state : \"D\"; clocked_on : \"CLK\"; } } }\n";
  CHECK(liberty_problem(parse_library(ok, "ok.lib")).empty());
  CHECK(liberty_problem(parse_library("library (x) { }", "x.lib")).find("no cells") != std::string::npos);
  CHECK(liberty_problem(parse_library("library (x) { cell (a) { area : 1; } }", "x.lib")).find("no flip-flop") !=
        std::string::npos);
  // A latch is not a flip-flop, and "ff" in a cell's name ("buffer") is no ff group.
  CHECK(liberty_problem(parse_library("library (x) { cell (buffer) { area : 1; } cell (L) { latch (IQ, IQN) { "
                                      "enable : \"G\"; data_in : \"D\"; } } }",
                                      "x.lib"))
            .find("no flip-flop") != std::string::npos);
}

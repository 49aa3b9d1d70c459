// Switching activity from VCD text (synth/activity): toggle counting per bit, aliases,
// left-extended vectors, x/z, and the estimate's averages.
#include <sstream>

#include <doctest/doctest.h>

#include "synth/activity.hpp"

using namespace tpegen::synth;

namespace {

// Two cycles of a tiny design: a 4-bit input, an 8-bit register aliased in the inner
// scope, the clock and the reset (left out of every figure).
const char* kVcd = R"($timescale 1ps $end
$scope module TOP $end
 $var wire 1 ! clk_i $end
 $var wire 1 " rst_ni $end
 $var wire 4 # a_i [3:0] $end
 $scope module dut $end
  $var wire 1 ! clk_i $end
  $var wire 4 # a_i [3:0] $end
  $var wire 8 $ acc_q [7:0] $end
 $upscope $end
$upscope $end
$enddefinitions $end
#0
0!
1"
b0000 #
b00000000 $
#1
1!
#2
0!
b1111 #
#3
1!
bx1 $
#4
0!
b0101 #
#5
1!
b11 $
)";

}  // namespace

TEST_CASE("parse_vcd: toggles per identifier, aliases once, short and x vectors") {
  std::istringstream in(kVcd);
  const VcdActivity v = parse_vcd(in);
  REQUIRE(v.signals.size() == 4);
  CHECK(v.last_time == 5);
  CHECK(v.signals[0].name == "clk_i");
  CHECK(v.signals[0].toggles == 5);
  CHECK(v.signals[1].toggles == 0);  // rst_ni stays 1
  CHECK(v.signals[2].name == "a_i");
  CHECK(v.signals[2].scope == "TOP");
  CHECK(v.signals[2].toggles == 4 + 2);  // 0000 -> 1111 -> 0101
  CHECK(v.signals[3].name == "acc_q");
  CHECK(v.signals[3].scope == "TOP.dut");
  CHECK(v.signals[3].width == 8);
  CHECK(v.signals[3].toggles == 1 + 1);  // 0 -> x1 (= 01) -> 11
  CHECK(v.signals[2].active_bits == 4);
  CHECK(v.signals[3].active_bits == 2);  // the upper 6 bits of acc_q never change
  CHECK(v.signals[1].active_bits == 0);
}

TEST_CASE("estimate_activity: mean toggle rate without clock and reset; input ports on their own") {
  std::istringstream in(kVcd);
  const ActivityEstimate e = estimate_activity(parse_vcd(in), 3, {"clk_i", "rst_ni", "a_i"});
  CHECK(e.bits == 12);
  CHECK(e.active_bits == 6);
  CHECK(e.cycles == 3);
  // Over the bits that toggle: constant bits (6 of acc_q's 8) would dilute the mean.
  CHECK(e.global == doctest::Approx(8.0 / (6 * 3)));
  CHECK(e.input == doctest::Approx(6.0 / (4 * 3)));
  REQUIRE(e.ports.size() == 1);
  CHECK(e.ports.at("a_i") == doctest::Approx(0.5));
  std::istringstream again(kVcd);
  const VcdActivity v = parse_vcd(again);
  CHECK_THROWS(estimate_activity(v, 0, {}));
}

TEST_CASE("parse_vcd: wide vectors over 64 bits") {
  std::string bits0(100, '0'), bits1(100, '1');
  bits1[0] = '0';  // bit 99 stays 0
  std::istringstream in("$scope module TOP $end\n$var wire 100 % w $end\n$upscope $end\n$enddefinitions $end\n#0\nb" +
                        bits0 + " %\n#1\nb" + bits1 + " %\n");
  const VcdActivity v = parse_vcd(in);
  CHECK(v.signals.at(0).toggles == 99);
}

TEST_CASE("parse_vcd: text that is not a VCD is an error naming the line") {
  std::istringstream none("hello\n");
  CHECK_THROWS_WITH(parse_vcd(none), doctest::Contains("not a readable VCD"));
  std::istringstream unknown("$scope module TOP $end\n$var wire 1 ! a $end\n$upscope $end\n$enddefinitions $end\n1?\n");
  CHECK_THROWS_WITH(parse_vcd(unknown), doctest::Contains("line 5"));
}

TEST_CASE("parse_activity_window: the harness line") {
  uint64_t c = 0, m = 0;
  CHECK(parse_activity_window("x\nactivity window: cycles 85, macs 183, vcd /t/run.vcd\n3 passed, 0 failed\n", c, m));
  CHECK(c == 85);
  CHECK(m == 183);
  CHECK_FALSE(parse_activity_window("3 passed, 0 failed\n", c, m));
}

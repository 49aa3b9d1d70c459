// Unit tests of the "did you mean" suggestions (util/did_you_mean.hpp).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "util/did_you_mean.hpp"

using tpegen::closest_name;
using tpegen::did_you_mean;
using tpegen::edit_distance;
using tpegen::invalid_choice;

TEST_CASE("edit_distance: insertions, deletions, substitutions and swaps cost 1 each") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("booth", "booth") == 0);
  CHECK(edit_distance("systolc-os", "systolic-os") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("rows", "rwos") == 1);
  CHECK(edit_distance("ab", "ba") == 1);
  CHECK(edit_distance("abc", "ca") == 3);  // a swapped pair is not edited again
}

TEST_CASE("closest_name: typos find their flag, unrelated words find nothing") {
  const std::vector<std::string> flags = {"--rows", "--cols", "--depth", "--force", "--output"};
  CHECK(closest_name("--rwos", flags) == "--rows");   // transposition
  CHECK(closest_name("--frce", flags) == "--force");  // deletion
  CHECK(closest_name("--colss", flags) == "--cols");  // insertion
  CHECK(closest_name("--depht", flags) == "--depth");
  CHECK_FALSE(closest_name("--liberty", flags).has_value());
  CHECK_FALSE(closest_name("x", {}).has_value());
}

TEST_CASE("closest_name: enum values") {
  const std::vector<std::string> archs = {"systolic-os", "systolic-ws", "cube", "mac-tree", "matrix2d"};
  CHECK(closest_name("systolc-os", archs) == "systolic-os");
  CHECK(closest_name("cueb", archs) == "cube");
  CHECK(closest_name("mactree", archs) == "mac-tree");
  CHECK_FALSE(closest_name("tpu", archs).has_value());
  CHECK_FALSE(closest_name("apb", {"none", "axi"}).has_value());  // two typos in three letters: no guess
  const std::vector<std::string> adders = {"ripple", "kogge-stone", "brent-kung", "sklansky", "timing", "behavioral"};
  CHECK(closest_name("koggestone", adders) == "kogge-stone");
  CHECK(closest_name("brentkung", adders) == "brent-kung");
  CHECK_FALSE(closest_name("", adders).has_value());
}

TEST_CASE("did_you_mean and invalid_choice: the wording of every enum check") {
  const std::vector<std::string> modes = {"static", "sim", "gate"};
  CHECK(did_you_mean("statc", modes) == "; did you mean 'static'?");
  CHECK(did_you_mean("vcd", modes) == "");
  CHECK(invalid_choice("--activity", "gat", modes) ==
        "invalid --activity = 'gat': valid values are static, sim, gate; did you mean 'gate'?");
  CHECK(invalid_choice("--activity", "vcd", modes) == "invalid --activity = 'vcd': valid values are static, sim, gate");
  CHECK(invalid_choice("--arch", "cueb", {"cube", "bitslice"}, "architectures") ==
        "invalid --arch = 'cueb': valid architectures are cube, bitslice; did you mean 'cube'?");
}

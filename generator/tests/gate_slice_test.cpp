// Unit tests of --gate-slice's design: every dimension the architecture uses capped, the
// rest of the configuration unchanged.
#include <doctest/doctest.h>

#include "arch/resolve.hpp"
#include "synth/gate_slice.hpp"
#include "config/design_config.hpp"

using namespace tpegen;

TEST_CASE("slice_config: dimensions capped at N, everything else kept") {
  DesignConfig c;
  c.arch = "systolic-os";
  c.pe = "opt1";
  c.is_signed = false;
  c.clock_gate = true;
  const DesignConfig full = resolve(c);
  const DesignConfig s = synth::slice_config(full, 4);
  CHECK(s.rows == 4);
  CHECK(s.cols == 4);
  CHECK(s.acc_width == full.acc_width);
  CHECK(s.pe == "opt1");
  CHECK(!s.is_signed);
  CHECK(s.clock_gate);
  CHECK(synth::slice_config(full, 64) == full);  // nothing to cap: the design itself
  DesignConfig t;
  t.arch = "mac-tree";
  t.cols = 8;
  t.depth = 3;
  const DesignConfig ts = synth::slice_config(resolve(t), 2);
  CHECK(ts.rows == 1);  // fixed by the architecture
  CHECK(ts.cols == 2);
  CHECK(ts.depth == 2);
}

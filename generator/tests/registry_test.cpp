// The registry's own facts: every PE variant an architecture offers has its traits, every
// architecture names a harness driver, and the fields that apply to some designs only follow
// the descriptors (no name lists outside arch/).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "arch/design_fields.hpp"
#include "arch/pe_traits.hpp"
#include "arch/registry.hpp"
#include "arch/resolve.hpp"
#include "config/config_fields.hpp"

using namespace tpegen;

TEST_CASE("registry: every offered PE variant has traits and every design a driver") {
  for (const ArchDescriptor& a : architectures()) {
    CHECK_MESSAGE(!a.driver.empty(), a.name);
    for (const PeVariant& pe : a.pes) {
      CHECK_MESSAGE(find_pe_traits(pe.name) != nullptr, (a.name + " " + pe.name));
      DesignConfig c;
      c.arch = a.name;
      c.pe = pe.name;
      CHECK_MESSAGE(!arch_driver(resolve(c)).empty(), (a.name + " " + pe.name));
    }
  }
  CHECK(find_pe_traits("no-such-pe") == nullptr);
  CHECK_FALSE(is_bit_weight_pe("no-such-pe"));
}

TEST_CASE("registry: a PE variant may name its own driver") {
  DesignConfig c;
  c.arch = "bitslice";
  c.pe = "laconic";
  CHECK(arch_driver(resolve(c)) == "laconic");
  c.pe = "opt3";
  CHECK(arch_driver(resolve(c)) == "opt4c");
}

TEST_CASE("registry: the scoped fields follow the descriptors and PE traits") {
  CHECK(pe_names_with(&PeTraits::bit_weight) == "opt1 and opt2");
  CHECK(applies_doc(config_field("encoding")) == "--pe opt1 and opt2");
  CHECK(applies_doc(config_field("drain")) == "--arch systolic-os");
  for (const ArchDescriptor& a : architectures()) {
    DesignConfig c;
    c.arch = a.name;
    const bool takes_drain = std::find(a.options.begin(), a.options.end(), "drain") != a.options.end();
    CHECK_MESSAGE(field_applies(config_field("drain"), c) == takes_drain, a.name);
  }
}

TEST_CASE("registry: the PE's own choices are checked from its traits") {
  DesignConfig c;
  c.arch = "cube";
  c.pe = "opt2";
  set_field_text(config_field("encoding"), c, "and");
  CHECK_THROWS_WITH_AS(resolve(c), "invalid --encoding = 'and' for --pe opt2: valid values are booth, ent", ConfigError);
  c.pe = "opt1";
  CHECK_NOTHROW(resolve(c));
  c.encoding.reset();
  c.pe = "opt2";
  c.view = "behavioral";
  CHECK_THROWS_WITH_AS(resolve(c), "invalid --view behavioral for --pe opt2: it applies to --pe opt1 only", ConfigError);
}

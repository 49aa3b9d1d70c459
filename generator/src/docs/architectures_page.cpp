// docs/reference/architectures.md: the architecture registry (dimensions, PE variants) and the
// naming scheme of generated modules, each token shown on a name canonical_name() builds.
#include <map>
#include <string>
#include <utility>
#include <variant>

#include <fmt/format.h>

#include "arch/pe_traits.hpp"
#include "arch/registry.hpp"
#include "arch/resolve.hpp"
#include "arith/final_adder.hpp"
#include "config/config_fields.hpp"
#include "docs/markdown.hpp"
#include "docs/reference.hpp"

namespace tpegen::docs {
namespace {

using Flags = std::vector<std::pair<std::string, std::string>>;  // (config key, value as typed)

// The design the flags give, resolved: the examples are names the generator really builds.
DesignConfig design_of(const Flags& flags) {
  DesignConfig c;
  for (auto& [key, value] : flags) {
    const ConfigField& f = config_field(key);
    if (auto* i = std::get_if<int DesignConfig::*>(&f.member)) c.*(*i) = std::stoi(value);
    else if (auto* b = std::get_if<bool DesignConfig::*>(&f.member)) c.*(*b) = value == "true";
    else set_field_text(f, c, value);
  }
  return resolve(c);
}

std::string command_of(const Flags& flags) {
  std::string words;
  for (auto& [key, value] : flags) {
    const ConfigField& f = config_field(key);
    const bool is_bool = std::holds_alternative<bool DesignConfig::*>(f.member);
    const std::string word = !is_bool ? fmt::format("{} {}", f.flag, value) : value == "true" ? f.flag : f.off_flag;
    words += (words.empty() ? "" : " ") + word;
  }
  return words;
}

std::vector<std::pair<const char*, const DimInfo*>> dims_of(const ArchDescriptor& a) {
  return {{"--rows", &a.rows}, {"--cols", &a.cols}, {"--depth", &a.depth}};
}

std::string dims_cell(const ArchDescriptor& a) {
  std::string out;
  for (auto [flag, d] : dims_of(a))
    if (d->used) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", code(flag), d->default_value);
  return out;
}

std::string pes_cell(const ArchDescriptor& a) {
  std::string out;
  for (auto& pe : a.pes) out += (out.empty() ? "" : ", ") + code(pe.name);
  return out;
}

std::string arch_section(const ArchDescriptor& a) {
  std::string out = fmt::format("\n## {}\n\n{}\n\n", a.name, sentence(a.summary));
  std::vector<std::vector<std::string>> dims;
  for (auto [flag, d] : dims_of(a)) {
    if (d->used)
      dims.push_back({code(flag), text(d->meaning), std::to_string(d->default_value),
                      fmt::format("{}..{}", Limits::kMinDim, Limits::kMaxDim)});
    else
      dims.push_back({code(flag), text(d->meaning), fmt::format("fixed at {}", d->fixed_value), "(not a flag here)"});
  }
  out += table({"Dimension", "Meaning", "Default", "Valid values"}, dims);
  std::vector<std::vector<std::string>> pes;
  for (auto& pe : a.pes)
    pes.push_back({code(pe.name) + (&pe == &a.pes.front() ? " (default)" : ""), text(pe.summary),
                   is_bit_weight_pe(pe.name) ? "`--encoding`, `--tree`, `--use-42`, `--final-adder`" : ""});
  out += "\n" + table({"PE variant", "What it is", "Arithmetic options"}, pes);
  DesignConfig c;
  c.arch = a.name;
  out += fmt::format("\n`tpegen generate --arch {}` builds {}.\n", a.name, code(top_name(resolve(c))));
  return out;
}

std::string pe_table() {
  std::map<std::string, std::vector<std::string>> offered_by;  // PE name -> architectures
  std::vector<std::string> order;
  for (auto& a : architectures())
    for (auto& pe : a.pes) {
      if (!offered_by.count(pe.name)) order.push_back(pe.name);
      offered_by[pe.name].push_back(code(a.name));
    }
  std::vector<std::vector<std::string>> rows;
  for (auto& pe : order) {
    std::string archs;
    for (auto& a : offered_by[pe]) archs += (archs.empty() ? "" : ", ") + a;
    rows.push_back({code(pe), archs, is_bit_weight_pe(pe) ? "yes: `--encoding`, `--tree`, `--use-42`, `--final-adder`" : "no"});
  }
  return table({"PE variant", "Architectures", "Bit-weight (arithmetic options)"}, rows);
}

struct Token {
  std::string token, meaning;
  Flags flags;
  bool top = false;  // the example is the top module (with the wrapper), not the engine
};

std::vector<Token> tokens() {
  const Flags os = {{"arch", "systolic-os"}, {"rows", "4"}, {"cols", "4"}};
  // The example bit-weight PE: the first that has every option the tokens show (the twin, the
  // resolved drain), from the registry.
  std::string example_pe;
  for (const PeTraits& pe : pe_traits())
    if (example_pe.empty() && pe.bit_weight && pe.behavioral_view && pe.resolved_drain) example_pe = pe.name;
  const Flags bit_weight = {{"arch", "systolic-os"}, {"pe", example_pe}, {"rows", "4"}, {"cols", "4"}};
  auto plus = [](Flags f, const Flags& more) {
    f.insert(f.end(), more.begin(), more.end());
    return f;
  };
  std::vector<Token> t = {
      {"`tpe_`", "every generated design", os},
      {"`systolic_os`", "the architecture (`--arch`), `-` written as `_`", os},
      {"`mac`, `opt1`, ...", "the PE variant (`--pe`)", bit_weight},
      {"`and`, `booth`, `ent`", "bit-weight PEs: the encoding of operand A (`--encoding`)", plus(bit_weight, {{"encoding", "ent"}})},
      {"`dadda`, `wallace`, `timing`", "bit-weight PEs: the compressor tree (`--tree`); `timing`: placed by arrival time",
       plus(bit_weight, {{"tree", "dadda"}})},
      {"`42`", "after the tree: 4:2 compressors in it (`--use-42`)", plus(bit_weight, {{"use_42", "true"}})},
  };
  const ConfigField& adder = config_field("final_adder");
  for (const std::string& choice : adder.choices)
    t.push_back({code(final_adder_token(arith::parse_adder(choice))),
                 fmt::format("bit-weight PEs: the read-out adder `--final-adder {}`", choice),
                 plus(bit_weight, {{"final_adder", choice}})});
  const std::vector<Token> rest = {
      {"`r4c4`, `r2c2d2`", "the dimensions the architecture has: `r` rows, `c` columns, `d` depth",
       {{"arch", "cube"}, {"rows", "2"}, {"cols", "2"}, {"depth", "2"}}},
      {"`s8x8`, `u4x8`", "signed (`s`) or unsigned (`u`) operands, A width x B width (`--a-width`, `--b-width`)",
       plus(os, {{"signed", "false"}, {"a_width", "4"}})},
      {"`acc32`", "accumulator bits (`--acc-width`; by default exact for `--max-k`)", plus(os, {{"max_k", "256"}})},
      {"`w`", "after `acc`: results wrap modulo 2^acc (`--acc-wrap`)", plus(os, {{"acc_width", "16"}, {"acc_wrap", "true"}})},
      {"`_i1`, `_o2`", "pipeline register stages on inputs and outputs (`--in-regs`, `--out-regs`)",
       plus(os, {{"in_regs", "1"}, {"out_regs", "2"}})},
      {"`_dshift`", "results shifted out by the accumulators (`--drain shift`)", plus(os, {{"drain", "shift"}})},
      {"`_dres`", "opt1 drain registers holding binary results (`--drain resolved`)", plus(bit_weight, {{"drain", "resolved"}})},
      {"`_beh`", "the behavioural twin (`--view behavioral`)", plus(bit_weight, {{"view", "behavioral"}})},
      {"`_cg`", "clock-gated idle state (`--clock-gate`)", plus(os, {{"clock_gate", "true"}})},
      {"`_axi`", "the top module of the AXI wrapper around the engine (`--wrap axi`)", plus(os, {{"wrap", "axi"}}), true},
  };
  t.insert(t.end(), rest.begin(), rest.end());
  return t;
}

std::string naming_section() {
  std::string out = "\n## Names of generated modules\n\n";
  out += "A design's top module (and its folder in a sweep) is named after its configuration, so that two "
         "different designs never share a name:\n\n";
  out += "```\ntpe_<arch>_<pe>_[<encoding>_<tree>[42]_<adder>_]<dimensions>_<s|u><A>x<B>_acc<bits>[w]"
         "[_i<n>][_o<n>][_dshift|_dres][_beh][_cg]\n```\n\n";
  out += "with `_axi` added for the top of `--wrap axi`. A dimension that an architecture gained later is named "
         "only when it is not at its default, so that earlier designs keep their names; the same holds for "
         "`--drain`, `--view`, `--clock-gate` and `--wrap`. Each token, with a name the generator builds:\n\n";
  std::vector<std::vector<std::string>> rows;
  for (const Token& t : tokens()) {
    const DesignConfig c = design_of(t.flags);
    rows.push_back({t.token, text(t.meaning), code(command_of(t.flags)), code(t.top ? top_name(c) : canonical_name(c))});
  }
  out += table({"Token", "Meaning", "Flags", "Name"}, rows);
  out += "\nThe sub-modules of a design are named after it with a suffix (`_pe`, `_dot`, ...); shared helpers "
         "such as `tpe_skew` and `tpe_pipe` keep their own names. A sweep adds its run keys after `@` (`@p5_fs3_sim`: clock 5 ns, 3 fmax steps, simulated activity; "
         "see [run keys](config.md#run-keys)).\n";
  return out;
}

}  // namespace

std::string architectures_page() {
  std::string out = kGeneratedMark;
  out += "# Architectures\n\n";
  out += "The architectures `--arch` chooses and their PE variants (`--pe`), as `tpegen list` shows them "
         "(`tpegen list --json` gives the same as data). The first PE variant is the default. Sweeps compare "
         "each design with its baseline: the same array with the first PE variant, or, for `opt4c` and "
         "`opt4e`, whose PEs are all optimized, an array of MAC PEs doing the same work.\n\n";
  std::vector<std::vector<std::string>> rows;
  for (auto& a : architectures())
    rows.push_back({fmt::format("[{}](#{})", a.name, a.name), text(a.summary), dims_cell(a), pes_cell(a)});
  out += table({"Architecture", "What it is", "Dimensions (default)", "PE variants (first: default)"}, rows);
  for (auto& a : architectures()) out += arch_section(a);
  out += "\n## PE variants\n\n";
  std::string bit_weight;
  for (const PeTraits& pe : pe_traits())
    if (pe.bit_weight) bit_weight += (bit_weight.empty() ? "" : ", ") + code(pe.name);
  out += "The bit-weight PEs (" + bit_weight + ") take the arithmetic options; on other PEs those flags are an "
         "error.\n\n";
  out += pe_table();
  out += naming_section();
  return out;
}

}  // namespace tpegen::docs

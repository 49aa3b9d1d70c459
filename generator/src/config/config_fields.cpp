#include "config/config_fields.hpp"

#include <climits>
#include <cstdint>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "arith/compressor_tree.hpp"
#include "arith/final_adder.hpp"
#include "arith/partial_products.hpp"
#include "util/did_you_mean.hpp"

namespace tpegen {
namespace {

using arith::AdderKind;
using arith::Encoding;
using arith::TreeKind;

// One row of the table, built by name (C++17 has no designated initializers).
struct Row {
  ConfigField f;
  Row(const char* key, const char* flag, FieldMember m, const char* help) {
    f.key = key;
    f.flag = flag;
    f.member = m;
    f.help = help;
  }
  Row& by_default(const char* doc) {
    f.default_doc = doc;
    return *this;
  }
  Row& dimension(Dim d) {
    f.dim = d;
    f.shown = Shown::AsNamed;
    return range(Limits::kMinDim, Limits::kMaxDim);
  }
  Row& range(long long lo, long long hi) {
    f.min = lo;
    f.max = hi;
    return *this;
  }
  Row& plain_range(long long lo, long long hi) {
    range(lo, hi);
    f.plain_range = true;
    return *this;
  }
  Row& range_doc(const char* doc) {
    f.range_doc = doc;
    return *this;
  }
  Row& choices(std::vector<std::string> c) {
    f.choices = std::move(c);
    return *this;
  }
  Row& applies(Applies a) {
    f.applies = a;
    return *this;
  }
  Row& shown(Shown s) {
    f.shown = s;
    return *this;
  }
  Row& off_flag(const char* flag) {
    f.off_flag = flag;
    return *this;
  }
  Row& pe_option() {
    f.pe_option = true;
    return *this;
  }
  Row& hidden() {
    f.hidden = true;
    return *this;
  }
  Row& required() {
    f.required = true;
    return *this;
  }
  operator ConfigField() const { return f; }  // NOLINT: the table is a list of rows
};

const std::vector<ConfigField>& table() {
  using D = DesignConfig;
  static const std::vector<ConfigField> fields = {
      Row("arch", "--arch", &D::arch, "architecture").required().range_doc("see `tpegen list`"),
      Row("pe", "--pe", &D::pe, "PE variant")
          .by_default("the architecture's first (mac where it has one)")
          .range_doc("see `tpegen list`")
          .pe_option(),
      Row("rows", "--rows", &D::rows, "hardware rows (meaning per architecture: `tpegen list`)")
          .by_default("per architecture")
          .dimension(Dim::Rows),
      Row("cols", "--cols", &D::cols, "hardware columns")
          .by_default("per architecture")
          .dimension(Dim::Cols),
      Row("depth", "--depth", &D::depth, "hardware depth (dot-product length)")
          .by_default("per architecture")
          .dimension(Dim::Depth),
      Row("a_width", "--a-width", &D::a_width, "width of A operands").plain_range(Limits::kMinWidth, Limits::kMaxWidth),
      Row("b_width", "--b-width", &D::b_width, "width of B operands").plain_range(Limits::kMinWidth, Limits::kMaxWidth),
      Row("signed", "--signed", &D::is_signed, "two's-complement operands (--unsigned: unsigned ones)").off_flag("--unsigned"),
      Row("max_k", "--max-k", &D::max_k, "longest reduction the accumulator holds exactly")
          .plain_range(1, Limits::kMaxMaxK),
      Row("acc_width", "--acc-width", &D::acc_width, "accumulator bits")
          .by_default("exact for --max-k")
          .range(Limits::kMinWidth, Limits::kMaxAcc)
          .range_doc("exact width..64 (2..64 with --acc-wrap)"),
      Row("acc_wrap", "--acc-wrap", &D::acc_wrap, "allow --acc-width below the exact width (results modulo 2^acc-width)"),
      Row("in_regs", "--in-regs", &D::in_regs, "pipeline register stages on every input")
          .plain_range(0, Limits::kMaxRegs)
          .shown(Shown::AsNamed),
      Row("out_regs", "--out-regs", &D::out_regs, "pipeline register stages on every output")
          .plain_range(0, Limits::kMaxRegs)
          .shown(Shown::AsNamed),
      Row("encoding", "--encoding", &D::encoding, "encoding of operand A")
          .by_default("booth")
          .choices({"and", "booth", "ent"})
          .applies(Applies::BitWeightPe)
          .pe_option(),
      Row("tree", "--tree", &D::tree, "compressor tree")
          .by_default("timing")
          .choices({"dadda", "wallace", "timing"})
          .applies(Applies::BitWeightPe)
          .pe_option(),
      Row("use_42", "--use-42", &D::use_42, "4:2 compressors in the tree").applies(Applies::BitWeightPe).pe_option(),
      Row("final_adder", "--final-adder", &D::final_adder, "read-out adder")
          .by_default("timing")
          .choices({"ripple", "kogge-stone", "brent-kung", "sklansky", "timing", "behavioral"})
          .applies(Applies::BitWeightPe)
          .pe_option(),
      Row("drain", "--drain", &D::drain,
          "how results leave the array (buffered = drain registers, compute goes on meanwhile; shift = the "
          "accumulators shift them out and the next tile waits, see the manifest timing; resolved = opt1: "
          "buffered with binary drain registers, each PE resolving its carry-save pair)")
          .by_default("buffered")
          .choices({"buffered", "shift", "resolved"})
          .applies(Applies::ArchOption)
          .shown(Shown::NonDefault),
      Row("view", "--view", &D::view,
          "structural = the bit-level netlist; behavioral = opt1 only: a twin with the same ports and timing, "
          "arithmetic as + and *, for fast system simulation (proven equal by formal.twin_*)")
          .by_default("structural")
          .choices({"structural", "behavioral"})
          .applies(Applies::BitWeightPe)
          .shown(Shown::NonDefault)
          .pe_option(),
      Row("clock_gate", "--clock-gate", &D::clock_gate,
          "clock-gate idle state (operand, accumulator and drain registers while their valid is 0, weight banks): "
          "a latch-based gate per register group, the liberty's integrated clock-gating cell after synthesis")
          .shown(Shown::NonDefault),
      Row("inject_bug", "--inject-bug", &D::inject_bug,
          "test only: 'adder' breaks the accumulator adder, 'lockstep' lets the encoders of an opt4c/opt4e step "
          "take operands on their own, 'axi_drop' breaks the AXI output serializer, 'clock_gate' (with --clock-gate) "
          "lets every clock gate pass the clock, 'gemm_collect' drops the last column's results, 'gemm_pad' "
          "leaves stale lanes in C's padding, 'seq_spacing' ignores the tile spacing and 'seq_pad' feeds the k >= K "
          "lanes unmasked, 'driver_pack' makes the generated C driver pack A's column 1 wrong (with --wrap axi-gemm), 'lint' "
          "adds a wire nothing reads (a verilator -Wall warning, for sim --lint)")
          .by_default("none")
          .choices({"adder", "lockstep", "axi_drop", "clock_gate", "gemm_collect", "gemm_pad", "seq_spacing", "seq_pad", "driver_pack", "lint"})
          .shown(Shown::NonDefault)
          .pe_option()
          .hidden(),
      Row("wrap", "--wrap", &D::wrap,
          "wrapper around the engine (axi = AXI4-Stream records, AXI4-Lite registers; axi-gemm = the subsystem "
          "that owns the schedule: M, K, N over AXI4-Lite, B and A in, C out over AXI4-Stream)")
          .choices({"none", "axi", "axi-gemm"})
          .shown(Shown::NonDefault),
      Row("axis_width", "--axis-width", &D::axis_width, "tdata bits of the streams")
          .range(Limits::kMinAxis, Limits::kMaxAxis)
          .range_doc("a multiple of 8 in 8..1024")
          .applies(Applies::AxiWrap),
  };
  return fields;
}

template <class E>
E parse_enum(const std::string& s) {
  if constexpr (std::is_same_v<E, Encoding>) return arith::parse_encoding(s);
  if constexpr (std::is_same_v<E, TreeKind>) return arith::parse_tree(s);
  if constexpr (std::is_same_v<E, AdderKind>) return arith::parse_adder(s);
}

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

// The field's member of c, typed: visit(f, c, [](auto& value) {...}).
template <class C, class Fn>
decltype(auto) visit(const ConfigField& f, C& c, Fn&& fn) {
  return std::visit([&](auto m) -> decltype(auto) { return fn(c.*m); }, f.member);
}

bool int_fits(const nlohmann::json& v) {
  // get<int>() would silently accept true, 2.5 and 2^32 + 1 (as 1, 2 and 1).
  return v.is_number_unsigned() ? v.get<uint64_t>() <= static_cast<uint64_t>(INT_MAX)
         : v.is_number_integer() ? v.get<int64_t>() >= INT_MIN && v.get<int64_t>() <= INT_MAX
                                 : false;
}

}  // namespace

const std::vector<ConfigField>& config_fields() { return table(); }

const ConfigField& config_field(const std::string& key) {
  for (const ConfigField& f : table())
    if (key == f.key) return f;
  throw std::out_of_range("no configuration field '" + key + "'");
}

const char* field_type(const ConfigField& f) {
  static const DesignConfig any;
  return visit(f, any, [](const auto& v) {
    using T = std::decay_t<decltype(v)>;
    return std::is_same_v<T, int> ? "int" : std::is_same_v<T, bool> ? "bool" : IsOptional<T>::value ? "enum" : "string";
  });
}

std::string field_default_doc(const ConfigField& f) {
  if (f.required) return "";
  if (f.default_doc) return f.default_doc;
  const DesignConfig d;
  return field_text(f, d);
}

std::string field_range_doc(const ConfigField& f) {
  if (f.range_doc) return f.range_doc;
  if (!f.choices.empty()) return fmt::format("{}", fmt::join(f.choices, " | "));
  if (f.min <= f.max) return fmt::format("{}..{}", f.min, f.max);
  return "true | false";
}

bool field_given(const ConfigField& f, const DesignConfig& c) {
  static const DesignConfig defaults;
  return !field_equal(f, c, defaults);
}

bool field_at_default(const ConfigField& f, const DesignConfig& c) {
  // A choice that resolve() filled in from the table (encoding "booth", drain "buffered").
  if (f.default_doc && !f.choices.empty() && field_text(f, c) == f.default_doc) return true;
  return !field_given(f, c);
}

bool field_equal(const ConfigField& f, const DesignConfig& a, const DesignConfig& b) {
  return std::visit([&](auto m) { return a.*m == b.*m; }, f.member);
}

void copy_field(const ConfigField& f, DesignConfig& to, const DesignConfig& from) {
  std::visit([&](auto m) { to.*m = from.*m; }, f.member);
}

void reset_field(const ConfigField& f, DesignConfig& c) { copy_field(f, c, DesignConfig{}); }

nlohmann::json field_json(const ConfigField& f, const DesignConfig& c) {
  return visit(f, c, [](const auto& v) -> nlohmann::json {
    using T = std::decay_t<decltype(v)>;
    if constexpr (IsOptional<T>::value)
      return v ? nlohmann::json(arith::to_string(*v)) : nlohmann::json(nullptr);
    else
      return v;
  });
}

std::string field_text(const ConfigField& f, const DesignConfig& c) {
  return visit(f, c, [](const auto& v) -> std::string {
    using T = std::decay_t<decltype(v)>;
    if constexpr (IsOptional<T>::value)
      return v ? arith::to_string(*v) : "";
    else if constexpr (std::is_same_v<T, bool>)
      return v ? "true" : "false";
    else if constexpr (std::is_same_v<T, int>)
      return std::to_string(v);
    else
      return v;
  });
}

void set_field_text(const ConfigField& f, DesignConfig& c, const std::string& text) {
  visit(f, c, [&](auto& v) {
    using T = std::decay_t<decltype(v)>;
    if constexpr (IsOptional<T>::value) {
      try {
        v = parse_enum<typename T::value_type>(text);
      } catch (const std::invalid_argument&) {
        throw ConfigError(invalid_choice(f.flag, text, f.choices));
      }
    } else if constexpr (std::is_same_v<T, std::string>) {
      v = text;
    } else {
      throw std::logic_error(std::string("set_field_text: ") + f.key + " is not text");
    }
  });
}

void set_field_json(const ConfigField& f, DesignConfig& c, const nlohmann::json& v, const std::string& origin) {
  const bool ok = visit(f, c, [&](auto& value) {
    using T = std::decay_t<decltype(value)>;
    if constexpr (std::is_same_v<T, bool>) return v.is_boolean();
    else if constexpr (std::is_same_v<T, int>) return int_fits(v);
    else return v.is_string();
  });
  if (!ok) throw ConfigError(fmt::format("invalid {} in config file {}: wrong type", f.key, origin));
  visit(f, c, [&](auto& value) {
    using T = std::decay_t<decltype(value)>;
    if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, int>) value = v.get<T>();
    else set_field_text(f, c, v.get<std::string>());
  });
}

}  // namespace tpegen

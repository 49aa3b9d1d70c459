// The one table of DesignConfig's fields: name (JSON key), flag, type, default, range and
// where each applies. The CLI flags, the JSON config in (--config, sweeps) and out
// (manifest "config"), the reproduce command, the summary line, operator== and the
// baseline's PE options are all loops over it, so a new field is one row here (plus its
// member in DesignConfig and its rule in resolve() when it has one). Plain data: which
// designs a field applies to is decided in arch/design_fields.hpp, from the registry.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "config/design_config.hpp"

namespace tpegen {

/// The designs a field means something for; elsewhere it keeps its default.
enum class Applies {
  All,
  BitWeightPe,  // PE variants built from bit heaps (arch/pe_traits.hpp); rejected for other PEs
  ArchOption,   // architectures whose descriptor lists the key in `options`; rejected elsewhere
  AxiWrap,      // --wrap axi; ignored without it (a sweep may grid wrap over a base that sets it)
};

/// The hardware dimension a field sets (the architecture's DimInfo says what it means).
enum class Dim { None, Rows, Cols, Depth };

/// When a field that applies is written out (JSON config, reproduce command, summary line).
/// A bool that is false never appears in the command or the summary (it is a bare flag or
/// word there), unless it has an off_flag.
enum class Shown {
  Always,
  // JSON and summary always; the reproduce command only when the canonical name shows it
  // (dimensions: dim_named; other fields: when not at their default).
  AsNamed,
  // Only when not at its default: fields added after designs were published, so that the
  // existing designs' manifests, banners and commands stay as they were.
  NonDefault,
};

/// The three surfaces that write a configuration out.
enum class Surface { Json, Command, Summary };

using FieldMember =
    std::variant<std::string DesignConfig::*, int DesignConfig::*, bool DesignConfig::*,
                 std::optional<arith::Encoding> DesignConfig::*, std::optional<arith::TreeKind> DesignConfig::*,
                 std::optional<arith::AdderKind> DesignConfig::*>;

struct ConfigField {
  const char* key;         // JSON key and name in the summary line
  const char* flag;        // command-line flag
  FieldMember member;
  const char* help;        // --help text, without range and default
  // Default as documented; nullptr: the value of DesignConfig{}. For enums and drain it is
  // also what resolve() fills in where the field applies.
  const char* default_doc = nullptr;
  Dim dim = Dim::None;             // rows, cols, depth: the architecture's dimension
  long long min = 0, max = -1;     // integer range (min > max: none); see plain_range
  bool plain_range = false;        // resolve() checks min..max and nothing else
  const char* range_doc = nullptr; // valid values as documented; nullptr: from min..max or choices
  std::vector<std::string> choices = {};  // strings and enums: valid values (empty: any, see resolve)
  Applies applies = Applies::All;
  Shown shown = Shown::Always;
  const char* off_flag = nullptr;  // a bool's flag for false (--unsigned); its summary word drops the --
  bool pe_option = false;          // belongs to the PE variant: a baseline may differ in it
  bool hidden = false;             // test only (--inject-bug): not in --help, config_keys or docs
  bool required = false;           // no default: the command line or --config must give it
};

/// Every field, in the order of help, summary line and reproduce command.
const std::vector<ConfigField>& config_fields();

/// The field with this JSON key; throws std::out_of_range for an unknown key.
const ConfigField& config_field(const std::string& key);

/// "int", "bool", "string" or "enum" (for docs and `tpegen list --json`).
const char* field_type(const ConfigField& f);
/// The default as documented ("" for a required field).
std::string field_default_doc(const ConfigField& f);
std::string field_range_doc(const ConfigField& f);
/// Whether the field differs from DesignConfig{} (was given, for an unresolved design).
bool field_given(const ConfigField& f, const DesignConfig& c);
/// Whether the field is at its default: as in DesignConfig{}, or the choice resolve() fills in.
bool field_at_default(const ConfigField& f, const DesignConfig& c);
bool field_equal(const ConfigField& f, const DesignConfig& a, const DesignConfig& b);
void copy_field(const ConfigField& f, DesignConfig& to, const DesignConfig& from);
void reset_field(const ConfigField& f, DesignConfig& c);

nlohmann::json field_json(const ConfigField& f, const DesignConfig& c);
/// The value as the command line spells it ("booth", "16", "true").
std::string field_text(const ConfigField& f, const DesignConfig& c);
/// Sets the field from a JSON value; throws ConfigError naming the key and `origin` for a
/// wrong type, and naming the flag and the valid values for an unknown enum value.
void set_field_json(const ConfigField& f, DesignConfig& c, const nlohmann::json& v, const std::string& origin);
/// Sets an enum field from its text; throws ConfigError naming the flag and valid values.
void set_field_text(const ConfigField& f, DesignConfig& c, const std::string& text);

}  // namespace tpegen

// The field table (config/config_fields.hpp) applied to designs: which fields a design takes
// and shows depends on its architecture and PE, which the registry knows.
#pragma once

#include <string>

#include "config/config_fields.hpp"

namespace tpegen {

struct ArchDescriptor;
struct DimInfo;

/// The architecture's meaning of a dimension field (f.dim != Dim::None).
const DimInfo& arch_dim(const ArchDescriptor& a, Dim d);

/// Which designs the field applies to, as the docs say it ("all", "--pe opt1 and opt2", ...),
/// from the registry.
std::string applies_doc(const ConfigField& f);

/// Whether the field means something for design c (its PE, architecture, wrapper).
bool field_applies(const ConfigField& f, const DesignConfig& c);

/// Whether a resolved design's field is written on this surface.
bool field_shown(const ConfigField& f, const DesignConfig& c, Surface s);

/// The shown fields of a resolved design as words of the summary line ("rows=4 signed
/// acc_wrap") or of the command line ("--rows 4 --signed --acc-wrap"), space-separated.
std::string field_words(const DesignConfig& c, Surface s);

/// One line per parameter ("arch: systolic-os", ...), for the banner of generated files.
std::string describe(const DesignConfig& resolved);

}  // namespace tpegen

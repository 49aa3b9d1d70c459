// CLI11's classes by name only. Including <CLI/CLI.hpp> costs about 6 s of compile time per
// translation unit (its validators are built in each one), so headers forward-declare and only
// the files that define flags or parse include it.
#pragma once

namespace CLI {
class App;
class FormatterBase;
class Option;
class ParseError;
class Validator;
}  // namespace CLI

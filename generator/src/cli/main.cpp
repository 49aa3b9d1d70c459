// tpegen: generator of Verilog tensor processing engines.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "cli/parse_errors.hpp"
#include "config/design_config.hpp"
#include "util/run.hpp"

int main(int argc, char** argv) {
  CLI::App app;
  tpegen::cli::setup_app(app);
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (const std::string problem = tpegen::cli::check_subcommand(app, args); !problem.empty()) {
    fmt::print(stderr, "tpegen: error: {}\n", problem);
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    fmt::print(stderr, "tpegen: error: {}\n", tpegen::cli::describe_parse_error(app, e, args));
    return 2;
  } catch (const tpegen::ExitStatus& e) {
    return e.code;
  } catch (const tpegen::ConfigError& e) {
    fmt::print(stderr, "tpegen: error: {}\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "tpegen: error: {}\n", e.what());
    return 1;
  }
  return 0;
}

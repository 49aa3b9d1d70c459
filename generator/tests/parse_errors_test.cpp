// Unit tests of the command-line error messages (cli/parse_errors.hpp).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/parse_errors.hpp"

using tpegen::cli::check_subcommand;

TEST_CASE("check_subcommand: known, unknown with a suggestion, missing, help") {
  CLI::App app;
  app.add_subcommand("generate", "");
  app.add_subcommand("synth", "");
  CHECK(check_subcommand(app, {"generate", "--arch", "cube"}) == "");
  CHECK(check_subcommand(app, {"--help"}) == "");
  CHECK(check_subcommand(app, {"generat"}).find("unknown command 'generat'; did you mean 'generate'?") == 0);
  CHECK(check_subcommand(app, {"place"}).find("did you mean") == std::string::npos);
  CHECK(check_subcommand(app, {}).find("a command is required: generate, synth") == 0);
}

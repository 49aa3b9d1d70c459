#!/usr/bin/env bash
# Installs the Debian packages tpegen needs to build, test, simulate and synthesize.
# Does nothing when everything is present; installs what is missing when run as root;
# otherwise prints the apt-get command to run and fails.
set -euo pipefail

# package:probe (a command on PATH, or a header/file that the -dev package installs)
needs=(
  "g++:g++"
  "cmake:cmake"
  "ninja-build:ninja"
  "verilator:verilator"
  "yosys:yosys"
  "iverilog:iverilog"
  "opensta:sta"
  "nextpnr-ice40:nextpnr-ice40"
  "ccache:ccache"
  "python3:python3"
  "xz-utils:xz"
  "libfmt-dev:/usr/include/fmt/format.h"
  "libcli11-dev:/usr/include/CLI/CLI.hpp"
  "doctest-dev:/usr/include/doctest/doctest.h"
  "nlohmann-json3-dev:/usr/include/nlohmann/json.hpp"
  # make docs and the docs.build test
  "mkdocs:mkdocs"
  # tpegen sweep --executor slurm and its test against a one-node Slurm on localhost
  "slurm-wlm:/usr/sbin/slurmctld"
  "slurm-client:sbatch"
  "munge:/usr/sbin/munged"
)

missing=()
for entry in "${needs[@]}"; do
  pkg=${entry%%:*}; probe=${entry#*:}
  if [[ $probe == /* ]]; then [ -e "$probe" ] || missing+=("$pkg")
  else command -v "$probe" >/dev/null 2>&1 || missing+=("$pkg"); fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install_deps: all tools present"
  exit 0
fi

echo "install_deps: missing Debian packages: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "install_deps: not root; run:  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install_deps: installed ${missing[*]}"

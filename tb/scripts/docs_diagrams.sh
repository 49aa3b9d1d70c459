#!/usr/bin/env bash
# The architecture pictures of the docs: docs/img/<arch>.svg for every architecture, drawn by
# `tpegen diagram` at a small size with a representative PE. With --check, draws them into
# WORKDIR, checks that each is well-formed XML and compares it with the committed file.
# usage: docs_diagrams.sh TPEGEN REPO_ROOT WORKDIR [--check]
set -euo pipefail
tpegen=$1; root=$2; work=$3; mode=${4:-}
# One line per architecture: name, then its flags.
designs=(
  "systolic-os --pe opt1 --rows 4 --cols 4"
  "systolic-ws --pe opt1 --rows 4 --cols 4"
  "cube --pe opt2 --rows 4 --cols 4 --depth 4"
  "mac-tree --pe opt1 --cols 4 --depth 8"
  "matrix2d --pe opt1 --rows 4 --cols 4 --depth 2"
  "opt4c --pe opt3 --cols 4"
  "opt4e --pe opt3 --cols 4 --depth 4"
  "bitslice --pe laconic --cols 4"
)
archs=$("$tpegen" list | sed -n 's/^  \([a-z0-9-]*\): .*/\1/p')
rm -rf "$work"; mkdir -p "$work"
status=0
for arch in $archs; do
  flags=""
  for d in "${designs[@]}"; do [ "${d%% *}" = "$arch" ] && flags=${d#* }; done
  [ -n "$flags" ] || { echo "docs_diagrams.sh: no diagram flags for architecture $arch: add a line"; exit 1; }
  # shellcheck disable=SC2086  # the flags are words
  "$tpegen" diagram --arch "$arch" $flags -o "$work/$arch.svg" >/dev/null
  python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$work/$arch.svg" ||
    { echo "NOT WELL-FORMED: $work/$arch.svg"; status=1; continue; }
  if [ "$mode" != "--check" ]; then
    mkdir -p "$root/docs/img"; cp "$work/$arch.svg" "$root/docs/img/$arch.svg"; echo "wrote docs/img/$arch.svg"
  elif cmp -s "$root/docs/img/$arch.svg" "$work/$arch.svg"; then
    echo "current: docs/img/$arch.svg"
  else
    echo "DIFFERS: docs/img/$arch.svg (new: $work/$arch.svg); run make docs-diagrams"; status=1
  fi
done
exit $status

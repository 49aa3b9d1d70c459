#!/usr/bin/env bash
# The committed reference pages (docs/reference/*.md written by `tpegen docs`) are what the code
# produces now: regenerates them into a scratch folder and compares each one byte for byte.
# usage: check_docs_reference.sh TPEGEN SOURCE_DIR WORK
set -uo pipefail
tpegen=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work" || exit 1
"$tpegen" docs --out "$work" >/dev/null || { echo "check_docs_reference: tpegen docs failed"; exit 1; }
status=0
for page in cli config architectures manifest; do
  if [ ! -f "$src/docs/reference/$page.md" ]; then
    echo "check_docs_reference: docs/reference/$page.md is missing: run \`make docs-reference\` and commit it"
    status=1
  elif ! diff -u "$src/docs/reference/$page.md" "$work/$page.md" > "$work/$page.diff"; then
    head -n 40 "$work/$page.diff"
    echo "check_docs_reference: docs/reference/$page.md differs from what the code produces: run \`make docs-reference\` and commit it"
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "check_docs_reference: the 4 reference pages are current"
exit "$status"

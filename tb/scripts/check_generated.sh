#!/usr/bin/env bash
# Regenerates the committed default designs of generated/ and compares them byte for byte.
# usage: check_generated.sh TPEGEN REPO_ROOT WORKDIR [--update]
set -euo pipefail
tpegen=$1; root=$2; work=$3; mode=${4:-}
archs=$("$tpegen" list | sed -n 's/^  \([a-z0-9-]*\): .*/\1/p')
[ -n "$archs" ] || { echo "tpegen list printed no architectures"; exit 1; }
rm -rf "$work"; mkdir -p "$work"
status=0
for arch in $archs; do
  "$tpegen" generate --arch "$arch" -o "$work/$arch" >/dev/null
  if [ "$mode" = "--update" ]; then
    rm -rf "$root/generated/$arch"; cp -r "$work/$arch" "$root/generated/$arch"; echo "updated generated/$arch"
  elif diff -r "$root/generated/$arch" "$work/$arch" >"$work/$arch.diff"; then
    echo "identical: generated/$arch"
  else
    echo "DIFFERS: generated/$arch (see $work/$arch.diff; 'make golden-update' rewrites it)"; head -20 "$work/$arch.diff"; status=1
  fi
done
# Every committed design must still be produced by some architecture.
for d in "$root"/generated/*/; do
  [ -d "$work/$(basename "$d")" ] || { echo "STALE: generated/$(basename "$d") matches no architecture"; status=1; }
done
exit $status

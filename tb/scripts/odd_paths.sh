#!/usr/bin/env bash
# Paths with spaces, ';', '[', ']', '$' and quotes: a liberty file or an output folder at
# such a path works; a work folder at such a path (ABC and make would split it) is refused
# with one line and exit 2. Nothing is interpreted by a shell.
# usage: odd_paths.sh TPEGEN WORKDIR LIBERTY
set -euo pipefail
tpegen=$1; work=$2; liberty=$3
rm -rf "$work"; mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }
odd="$work/a b;c [x] \$HOME 'q\""
mkdir -p "$odd"
ln -s "$(readlink -f "$liberty")" "$odd/lib [1];\$x 'y\".lib"

# A liberty file at an odd path: synthesis, timing and one fmax-search step work.
out=$("$tpegen" synth --arch mac-tree --cols 2 --depth 2 --liberty "$odd/lib [1];\$x 'y\".lib" \
      --work "$work/synth" --fmax-search 1) || fail "synth with an odd liberty path: $out"
grep -q "^area_um2: [0-9]" <<<"$out" || fail "no area: $out"
grep -q "^fmax_search_mhz: [0-9]" <<<"$out" || fail "no fmax search: $out"

# An output folder at an odd path: generate writes there as asked.
"$tpegen" generate --arch cube --rows 2 --cols 2 --depth 2 -o "$odd/out" > /dev/null
[ -f "$odd/out/manifest.json" ] || fail "generate into an odd path wrote nothing"

# A work folder at an odd path: one clear line, exit 2, nothing created.
for cmd in "synth --no-liberty" "sim --trials 1"; do
  set +e
  # shellcheck disable=SC2086
  err=$("$tpegen" $cmd --arch mac-tree --cols 2 --depth 2 --work "$odd/work" 2>&1); status=$?
  set -e
  [ "$status" -eq 2 ] || fail "$cmd --work odd: exit $status ($err)"
  [ "$(wc -l <<<"$err")" -eq 1 ] && grep -q "^tpegen: error: invalid --work = .*the tools cannot work in a folder whose path contains ' '" <<<"$err" \
    || fail "$cmd --work odd: message: $err"
  [ ! -e "$odd/work" ] || fail "$cmd created the refused work folder"
done
echo "odd paths ok: liberty at an odd path works (synth, STA, fmax search), -o works, odd --work refused"

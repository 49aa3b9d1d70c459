#!/usr/bin/env bash
# A user's files are never lost: regenerating into a folder tpegen wrote keeps the files
# it did not write (and says so), refuses to overwrite one of them without --force, and
# synth/sim/sweep refuse a --work folder that holds files and is not a tpegen work folder.
# usage: user_files.sh TPEGEN WORKDIR
set -euo pipefail
manifest_field=$(cd "$(dirname "$0")" && pwd)/manifest_field.py
tpegen=$1; work=$2
rm -rf "$work"; mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }

# generate --arch cube, add a wrapper, regenerate a different size without --force.
out="$work/out"
"$tpegen" generate --arch cube -o "$out" > /dev/null
echo "module my_wrapper; endmodule" > "$out/my_wrapper.v"
mkdir -p "$out/rtl/mine" && echo "note" > "$out/rtl/mine/note.txt"
msg=$("$tpegen" generate --arch cube --rows 4 -o "$out")
[ "$(cat "$out/my_wrapper.v")" = "module my_wrapper; endmodule" ] || fail "my_wrapper.v lost"
[ -f "$out/rtl/mine/note.txt" ] || fail "rtl/mine/note.txt lost"
grep -q "kept 2 entries not written by tpegen in .*: my_wrapper.v, rtl/mine/note.txt" <<<"$msg" || fail "no note naming the kept files: $msg"
grep -q "tpe_cube_mac_r4c8d8" "$out/files.f" || fail "the new design was not written"
ls "$out/rtl" | grep -q "r8c8d8" && fail "the old design's RTL is still there"

# A user's file with the name of a file the new design writes: refused, named, untouched.
"$tpegen" generate --arch mac-tree --cols 2 --depth 2 -o "$out" > /dev/null
top=$("$manifest_field" "$out" top)
"$tpegen" generate --arch cube -o "$work/other" > /dev/null
cube_top=$("$manifest_field" "$work/other" top)
echo "my own file" > "$out/$cube_top.core"
set +e
err=$("$tpegen" generate --arch cube -o "$out" 2>&1); status=$?
set -e
[ "$status" -eq 2 ] || fail "overwriting a user's file: exit $status, expected 2"
grep -q "tpegen: error: invalid -o = .*would overwrite: $cube_top.core; .*--force" <<<"$err" || fail "message: $err"
[ "$(cat "$out/$cube_top.core")" = "my own file" ] || fail "the user's file changed"
grep -q "$top" "$out/files.f" || fail "the previous design changed"
"$tpegen" generate --arch cube --force -o "$out" > /dev/null
grep -q "CAPI=2" "$out/$cube_top.core" || fail "--force did not overwrite"

# Work folders: a folder with files of the user's is refused by synth, sim and sweep.
user_dir="$work/user"
mkdir -p "$user_dir" && echo "keep" > "$user_dir/synth.ys"
check_refused() {
  set +e
  local err; err=$("$@" 2>&1); local status=$?
  set -e
  [ "$status" -eq 2 ] || fail "$*: exit $status, expected 2 ($err)"
  grep -q "is not a tpegen work directory" <<<"$err" || fail "$*: message: $err"
  [ "$(cat "$user_dir/synth.ys")" = "keep" ] || fail "$*: the user's file changed"
}
check_refused "$tpegen" synth --arch mac-tree --cols 2 --depth 2 --no-liberty --work "$user_dir"
check_refused "$tpegen" sim --arch mac-tree --cols 2 --depth 2 --trials 1 --work "$user_dir"
echo '{"base": {"arch": "mac-tree", "cols": 2, "depth": 2}}' > "$work/sweep.json"
check_refused "$tpegen" sweep "$work/sweep.json" --no-liberty --work "$user_dir"
check_refused "$tpegen" sweep "$work/sweep.json" --no-liberty --work "$work/sweep-ok" -o "$user_dir"
[ ! -e "$work/sweep-ok" ] || fail "a refused -o left a new --work folder behind"
# An -o inside a new --work folder (as make sweep-paper names them) is accepted.
"$tpegen" sweep "$work/sweep.json" --no-liberty --dry-run --work "$work/sweep-nest" -o "$work/sweep-nest/out" > /dev/null
rm -rf "$work/sweep-nest"
"$tpegen" sweep "$work/sweep.json" --no-liberty --no-timing --work "$work/sweep-nest" -o "$work/sweep-nest/out" \
  > "$work/sweep-nest.log" 2>&1 || { cat "$work/sweep-nest.log"; fail "sweep refused an -o inside its new --work"; }
[ -f "$work/sweep-nest/out/results.csv" ] || fail "sweep with -o inside --work wrote no results.csv"
[ "$(ls -A "$user_dir")" = "synth.ys" ] || fail "something was written into the user's folder"
echo "user files ok: kept on regenerate, overwrite refused, foreign --work/-o refused (synth, sim, sweep)"

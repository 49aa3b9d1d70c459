#!/usr/bin/env bash
# Every command's --help reads as prose: no CLI11 placeholders such as UINT:UINT or TEXT:FILE, no
# "(default required)", no sentinel defaults (-2147483648), and no empty "(default )".
# The commands are read from `tpegen --help`, so a new one is checked without editing this.
# usage: check_help_text.sh TPEGEN
set -uo pipefail
tpegen=$1
commands=$("$tpegen" --help | awk '/^Subcommands:/ {on = 1; next} on && NF {print $1}')
[ -n "$commands" ] || { echo "check_help_text: no commands found in tpegen --help"; exit 1; }
bad='(\b(U?INT|FLOAT|NUMBER|TEXT|FILE|DIR):[A-Za-z]|\bUINT\b|\(default required\)|\(default \)|-2147483648|=\[\])'
status=0 count=0
for cmd in "" $commands; do
  out=$("$tpegen" $cmd --help) || { echo "check_help_text: tpegen $cmd --help failed"; status=1; continue; }
  count=$((count + 1))
  if printf '%s\n' "$out" | grep -En -- "$bad"; then
    echo "check_help_text: tpegen $cmd --help shows a placeholder or a bad default (above)"
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "check_help_text: $count help texts clean"
exit "$status"

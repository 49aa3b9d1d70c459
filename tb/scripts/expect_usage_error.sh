#!/usr/bin/env bash
# A command-line mistake must end the project's way: exit status 2, nothing on stdout and
# exactly one line on stderr, "tpegen: error: ..." matching the extended regex.
# usage: expect_usage_error.sh REGEX command [args...]
set -uo pipefail
regex=$1; shift
err=$(mktemp); trap 'rm -f "$err"' EXIT
out=$("$@" 2>"$err"); status=$?
cat "$err"
[ "$status" -eq 2 ] || { echo "expect_usage_error: exit status $status, expected 2"; exit 1; }
[ -z "$out" ] || { echo "expect_usage_error: unexpected stdout: $out"; exit 1; }
[ "$(wc -l < "$err")" -eq 1 ] || { echo "expect_usage_error: expected one line on stderr"; exit 1; }
grep -Eq -- "^tpegen: error: .*$regex" "$err" || { echo "expect_usage_error: stderr does not match /$regex/"; exit 1; }
echo "expect_usage_error: exit 2 with one matching line, as expected"

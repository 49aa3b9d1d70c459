#!/usr/bin/env bash
# Runs a command that must fail: exits 0 only when the command exits non-zero AND its
# output matches the extended regex, so a test can tell the failure it expects from any other.
# usage: expect_failure.sh REGEX command [args...]
set -uo pipefail
regex=$1; shift
out=$("$@" 2>&1); status=$?
printf '%s\n' "$out" | tail -n 20
if [ "$status" -eq 0 ]; then echo "expect_failure: command succeeded but should have failed"; exit 1; fi
if ! printf '%s\n' "$out" | grep -Eq -- "$regex"; then echo "expect_failure: output does not match /$regex/"; exit 1; fi
echo "expect_failure: failed as expected (exit $status)"

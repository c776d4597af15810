#!/usr/bin/env bash
# Runs the whole test suite from a fresh clone: installs what the tests need, builds, tests,
# and ends with one plain "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
dotnet test BulletinIngest.sln --nologo -v q 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
summary=$(grep -E '(Passed|Failed)!? +- +Failed: +[0-9]+, Passed: +[0-9]+' "$log" | tail -n 1 || true)
failed=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$summary")
passed=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"

#!/usr/bin/env bash
# Runs the whole test suite from a fresh clone: installs what the tests need, builds, tests,
# and ends with one plain "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."

# The report test opens the HTML page in headless Chromium (Debian's package).
if ! command -v chromium >/dev/null 2>&1; then
  { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } ||
    echo "warning: could not install chromium; the report test will fail" >&2
fi

# No copyleft or unreviewed licence and no known vulnerability may enter the package graph.
dotnet restore BulletinIngest.sln -v q >/dev/null
python3 scripts/check_dependencies.py

log=$(mktemp)
set +e
dotnet test BulletinIngest.sln --nologo -v q 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
summary=$(grep -E '(Passed|Failed)!? +- +Failed: +[0-9]+, Passed: +[0-9]+' "$log" | tail -n 1 || true)
failed=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$summary")
passed=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"

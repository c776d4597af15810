#!/usr/bin/env bash
# Runs the whole test suite from a fresh clone: installs what the tests need, builds, tests,
# and ends with one plain "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."

# The report and web-app tests open pages in headless Chromium and check that Chinese glyphs show (a CJK
# font); the OCR tests run Tesseract with its simplified-Chinese model on pages poppler renders (Debian's
# packages).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-zenhei)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
ls /usr/share/tesseract-ocr/*/tessdata/chi_sim.traineddata >/dev/null 2>&1 ||
  missing+=(tesseract-ocr-chi-sim)
if [ ${#missing[@]} -gt 0 ]; then
  { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; } ||
    echo "warning: could not install ${missing[*]}; the tests that need them will fail" >&2
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

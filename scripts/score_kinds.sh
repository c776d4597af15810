#!/usr/bin/env bash
# How often the document's kind (plan or bulletin, Extraction/Metadata/KindEvidence) is right, against every labelled
# set's documents*.jsonl: a plan read as a bulletin turns every target into an actual, a bulletin read as a plan
# loses its progress, so one wrong kind costs a whole document. Lists the wrong documents of the studied sets
# (samples, dev, the real study half, grown); the measure half, the fresh set, test and blind give totals only.
# Usage: scripts/score_kinds.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./bulletin ingest corpus/bulletins corpus/dev/bulletins corpus/test/bulletins corpus/blind/bulletins \
  corpus/real/docs corpus/real/grown/docs corpus/real/fresh/docs --db "$work/kinds.db" >/dev/null 2>&1 || true

python3 scripts/kinds.py "$work/kinds.db"

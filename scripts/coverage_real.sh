#!/usr/bin/env bash
# Issue 10's coverage measure on the real documents: of the documents with >= 3 required gold figures, how many
# yield 0 figures, and how many of those are marked `suspect` (the only way a document may stay at 0).
# Ingests corpus/real/docs, grown/docs and fresh/docs into a fresh database; prints counts only (the fresh set and
# the measure half are never read, so no document of theirs is named). Usage: scripts/coverage_real.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
folders=(corpus/real/docs)
[ -d corpus/real/grown/docs ] && folders+=(corpus/real/grown/docs)
[ -d corpus/real/fresh/docs ] && folders+=(corpus/real/fresh/docs)
./bulletin ingest "${folders[@]}" --db "$work/real.db" >"$work/ingest.log" || true
./bulletin documents --db "$work/real.db" --format jsonl --out "$work/documents.jsonl" >/dev/null 2>&1
python3 - "$work/documents.jsonl" corpus/real/gold.jsonl corpus/real/grown/gold-*.jsonl corpus/real/fresh/gold*.jsonl <<'PY'
import json, os, sys
from collections import Counter
documents = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8-sig") if line.strip()]
required = Counter()
for path in sys.argv[2:]:
    for line in open(path, encoding="utf-8"):
        if line.strip():
            g = json.loads(line)
            if not g.get("optional"):
                required[os.path.splitext(g["doc"])[0]] += 1
by_stem = {os.path.splitext(os.path.basename(d["doc"]))[0]: d for d in documents}
dense = [s for s, n in required.items() if n >= 3 and s in by_stem]
empty = [s for s in dense if int(by_stem[s]["figures"]) == 0]
silent = [s for s in empty if by_stem[s]["status"] != "suspect"]
print(f"documents with >= 3 required gold figures: {len(dense)}; with 0 figures: {len(empty)}; "
      f"of those not suspect: {len(silent)}")
sys.exit(1 if silent else 0)
PY

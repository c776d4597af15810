#!/usr/bin/env bash
# What to do with an uncertain kind (Learning/KindModel.UncertainFrom–To), measured on the studied sets only (the study
# half of corpus/real and the grown sets; never the measure half or fresh): each document's leave-set-out P(plan)
# (`train --kind --mentions`, a kind model that never saw the document's set), every document read as a plan and as a
# bulletin (BULLETIN_KIND), and per band of P what each policy keeps (scripts/kind_policy.py). About half a minute once built.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./bulletin train --kind --out "$work/models" --mentions "$work/crossfit.tsv" >/dev/null
mkdir "$work/study"
awk -F'\t' 'NR > 1 && $2 == "study" { print $1 }' corpus/real/split.tsv | while read -r f; do cp "corpus/real/docs/$f" "$work/study/"; done
python3 - "$work/study" corpus/real/gold.jsonl >"$work/gold.jsonl" <<'PY'
import json, os, sys
docs = {f.removesuffix(".txt") for f in os.listdir(sys.argv[1])}
for line in open(sys.argv[2], encoding="utf-8"):
    if json.loads(line)["doc"].removesuffix(".txt") in docs:
        print(line, end="")
PY
cat corpus/real/grown/gold*.jsonl >>"$work/gold.jsonl"
for kind in plan bulletin; do
  BULLETIN_KIND=$kind ./bulletin ingest "$work/study" corpus/real/grown/docs --db "$work/$kind.db" >/dev/null || true
  ./bulletin export --db "$work/$kind.db" --format jsonl --out "$work/$kind.jsonl" >/dev/null
done
python3 scripts/kind_policy.py "$work/crossfit.tsv" "$work/gold.jsonl" "$work/plan.jsonl" "$work/bulletin.jsonl" models/rules/kind-cues.tsv

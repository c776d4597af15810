#!/usr/bin/env bash
# Ingests the real bulletins (corpus/real/docs, and corpus/real/grown/docs and corpus/real/fresh/docs when present)
# into a fresh database, exports the figures and scores them with the referee, shared/tools/score.py, once per half
# of corpus/real/split.tsv (study, measure), for the grown set and for the fresh set (measure only: never read to
# find failures, see corpus/real/fresh/README.md). Usage: scripts/score_real.sh [--per-doc]
# With KEEP_PRED=FILE the exported predictions are kept there (for scripts/why_missed.py FILE SET --docs).
set -euo pipefail
cd "$(dirname "$0")/.."
score=../shared/tools/score.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
folders=(corpus/real/docs)
[ -d corpus/real/grown/docs ] && folders+=(corpus/real/grown/docs)
[ -d corpus/real/fresh/docs ] && folders+=(corpus/real/fresh/docs)
./bulletin ingest "${folders[@]}" --db "$work/real.db" >"$work/ingest.log" || true
tail -n 2 "$work/ingest.log"
./bulletin export --db "$work/real.db" --format jsonl --out "$work/pred.jsonl" >/dev/null
[ -n "${KEEP_PRED:-}" ] && cp "$work/pred.jsonl" "$KEEP_PRED"
for half in study measure; do
  awk -F'\t' -v h="$half" 'NR > 1 && $2 == h { sub(/\.txt$/, "", $1); print $1 }' corpus/real/split.tsv >"$work/$half.docs"
  python3 - "$work/$half.docs" corpus/real/gold.jsonl >"$work/$half.gold.jsonl" <<'PY'
import json, sys
docs = set(open(sys.argv[1]).read().split())
for line in open(sys.argv[2], encoding="utf-8"):
    if json.loads(line)["doc"].removesuffix(".txt") in docs:
        print(line, end="")
PY
  echo "== real, $half half"
  python3 "$score" "$work/$half.gold.jsonl" "$work/pred.jsonl" --only-gold-docs "$@" | tail -n 40
done
if compgen -G "corpus/real/grown/gold*.jsonl" >/dev/null; then
  cat corpus/real/grown/gold*.jsonl >"$work/grown.gold.jsonl"
  echo "== real, grown set"
  python3 "$score" "$work/grown.gold.jsonl" "$work/pred.jsonl" --only-gold-docs "$@" | tail -n 40
fi
if compgen -G "corpus/real/fresh/gold*.jsonl" >/dev/null; then
  cat corpus/real/fresh/gold*.jsonl >"$work/fresh.gold.jsonl"   # set E (gold.jsonl), then G, J … (gold-*.jsonl)
  echo "== real, fresh set (measure only)"
  python3 "$score" "$work/fresh.gold.jsonl" "$work/pred.jsonl" --only-gold-docs "$@" | tail -n 40
fi

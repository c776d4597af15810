#!/usr/bin/env bash
# Ingests the real bulletins (corpus/real/docs, and corpus/real/grown/docs and corpus/real/fresh/docs when present)
# into a fresh database, exports the figures and scores them with the referee, shared/tools/score.py, once per half
# of corpus/real/split.tsv (study, measure), for the grown set and for the fresh set (measure only: never read to
# find failures, see corpus/real/fresh/README.md; --per-doc lists the study half's and grown set's documents only). Usage: scripts/score_real.sh [--per-doc] [--neutral-names]
# Every file is scored (export --all-files): the real sets hold distinct documents, and two of them that read as one
# bulletin (same region, date and figures) must not hide one of them.
# With KEEP_PRED=FILE the exported predictions are kept there (for scripts/why_missed.py FILE SET --docs).
# --neutral-names ingests copies named doc001.txt, doc002.txt … in a folder named after no place, so that no path
# evidence (PathEvidence: pinyin or Chinese names in file or folder names) can help, as in an archive of the sites' own
# file names (t20191025_10490632.html); the predictions are mapped back to the real stems before scoring.
set -euo pipefail
cd "$(dirname "$0")/.."
score=../shared/tools/score.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
neutral=false
args=()
for a in "$@"; do if [ "$a" = --neutral-names ]; then neutral=true; else args+=("$a"); fi; done
set -- "${args[@]+"${args[@]}"}"
# The measure half and the fresh set are scored, never read: they get totals only, whatever --per-doc asks.
totals=()
for a in "$@"; do [ "$a" = --per-doc ] || totals+=("$a"); done
folders=(corpus/real/docs)
[ -d corpus/real/grown/docs ] && folders+=(corpus/real/grown/docs)
[ -d corpus/real/fresh/docs ] && folders+=(corpus/real/fresh/docs)
if $neutral; then
  mkdir "$work/archive"
  n=0
  for f in $(for d in "${folders[@]}"; do ls "$d"/*; done); do
    n=$((n + 1)); name=$(printf 'doc%03d.txt' "$n")
    cp "$f" "$work/archive/$name"; printf '%s\t%s\n' "$name" "$(basename "$f")" >>"$work/names.tsv"
  done
  folders=("$work/archive")
fi
./bulletin ingest "${folders[@]}" --db "$work/real.db" >"$work/ingest.log" || true
tail -n 2 "$work/ingest.log"
./bulletin export --db "$work/real.db" --format jsonl --all-files --out "$work/pred.jsonl" >/dev/null
if $neutral; then
  python3 - "$work/names.tsv" "$work/pred.jsonl" <<'PY'
import json, sys
names = dict(line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8"))
rows = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for row in rows:
        doc = str(row.get("doc", "")).replace("\\", "/").rsplit("/", 1)[-1]
        row["doc"] = names.get(doc, doc)
        print(json.dumps(row, ensure_ascii=False), file=out)
PY
fi
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
  if [ "$half" = study ]; then
    python3 "$score" "$work/$half.gold.jsonl" "$work/pred.jsonl" --only-gold-docs "$@" | tail -n 40
  else
    python3 "$score" "$work/$half.gold.jsonl" "$work/pred.jsonl" --only-gold-docs "${totals[@]+"${totals[@]}"}" | tail -n 1
  fi
done
if compgen -G "corpus/real/grown/gold*.jsonl" >/dev/null; then
  cat corpus/real/grown/gold*.jsonl >"$work/grown.gold.jsonl"
  echo "== real, grown set"
  python3 "$score" "$work/grown.gold.jsonl" "$work/pred.jsonl" --only-gold-docs "$@" | tail -n 40
fi
if compgen -G "corpus/real/fresh/gold*.jsonl" >/dev/null; then
  cat corpus/real/fresh/gold*.jsonl >"$work/fresh.gold.jsonl"   # set E (gold.jsonl), then G, J … (gold-*.jsonl)
  echo "== real, fresh set (measure only)"
  python3 "$score" "$work/fresh.gold.jsonl" "$work/pred.jsonl" --only-gold-docs "${totals[@]+"${totals[@]}"}" | tail -n 1
fi

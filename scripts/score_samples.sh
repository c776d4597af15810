#!/usr/bin/env bash
# Scores each rendering of the sample bulletins (one folder a format, one file a bulletin) and the
# hand-written sets against their labels with the referee, shared/tools/score.py.
set -euo pipefail
cd "$(dirname "$0")/.."
score=../shared/tools/score.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() { # name folder gold [file glob]
  local name=$1 folder=$2 gold=$3 glob=${4:-*}
  mkdir -p "$work/$name"
  find "$folder" -maxdepth 1 -type f -name "$glob" -exec cp {} "$work/$name/" \;
  ./bulletin ingest "$work/$name" --db "$work/$name.db" >/dev/null || true
  ./bulletin export --db "$work/$name.db" --format jsonl --out "$work/$name.jsonl" >/dev/null
  # Only the bulletins this folder holds (the scan is one of the five).
  python3 - "$work/$name" "$gold" >"$work/$name.gold.jsonl" <<'PY'
import json, os, sys
stems = {f.split(".")[0] for f in os.listdir(sys.argv[1])}
for line in open(sys.argv[2], encoding="utf-8"):
    if line.strip() and json.loads(line)["doc"].split(".")[0] in stems:
        print(line, end="")
PY
  printf '%-14s ' "$name"; python3 "$score" "$work/$name.gold.jsonl" "$work/$name.jsonl" | tail -n 1
}
run txt corpus/bulletins/txt corpus/labels/figures.jsonl '???_????????????????.txt'
run docx corpus/bulletins/docx corpus/labels/figures.jsonl
for r in lo cairo chrome; do run "pdf-$r" corpus/bulletins/pdf corpus/labels/figures.jsonl "*.$r.pdf"; done
[ -d corpus/web ] && run web corpus/web corpus/labels/figures.jsonl
[ -d corpus/traditional ] && run traditional corpus/traditional corpus/labels/figures.jsonl
run scan tests/fixtures/scan corpus/labels/figures.jsonl '*.scan.pdf'
for set in dev test blind; do run "$set" "corpus/$set/bulletins" "corpus/$set/labels/figures.jsonl"; done

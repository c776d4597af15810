#!/usr/bin/env bash
# End-to-end F1 of the candidate path with the learned role model (issue 10), cross-fitted: the training
# documents (samples, corpus/dev, real study half, grown) are cut into N folds; each fold is ingested with a
# role model trained without it (`bulletin train --roles --holdout K/N`, which also chooses the combination's
# threshold by cross-validation inside its own training documents); the unseen sets (real measure half, fresh
# set: never trained on, never read) with the model of all training documents. Prints score.py's line per set
# and for study+grown and measure+fresh combined, with the rules (BULLETIN_ROLE_MODEL=0) first.
# BULLETIN_ROLE_THRESHOLD=0 scores the model alone instead of the combination.
# Usage: scripts/score_roles.sh [N]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5}
score=../shared/tools/score.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
measure=$(awk -F'\t' 'NR > 1 && $2 == "measure" { print "corpus/real/docs/" $1 }' corpus/real/split.tsv)
fresh=$(ls corpus/real/fresh/docs/*.txt 2>/dev/null || true)
training=$( { ls corpus/labels/figures.jsonl >/dev/null; python3 -c "
import json; print('\n'.join(sorted({'corpus/bulletins/txt/' + json.loads(l)['doc'] for l in open('corpus/labels/figures.jsonl')})))"
  ls corpus/dev/bulletins/*.txt
  awk -F'\t' 'NR > 1 && $2 == "study" { print "corpus/real/docs/" $1 }' corpus/real/split.tsv
  ls corpus/real/grown/docs/*.txt; } )
ingest() { # label, model setting, files...
  local name=$1 setting=$2; shift 2
  BULLETIN_ROLE_MODEL=$setting ./bulletin ingest "$@" --db "$work/$name.db" >/dev/null 2>&1 || true
  ./bulletin export --db "$work/$name.db" --format jsonl --out "$work/$name.jsonl" >/dev/null
}
# shellcheck disable=SC2086
ingest rules 0 $training $measure $fresh
for ((k = 0; k < n; k++)); do
  ./bulletin train --roles --holdout "$k/$n" --out "$work/fold$k" >/dev/null
  # bulletin ingest takes paths relative to here; heldout.txt holds the paths as the training sources name them.
  mapfile -t files < <(sed 's#^\./##' "$work/fold$k/heldout.txt")
  ingest "fold$k" "$work/fold$k/role.model" "${files[@]}"
done
./bulletin train --roles --out "$work/all" >/dev/null
# Training documents without a mention in any fold (none of their numbers is a candidate) go with the measure half.
mapfile -t rest < <(comm -23 <(printf '%s\n' $training | sort) <(sed 's#^\./##' "$work"/fold*/heldout.txt | sort))
# shellcheck disable=SC2086
ingest measure "$work/all/role.model" $measure $fresh "${rest[@]}"
cat "$work"/fold*.jsonl "$work/measure.jsonl" >"$work/model.jsonl"
gold() { # half → gold lines of that half of corpus/real
  python3 - "$1" <<'PY'
import json, sys
half = {l.split('\t')[0] for l in open('corpus/real/split.tsv').read().splitlines()[1:] if l.split('\t')[1] == sys.argv[1]}
for line in open('corpus/real/gold.jsonl', encoding='utf-8'):
    if json.loads(line)['doc'] in half: print(line, end='')
PY
}
gold study >"$work/study.gold"; gold measure >"$work/measure.gold"
cat corpus/real/grown/gold-*.jsonl >"$work/grown.gold"
touch "$work/fresh.gold"; [ -f corpus/real/fresh/gold.jsonl ] && cp corpus/real/fresh/gold.jsonl "$work/fresh.gold"
cat "$work/study.gold" "$work/grown.gold" >"$work/studied.gold"
cat "$work/measure.gold" "$work/fresh.gold" >"$work/unseen.gold"
for pred in rules model; do
  echo "== $pred"
  for set in samples:corpus/labels/figures.jsonl dev:corpus/dev/labels/figures.jsonl study:$work/study.gold grown:$work/grown.gold \
      measure:$work/measure.gold fresh:$work/fresh.gold study+grown:$work/studied.gold measure+fresh:$work/unseen.gold; do
    printf '%-14s ' "${set%%:*}"
    python3 "$score" "${set#*:}" "$work/$pred.jsonl" --only-gold-docs | tail -n 1
  done
done

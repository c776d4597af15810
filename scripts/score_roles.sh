#!/usr/bin/env bash
# End-to-end F1 of the candidate path with the learned role model (issue 10), cross-fitted: the training
# documents (samples, corpus/dev, real study half, grown) are cut into N folds; each fold is ingested with a
# role model trained without it (`bulletin train --roles --holdout K/N`, which also chooses the combination's
# threshold by cross-validation inside its own training documents); the unseen sets (real measure half, fresh
# sets E and G: never trained on, never read) with the model of all training documents. Prints score.py's line per
# set and for study+grown and measure+fresh combined, with the rules (BULLETIN_ROLE_MODEL=0) first, then the model
# at each threshold asked for (default: the one each fold's training chose; 0 = the model alone), then the matched
# count per unseen page, rules against each model column (counts only: the unseen pages are never read).
# Usage: scripts/score_roles.sh [N [T...]]   (default 5 folds, the chosen threshold; e.g. `5 chosen 0.8 0.9`)
# MODEL=grouping scores the learned grouping the same way (`bulletin train --grouping`, BULLETIN_GROUPING_MODEL;
# its rules column is the hand grouping, BULLETIN_GROUPING_MODEL=0, with the shipped role model; name the threshold,
# e.g. `MODEL=grouping scripts/score_roles.sh 5 0.3`: `chosen` is the 0.5 that `train --grouping` writes by default).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5}
shift || true
thresholds=("$@")
[ ${#thresholds[@]} -eq 0 ] && thresholds=(chosen)
model=${MODEL:-roles}
case $model in
  roles) model_var=BULLETIN_ROLE_MODEL threshold_var=BULLETIN_ROLE_THRESHOLD file=role.model ;;
  grouping) model_var=BULLETIN_GROUPING_MODEL threshold_var=BULLETIN_GROUPING_THRESHOLD file=grouping.model ;;
  *) echo "MODEL is roles or grouping" >&2; exit 2 ;;
esac
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
ingest() { # label, model setting, threshold (chosen: the model's own), files...
  local name=$1 setting=$2 threshold=$3; shift 3
  [ "$threshold" = chosen ] && threshold=""
  env "$model_var=$setting" "$threshold_var=$threshold" ./bulletin ingest "$@" --db "$work/$name.db" >/dev/null 2>&1 || true
  ./bulletin export --db "$work/$name.db" --format jsonl --out "$work/$name.jsonl" >/dev/null
}
# shellcheck disable=SC2086
ingest rules 0 "" $training $measure $fresh
for ((k = 0; k < n; k++)); do
  ./bulletin train "--$model" --holdout "$k/$n" --out "$work/fold$k" >/dev/null
done
./bulletin train "--$model" --out "$work/all" >/dev/null
# Training documents without a mention in any fold (none of their numbers is a candidate) go with the measure half.
mapfile -t rest < <(comm -23 <(printf '%s\n' $training | sort) <(sed 's#^\./##' "$work"/fold*/heldout.txt | sort))
models=()
for t in "${thresholds[@]}"; do
  for ((k = 0; k < n; k++)); do
    # bulletin ingest takes paths relative to here; heldout.txt holds the paths as the training sources name them.
    mapfile -t files < <(sed 's#^\./##' "$work/fold$k/heldout.txt")
    ingest "fold$k@$t" "$work/fold$k/$file" "$t" "${files[@]}"
  done
  # shellcheck disable=SC2086
  ingest "unseen@$t" "$work/all/$file" "$t" $measure $fresh "${rest[@]}"
  cat "$work"/fold*@"$t".jsonl "$work/unseen@$t.jsonl" >"$work/model@$t.jsonl"
  models+=("model@$t")
done
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
cat /dev/null corpus/real/fresh/gold*.jsonl >"$work/fresh.gold"   # set E (gold.jsonl) and set G (gold-g.jsonl)
cat "$work/study.gold" "$work/grown.gold" >"$work/studied.gold"
cat "$work/measure.gold" "$work/fresh.gold" >"$work/unseen.gold"
for pred in rules "${models[@]}"; do
  echo "== $pred"
  for set in samples:corpus/labels/figures.jsonl dev:corpus/dev/labels/figures.jsonl study:$work/study.gold grown:$work/grown.gold \
      measure:$work/measure.gold fresh:$work/fresh.gold study+grown:$work/studied.gold measure+fresh:$work/unseen.gold; do
    printf '%-14s ' "${set%%:*}"
    python3 "$score" "${set#*:}" "$work/$pred.jsonl" --only-gold-docs | tail -n 1
  done
done
echo "== matched per unseen page: rules ${models[*]}"
for pred in rules "${models[@]}"; do
  python3 "$score" "$work/unseen.gold" "$work/$pred.jsonl" --only-gold-docs --json >"$work/$pred.unseen.json"
done
python3 - "$work" rules "${models[@]}" <<'PY'
import json, sys
work, names = sys.argv[1], sys.argv[2:]
per_doc = [json.load(open(f"{work}/{name}.unseen.json"))["per_doc"] for name in names]
for doc in sorted(per_doc[0]):
    counts = [d.get(doc, {}) for d in per_doc]
    print(doc, f"gold {counts[0].get('gold', 0)}", *(f"{c.get('hit', 0)}/{c.get('pred', 0)}" for c in counts), sep="\t")
PY

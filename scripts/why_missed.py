#!/usr/bin/env python3
"""Why each required gold figure of the real sets was missed, by the referee's own matching rules.

usage: why_missed.py PRED.jsonl SET [--docs] [--list]
  SET: study | measure | grown | fresh | all   (study/measure from corpus/real/split.tsv; grown: corpus/real/grown;
  fresh: corpus/real/fresh, measure only like the measure half)
Causes: doc-empty (no figure for the document), numbers-absent (no predicted field carries any of the
gold numbers), numbers-partial (some gold number is predicted, not all in one figure: roles or grouping),
region (a figure with the gold numbers exists in another region), name (numbers and region agree,
name Dice < 0.3). Read the measure half's and the fresh set's totals only; never study their documents.
"""
import glob
import json
import os
import sys
from collections import Counter, defaultdict

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.join(root, "..", "shared", "tools"))
import score as S  # the referee: same stems, region keys, number equality and name similarity

pred_path, wanted = sys.argv[1], sys.argv[2]
split = {}
for line in open(os.path.join(root, "corpus/real/split.tsv"), encoding="utf-8").read().splitlines()[1:]:
    if line:
        doc, half = line.split("\t")[:2]
        split[S.stem(doc)] = half
gold = [json.loads(l) for l in open(os.path.join(root, "corpus/real/gold.jsonl"), encoding="utf-8")]
for path in glob.glob(os.path.join(root, "corpus/real/grown/gold-*.jsonl")):
    gold += [dict(json.loads(l), _set="grown") for l in open(path, encoding="utf-8") if l.strip()]
for path in glob.glob(os.path.join(root, "corpus/real/fresh/gold*.jsonl")):
    gold += [dict(json.loads(l), _set="fresh") for l in open(path, encoding="utf-8") if l.strip()]
golds, preds = defaultdict(list), defaultdict(list)
for g in gold:
    golds[S.stem(g["doc"])].append(g)
for p in S.load(pred_path):
    preds[S.stem(str(p.get("doc", "")))].append(p)


def numbers(fig):
    return [S.num(fig.get(f)) for f in S.FIELDS]


causes, per_doc, listed = Counter(), Counter(), []
for doc, gs in sorted(golds.items()):
    half = gs[0].get("_set") or split.get(doc, "?")
    if wanted != "all" and half != wanted:
        continue
    ps = preds.get(doc, [])
    matched = {gi for gi, _ in S.match_doc(gs, ps)}
    for gi, g in enumerate(gs):
        if g.get("optional") or gi in matched:
            continue
        want = numbers(g)
        carrying = [p for p in ps if all(v is None or S.same(v, S.num(p.get(f))) for v, f in zip(want, S.FIELDS))]
        if not ps:
            cause = "doc-empty"
        elif not carrying:
            seen = {S.num(p.get(f)) for p in ps for f in S.FIELDS} - {None}
            cause = "numbers-partial" if any(v is not None and any(S.same(v, x) for x in seen) for v in want) else "numbers-absent"
        elif not [p for p in carrying if S.region_key(p.get("region")) == S.region_key(g.get("region"))]:
            cause = "region"
        else:
            cause = "name"
        causes[cause] += 1
        per_doc[(doc, cause)] += 1
        listed.append((doc, cause, g))
print(f"{wanted}: {sum(causes.values())} missed", dict(causes.most_common()))
if "--docs" in sys.argv:
    for (doc, cause), n in sorted(per_doc.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {n:3} {cause:16} {doc}")
if "--list" in sys.argv:
    for doc, cause, g in listed:
        print(f"  {cause:16} {doc}  {g.get('region')} {S.name_of(g)} t={g.get('target')} a={g.get('actual')} p={g.get('percent')} {g.get('unit') or ''}")

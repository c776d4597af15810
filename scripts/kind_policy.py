#!/usr/bin/env python3
"""What to do with an uncertain kind, measured on the studied sets (study half + grown) only.

usage: kind_policy.py CROSSFIT.tsv GOLD.jsonl PLAN.jsonl BULLETIN.jsonl KIND_CUES.tsv

CROSSFIT.tsv: each labelled document's leave-set-out P(plan) (`bulletin train --kind --mentions FILE`); PLAN/BULLETIN:
the predictions of every document read as a plan / as a bulletin (BULLETIN_KIND=plan|bulletin). Per band of P(plan),
matched/predicted under each policy: the hard kind (P > 0.5 is a plan); the band read without the plan filters (as a
bulletin); the band read as a plan; per sentence by its tense (a sentence the done or rate cues of kind-cues.tsv match
keeps the bulletin reading, any other the plan reading). Scored by shared/tools/score.py, as score_real.sh scores.
"""
import collections
import json
import os
import re
import subprocess
import sys

SCORE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../shared/tools/score.py")
crossfit_path, gold_path, plan_path, bulletin_path, cues_path = sys.argv[1:6]
work = os.path.dirname(os.path.abspath(plan_path))

probability = {}
for line in open(crossfit_path, encoding="utf-8"):
    group, doc, _kind, p = line.rstrip("\n").split("\t")
    if group in ("study",) or (len(group) == 2 and group.startswith("G")):
        probability[doc.removesuffix(".txt")] = float(p)

cues = {}
for line in open(cues_path, encoding="utf-8"):
    parts = line.rstrip("\n").split("\t")
    if len(parts) >= 3 and not line.startswith("#"):
        cues[parts[0]] = parts[2]
said_done = re.compile(cues["done-clause"] + "|" + cues["rate-clause"])


def load(path):
    by_doc = collections.defaultdict(list)
    for line in open(path, encoding="utf-8"):
        row = json.loads(line)
        by_doc[str(row["doc"]).rsplit("/", 1)[-1].removesuffix(".txt")].append(row)
    return by_doc


plan, bulletin = load(plan_path), load(bulletin_path)


def by_tense(doc):
    done = lambda row: bool(said_done.search(row.get("sentence") or ""))
    return [r for r in bulletin[doc] if done(r)] + [r for r in plan[doc] if not done(r)]


def reading(doc, low, high, policy):
    p = probability[doc]
    if low <= p <= high and policy != "hard":
        return {"bulletin": bulletin[doc], "plan": plan[doc], "tense": by_tense(doc)}[policy]
    return plan[doc] if p > 0.5 else bulletin[doc]


def score(rows, name):
    path = os.path.join(work, f"policy-{name}.jsonl")
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False), file=out)
    result = subprocess.run([sys.executable, SCORE, gold_path, path, "--json", "--per-doc", "--only-gold-docs"],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


docs = sorted(probability)
bands = [(0, 0.1), (0.1, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)]
print(f"{len(docs)} studied documents; per band of leave-set-out P(plan): documents, matched/predicted")
for low, high, policy in [(0, 1, "hard"), (0.3, 0.7, "bulletin"), (0.3, 0.7, "plan"), (0.3, 0.7, "tense"),
                          (0.4, 0.6, "tense"), (0.1, 0.9, "tense"), (0, 1, "tense")]:
    result = score([r for d in docs for r in reading(d, low, high, policy)], f"{policy}-{low}-{high}")
    summary, per_doc = result["summary"], result["per_doc"]
    line = f"{policy:8} in {low}-{high}: matched {summary['matched']}/{summary['pred']} F1 {summary['f1']:.4f} |"
    for a, b in bands:
        held = [d for d in docs if a <= probability[d] < b and d in per_doc]
        line += f" [{a},{min(b, 1)}) {len(held)} {sum(per_doc[d].get('hit', 0) for d in held)}/{sum(per_doc[d]['pred'] for d in held)}"
    print(line)
for threshold in (0.3, 0.4, 0.45, 0.5, 0.6, 0.7):
    rows = [r for d in docs for r in (plan[d] if probability[d] > threshold else bulletin[d])]
    summary = score(rows, f"threshold-{threshold}")["summary"]
    print(f"hard kind at P > {threshold}: matched {summary['matched']}/{summary['pred']} F1 {summary['f1']:.4f}")

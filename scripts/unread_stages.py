#!/usr/bin/env python3
"""At which stage each unread gold number is lost: the numbers of required gold figures that no prediction of the
same document holds in any field (the `unread` column of the confusion table), counted by cause.

Usage: python3 scripts/unread_stages.py PRED.jsonl SET... [--list]
SET: study, grown (the studied sets; the measure half and the fresh set are never read, so they are refused).
PRED: the predictions of `KEEP_PRED=PRED scripts/score_real.sh`.

Each unread number is looked up in `./bulletin text DOC --explain --format jsonl` (the extraction as ingest runs it,
without the ingest's clause filter), mention by mention, and given the most advanced stage any mention of its
value reached:
  no mention      no number mention has the value: `written apart` when its digits stand in the text (a form
                  the recognizer does not read: 万/亿 mixes, ranges, a unit it lacks), else `not in text` (a sum, a
                  derived or rounded value, a number the reader lost)
  bare            only bare mentions (no unit: the role scorer's `bare`, the item path skips them)
  rejected: …     a mention given no role, with the extraction's reason (role scorer's none, NonFigureRules, tally)
  unused: BLOCK   a mention that no figure uses and no stage gave a reason for (the item path, the table builder)
  after extract   a figure of the extraction uses it, the stored predictions do not (the ingest's clause filter)
"""
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(root, "scripts"))
from extras import load_gold, S  # noqa: E402  (the referee's stems and number equality)

READABLE = {"study", "grown"}


def doc_path(stem):
    for folder in ("corpus/real/docs", "corpus/real/grown/docs"):
        for name in os.listdir(os.path.join(root, folder)):
            if S.stem(name) == stem:
                return os.path.join(root, folder, name)
    return None


def explain(path):
    out = subprocess.run([os.path.join(root, "bulletin"), "text", path, "--explain", "--format", "jsonl"],
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def reason_kind(reason):
    if "ProjectTally" in reason:
        return "rejected: a programme's count (tally)"
    if "not a figure:" in reason:
        return "rejected: NonFigureRules " + reason.rsplit("not a figure:", 1)[1].strip()
    m = re.search(r"← none [0-9.]+ \((.*?)\) over (\w+)", reason)
    if m:
        # the features that outscored the best role, without their weights: what to look at
        cues = ",".join(sorted(re.sub(r" [+-][0-9.]+", "", c).split(":")[0] for c in m.group(1).split(", ")))
        return f"rejected: role none ({cues}) over {m.group(2)}"
    return "rejected: " + reason.split("←", 1)[-1].strip()[:40]


def stage(value, records, text):
    mentions = [r for r in records if r["record"] == "mention" and S.same(value, S.num(r["value"]))]
    if any(r["figure"] is not None for r in mentions):
        return "after extract (ingest's clause filter)"
    amounts = [r for r in mentions if r["unit"] is not None]
    rejected = [r for r in amounts if r["reason"] != "unused"]
    if rejected:
        return reason_kind(rejected[0]["reason"])
    if amounts:
        return "unused: " + amounts[0]["block"]
    if mentions:
        return "bare (no unit)"
    written = [f"{value:g}", f"{value / 1e4:g}", f"{value / 1e8:g}"]
    return "no mention: written apart" if any(w in text for w in written if w != "0") else "no mention: not in text"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    listing = "--list" in sys.argv
    pred_path, sets = args[0], args[1:]
    if not sets or set(sets) - READABLE:
        sys.exit("unread_stages.py: only the studied sets (study, grown) are read document by document")
    golds, preds = defaultdict(list), defaultdict(list)
    for g in load_gold():
        if g["_set"] in sets and not g.get("optional"):
            golds[S.stem(g["doc"])].append(g)
    for p in S.load(pred_path):
        preds[S.stem(str(p.get("doc", "")))].append(p)
    causes, fields = Counter(), Counter()
    for doc in sorted(golds):
        held = [S.num(p.get(f)) for p in preds.get(doc, []) for f in S.FIELDS]
        unread = [(g, f, S.num(g.get(f))) for g in golds[doc] for f in S.FIELDS
                  if S.num(g.get(f)) is not None and not any(S.same(S.num(g.get(f)), h) for h in held if h is not None)]
        if not unread:
            continue
        path = doc_path(doc)
        records = explain(path)
        text = open(path, encoding="utf-8", errors="replace").read()
        for g, f, v in unread:
            cause = stage(v, records, text)
            causes[cause] += 1
            fields[(f, cause)] += 1
            if listing:
                print(f"  {cause:55} {doc[:40]:40} {f}={v:g} {g.get('project', '')}{g.get('indicator', '')}")
    print(f"{'+'.join(sets)}: {sum(causes.values())} unread gold numbers")
    for cause, n in causes.most_common():
        per = ", ".join(f"{f} {fields[(f, cause)]}" for f in S.FIELDS if fields[(f, cause)])
        print(f"  {n:4}  {cause}  ({per})")


if __name__ == "__main__":
    main()

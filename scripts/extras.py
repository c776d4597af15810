#!/usr/bin/env python3
"""What each unmatched prediction of the real sets is, by the referee's own matching rules (why_missed.py's twin).

usage: extras.py PRED.jsonl SET [--docs] [--list]
  SET: study | measure | grown | fresh | all   (study/measure from corpus/real/split.tsv; grown: corpus/real/grown;
  fresh: corpus/real/fresh, measure only like the measure half)
Classes, first that applies:
  optional    it fits an optional gold figure (another prediction took it): not an extra
  duplicate   its numbers all stand in one matched prediction, or the gold figure it would match is matched already
              (the same figure twice: from the table and the prose, from two views of one sentence)
  near-name   a gold figure has its numbers and region, but the name differs (Dice < 0.3)
  near-region a gold figure has its numbers, in another region
  near-numbers a gold figure shares one of its numbers, not all (roles or grouping)
  non-figure  no gold figure of the document has any of its numbers (a date, a campaign total, a background
              statistic, a rank, a sub-item's money …); --list shows its sentence to say which
Read the measure half's and the fresh set's totals only; never study their documents (--docs and --list refuse them).
"""
import glob
import json
import os
import sys
from collections import Counter

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.join(root, "..", "shared", "tools"))
import score as S  # the referee: same stems, region keys, number equality and name similarity

CLASSES = ("optional", "duplicate", "near-name", "near-region", "near-numbers", "non-figure")


def load_gold():
    split = {}
    for line in open(os.path.join(root, "corpus/real/split.tsv"), encoding="utf-8").read().splitlines()[1:]:
        if line:
            doc, half = line.split("\t")[:2]
            split[S.stem(doc)] = half
    gold = [dict(g, _set=split.get(S.stem(g["doc"]), "?")) for g in S.load(os.path.join(root, "corpus/real/gold.jsonl"))]
    for path in glob.glob(os.path.join(root, "corpus/real/grown/gold-*.jsonl")):
        gold += [dict(g, _set="grown") for g in S.load(path)]
    for path in glob.glob(os.path.join(root, "corpus/real/fresh/gold*.jsonl")):
        gold += [dict(g, _set="fresh") for g in S.load(path)]
    return gold


def numbers(fig):
    return [S.num(fig.get(f)) for f in S.FIELDS]


def holds_all(values, fig):
    """Every non-null value stands somewhere in fig's numbers (any field)."""
    theirs = [v for v in numbers(fig) if v is not None]
    return bool(values) and all(any(S.same(v, x) for x in theirs) for v in values)


def classify(pred, golds, matched_preds, matched_golds):
    mine = [v for v in numbers(pred) if v is not None]
    if any(g.get("optional") and S.compatible(g, pred) is not None for g in golds):
        return "optional"
    if any(holds_all(mine, m) for m in matched_preds):
        return "duplicate"
    same_numbers = [g for g in golds if all(v is None or S.same(v, S.num(pred.get(f))) for v, f in zip(numbers(g), S.FIELDS))
                    and any(v is not None for v in numbers(g))]
    # A gold figure that another prediction already matched: this one says it a second time.
    if same_numbers and all(id(g) in matched_golds for g in same_numbers):
        return "duplicate"
    if any(S.region_key(g.get("region")) == S.region_key(pred.get("region")) for g in same_numbers):
        return "near-name"
    if same_numbers:
        return "near-region"
    if any(any(S.same(v, x) for x in mine) for g in golds for v in numbers(g) if v is not None):
        return "near-numbers"
    return "non-figure"


UNSTUDIED = ("measure", "fresh")  # scored as totals only: never listed by document or figure


def arguments(argv, usage, per_document_options):
    """PRED.jsonl and SET from the command line; refuses a per-document option for a set nobody studies."""
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(usage)
    pred_path, wanted = args
    if wanted in UNSTUDIED and any(o in argv for o in per_document_options):
        sys.exit("the measure half and the fresh set are scored as totals only")
    return pred_path, wanted


def main(argv):
    pred_path, wanted = arguments(argv, __doc__, ("--docs", "--list"))
    golds, preds = {}, {}
    for g in load_gold():
        golds.setdefault(S.stem(g["doc"]), []).append(g)
    for p in S.load(pred_path):
        preds.setdefault(S.stem(str(p.get("doc", ""))), []).append(p)
    classes, per_doc, listed, total, hits, absorbed = Counter(), Counter(), [], 0, 0, 0
    for doc, gs in sorted(golds.items()):
        if wanted != "all" and gs[0]["_set"] != wanted:
            continue
        ps = preds.get(doc, [])
        total += len(ps)
        matches = S.match_doc(gs, ps)
        hits += sum(1 for gi, _ in matches if not gs[gi].get("optional"))
        absorbed += sum(1 for gi, _ in matches if gs[gi].get("optional"))
        matched = {pi for _, pi in matches}
        matched_preds = [ps[pi] for pi in matched]
        matched_golds = {id(gs[gi]) for gi, _ in matches}
        for pi, p in enumerate(ps):
            if pi in matched:
                continue
            cls = classify(p, gs, matched_preds, matched_golds)
            classes[cls] += 1
            per_doc[(doc, cls)] += 1
            listed.append((doc, cls, p))
    extras = sum(n for c, n in classes.items() if c != "optional")
    # score.py's pred leaves out the predictions optional gold figures absorbed.
    print(f"{wanted}: pred {total - absorbed} matched {hits} (rows {total}, absorbed by optional gold {absorbed}), {extras} extras",
          {c: classes[c] for c in CLASSES if classes[c]})
    if "--docs" in argv:
        for (doc, cls), n in sorted(per_doc.items(), key=lambda item: (-item[1], item[0])):
            print(f"  {n:3} {cls:13} {doc}")
    if "--list" in argv:
        for doc, cls, p in listed:
            sentence = (p.get("sentence") or "").replace("\n", " ")[:120]
            print(f"  {cls:13} {doc}  {p.get('region')} {S.name_of(p)} t={p.get('target')} a={p.get('actual')} "
                  f"p={p.get('percent')} {p.get('unit') or ''}  | {sentence}")


if __name__ == "__main__":
    main(sys.argv[1:])

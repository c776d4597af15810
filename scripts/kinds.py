#!/usr/bin/env python3
"""The stored kind of each document (plan or bulletin) against the labelled sets' documents*.jsonl.

usage: kinds.py DB   (a database ingested from the labelled folders: scripts/score_kinds.sh builds one)
Studied sets (samples, dev, the real study half, grown) list their wrong documents; the measure half, the fresh
set, test and blind give totals only: they are never studied.
"""
import glob
import json
import os
import sqlite3
import sys
from collections import defaultdict

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
STUDIED = ("samples", "dev", "study", "grown")


def stem(path):
    return os.path.basename(path).split(".", 1)[0]


def labelled():
    """stem -> (set, kind)."""
    split = {}
    for line in open(os.path.join(root, "corpus/real/split.tsv"), encoding="utf-8").read().splitlines()[1:]:
        if line:
            doc, half = line.split("\t")[:2]
            split[stem(doc)] = half
    files = [("samples", "corpus/labels/documents.jsonl"), ("dev", "corpus/dev/labels/documents.jsonl"),
             ("test", "corpus/test/labels/documents.jsonl"), ("blind", "corpus/blind/labels/documents.jsonl"),
             ("real", "corpus/real/documents.jsonl")]
    files += [("grown", f) for f in sorted(glob.glob(os.path.join(root, "corpus/real/grown/documents-*.jsonl")))]
    files += [("fresh", f) for f in sorted(glob.glob(os.path.join(root, "corpus/real/fresh/documents*.jsonl")))]
    labels = {}
    for name, path in files:
        path = os.path.join(root, path)
        if not os.path.exists(path):
            continue
        for line in open(path, encoding="utf-8"):
            if line.strip():
                doc = json.loads(line)
                s = stem(doc["doc"])
                labels[s] = (split.get(s, "?") if name == "real" else name, doc["kind"])
    return labels


def main():
    labels = labelled()
    rows = sqlite3.connect(sys.argv[1]).execute("select path, kind from documents where status <> 'failed'").fetchall()
    totals, confusions, wrong = defaultdict(lambda: [0, 0]), defaultdict(int), []
    for path, kind in rows:
        if stem(path) not in labels:
            continue
        name, gold = labels[stem(path)]
        totals[name][0] += kind == gold
        totals[name][1] += 1
        if kind != gold:
            confusions[(name, gold, kind)] += 1
            if name in STUDIED:
                wrong.append((name, os.path.relpath(path, root), gold, kind))
    for name in ("samples", "dev", "test", "blind", "study", "measure", "grown", "fresh"):
        if name in totals:
            right, n = totals[name]
            errors = ", ".join(f"{g} read as {k} {c}" for (s, g, k), c in sorted(confusions.items(), key=lambda item: tuple(map(str, item[0]))) if s == name)
            print(f"{name:8} {right:4} of {n:4} right" + (f"  ({errors})" if errors else ""))
    for name, path, gold, kind in wrong:
        print(f"  {name:8} {path}: {gold} read as {kind}")


main()

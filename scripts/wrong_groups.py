#!/usr/bin/env python3
"""What kind of wrong grouping each numbers-partial miss is (why_missed.py's numbers-partial, split further).

usage: wrong_groups.py PRED.jsonl SET [--list]
  SET: study | measure | grown | fresh | all (measure and fresh: totals only, --list refuses them)
For each missed required gold figure some of whose numbers are predicted but never all in one figure, the
prediction that carries most of them in the right fields (its host) is compared with it; kinds, first that applies:
  target-apart     host has the actual, no target; the gold target stands in another prediction
  percent-apart    host has the actual (or target), no percent; the gold percent stands in another prediction
  target-unread    host has the actual, no target, and the gold target is in no prediction
  percent-unread   host has the actual, no percent, and the gold percent is in no prediction
  other-target     host has the actual, and a target that is not the gold one (a total, a standard, a neighbour's)
  other-percent    host has the actual, and a percent that is not the gold one (the neighbour's)
  other-actual     host has the gold target or percent, and another actual
  extra-actual     host has the gold target/percent but an actual where gold has none (a rate's amount taken as done)
  role-swapped     a gold number stands in the host in another field (actual read as target, …)
  other            anything else
and each near-numbers extra (a prediction sharing some numbers with a gold figure, extras.py), kinds:
  fragment         all its numbers stand in one gold figure in the same fields, fewer of them (the other half of a split)
  fragment-roles   all its numbers stand in one gold figure, some in another field
  mixed            its numbers come from two or more gold figures (a neighbour's number joined)
  foreign          some number of it is in no gold figure (a total, a rate, a count of projects joined)
"""
import os
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from extras import arguments, load_gold, numbers, classify, S  # the referee's rules and the same gold sets


def has(fig, field, value):
    return value is not None and S.same(value, S.num(fig.get(field)))


def anywhere(figs, value):
    return any(S.same(value, S.num(f.get(k))) for f in figs for k in S.FIELDS)


def kind(g, ps):
    t, a, p = numbers(g)
    right = lambda f: sum(has(f, k, v) for k, v in zip(S.FIELDS, (t, a, p)))
    same_region = [f for f in ps if S.region_key(f.get("region")) == S.region_key(g.get("region"))] or ps
    host = max(same_region, key=lambda f: (right(f), -abs(len(S.name_of(f)) - len(S.name_of(g)))))
    others = [f for f in ps if f is not host]
    ht, ha, hp = (S.num(host.get(k)) for k in S.FIELDS)
    if right(host) == 0:
        held = [v for v in (t, a, p) if v is not None and any(S.same(v, x) for x in (ht, ha, hp) if x is not None)]
        return ("role-swapped" if held else "other"), host
    if a is not None and has(host, "actual", a):
        if t is not None and ht is None:
            return ("target-apart" if anywhere(others, t) else "target-unread"), host
        if t is not None and not S.same(t, ht):
            return "other-target", host
        if p is not None and hp is None:
            return ("percent-apart" if anywhere(others, p) else "percent-unread"), host
        if p is not None and not S.same(p, hp):
            return "other-percent", host
    if a is None and ha is not None:
        return "extra-actual", host
    if a is not None and ha is not None and not S.same(a, ha):
        return "other-actual", host
    if a is not None and ha is None:
        return ("role-swapped" if any(S.same(a, x) for x in (ht, hp) if x is not None) else "other"), host
    if t is not None and ht is None and anywhere(others, t):
        return "target-apart", host
    if p is not None and hp is None and anywhere(others, p):
        return "percent-apart", host
    return "other", host


def extra_kind(p, gs):
    mine = [(k, S.num(p.get(k))) for k in S.FIELDS if p.get(k) is not None]
    owners = [{i for i, g in enumerate(gs) if any(S.same(v, S.num(g.get(f))) for f in S.FIELDS)} for _, v in mine]
    if any(not o for o in owners):
        return "foreign"
    common = set.intersection(*owners)
    if not common:
        return "mixed"
    if any(all(S.same(v, S.num(gs[i].get(k))) for k, v in mine) for i in common):
        return "fragment"
    return "fragment-roles"


def main(argv):
    pred_path, wanted = arguments(argv, __doc__, ("--list",))
    golds, preds = defaultdict(list), defaultdict(list)
    for g in load_gold():
        if wanted in ("all", g["_set"]):
            golds[S.stem(g["doc"])].append(g)
    for p in S.load(pred_path):
        preds[S.stem(str(p.get("doc", "")))].append(p)
    kinds, listed = Counter(), []
    for doc, gs in sorted(golds.items()):
        ps = preds.get(doc, [])
        if not ps:
            continue
        matched = {gi for gi, _ in S.match_doc(gs, ps)}
        seen = [S.num(p.get(k)) for p in ps for k in S.FIELDS]
        for gi, g in enumerate(gs):
            if g.get("optional") or gi in matched:
                continue
            want = numbers(g)
            if any(all(v is None or S.same(v, S.num(p.get(k))) for v, k in zip(want, S.FIELDS)) for p in ps):
                continue  # region or name: not a grouping
            if not any(v is not None and any(x is not None and S.same(v, x) for x in seen) for v in want):
                continue  # numbers-absent
            k, host = kind(g, ps)
            kinds[k] += 1
            listed.append((doc, k, g, host))
    print(f"{wanted}: {sum(kinds.values())} numbers-partial", dict(kinds.most_common()))
    extra_kinds, extra_listed = Counter(), []
    for doc, gs in sorted(golds.items()):
        ps = preds.get(doc, [])
        matches = S.match_doc(gs, ps)
        matched = {pi for _, pi in matches}
        matched_preds = [ps[pi] for pi in matched]
        matched_golds = {id(gs[gi]) for gi, _ in matches}
        for pi, p in enumerate(ps):
            if pi in matched or classify(p, gs, matched_preds, matched_golds) != "near-numbers":
                continue
            k = extra_kind(p, gs)
            extra_kinds[k] += 1
            extra_listed.append((doc, k, p))
    print(f"{wanted}: {sum(extra_kinds.values())} near-numbers extras", dict(extra_kinds.most_common()))
    if "--list" in argv:
        show = lambda f: f"t={f.get('target')} a={f.get('actual')} p={f.get('percent')} {f.get('unit') or ''} {S.name_of(f)[:30]}"
        for doc, k, g, host in sorted(listed, key=lambda r: (r[1], r[0])):
            print(f"  {k:15} {doc}\n      gold {show(g)}\n      host {show(host)}")
        for doc, k, p in sorted(extra_listed, key=lambda r: (r[1], r[0])):
            print(f"  extra {k:15} {doc}  {show(p)} | {(p.get('sentence') or '')[:80]}")


if __name__ == "__main__":
    main(sys.argv[1:])

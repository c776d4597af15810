#!/usr/bin/env python3
"""Makes the sample bulletins' variants that test reading real-world renderings (issue 11):

  corpus/traditional/STEM.trad.txt  the TXT samples in traditional characters (UTF-8)
  corpus/web/STEM.html              the DOCX samples as government-style web pages (GB2312/GBK bytes)

Traditional characters come from inverting models/normalize/t2s_chars.tsv (OpenCC data): a simplified
character with several traditional forms takes the lowest code point (发 → 發 over 髮); every choice maps
back to the same simplified character. Run from the repository root; the outputs are committed.
"""
import html
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def s2t_table():
    candidates = {}
    with open(os.path.join(ROOT, "models/normalize/t2s_chars.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            trad, simp = line.rstrip("\n").split("\t")[:2]
            if len(trad) == 1 and len(simp) == 1 and ord(trad) < 0x10000 and ord(simp) < 0x10000:
                candidates.setdefault(simp, []).append(trad)
    return {ord(s): min(ts) for s, ts in candidates.items()}


def traditional(samples):
    table = s2t_table()
    out = os.path.join(ROOT, "corpus/traditional")
    os.makedirs(out, exist_ok=True)
    for stem in samples:
        with open(os.path.join(ROOT, f"corpus/bulletins/txt/{stem}.txt"), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(out, f"{stem}.trad.txt"), "w", encoding="utf-8") as f:
            f.write(text.translate(table))


if __name__ == "__main__":
    stems = sorted(n.split(".")[0] for n in os.listdir(os.path.join(ROOT, "corpus/bulletins/docx")))
    traditional(stems)

#!/usr/bin/env python3
"""Builds models/regions/pinyin.tsv: the Mandarin readings (toneless, ü as v) of every character the gazetteer's
names use (models/gazetteer.tsv, models/regions-china.tsv) and of the words in models/regions/path-words.tsv and
models/rules/region-common-words.tsv, from mozillazg/pinyin-data's pinyin.txt (MIT; merged from Unihan's kMandarin,
kHanyuPinyin, kXHC1983 and others: models/regions/pinyin.LICENSE). Metadata/PathEvidence reads it to find place
names written in pinyin in file names (yancheng → 盐城市).

usage: scripts/build_pinyin.py PINYIN_TXT
PINYIN_TXT is pinyin.txt of https://github.com/mozillazg/pinyin-data (0.15.0 was used).
At most three readings a character are kept, the most common first, as pinyin.txt orders them: place names use
the second or third now and then (长沙 chang, 蚌埠 beng, 番禺 pan), more only make false matches.
"""
import pathlib, re, sys, unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "models" / "regions" / "pinyin.tsv"
READINGS = 3


def toneless(reading):
    plain = "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))
    return plain.replace("ü", "v").replace("u\u0308", "v").lower()


def characters():
    chars = set()
    for name in ["gazetteer.tsv", "regions-china.tsv"]:
        for line in (ROOT / "models" / name).read_text("utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            chars.update(cells[0])
            if len(cells) > 3:
                chars.update(cells[3])
    for name in ["regions/path-words.tsv", "rules/region-common-words.tsv"]:
        for line in (ROOT / "models" / name).read_text("utf-8").splitlines()[1:]:
            if line and not line.startswith("#"):
                chars.update(line.split("\t")[0])
    return {c for c in chars if "\u4e00" <= c <= "\u9fff"}


def main():
    wanted = characters()
    rows = {}
    for line in pathlib.Path(sys.argv[1]).read_text("utf-8").splitlines():
        m = re.match(r"U\+([0-9A-F]+):\s*([^#]+)#", line)
        if not m:
            continue
        char = chr(int(m.group(1), 16))
        if char not in wanted:
            continue
        readings = []
        for r in m.group(2).strip().split(","):
            t = toneless(r.strip())
            if t and t not in readings:
                readings.append(t)
        rows[char] = readings[:READINGS]
    missing = sorted(wanted - rows.keys())
    with OUT.open("w", encoding="utf-8", newline="\n") as out:
        out.write("# Mandarin readings of the characters of the gazetteer's names, toneless, most common first (at most three).\n")
        out.write("# From mozillazg/pinyin-data 0.15.0 pinyin.txt (MIT, see pinyin.LICENSE); built by scripts/build_pinyin.py.\n")
        out.write("char\treadings\n")
        for char in sorted(rows):
            out.write(f"{char}\t{','.join(rows[char])}\n")
    print(f"{len(rows)} characters written to {OUT}; {len(missing)} without a reading: {''.join(missing)}")


if __name__ == "__main__":
    main()

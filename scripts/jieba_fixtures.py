#!/usr/bin/python3
"""Writes Python jieba's tokens for the sample bulletins, the reference the C# segmenter is tested against.

    /usr/bin/python3 scripts/jieba_fixtures.py

For each corpus/bulletins/txt/<stem>.txt (not the .bom/.gb18030/.utf16 copies) it writes
tests/fixtures/jieba/<stem>.json: jieba.lcut(text, HMM=True) with the default dictionary and no user
dictionary, as a JSON array of strings. The text is read exactly as stored (no newline translation).
"""
import glob
import json
import os

import jieba

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
out_dir = os.path.join(root, "tests", "fixtures", "jieba")
os.makedirs(out_dir, exist_ok=True)
jieba.setLogLevel(60)
for path in sorted(glob.glob(os.path.join(root, "corpus", "bulletins", "txt", "*.txt"))):
    stem = os.path.basename(path)[: -len(".txt")]
    if "." in stem:
        continue  # an encoded copy of a seed
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    tokens = jieba.lcut(text, HMM=True)
    assert "".join(tokens) == text
    with open(os.path.join(out_dir, stem + ".json"), "w", encoding="utf-8") as f:
        json.dump({"jieba": jieba.__version__, "source": "corpus/bulletins/txt/" + stem + ".txt", "tokens": tokens},
                  f, ensure_ascii=False, indent=0)
        f.write("\n")
    print(f"{stem}: {len(tokens)} tokens")

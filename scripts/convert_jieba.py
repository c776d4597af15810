#!/usr/bin/python3
"""Converts Python jieba's dictionary and HMM tables into the binary files the C# segmenter loads.

Run once with Debian's python3-jieba installed (apt-get install python3-jieba):
    /usr/bin/python3 scripts/convert_jieba.py [models/jieba]

dict.bin holds jieba's prefix dictionary (every word and every prefix of a word, prefixes with frequency 0)
as a trie in breadth-first order, children sorted by UTF-16 code unit, so the C# side loads it with three
array reads and builds nothing:
    "JIEBADAG" | int32 version=1 | int64 total | int32 nodeCount
    | uint16 label[nodeCount] | int32 childStart[nodeCount + 1] | int32 freq[nodeCount]
The children of node i are the nodes childStart[i] .. childStart[i+1]-1; node 0 is the root.

hmm.bin holds finalseg's start, transition and emission log-probabilities (states in the order B, M, E, S):
    "JIEBAHMM" | int32 version=1 | float64 start[4] | float64 trans[4][4] (absent = MIN_FLOAT)
    | per state: int32 count, then count x (uint16 char, float64 logprob)
The frequencies and total come from jieba's own gen_pfdict, so they are exactly what jieba uses.
"""
import os
import shutil
import struct
import sys
from array import array

import jieba
from jieba import finalseg

STATES = "BMES"
MIN_FLOAT = finalseg.MIN_FLOAT


def utf16_units(word):
    data = word.encode("utf-16-le")
    return [data[i] | data[i + 1] << 8 for i in range(0, len(data), 2)]


def write_dictionary(path):
    jieba_dir = os.path.dirname(jieba.__file__)
    with open(os.path.join(jieba_dir, "dict.txt"), "rb") as f:
        freq, total = jieba.Tokenizer.gen_pfdict(f)

    # Trie as nested dicts: unit -> [children dict, freq]. Every key of freq is a node.
    root = {}
    node_freq = {}
    for word, count in freq.items():
        children, key = root, ()
        for unit in utf16_units(word):
            key += (unit,)
            children = children.setdefault(unit, {})
        node_freq[key] = count

    labels, child_start, freqs = array("H", [0]), array("i"), array("i", [0])
    queue = [((), root)]
    next_index = 1
    head = 0
    while head < len(queue):
        key, children = queue[head]
        head += 1
        child_start.append(next_index)
        for unit in sorted(children):
            child_key = key + (unit,)
            labels.append(unit)
            freqs.append(node_freq.get(child_key, 0))
            queue.append((child_key, children[unit]))
            next_index += 1
    child_start.append(next_index)
    assert len(labels) == len(freqs) == len(child_start) - 1 == next_index

    with open(path, "wb") as out:
        out.write(b"JIEBADAG")
        out.write(struct.pack("<iqi", 1, total, next_index))
        for table in (labels, child_start, freqs):
            if sys.byteorder != "little":
                table.byteswap()
            out.write(table.tobytes())
    return len(freq), total, next_index


def write_hmm(path):
    with open(path, "wb") as out:
        out.write(b"JIEBAHMM")
        out.write(struct.pack("<i", 1))
        out.write(struct.pack("<4d", *(finalseg.start_P[s] for s in STATES)))
        for s in STATES:
            out.write(struct.pack("<4d", *(finalseg.trans_P[s].get(t, MIN_FLOAT) for t in STATES)))
        for s in STATES:
            emit = sorted((ord(ch), p) for ch, p in finalseg.emit_P[s].items() if ord(ch) <= 0xFFFF)
            out.write(struct.pack("<i", len(emit)))
            for code, p in emit:
                out.write(struct.pack("<Hd", code, p))


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "models", "jieba")
    os.makedirs(target, exist_ok=True)
    words, total, nodes = write_dictionary(os.path.join(target, "dict.bin"))
    write_hmm(os.path.join(target, "hmm.bin"))
    shutil.copyfile("/usr/share/doc/python3-jieba/copyright", os.path.join(target, "LICENSE"))
    print(f"jieba {jieba.__version__}: {words} dictionary keys, total frequency {total}, {nodes} trie nodes -> {target}")


if __name__ == "__main__":
    main()

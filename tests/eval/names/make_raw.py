#!/usr/bin/env python3
"""Write news.raw.txt from news.seg.txt ('_' -> ' '), or check it.

usage: make_raw.py          write news.raw.txt next to this script
       make_raw.py --check  exit 1 unless news.raw.txt is exactly news.seg.txt
                            with '_' replaced by ' ', line for line

The gold file has no other use of '_' than joining the syllables of a word,
so the raw text is the gold with the joins undone and nothing else changed.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEG = os.path.join(HERE, "news.seg.txt")
RAW = os.path.join(HERE, "news.raw.txt")


def read_lines(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read().split("\n")


def main():
    seg = read_lines(SEG)
    want = [line.replace("_", " ") for line in seg]
    if len(sys.argv) > 1 and sys.argv[1] == "--check":
        if not os.path.exists(RAW):
            print(f"make_raw.py: {RAW} is missing", file=sys.stderr)
            return 1
        raw = read_lines(RAW)
        bad = 0
        if len(raw) != len(want):
            print(f"make_raw.py: {len(raw)} raw lines, {len(want)} seg lines", file=sys.stderr)
            bad = 1
        for n, (r, w) in enumerate(zip(raw, want), 1):
            if r != w:
                print(f"make_raw.py: line {n} differs:\n  raw  {r}\n  want {w}", file=sys.stderr)
                bad = 1
        if not bad:
            print(f"make_raw.py: {RAW} matches ({len(want) - (want[-1] == '')} lines)")
        return bad
    with open(RAW, "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(want))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""Sentence-boundary accuracy of `vnseg sentences` on UD VTB.

usage: tools/eval_sentences.py [--vnseg BUILD/tools/vnseg] [--per N] SPLIT.seg.txt...

Each file is one gold sentence a line in '_' word form, tokenized. It is made
natural text with `vnseg join --detok` (punctuation attached), and each run of
N consecutive sentences (default 5) is joined with one space into a paragraph,
one paragraph a line. `vnseg sentences` splits the paragraphs; a boundary is
the offset in its paragraph where a sentence ends (the paragraph's own end is
not counted: every splitter gets it). Prints one JSON line per file:
precision, recall and F1 of the boundaries for vnseg and for the naive
baseline (a boundary after every '.', '!' or '?' that white space follows),
and the first few errors of vnseg (--errors N). The treebank's bracket
tokens LBKT and RBKT are made '(' and ')' first. Standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys


def run(vnseg, args, text):
    done = subprocess.run([vnseg] + args, input=text.encode(), stdout=subprocess.PIPE, check=True)
    return done.stdout.decode()


def gold_boundaries(sentences):
    """The paragraph (sentences joined by one space) and its inner boundaries."""
    ends, pos = set(), 0
    for s in sentences[:-1]:
        pos += len(s)
        ends.add(pos)
        pos += 1
    return " ".join(sentences), ends


def found_boundaries(paragraph, sentences):
    """The ends of `sentences` (in order in `paragraph`) but the last."""
    ends, pos = set(), 0
    for s in sentences:
        at = paragraph.find(s, pos)
        if at < 0:
            raise SystemExit(f"sentence not in its paragraph: {s!r}")
        pos = at + len(s)
        ends.add(pos)
    ends.discard(len(paragraph.rstrip()))
    return ends


def naive_boundaries(paragraph):
    return {m.end() for m in re.finditer(r"[.!?](?=\s)", paragraph)}


def score(found, gold):
    tp = sum(len(f & g) for f, g in zip(found, gold))
    n_found = sum(len(f) for f in found)
    n_gold = sum(len(g) for g in gold)
    p = tp / n_found if n_found else 1.0
    r = tp / n_gold if n_gold else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
            "found": n_found, "gold": n_gold, "correct": tp}


def evaluate(vnseg, path, per, max_errors):
    with open(path, encoding="utf-8") as f:
        # The treebank spells brackets LBKT and RBKT.
        gold = re.sub(r"(?<!\S)LBKT(?!\S)", "(", f.read())
        gold = re.sub(r"(?<!\S)RBKT(?!\S)", ")", gold)
        natural = run(vnseg, ["join", "--detok"], gold).split("\n")
    natural = [line.strip() for line in natural if line.strip()]
    groups = [natural[i:i + per] for i in range(0, len(natural), per)]
    paragraphs, gold = zip(*(gold_boundaries(g) for g in groups))
    lines = run(vnseg, ["sentences"], "".join(p + "\n" for p in paragraphs)).split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) < len(paragraphs) or "" in lines:
        raise SystemExit("vnseg sentences: unexpected empty line")
    # Sentences are consecutive lines: assign them to paragraphs in order.
    found, errors, k = [], [], 0
    for paragraph, g in zip(paragraphs, gold):
        mine, covered = [], 0
        while covered < len(paragraph):
            s = lines[k]
            k += 1
            at = paragraph.find(s, covered)
            mine.append(s)
            covered = at + len(s)
        ends = found_boundaries(paragraph, mine)
        found.append(ends)
        for pos in sorted(ends ^ g):
            kind = "extra" if pos in ends else "missed"
            errors.append(f"{kind}: ...{paragraph[max(0, pos - 40):pos]}|{paragraph[pos:pos + 30]}...")
    return {
        "file": os.path.basename(path),
        "paragraphs": len(paragraphs),
        "vnseg": score(found, gold),
        "naive": score([naive_boundaries(p) for p in paragraphs], gold),
        "errors": errors[:max_errors],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vnseg", default="build/tools/vnseg")
    parser.add_argument("--per", type=int, default=5, help="sentences per paragraph")
    parser.add_argument("--errors", type=int, default=20, help="errors of vnseg to list")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    for path in args.files:
        print(json.dumps(evaluate(args.vnseg, path, args.per, args.errors), ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())

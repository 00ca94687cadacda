#!/usr/bin/env python3
"""Detokenization round trips (tests/eval/detok).

usage: round_trip.py [--min RATE] VNSEG NATURAL_FILE [SEG_FILE]

Prints the exact-line rate of join --detok (segment --tokenize (line)) ==
line over NATURAL_FILE, and, for SEG_FILE (UD VTB's dev.seg.txt), the rate
of segment --tokenize (join --detok (line)) == line with words compared
without their '_' (the segmenter's word choice is not what is measured).
With --min, exits 1 if the natural-text rate is below RATE (a ctest floor).
"""
import subprocess
import sys


def run(vnseg, args, text):
    return subprocess.run([vnseg] + args, input=text.encode(), capture_output=True,
                          check=True).stdout.decode().split("\n")


def rate(a, b):
    same = sum(x == y for x, y in zip(a, b))
    return same, len(a)


args = sys.argv[1:]
floor = None
if args[:1] == ["--min"]:
    floor = float(args[1])
    args = args[2:]
sys.argv = [sys.argv[0]] + args
vnseg = sys.argv[1]
natural = open(sys.argv[2], encoding="utf-8").read().rstrip("\n").split("\n")
back = run(vnseg, ["join", "--detok"], "\n".join(run(vnseg, ["segment", "--tokenize"], "\n".join(natural))))
same, n = rate(natural, back)
same_natural, n_natural = same, n
print(f"detok(tokenize(natural)) == natural: {same}/{n} = {same / n:.3f}")
if len(sys.argv) > 3:
    seg = open(sys.argv[3], encoding="utf-8").read().rstrip("\n").split("\n")
    again = run(vnseg, ["segment", "--tokenize"], "\n".join(run(vnseg, ["join", "--detok"], "\n".join(seg))))
    flat = lambda lines: [l.replace("_", " ") for l in lines]
    same, n = rate(flat(seg), flat(again))
    print(f"tokenize(detok(seg)) == seg (ignoring '_'): {same}/{n} = {same / n:.3f}")
if floor is not None and same_natural / n_natural < floor:
    print(f"round_trip.py: natural-text rate below the floor {floor}", file=sys.stderr)
    sys.exit(1)

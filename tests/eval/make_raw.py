#!/usr/bin/env python3
"""Write the raw (unsegmented) file beside each segmented evaluation file.

Usage: make_raw.py [--check] FILE.seg.txt...

For each FILE.seg.txt, FILE.raw.txt gets the same lines with every '_'
replaced by ' ' (the syllables of a word become space-separated, exactly as
the UD VTB raw files are made). Before writing, each line is checked:
NFC, no tab or control character, no empty line, no doubled space or
leading/trailing space, no word that starts or ends with '_' or holds '__',
and the raw line read back splits into the same syllables as the segmented
line. With --check nothing is written: the existing raw files must equal
what would be written (exit status 1 otherwise).
"""
import argparse
import sys
import unicodedata


def problems(line):
    """Return a list of reasons why LINE is not a well-formed segmented line."""
    out = []
    if not line.strip():
        out.append("empty line")
    if unicodedata.normalize("NFC", line) != line:
        out.append("not NFC")
    if any(unicodedata.category(c).startswith("C") for c in line):
        out.append("control or format character")
    if line != line.strip(" ") or "  " in line:
        out.append("leading, trailing or doubled space")
    for word in line.split(" "):
        if word.startswith("_") or word.endswith("_") or "__" in word:
            out.append(f"bad word {word!r}")
    return out


def raw_of(line):
    raw = line.replace("_", " ")
    # Identity: the raw line carries the same syllables in the same order.
    assert raw.split(" ") == [s for w in line.split(" ") for s in w.split("_")]
    return raw


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the existing raw files, write nothing")
    ap.add_argument("seg", nargs="+")
    a = ap.parse_args()
    status = 0
    for path in a.seg:
        if not path.endswith(".seg.txt"):
            sys.exit(f"{path}: expected a name ending in .seg.txt")
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        if not text.endswith("\n") or "\r" in text:
            sys.exit(f"{path}: lines must end in a single '\\n'")
        lines = text[:-1].split("\n")
        bad = [(n, p) for n, line in enumerate(lines, 1) for p in problems(line)]
        for n, p in bad:
            print(f"{path}:{n}: {p}", file=sys.stderr)
        if bad:
            sys.exit(1)
        raw = "".join(raw_of(line) + "\n" for line in lines)
        out = path[: -len(".seg.txt")] + ".raw.txt"
        if a.check:
            try:
                with open(out, encoding="utf-8", newline="") as f:
                    same = f.read() == raw
            except FileNotFoundError:
                same = False
            if not same:
                print(f"{out}: differs from {path} (run make_raw.py {path})", file=sys.stderr)
                status = 1
        else:
            with open(out, "w", encoding="utf-8", newline="") as f:
                f.write(raw)
            print(f"{out}: {len(lines)} lines")
    return status


if __name__ == "__main__":
    sys.exit(main())

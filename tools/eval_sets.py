#!/usr/bin/env python3
"""Evaluation sets and the consistency figure for tools/eval.sh.

usage:
  eval_sets.py lower IN OUT
  eval_sets.py caps IN OUT
  eval_sets.py names-subset SEG RAW OUT_SEG OUT_RAW
  eval_sets.py consistency SEG [--gold GOLD] [--show N]

Files are UTF-8, one sentence a line; in a segmented file words are
separated by whitespace and the syllables of a word joined by '_'
(tools/eval.sh's data, UD VTB). Python 3 standard library only.

lower, caps
  The text lower-cased or upper-cased by Unicode's full case mappings
  (str.lower, str.upper); '_', spaces and line ends are kept, so a lowered
  gold file still matches the lowered raw file line for line.

names-subset
  The lines of SEG that contain a *name pair*, and the RAW lines of the same
  numbers (SEG and RAW must have as many lines). The syllables of a line are
  its words split at '_', in order; punctuation marks are syllables too, so a
  comma between two names breaks the pair. A syllable is *capitalised* if its
  first character is an upper-case letter ("Hà", "TP.", "HCM"); the
  treebank's bracket tokens LBKT, RBKT and KBKT are not. A name pair is two
  adjacent capitalised syllables, in one word ("Hà_Nội") or in two ("ông
  Nguyễn Tấn_Dũng", "Nga Putin"). A capital at the start of a sentence
  counts like any other: alone it is no pair ("Trả_lời phỏng_vấn" is not
  taken), followed by a capitalised syllable it is ("Ông Lộc nói" is taken:
  a title before a name is what such a set must test).

consistency
  Over one segmented text, how often the same phrase is segmented in more
  than one way. A *phrase* is a sequence of 2 to 4 syllables, compared
  case-folded (NFC, str.casefold), that is a multi-syllable word somewhere in
  the text ("trở_về"): word pairs that are never joined are not phrases.
  An *occurrence* is a place where its syllables stand in a line with word
  boundaries before and after them (a place inside or across a longer word,
  as "Chí Minh" in "Hồ_Chí_Minh", is not counted: that is another word, not
  another way to cut this one). Its *way* is which of the gaps between its
  syllables are joined. Counted: the phrases with at least two occurrences
  (N), those with more than one way (K).
  With --gold GOLD (line-aligned, the same syllables): M is how many of the
  K phrases the gold cuts one way at all their occurrences in SEG (the same
  places, the gold's cut of the span and of its two edges): there the
  inconsistency is the segmenter's own, not the treebank's. The gold's own
  N and K (over GOLD alone) are printed for reference.
  Prints counts and the most frequent inconsistent phrases, then a JSON
  line: {"phrases":N,"inconsistent":K,"rate":K/N,
         "inconsistent_where_gold_consistent":M} (M null without --gold).
"""
import argparse
import collections
import json
import sys
import unicodedata

BRACKET_TOKENS = frozenset({"LBKT", "RBKT", "KBKT"})
MIN_PHRASE, MAX_PHRASE = 2, 4


def read_lines(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read().splitlines()


def change_case(src, dst, upper):
    # newline="" on both sides: line ends (\n, \r\n) pass through untouched.
    with open(src, encoding="utf-8", newline="") as f:
        text = f.read()
    with open(dst, "w", encoding="utf-8", newline="") as f:
        f.write(text.upper() if upper else text.lower())


def syllables_of(line):
    """The syllables of a segmented line and, per gap between two adjacent
    syllables, whether it is inside a word (True) or between words."""
    syls, joined = [], []
    for word in line.split():
        parts = [p for p in word.split("_") if p]
        for i, p in enumerate(parts):
            if syls:
                joined.append(i > 0)
            syls.append(p)
    return syls, joined


def is_capitalised(syllable):
    return syllable[0].isupper() and syllable not in BRACKET_TOKENS


def has_name_pair(line):
    syls, _ = syllables_of(line)
    return any(is_capitalised(a) and is_capitalised(b) for a, b in zip(syls, syls[1:]))


def names_subset(seg, raw, out_seg, out_raw):
    seg_lines, raw_lines = read_lines(seg), read_lines(raw)
    if len(seg_lines) != len(raw_lines):
        sys.exit(f"eval_sets.py: {seg} has {len(seg_lines)} lines, {raw} {len(raw_lines)}")
    keep = [i for i, line in enumerate(seg_lines) if has_name_pair(line)]
    for path, lines in ((out_seg, seg_lines), (out_raw, raw_lines)):
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.writelines(lines[i] + "\n" for i in keep)
    print(f"names-subset: {len(keep)} of {len(seg_lines)} lines", file=sys.stderr)


def fold(syllable):
    return unicodedata.normalize("NFC", syllable).casefold()


class Text:
    """A segmented text: per line its syllables (as written, and folded) and
    its gaps (True where joined)."""

    def __init__(self, lines):
        self.lines = []
        for line in lines:
            syls, joined = syllables_of(line)
            self.lines.append((syls, [fold(s) for s in syls], joined))

    def phrases(self):
        """The folded syllable tuples of 2-4 syllables that are a word."""
        out = set()
        for _, folded, joined in self.lines:
            start = 0
            for i in range(len(folded)):
                if i == len(joined) or not joined[i]:  # a word ends at syllable i
                    if MIN_PHRASE <= i + 1 - start <= MAX_PHRASE:
                        out.add(tuple(folded[start:i + 1]))
                    start = i + 1
        return out

    def occurrences(self, phrases):
        """phrase -> [(line, start)] where it stands with word boundaries
        at both edges."""
        out = collections.defaultdict(list)
        for ln, (_, folded, joined) in enumerate(self.lines):
            for n in range(MIN_PHRASE, MAX_PHRASE + 1):
                for s in range(len(folded) - n + 1):
                    key = tuple(folded[s:s + n])
                    if key not in phrases:
                        continue
                    if s > 0 and joined[s - 1]:
                        continue
                    if s + n - 1 < len(joined) and joined[s + n - 1]:
                        continue
                    out[key].append((ln, s))
        return out

    def way(self, ln, s, n):
        """The joined gaps inside the span: a tuple of bools."""
        return tuple(self.lines[ln][2][s:s + n - 1])

    def cut(self, ln, s, n):
        """The gaps inside the span and at its two edges (False at a line
        edge), for comparing the gold at the same place."""
        joined = self.lines[ln][2]
        left = s > 0 and joined[s - 1]
        right = s + n - 1 < len(joined) and joined[s + n - 1]
        return (left,) + tuple(joined[s:s + n - 1]) + (right,)

    def written(self, ln, s, n):
        syls, _, joined = self.lines[ln]
        out = syls[s]
        for i in range(s, s + n - 1):
            out += ("_" if joined[i] else " ") + syls[i + 1]
        return out


def inconsistent_phrases(text):
    """(N, {phrase: {way: [occurrence]}} for the inconsistent ones)."""
    occ = text.occurrences(text.phrases())
    counted = {p: o for p, o in occ.items() if len(o) >= 2}
    bad = {}
    for p, places in counted.items():
        ways = collections.defaultdict(list)
        for ln, s in places:
            ways[text.way(ln, s, len(p))].append((ln, s))
        if len(ways) > 1:
            bad[p] = ways
    return len(counted), bad


def consistency(seg, gold_path, show):
    text = Text(read_lines(seg))
    n, bad = inconsistent_phrases(text)
    gold = None
    own = None
    if gold_path:
        gold = Text(read_lines(gold_path))
        if len(gold.lines) != len(text.lines):
            sys.exit(f"eval_sets.py: {seg} has {len(text.lines)} lines, {gold_path} {len(gold.lines)}")
        for ln, (a, b) in enumerate(zip(text.lines, gold.lines)):
            if a[1] != b[1]:
                sys.exit(f"eval_sets.py: line {ln + 1}: {seg} and {gold_path} differ in syllables")
        own = set()
        for p, ways in bad.items():
            cuts = {gold.cut(ln, s, len(p)) for places in ways.values() for ln, s in places}
            if len(cuts) == 1:
                own.add(p)
    k = len(bad)
    rate = k / n if n else 0.0
    print(f"{seg}: {n} phrases of 2-{MAX_PHRASE} syllables that are a word somewhere and occur"
          f" at least twice; {k} segmented in more than one way ({rate:.4f})")
    if gold is not None:
        gn, gbad = inconsistent_phrases(gold)
        print(f"  of these, {len(own)} cut one way by the gold at the same places"
              f" (the segmenter's own)")
        print(f"  the gold itself: {gn} phrases, {len(gbad)} inconsistent"
              f" ({len(gbad) / gn if gn else 0.0:.4f})")

    def total(p):
        return sum(len(v) for v in bad[p].values())

    for p in sorted(bad, key=lambda p: (-total(p), p))[:show]:
        ways = sorted(bad[p].items(), key=lambda kv: -len(kv[1]))
        desc = ", ".join(f"{text.written(*v[0], len(p))} x{len(v)}" for _, v in ways)
        mark = " [gold one way]" if own is not None and p in own else ""
        print(f"  {' '.join(p)}: {desc}{mark}")
    print(json.dumps({"phrases": n, "inconsistent": k, "rate": round(rate, 6),
                      "inconsistent_where_gold_consistent": None if own is None else len(own)}))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.splitlines()[1:]))
    sub = ap.add_subparsers(dest="command", required=True)
    for name in ("lower", "caps"):
        p = sub.add_parser(name)
        p.add_argument("input")
        p.add_argument("output")
    p = sub.add_parser("names-subset")
    for arg in ("seg", "raw", "out_seg", "out_raw"):
        p.add_argument(arg)
    p = sub.add_parser("consistency")
    p.add_argument("seg")
    p.add_argument("--gold")
    p.add_argument("--show", type=int, default=10, help="examples to print (default 10)")
    a = ap.parse_args()
    if a.command in ("lower", "caps"):
        change_case(a.input, a.output, upper=a.command == "caps")
    elif a.command == "names-subset":
        names_subset(a.seg, a.raw, a.out_seg, a.out_raw)
    else:
        consistency(a.seg, a.gold, a.show)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Recall of listed name words in a predicted segmentation.

Usage: names_recall.py GOLD PRED NAMES

GOLD and PRED are line-aligned segmented files (syllables of a word joined
by '_', words separated by spaces). NAMES lists name and place words, one a
line, written as in GOLD (e.g. "hà_nội", "huế"); matching ignores case.
Every word of GOLD that is in NAMES is a name occurrence; it is found when
PRED has a word covering exactly the same characters (compared, as
wseg_eval.py does, on the text with spaces and '_' removed, so punctuation
tokenization does not matter). A PRED line whose characters differ from the
GOLD line finds none of its names.

Prints recall over all name occurrences and over the multi-syllable ones,
the names most often missed, and last one JSON line:
{"names": N, "found": K, "recall": R, "multi_names": ..., "multi_found": ...,
 "multi_recall": ..., "text_mismatch": ...}
"""
import collections
import json
import sys


def spans(line):
    """Return ({(begin, end): word}, text) over LINE without spaces and '_'."""
    out, pos, chars = {}, 0, []
    for word in line.split():
        bare = word.replace("_", "")
        if bare:
            out[(pos, pos + len(bare))] = word
            chars.append(bare)
            pos += len(bare)
    return out, "".join(chars)


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    gold = open(argv[1], encoding="utf-8").read().splitlines()
    pred = open(argv[2], encoding="utf-8", errors="replace").read().splitlines()
    names = {w.strip().lower() for w in open(argv[3], encoding="utf-8") if w.strip()}
    if len(gold) != len(pred):
        print(f"line count differs: gold {len(gold)}, pred {len(pred)}", file=sys.stderr)
    n = k = multi_n = multi_k = mismatch = 0
    missed = collections.Counter()
    unused = set(names)
    for i, gline in enumerate(gold):
        gspans, gtext = spans(gline)
        pspans, ptext = spans(pred[i] if i < len(pred) else "")
        same_text = gtext == ptext
        if not same_text:
            mismatch += 1
        for span, word in gspans.items():
            key = word.lower()
            if key not in names:
                continue
            unused.discard(key)
            multi = "_" in word
            hit = same_text and span in pspans
            n += 1
            k += hit
            multi_n += multi
            multi_k += multi and hit
            if not hit:
                missed[f"{word} -> {' '.join(pspans.get(s, '?') for s in sorted(pspans) if s[0] < span[1] and s[1] > span[0])}"] += 1
    recall = k / n if n else 0.0
    multi_recall = multi_k / multi_n if multi_n else 0.0
    print(f"names: {k}/{n} found, recall {recall:.4f}")
    print(f"multi-syllable names: {multi_k}/{multi_n} found, recall {multi_recall:.4f}")
    if unused:
        print(f"listed but not in gold: {', '.join(sorted(unused))}")
    if mismatch:
        print(f"lines whose text differs: {mismatch}")
    for what, c in missed.most_common(30):
        print(f"  missed {c}x  {what}")
    print(json.dumps({"names": n, "found": k, "recall": round(recall, 4),
                      "multi_names": multi_n, "multi_found": multi_k,
                      "multi_recall": round(multi_recall, 4), "text_mismatch": mismatch},
                     ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv)

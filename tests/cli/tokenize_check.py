#!/usr/bin/env python3
"""cli.tokenize_formats: properties of `vnseg tokenize` on real and random text.

usage: tokenize_check.py VNSEG WORK_DIR [FILE...]

For every FILE (and a seeded random text with quotes, backslashes, control
characters, tabs, CRLF, U+2028, emoji, URLs):
  - jsonl: every output line parses with json; one record per input line,
    numbered from 1; "text" is the line without its line end; every token's
    byte and code-point offsets slice the line back to the token's text; the
    tokens are those of `vnseg segment --tokenize`;
  - the same with 64-byte blocks and 2 threads (long lines come in parts):
    the parts' texts rebuild the line and the offsets still slice it;
  - tsv: the same tokens as jsonl, an empty line after each input line;
  - conllu: valid by the small parser below (10 tab-separated fields,
    IDs 1, 2, ..., # sent_id unique, # text equal to the FORMs joined as
    SpaceAfter=No says), and its FORMs are the jsonl tokens;
  - --invalid=pass is a usage error for jsonl and conllu; --invalid=replace
    gives JSON over the repaired line; line numbers go on across FILEs.
"""
import json
import os
import random
import subprocess
import sys

KINDS = {"word", "number", "url", "email", "hashtag", "mention", "abbreviation", "punct",
         "other"}
failures = 0


def fail(msg):
    global failures
    failures += 1
    if failures <= 20:
        print("FAIL:", msg, file=sys.stderr)


def run(vnseg, args, data=None, env=None, rc=0):
    e = dict(os.environ)
    if env:
        e.update(env)
    p = subprocess.run([vnseg] + args, input=data, capture_output=True, env=e)
    if p.returncode != rc:
        fail(f"vnseg {' '.join(args)}: exit {p.returncode}, expected {rc}: "
             f"{p.stderr.decode(errors='replace')[:300]}")
    return p.stdout


def input_lines(data):
    """The lines as tokenize numbers them: split at LF, a final CR dropped."""
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    return [line[:-1] if line.endswith(b"\r") else line for line in lines]


def check_jsonl(out, lines, what):
    """The records of `out` grouped by line: {line: [record, ...]}."""
    by_line = {}
    for n, raw in enumerate(out.split(b"\n")[:-1], 1):
        try:
            rec = json.loads(raw.decode("utf-8"))
        except ValueError as e:
            fail(f"{what}: output line {n} is not JSON ({e}): {raw[:200]!r}")
            continue
        by_line.setdefault(rec["line"], []).append(rec)
    if sorted(by_line) != list(range(1, len(lines) + 1)):
        fail(f"{what}: records for lines {sorted(by_line)[:10]}..., expected 1..{len(lines)}")
        return by_line
    for number, recs in by_line.items():
        line = lines[number - 1].decode("utf-8")
        if len(recs) > 1 and [r.get("part") for r in recs] != list(range(1, len(recs) + 1)):
            fail(f"{what}: line {number}: parts {[r.get('part') for r in recs]}")
        if "".join(r["text"] for r in recs) != line:
            fail(f"{what}: line {number}: text {''.join(r['text'] for r in recs)!r} != {line!r}")
        end = 0
        for r in recs:
            if r.get("offset", 0) != len(line[:r.get("cp_offset", 0)].encode()):
                fail(f"{what}: line {number}: offset {r.get('offset')} does not match cp_offset")
            for t in r["tokens"]:
                text = t["text"]
                if line.encode()[t["start"]:t["end"]].decode() != text:
                    fail(f"{what}: line {number}: bytes {t['start']}:{t['end']} != {text!r}")
                if line[t["cp_start"]:t["cp_end"]] != text:
                    fail(f"{what}: line {number}: code points {t['cp_start']}:{t['cp_end']} "
                         f"!= {text!r}")
                if t["kind"] not in KINDS or not text or t["start"] < end:
                    fail(f"{what}: line {number}: bad token {t}")
                end = t["end"]
    return by_line


def tokens_of(by_line):
    return {n: [t for r in recs for t in r["tokens"]] for n, recs in by_line.items()}


def check_same_as_segment(tokens, segmented, what):
    """The words of segment --tokenize: as many, and the same where no '_'
    escape is involved."""
    for n, seg_line in enumerate(segmented.decode("utf-8").split("\n")[:len(tokens)], 1):
        words = seg_line.split()
        if len(words) != len(tokens[n]):
            fail(f"{what}: line {n}: {len(tokens[n])} tokens, segment --tokenize has {len(words)}")
            continue
        for w, t in zip(words, tokens[n]):
            if "_" not in t["text"] and w != t["text"].replace(" ", "_"):
                fail(f"{what}: line {n}: token {t['text']!r} but segment --tokenize {w!r}")


def check_tsv(out, tokens, nlines, what):
    blocks = out.decode("utf-8").split("\n")
    if out and not out.endswith(b"\n\n"):
        fail(f"{what}: tsv does not end with an empty line")
    rows, blanks = [], 0
    for row in blocks[:-1]:
        if row == "":
            blanks += 1
            continue
        f = row.split("\t")
        if len(f) != 5:
            fail(f"{what}: tsv row of {len(f)} fields: {row!r}")
            continue
        rows.append((int(f[0]), f[1], f[2], int(f[3]), int(f[4])))
    want = [(n, t["text"], t["kind"], t["start"], t["end"])
            for n in sorted(tokens) for t in tokens[n]]
    if rows != want:
        fail(f"{what}: tsv rows differ from jsonl tokens")
    if blanks != nlines:
        fail(f"{what}: tsv has {blanks} empty lines for {nlines} input lines")


def parse_conllu(text, what):
    """A small CoNLL-U reader that checks what the format requires: a list
    of (sent_id, text, [fields...]). Comment lines first, then word lines
    of 10 tab-separated non-empty fields with IDs 1, 2, ...; a blank line
    ends every sentence, the file included."""
    sentences = []
    if "\r" in text:
        fail(f"{what}: conllu has a CR")
    if text and not text.endswith("\n\n"):
        fail(f"{what}: conllu does not end with a blank line")
    comments, words = {}, []
    for n, line in enumerate(text.split("\n")[:-1], 1):
        if line == "":
            if not words:
                fail(f"{what}: conllu line {n}: a sentence without words")
            sentences.append((comments.get("sent_id"), comments.get("text"), words))
            comments, words = {}, []
        elif line.startswith("#"):
            if words:
                fail(f"{what}: conllu line {n}: comment after word lines")
            key, eq, value = line[1:].strip().partition(" = ")
            if eq:
                comments[key] = value
        else:
            f = line.split("\t")
            if len(f) != 10 or any(x == "" for x in f):
                fail(f"{what}: conllu line {n}: {len(f)} fields (or an empty one): {line!r}")
                continue
            if f[0] != str(len(words) + 1):
                fail(f"{what}: conllu line {n}: ID {f[0]}, expected {len(words) + 1}")
            if f[9] not in ("_", "SpaceAfter=No"):
                fail(f"{what}: conllu line {n}: MISC {f[9]!r}")
            words.append(f)
    if words or comments:
        fail(f"{what}: conllu ends inside a sentence")
    ids = [s[0] for s in sentences]
    if None in ids or len(set(ids)) != len(ids):
        fail(f"{what}: conllu sent_ids missing or repeated")
    for sent_id, sent_text, ws in sentences:
        joined = "".join(f[1] + ("" if f[9] == "SpaceAfter=No" or i == len(ws) - 1 else " ")
                         for i, f in enumerate(ws))
        if sent_text != joined:
            fail(f"{what}: sentence {sent_id}: # text {sent_text!r} != FORMs {joined!r}")
    return sentences


def check_space_after(sentences, lines, what):
    """SpaceAfter=No exactly where no white space (nor the line end)
    follows the FORM in the input line (a part "N.K" goes on in line N)."""
    pos = {}
    for sent_id, _, ws in sentences:
        n = int(sent_id.split(".")[0])
        line = lines[n - 1].decode("utf-8")
        for f in ws:
            start = line.find(f[1], pos.get(n, 0))
            if start < 0:
                fail(f"{what}: sentence {sent_id}: FORM {f[1]!r} not in line {n}")
                return
            end = pos[n] = start + len(f[1])
            glued = end < len(line) and not line[end].isspace()
            if glued != (f[9] == "SpaceAfter=No"):
                fail(f"{what}: sentence {sent_id}: FORM {f[1]!r} has MISC {f[9]}")


def check_conllu(out, tokens, lines, what):
    sentences = parse_conllu(out.decode("utf-8"), what)
    check_space_after(sentences, lines, what)
    want = {n: [t["text"] for t in ts] for n, ts in tokens.items() if ts}
    got = {int(s[0]): [f[1] for f in s[2]] for s in sentences}
    if got != want:
        fail(f"{what}: conllu FORMs differ from the jsonl tokens")


def check_file(vnseg, data, what):
    lines = input_lines(data)
    by_line = check_jsonl(run(vnseg, ["tokenize"], data), lines, what)
    tokens = tokens_of(by_line)
    check_same_as_segment(tokens, run(vnseg, ["segment", "--tokenize"], data), what)
    check_tsv(run(vnseg, ["tokenize", "--format", "tsv"], data), tokens, len(lines), what)
    check_conllu(run(vnseg, ["tokenize", "--format", "conllu"], data), tokens, lines, what)
    small = {"VNSEG_BLOCK_SIZE": "64"}
    check_jsonl(run(vnseg, ["tokenize", "--threads", "2"], data, small), lines, what + " (parts)")
    sentences = parse_conllu(
        run(vnseg, ["tokenize", "--format", "conllu"], data, small).decode(), what + " (parts)")
    check_space_after(sentences, lines, what + " (parts)")


def random_text(seed):
    rng = random.Random(seed)
    pieces = ["Tổng", "thống", "Mỹ", "hòa", "bình", "Hà", "Nội", ",", ".", "...", '"', "\\",
              "(", ")", "2.000", "15/7", "a@b.vn", "https://x.vn/a?b=1", "x_y", "😀", "\x01",
              "\x7f", "\u2028", "\u00a0", "\t", "  ", "TP.HCM", "#tag", "@ai", "'", "“", "”"]
    lines = []
    for _ in range(300):
        words = [rng.choice(pieces) for _ in range(rng.randint(0, 40))]
        sep = rng.choice(["", " ", " "])
        lines.append(sep.join(words) if sep else " ".join(words))
    # Stretches without white space: 64-byte blocks cut them inside words.
    lines += ["x" * 300 + " và " + "a.b," * 50, "Hà" + "😀" * 40 + "Nội" * 30 + "."]
    text = "\n".join(lines)
    return text.replace("\n", "\r\n", 5).encode("utf-8")


def main():
    vnseg, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    check_file(vnseg, random_text(14), "random text")
    for path in sys.argv[3:]:
        with open(path, "rb") as f:
            check_file(vnseg, f.read(), path)

    run(vnseg, ["tokenize", "--invalid=pass"], b"a\xffb\n", rc=2)
    run(vnseg, ["tokenize", "--format", "conllu", "--invalid=pass"], b"a\n", rc=2)
    run(vnseg, ["tokenize"], b"a\xffb\n", rc=1)
    if run(vnseg, ["tokenize", "--format", "tsv", "--invalid=pass"], b"a \xff b\n") != \
            b"1\ta\tword\t0\t1\n1\t\xff\tother\t2\t3\n1\tb\tword\t4\t5\n\n":
        fail("tsv --invalid=pass: the bad byte is not copied as a token")
    replaced = run(vnseg, ["tokenize", "--invalid=replace"], b"\xff x\n")
    rec = json.loads(replaced)
    if rec["text"] != "\ufffd x" or rec["tokens"][1]["start"] != 4:
        fail(f"--invalid=replace: {rec}")
    a, b = os.path.join(work, "a.txt"), os.path.join(work, "b.txt")
    with open(a, "wb") as f:
        f.write("một\nhai".encode())  # no line end at the end
    with open(b, "wb") as f:
        f.write(b"ba\n")
    out = run(vnseg, ["tokenize", "--format", "tsv", a, b])
    if [row.split(b"\t")[0] for row in out.split(b"\n") if row] != [b"1", b"2", b"3"]:
        fail(f"line numbers across files: {out!r}")
    if failures:
        print(f"{failures} failures", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())

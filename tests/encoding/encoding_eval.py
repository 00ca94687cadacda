#!/usr/bin/env python3
"""Legacy encodings, detection and mojibake repair, measured and checked
(ctest encoding.golden on the files in this folder, encoding.ud_vtb on the
UD VTB raw text where VNSEG_DATA_DIR has it).

usage: encoding_eval.py VNSEG_BINARY CORPUS.txt... [--clean FILE...] [--check]

For each encoding: the round trip NFC text -> encoding -> `vnseg normalize
--from ENC` (and --from auto) against `vnseg normalize` of the UTF-8, also
with tiny read blocks (VNSEG_BLOCK_SIZE=64) so that cuts fall inside legacy
sequences; detection (vnseg.detect) on pieces of 20, 50 and 200 characters
and on files of 10 lines (`vnseg detect`); mojibake repaired once and twice;
and no change at all (normalize with --from auto --fix-mojibake is normalize)
on the CORPUS and --clean files. Prints the figures; --check fails below the
targets (lossless, >= 99% on pieces of >= 50 characters, >= 99.9% on files,
zero false repairs). Needs PYTHONPATH to hold the built vnseg package.
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import encoders  # noqa: E402
import vnseg  # noqa: E402

ENCODINGS = ["utf8", "tcvn3", "vni", "viscii", "cp1258", "viqr"]


def run(vnseg_bin, args, data, env=None):
    r = subprocess.run([vnseg_bin] + args, input=data, capture_output=True,
                       env=dict(os.environ, **(env or {})))
    if r.returncode != 0:
        raise SystemExit(f"vnseg {' '.join(args)} failed: {r.stderr.decode(errors='replace')}")
    return r.stdout


def pieces(text, length):
    """Pieces of about `length` characters, cut at spaces."""
    words = text.split()
    out, cur = [], ""
    for w in words:
        cur = w if not cur else cur + " " + w
        if len(cur) >= length:
            out.append(cur)
            cur = ""
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("vnseg")
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--clean", nargs="*", default=[])
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    lines = []
    for f in a.corpus:
        lines += [l for l in open(f, encoding="utf-8").read().split("\n") if l.strip()]
    failures = []

    print(f"corpus: {len(lines)} lines, {sum(map(len, lines))} characters")
    # 1. Round trips, whole files through the CLI.
    print("\nround trip (lines encodable / lines; identical after normalize):")
    for enc in ENCODINGS[1:]:
        ok_lines = [l for l in lines if encoders.encodable(l, enc)]
        encoded = b"\n".join(encoders.encode_many(ok_lines, enc)) + b"\n"
        want = run(a.vnseg, ["normalize"], ("\n".join(ok_lines) + "\n").encode())
        results = {}
        for mode, env in (("--from " + enc, None), ("--from auto", None),
                          ("--from " + enc + " (64-byte blocks)", {"VNSEG_BLOCK_SIZE": "64"})):
            got = run(a.vnseg, ["normalize"] + mode.split(" (")[0].split(), encoded, env)
            results[mode] = got == want
            if got != want:
                failures.append(f"round trip {enc} {mode}")
                g, w = got.decode(errors="replace").split("\n"), want.decode().split("\n")
                bad = [(x, y) for x, y in zip(g, w) if x != y][:3]
                print(f"  {enc} {mode}: DIFFERS, e.g. {bad}")
        print(f"  {enc:7} {len(ok_lines)}/{len(lines)} lines encodable; " +
              ", ".join(f"{m}: {'identical' if r else 'DIFFERS'}" for m, r in results.items()))

    # 2. Detection on pieces of a given length.
    text = " ".join(lines)
    print("\ndetection, pieces of N characters (right / pieces):")
    print("  N     " + "  ".join(f"{e:>14}" for e in ENCODINGS))
    for n in (20, 50, 200):
        ps = pieces(text, n)
        row = []
        for enc in ENCODINGS:
            ok = [p for p in ps if encoders.encodable(p, enc)]
            enc_ps = encoders.encode_many(ok, enc)
            right = sum(vnseg.detect(b)[0] == enc for b in enc_ps)
            row.append(f"{right}/{len(ok)} {100.0 * right / max(1, len(ok)):.1f}%")
            if n >= 50 and len(ok) and right < 0.99 * len(ok):
                failures.append(f"detection {enc} pieces of {n}: {right}/{len(ok)}")
        print(f"  {n:<5} " + "  ".join(f"{r:>14}" for r in row))

    # 3. Detection on files of 10 lines, with `vnseg detect`.
    print("\ndetection, files of 10 lines (`vnseg detect`):")
    with tempfile.TemporaryDirectory() as tmp:
        for enc in ENCODINGS:
            ok = [l for l in lines if encoders.encodable(l, enc)]
            enc_lines = encoders.encode_many(ok, enc)
            names = []
            for i in range(0, len(enc_lines), 10):
                name = os.path.join(tmp, f"{enc}.{i}.txt")
                with open(name, "wb") as f:
                    f.write(b"\n".join(enc_lines[i:i + 10]) + b"\n")
                names.append(name)
            right = 0
            for i in range(0, len(names), 500):
                out = run(a.vnseg, ["detect"] + names[i:i + 500], b"").decode().splitlines()
                right += sum(l.split("\t")[1] == enc for l in out)
            print(f"  {enc:7} {right}/{len(names)} {100.0 * right / max(1, len(names)):.2f}%")
            if right < 0.999 * len(names):
                failures.append(f"file detection {enc}: {right}/{len(names)}")

    # 4. Mojibake repaired, once and twice.
    print("\nmojibake repair (lines repaired to the original / lines):")
    for times in (1, 2):
        right = sum(vnseg.normalize(encoders.mojibake(l, times), fix_mojibake=True) ==
                    vnseg.normalize(l, from_="utf8") for l in lines)
        print(f"  {'single' if times == 1 else 'double'}: {right}/{len(lines)}")
        if right != len(lines):
            failures.append(f"mojibake x{times}: {right}/{len(lines)}")
    moji = ("\n".join(encoders.mojibake(l, 1) for l in lines) + "\n").encode()
    want = run(a.vnseg, ["normalize"], ("\n".join(lines) + "\n").encode())
    if run(a.vnseg, ["normalize", "--fix-mojibake"], moji) != want:
        failures.append("mojibake through the CLI")

    # 5. Clean text: never changed, always read as UTF-8.
    print("\nclean UTF-8 (changed by --from auto --fix-mojibake / lines; detected otherwise than utf8):")
    rng = random.Random(16)
    clean_sets = {"corpus": lines}
    for f in a.clean:
        clean_sets[os.path.relpath(f, os.path.dirname(os.path.dirname(os.path.abspath(f))))] = [l for l in open(f, encoding="utf-8").read().split("\n") if l]
    alphabet = [chr(c) for c in list(range(0x20, 0x7F)) + list(range(0xA0, 0x250)) +
                list(range(0x370, 0x400)) + list(range(0x4E00, 0x4E80)) + list(range(0x1F600, 0x1F650))]
    clean_sets["random"] = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 120)))
                            for _ in range(2000)]
    for name, ls in clean_sets.items():
        changed = sum(vnseg.normalize(l, fix_mojibake=True) != vnseg.normalize(l, from_="utf8")
                      for l in ls)
        other = sum(vnseg.detect(l)[0] != "utf8" for l in ls)
        whole = ("\n".join(ls) + "\n").encode()
        file_same = run(a.vnseg, ["normalize", "--from", "auto", "--fix-mojibake"], whole) == \
            run(a.vnseg, ["normalize"], whole)
        print(f"  {name:24} {changed}/{len(ls)} changed, {other} not utf8; as a file: "
              f"{'unchanged' if file_same else 'CHANGED'}")
        if changed or not file_same:
            failures.append(f"clean set {name}: {changed} lines changed")
        if name != "random" and other:
            failures.append(f"clean set {name}: {other} lines detected as another encoding")

    if failures:
        print("\nbelow target:\n  " + "\n  ".join(failures))
        if a.check:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

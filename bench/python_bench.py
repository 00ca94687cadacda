#!/usr/bin/python3
"""Benchmark of the Python module: segment_many speed-up with threads, and
the cost of one call on a short sentence next to no-op calls (the builtin
str(text), which returns text, is the baseline of a call into C; a
pure-Python no-op shows what the package's Python layer costs).

    /usr/bin/python3 bench/python_bench.py [--build build] [--data FILE]

Needs the UD VTB raw text (ud-vtb/train.raw.txt in $VNSEG_DATA_DIR, else in
the build's VNSEG_DATA_DIR, or --data). Not part of ctest: it asserts nothing
and needs a quiet machine to mean anything. The machine is shared, so the variants are
run interleaved, round after round, and each figure is the best of its
rounds (the round least disturbed by other work); the ratios are what to
compare.
"""
import argparse
import os
import statistics
import sys
import time
import timeit

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SENTENCE = "Tổng thống Mỹ nói hoà bình ở châu Âu là ưu tiên."
SEGMENTED = "Tổng_thống Mỹ nói hoà_bình ở châu_Âu là ưu_tiên."


def cpu_jiffies():
    """(busy, total) CPU time of the whole machine so far, from /proc/stat."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def others_busy(run):
    """Runs run(); returns the share of the machine's CPU time that other
    processes used meanwhile (0 = the benchmark had the machine to itself)."""
    busy0, total0 = cpu_jiffies()
    own0 = sum(os.times()[:4])
    run()
    busy1, total1 = cpu_jiffies()
    own = (sum(os.times()[:4]) - own0) * os.sysconf("SC_CLK_TCK")
    return max(0.0, (busy1 - busy0 - own) / max(1, total1 - total0))


def wait_for_quiet(limit_seconds, threshold=0.1):
    """Waits (up to limit_seconds) for a second in which other processes use
    less than `threshold` of the CPUs; returns the share seen last."""
    deadline = time.monotonic() + limit_seconds
    while True:
        share = others_busy(lambda: time.sleep(1))
        if share < threshold or time.monotonic() > deadline:
            return share


def fresh(texts):
    """Copies that are new str objects: CPython caches a str's UTF-8 in the
    object, so reusing the same strs would hide the encoding cost."""
    return [t.encode("utf-8").decode("utf-8") for t in texts]


def bench_threads(vnseg, lines, rounds):
    megabytes = sum(len(l.encode("utf-8")) + 1 for l in lines) / 1e6
    segmenter = vnseg.Segmenter()
    variants = {
        "segment_many threads=1": lambda d: segmenter.segment_many(d, threads=1),
        "segment_many threads=2": lambda d: segmenter.segment_many(d, threads=2),
        "loop of segment()": lambda d: [segmenter.segment(t) for t in d],
    }
    times = {name: [] for name in variants}
    disturbed = []
    for _ in range(rounds):
        for name, fn in variants.items():
            data = fresh(lines)

            def run():
                start = time.perf_counter()
                fn(data)
                times[name].append(time.perf_counter() - start)
            disturbed.append(others_busy(run))
    print(f"\n{len(lines)} lines, {megabytes:.1f} MB, new str objects each run, {rounds} rounds")
    for name, t in times.items():
        print(f"  {name:24} best {min(t) * 1e3:7.1f} ms ({megabytes / min(t):5.1f} MB/s), "
              f"median {statistics.median(t) * 1e3:7.1f} ms")
    one, two = times["segment_many threads=1"], times["segment_many threads=2"]
    paired = statistics.median(a / b for a, b in zip(one, two))
    print(f"  other processes used {statistics.median(disturbed):.0%} of the CPUs (median of runs)")
    print(f"  speed-up 2 threads / 1 thread: {min(one) / min(two):.2f}x best to best, "
          f"{paired:.2f}x median of rounds (target >= 1.6x)")


def bench_calls(vnseg, rounds, number=100000):
    s = vnseg.Segmenter()
    def pynoop(text):
        return text

    env = {"vnseg": vnseg, "pynoop": pynoop, "s": s, "text": SENTENCE,
           "segmented": SEGMENTED, "batch": [SENTENCE] * number, "it": None}
    rows = [
        ("no-op C call: str(text)", "str(text)", number),
        ("pure-Python no-op call", "pynoop(text)", number),
        ("str.split()", "text.split()", number),
        ("vnseg.segment(text)", "vnseg.segment(text)", number),
        ("Segmenter.segment(text)", "s.segment(text)", number),
        ("segment(tokenize=True)", "s.segment(text, tokenize=True)", number),
        ("vnseg.join(segmented)", "vnseg.join(segmented)", number),
        ("Segmenter.tokenize(text)", "s.tokenize(text)", number),
        # The same segmentation without a call per text (one batch).
        ("segment_many, per text", "s.segment_many(batch, threads=1)", 1),
        # New strs: each call also encodes its str to UTF-8 once.
        ("str(new str)", "str(next(it))", number),
        ("Segmenter.segment(new str)", "s.segment(next(it))", number),
    ]
    best = {}
    for _ in range(rounds):
        for label, stmt, n in rows:
            env["it"] = iter(fresh([SENTENCE] * number))
            t = timeit.timeit(stmt, number=n, globals=env) / number * 1e6
            best[label] = min(best.get(label, t), t)
    print(f"\nper call, short sentence ({len(SENTENCE)} characters), best of {rounds} rounds")
    noop = best["no-op C call: str(text)"]
    for label, _, _ in rows:
        print(f"  {label:28} {best[label]:6.2f} µs/call  ({best[label] / noop:5.1f}x no-op)")
    extra = best["Segmenter.segment(text)"] - best["segment_many, per text"]
    print(f"  a call costs {extra:.2f} µs beyond the segmentation itself "
          f"({best['segment_many, per text']:.2f} µs per text in a batch)")


def data_dir(build):
    """$VNSEG_DATA_DIR, else the build's cache variable VNSEG_DATA_DIR."""
    if os.environ.get("VNSEG_DATA_DIR"):
        return os.environ["VNSEG_DATA_DIR"]
    try:
        with open(os.path.join(build, "vnseg-data-dir.txt"), encoding="utf-8") as f:
            return f.read().strip()
    except OSError:
        return ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--data", help="default: ud-vtb/train.raw.txt in the data folder")
    parser.add_argument("--repeat", type=int, default=20, help="copies of the data (default 20)")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--wait", type=float, default=120,
                        help="seconds to wait at most for a quiet machine (default 120)")
    args = parser.parse_args()
    sys.path.insert(0, os.path.join(args.build, "python"))
    import vnseg

    if args.data is None:
        args.data = os.path.join(data_dir(args.build), "ud-vtb", "train.raw.txt")
    if not os.path.exists(args.data):
        sys.exit(f"python_bench: {args.data} not found (UD VTB raw text; pass --data FILE)")
    with open(args.data, encoding="utf-8") as f:
        lines = f.read().splitlines() * args.repeat
    quiet = wait_for_quiet(args.wait)
    print(f"vnseg {vnseg.__version__} from {vnseg.__file__}; {os.path.basename(args.data)} "
          f"x{args.repeat}; {os.cpu_count()} cores; other processes using {quiet:.0%} of the CPUs")
    bench_threads(vnseg, lines, args.rounds)
    bench_calls(vnseg, args.rounds)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Benchmark of the Python module: segment_many speed-up with threads, and
the cost of one call on a short sentence next to a no-op call.

    /usr/bin/python3 bench/python_bench.py [--build build] [--data FILE]

Needs the UD VTB raw text (../shared/data/ud-vtb/train.raw.txt beside the
repository, or --data). Not part of ctest: it asserts nothing and needs a
quiet machine to mean anything; each figure is the best of --runs runs, and
the ratios (2 threads / 1 thread, call / no-op call) are what to compare.
"""
import argparse
import os
import statistics
import sys
import time
import timeit

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SENTENCE = "Tổng thống Mỹ nói hoà bình ở châu Âu là ưu tiên."


def fresh(texts):
    """Copies that are new str objects: CPython caches a str's UTF-8 in the
    object, so reusing the same strs would hide the encoding cost."""
    return [t.encode("utf-8").decode("utf-8") for t in texts]


def best_time(fn, make_input, runs):
    times = []
    for _ in range(runs):
        data = make_input()
        start = time.perf_counter()
        fn(data)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def per_call_us(stmt, number, runs, setup_globals):
    times = timeit.repeat(stmt, number=number, repeat=runs, globals=setup_globals)
    return min(times) / number * 1e6


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "ud-vtb",
                                                       "train.raw.txt"))
    parser.add_argument("--repeat", type=int, default=40, help="copies of the data (default 40)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    sys.path.insert(0, os.path.join(args.build, "python"))
    import vnseg

    if not os.path.exists(args.data):
        sys.exit(f"python_bench: {args.data} not found (UD VTB raw text; pass --data FILE)")
    with open(args.data, encoding="utf-8") as f:
        lines = f.read().splitlines() * args.repeat
    megabytes = sum(len(l.encode("utf-8")) + 1 for l in lines) / 1e6
    segmenter = vnseg.Segmenter()
    print(f"vnseg {vnseg.__version__}, {len(lines)} lines, {megabytes:.1f} MB "
          f"({os.path.basename(args.data)} x{args.repeat}), {os.cpu_count()} cores, "
          f"best of {args.runs}")

    print("\nsegment_many (fresh str objects each run)")
    results = {}
    for threads in (1, 2):
        best, median = best_time(lambda d: segmenter.segment_many(d, threads=threads),
                                 lambda: fresh(lines), args.runs)
        results[threads] = best
        print(f"  threads={threads}: best {best * 1e3:7.1f} ms ({megabytes / best:5.1f} MB/s), "
              f"median {median * 1e3:7.1f} ms")
    loop, _ = best_time(lambda d: [segmenter.segment(t) for t in d], lambda: fresh(lines),
                        args.runs)
    print(f"  loop of segment(): best {loop * 1e3:7.1f} ms ({megabytes / loop:5.1f} MB/s)")
    print(f"  speed-up 2 threads / 1 thread: {results[1] / results[2]:.2f}x (target >= 1.6x)")

    print(f"\nper call, short sentence ({len(SENTENCE)} characters), best of {args.runs}")
    number = 200000
    cached = SENTENCE
    copies = fresh([SENTENCE] * number)
    env = {"vnseg": vnseg, "s": segmenter, "cached": cached, "it": None, "copies": copies}
    rows = [
        ("vnseg._noop(text)", "vnseg._noop(cached)"),
        ("text.split()", "cached.split()"),
        ("vnseg.segment(text)", "vnseg.segment(cached)"),
        ("Segmenter.segment(text)", "s.segment(cached)"),
        ("Segmenter.segment(tokenize=True)", "s.segment(cached, tokenize=True)"),
        ("vnseg.join(segmented)", "vnseg.join('Tổng_thống Mỹ nói hoà_bình ở châu_Âu là ưu_tiên.')"),
        ("Segmenter.tokenize(text)", "s.tokenize(cached)"),
    ]
    noop = None
    for label, stmt in rows:
        us = per_call_us(stmt, number, args.runs, env)
        noop = noop or us
        print(f"  {label:34} {us:6.2f} µs  ({us / noop:5.1f}x no-op)")
    # A new str each call: includes the one-time UTF-8 encoding of the str.
    env["it"] = iter(copies)
    us = min(timeit.repeat("s.segment(next(it))", number=number // args.runs, repeat=1,
                           globals=env)) / (number // args.runs) * 1e6
    print(f"  {'Segmenter.segment(new str)':34} {us:6.2f} µs  ({us / noop:5.1f}x no-op)")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Benchmark of vnseg.dask: segment_files with 1 and 2 local worker
processes, next to the CLI's single thread (`vnseg segment FILE -o OUT`), on
one input of --mb MB (default 200: the UD VTB raw text repeated; any text
with --data).

    /usr/bin/python3 bench/dask_bench.py [--build build] [--mb 200] [--rounds 3]

The machine is shared, so the three are run interleaved, round after round,
and each figure is the best of its rounds; the ratios of one run are what to
compare. Each round also checks that the outputs equal the CLI's byte for
byte. The clusters are started before the timing (a worker process starts in
about a second, once per job); the job's own start (tasks sent, the
dictionary opened in each worker) is timed. Not part of ctest.
"""
import argparse
import filecmp
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cpu_jiffies():
    """(busy, total) CPU time of the whole machine so far, from /proc/stat."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def cpu_seconds(who=resource.RUSAGE_SELF):
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def data_dir(build):
    if os.environ.get("VNSEG_DATA_DIR"):
        return os.environ["VNSEG_DATA_DIR"]
    try:
        with open(os.path.join(build, "vnseg-data-dir.txt")) as f:
            return f.read().strip()
    except OSError:
        return ""


def make_input(path, mb, sources):
    """path: the sources repeated to at least mb MB (whole lines)."""
    text = b""
    for s in sources:
        with open(s, "rb") as f:
            text += f.read()
    if not text.endswith(b"\n"):
        text += b"\n"
    with open(path, "wb") as out:
        written = 0
        while written < mb * 1_000_000:
            out.write(text)
            written += len(text)
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--mb", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--blocksize", default="16MiB")
    parser.add_argument("--data", action="append", help="text to repeat (default: UD VTB raw)")
    parser.add_argument("--workdir", default=None, help="where the input and outputs go")
    args = parser.parse_args()
    sys.path.insert(0, os.path.join(args.build, "python"))
    import vnseg.dask as vd

    cli = os.path.join(args.build, "tools", "vnseg")
    sources = args.data
    if not sources:
        vtb = os.path.join(data_dir(args.build), "ud-vtb")
        sources = [os.path.join(vtb, n) for n in ("train.raw.txt", "dev.raw.txt")
                   if os.path.exists(os.path.join(vtb, n))]
    if not sources:  # any text: the README
        sources = [os.path.join(ROOT, "README.md")]
    work = tempfile.mkdtemp(prefix="vnseg-dask-bench-", dir=args.workdir)
    try:
        src = os.path.join(work, "corpus.txt")
        size = make_input(src, args.mb, sources)
        dictionary = vd.segmenter(None, None).dict_path
        clusters = {}
        for n in (1, 2):
            client = vd.local_client(n)  # as python3 -m vnseg.dask --workers N makes it
            clusters[n] = (client.cluster, client)
        best, best_cpu = {}, {}
        cli_out = os.path.join(work, "cli.txt")
        for r in range(args.rounds):
            busy0, total0 = cpu_jiffies()
            c = cpu_seconds(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            subprocess.run([cli, "segment", "--no-progress", "--dict", dictionary, src, "-o",
                            cli_out], check=True)
            seconds = {"cli": time.perf_counter() - t}
            cpu = {"cli": cpu_seconds(resource.RUSAGE_CHILDREN) - c}
            for n, (_, client) in clusters.items():
                out = os.path.join(work, f"out{n}")
                shutil.rmtree(out, ignore_errors=True)
                c = sum(client.run(cpu_seconds).values()) + cpu_seconds()
                t = time.perf_counter()
                vd.segment_files([src], out, client=client, blocksize=args.blocksize)
                key = f"{n} worker{'s' if n > 1 else ''}"
                seconds[key] = time.perf_counter() - t
                cpu[key] = sum(client.run(cpu_seconds).values()) + cpu_seconds() - c
                if not filecmp.cmp(os.path.join(out, "corpus.txt"), cli_out, shallow=False):
                    sys.exit(f"round {r}: {n} workers' output differs from the CLI's")
            busy1, total1 = cpu_jiffies()
            load = (busy1 - busy0) / max(1, total1 - total0)
            print(f"round {r + 1}: " + ", ".join(f"{k} {size / 1e6 / s:.1f} MB/s"
                                                 for k, s in seconds.items()) +
                  "; CPU s: " + ", ".join(f"{k} {v:.1f}" for k, v in cpu.items()) +
                  f" (machine busy {100 * load:.0f}%)", flush=True)
            for k, s in seconds.items():
                best[k] = min(best.get(k, s), s)
                best_cpu[k] = min(best_cpu.get(k, cpu[k]), cpu[k])
        for _, (cluster, client) in clusters.items():
            client.close()
            cluster.close()
        mbs = {k: size / 1e6 / s for k, s in best.items()}
        print(f"\ninput: {size / 1e6:.0f} MB, blocksize {args.blocksize}, best of {args.rounds}")
        for k, v in mbs.items():
            print(f"  {k:10s} {v:6.1f} MB/s")
        print(f"  2 workers / 1 worker: {mbs['2 workers'] / mbs['1 worker']:.2f}x")
        print(f"  1 worker / CLI one thread: {mbs['1 worker'] / mbs['cli']:.2f}")
        print("CPU time (all processes of each: the CLI; driver + workers), best of the rounds:")
        for k, v in best_cpu.items():
            print(f"  {k:10s} {v:6.1f} s = {size / 1e6 / v:6.1f} MB per CPU second")
        print(f"  CLI CPU / 1 worker CPU: {best_cpu['cli'] / best_cpu['1 worker']:.2f}, "
              f"2 workers: {best_cpu['cli'] / best_cpu['2 workers']:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

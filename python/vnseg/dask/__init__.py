"""vnseg on a Dask cluster: whole files converted block by block, one
output per input, byte for byte the output of `vnseg OP FILE`.

    >>> from vnseg.dask import segment_files
    >>> segment_files(["a.txt", "b.txt"], "out")      # a LocalCluster
    >>> segment_files(paths, "out", client="tcp://scheduler:8786")

Each input is read in blocks of about `blocksize` bytes moved to line ends
(a line longer than a block goes whole into one block), each block is
converted by the C++ library as bytes (the CLI's own stream reader and
conversions: no Python str), its output written to a part file, and the
parts joined into OUTPUT_DIR/NAME (NAME: the input's file name), renamed
into place when whole, as `vnseg -o` writes (a symlink's target is written
and the link stays; an existing file keeps its mode; a device or FIFO is
written through, in order, by the driver). OUTPUT_DIR/vnseg-manifest.json records each output
(see _manifest.py); a rerun skips inputs whose output is done. Every path
(inputs, OUTPUT_DIR, dict_path, user_words) must be the same for the
driver and every worker: one machine, or storage they share.

Also segment_bag and segment_series: a Dask Bag or Series of str, converted
partition by partition with segment_many (and the other _many functions).
"""
import contextlib
import glob
import os
import shutil
import signal
import stat
import threading
import time

from .._vnseg import _OutputFile, __version__
from . import _manifest
from ._worker import (INVALID, OPS, _SEGMENTING, BlockError, _chunks_of, assemble, convert_block,
                      segmenter)

__all__ = ["convert_files", "segment_files", "resegment_files", "join_files", "normalize_files",
           "sentences_files", "segment_bag", "segment_series", "InputError", "local_client"]

_PARTS = ".vnseg-parts"  # inside OUTPUT_DIR, removed when the job is done
# The CLI's read size (text_stream.h); its test hook VNSEG_BLOCK_SIZE too.
_STREAM_BLOCK = 1 << 20
_UNITS = {"": 1, "B": 1, "KB": 1000, "MB": 1000 ** 2, "GB": 1000 ** 3, "KIB": 1 << 10,
          "MIB": 1 << 20, "GIB": 1 << 30}


class InputError(ValueError):
    """Bad input (invalid UTF-8 with invalid='error'): the message is the
    CLI's, with the file, line and byte offset."""


def _bytes(size):
    """A number of bytes from an int or a str such as "64MiB" or "4 KiB"."""
    if isinstance(size, int):
        value = size
    else:
        text = str(size).strip().upper().replace(" ", "")
        number = text.rstrip("KMGIB")
        unit = text[len(number):]
        if not number or unit not in _UNITS:
            raise ValueError(f"blocksize: not a size: {size!r} (e.g. 65536, '64MiB')")
        value = int(float(number) * _UNITS[unit])
    if value < 1:
        raise ValueError(f"blocksize: must be at least 1 byte, not {size!r}")
    return value


def _stream_block():
    """The CLI's read size: VNSEG_BLOCK_SIZE if set, checked as the CLI
    checks it (convert_commands.cc), else 1 MiB."""
    value = os.environ.get("VNSEG_BLOCK_SIZE", "")
    if not value:
        return _STREAM_BLOCK
    if not (value.isascii() and value.isdigit()) or not 16 <= int(value) <= 1 << 30:
        raise ValueError(f"VNSEG_BLOCK_SIZE must be a number of bytes from 16 to 2^30, "
                         f"not {value!r}")
    return int(value)


def local_client(workers=None):
    """A distributed.Client on a new LocalCluster of `workers` processes
    (default: one per core) with one thread each: the work is CPU-bound and
    each process maps the dictionary once."""
    import dask
    from distributed import Client, LocalCluster

    n = workers or os.cpu_count() or 1
    # Dask's statistical profiler samples every thread's stack 100 times a
    # second, holding the GIL: CPU taken from the conversions, for a
    # dashboard nobody looks at here.
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
    return Client(cluster)


def _client(client):
    """(client, whether we made it and must close it)."""
    if client is None:
        return local_client(), True
    if isinstance(client, str):
        from distributed import Client

        return Client(client), True
    return client, False


def _options(op, tokenize, sentences, detok, tone, fold_quotes, keep_spaces, keep_invisible):
    """The options of `op` for the library, as the CLI takes them."""
    from .._vnseg import TONES

    if op == "segment":
        return {"tokenize": bool(tokenize), "sentences": bool(sentences)}
    if op == "join":
        return {"detok": bool(detok)}
    if op == "normalize":
        if tone not in TONES:
            raise ValueError(f"tone: must be keep, old or new, not {tone!r}")
        return {"tone": TONES[tone], "fold_quotes": bool(fold_quotes),
                "spaces": not keep_spaces, "invisible": not keep_invisible}
    return {}


def _line_of(path, offset):
    """The line number of byte `offset` of path, a line start."""
    newlines = 0
    with open(path, "rb") as f:
        left = offset
        while left > 0:
            chunk = f.read(min(left, 1 << 20))
            if not chunk:
                break
            newlines += chunk.count(b"\n")
            left -= len(chunk)
    return newlines + 1


def _bad_block_message(name, path, start, blocksize, size):
    """The CLI's message for the first invalid byte of the block at start."""
    from .._vnseg import _invalid_utf8_message
    from ._worker import read_block

    _, data = read_block(path, start, blocksize, size)
    message = _invalid_utf8_message(data, start, _line_of(path, start))
    return f"{name}: {message} (use --invalid=replace or --invalid=pass to go on)"


def _print_hint(op, name, path, seg):
    """The hint of `vnseg segment` on stderr when `path` looks segmented
    already (from its first 64 KiB, as the CLI), naming the file."""
    import sys

    with open(path, "rb") as f:
        head = f.read(1 << 16)
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as e:
        head = head[:e.start]  # (the CLI looks at valid text; a cut character ends the head)
    joined, spaced, looks = seg._native.segmented_hint(head)
    if looks:
        print(f"vnseg {op}: {name}: hint: the input looks segmented already ({joined} of its "
              f"first {joined + spaced} words of several syllables are joined with '_'); to "
              f"re-segment it, use 'vnseg resegment'", file=sys.stderr)


class _Signalled(BaseException):
    """SIGTERM or SIGHUP came while a job ran: args (signal number,)."""


@contextlib.contextmanager
def _signals_end_job():
    """While the job runs, SIGTERM and SIGHUP (those whose action is the
    default: ending the process) raise _Signalled in the main thread, so
    that the job's cleanup runs (the cluster closed, parts and temporary
    outputs removed, as SIGINT's KeyboardInterrupt does); the caller then
    ends the process by the same signal. A second signal meanwhile waits."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    came = []

    def handler(signum, frame):
        if not came:
            came.append(signum)
            raise _Signalled(signum)

    old = {}
    for sig in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(sig) == signal.SIG_DFL:
            old[sig] = signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, action in old.items():
            signal.signal(sig, action)


def _end_by(signum):
    """Ends the process by signal signum, its default action."""
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def _temporaries(output):
    """The temporary files that writing output may have left (OutputFile's
    TARGET.vnseg-tmp-XXXXXX beside the symlinks' target), for a driver to
    remove after its workers stopped or were killed."""
    target = os.path.realpath(output)
    return glob.glob(glob.escape(target) + ".vnseg-tmp-" + "[A-Za-z0-9]" * 6)


def _is_direct(output):
    """Whether output (symlinks followed) is a device, FIFO or socket: not
    replaced but written through, once, by the driver."""
    try:
        mode = os.stat(output).st_mode
    except FileNotFoundError:  # nothing, or a dangling link: its target is made
        return False
    if stat.S_ISDIR(mode):
        raise ValueError(f"cannot write {output}: Is a directory")
    return not stat.S_ISREG(mode)


def convert_files(inputs, output_dir, *, op="segment", client=None, blocksize="64MiB",
                  invalid="error", dict_path=None, user_words=None, tokenize=False,
                  sentences=False, detok=False, tone="keep", fold_quotes=False,
                  keep_spaces=False, keep_invisible=False, progress=False, hint=True):
    """Converts each of `inputs` (paths) into output_dir/NAME (NAME: the
    input's file name; two inputs of one name are refused), whose bytes are
    those of `vnseg OP [options] INPUT` (see the module's doc; op one of
    segment, resegment, join, sentences, normalize, with that command's
    options). client: a distributed.Client, a scheduler address, or None
    for a LocalCluster of one worker process per core (closed after).
    invalid: 'error' (raise InputError naming the file, line and byte
    offset of the first bad byte; no output of that file), 'replace' or
    'pass', as the CLI's --invalid. Inputs whose output the manifest
    records as done from the same input by the same job are skipped.
    Returns the manifest's entries of the inputs, by output name."""
    if op not in OPS:
        raise ValueError(f"op: must be one of {', '.join(OPS)}, not {op!r}")
    if invalid not in INVALID:
        raise ValueError(f"invalid: must be error, replace or pass, not {invalid!r}")
    if isinstance(inputs, (str, os.PathLike)):
        raise TypeError("inputs: expected a list of paths, not one path")
    block = _bytes(blocksize)
    stream_block = _stream_block()  # before any work: a bad value fails early
    options = _options(op, tokenize, sentences, detok, tone, fold_quotes, keep_spaces,
                       keep_invisible)
    names = [os.fspath(p) for p in inputs]
    output_dir = os.path.abspath(os.fspath(output_dir))
    os.makedirs(output_dir, exist_ok=True)
    seen = {}
    for name in names:
        base = os.path.basename(name)
        if not base or base in (_manifest.NAME, _PARTS):
            raise ValueError(f"{name}: not a file name for an output")
        if base in seen:
            raise ValueError(f"{name} and {seen[base]}: the same output name {base}")
        seen[base] = name
        out = os.path.join(output_dir, base)
        if os.path.exists(out) and os.path.samefile(out, name):
            raise ValueError(f"refusing to write {out}: it is the input {name}")
        _is_direct(out)  # a folder: refused before any work
    job = {"op": op, "options": options, "invalid": invalid, "vnseg_version": __version__}
    seg = None
    if op in _SEGMENTING:
        dict_path = None if dict_path is None else os.path.abspath(os.fspath(dict_path))
        user_words = None if user_words is None else os.path.abspath(os.fspath(user_words))
        seg = segmenter(dict_path, user_words)  # here too: errors early, the checksum
        info = seg.dictionary_info
        job["dictionary"] = {"path": info["path"], "checksum": info["checksum"],
                             "source": info["source"], "user_words": user_words,
                             "user_word_count": info["user_word_count"],
                             "user_words_file": None if user_words is None
                             else _manifest.file_digest(user_words)}
    manifest = _manifest.load(output_dir)
    todo, results = [], {}
    for name in names:
        base = os.path.basename(name)
        entry = {"input": os.path.abspath(name), **_manifest.input_state(name), **job}
        if _manifest.is_done(manifest, base, entry, output_dir):
            results[base] = manifest["files"][base]
        else:
            todo.append((name, base, entry))
    if not todo:
        return results
    if hint and op == "segment":
        for name, _, _ in todo:
            _print_hint(op, name, name, seg)
    parts_dir = os.path.join(output_dir, _PARTS)
    try:
        with _signals_end_job():
            os.makedirs(parts_dir, exist_ok=True)
            try:
                client, own = _client(client)
                try:
                    _run(client, todo, output_dir, parts_dir, block, stream_block, op, options,
                         invalid, dict_path, user_words, manifest, job, results, progress)
                finally:
                    if own:
                        cluster = getattr(client, "cluster", None)
                        client.close()
                        if cluster is not None:
                            cluster.close()
            finally:  # done or failed: no part and no half-written output stays
                _remove_parts(parts_dir)
                # An assemble task whose worker was killed (or stopped by
                # the cluster's close) left its temporary output.
                for name in names:
                    for stale in _temporaries(os.path.join(output_dir, os.path.basename(name))):
                        with contextlib.suppress(FileNotFoundError):
                            os.unlink(stale)
    except _Signalled as e:
        _end_by(e.args[0])
    return results


def _block_error(name, blocks, block, size):
    """The error of the first failed block of blocks (all done or failed):
    InputError with the CLI's message for invalid input."""
    for b in blocks:
        if b.status == "error":
            error = b.exception()
            if isinstance(error, BlockError):
                _, start = error.args
                return InputError(_bad_block_message(name, os.path.abspath(name), start, block,
                                                     size))
            return error
    return None


class _Direct:
    """A device or FIFO output, written by the driver block after block in
    order as they are done (once: a block run again on another worker is
    not written again)."""

    def __init__(self, output, blocks, part_paths):
        self.output, self.blocks, self.part_paths = output, blocks, part_paths
        self.done, self.next, self.size, self.digest = {}, 0, 0, None
        self._chunks = None
        self._writer = None

    def block_done(self, k, result, checksum):
        """Block k is done: writes what is now in order. Returns (size,
        sha256) when the last is written, else None."""
        import hashlib

        if checksum is not None and result[2] != checksum:
            raise RuntimeError(f"{self.output}: the workers used another dictionary "
                               f"({result[2]}) than this one ({checksum}): give dict_path on "
                               f"shared storage")
        self.done[k] = result
        if self._writer is None:
            self.digest = hashlib.sha256()
            self._writer = _OutputFile(self.output)  # a FIFO: waits for its reader
        while self.next in self.done:
            for chunk in _chunks_of([self.part_paths[self.next]]):
                self._writer.write(chunk)
                self.digest.update(chunk)
                self.size += len(chunk)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.part_paths[self.next])
            self.next += 1
        if self.next < len(self.blocks):
            return None
        self._writer.commit()
        return self.size, self.digest.hexdigest()

    def abort(self):
        if self._writer is not None:
            self._writer.abort()


def _run(client, todo, output_dir, parts_dir, block, stream_block, op, options, invalid, dict_path,
         user_words, manifest, job, results, progress):
    from distributed import as_completed, wait

    checksum = job["dictionary"]["checksum"] if "dictionary" in job else None
    files = {}  # future -> (name, base, entry, block futures, size, part paths, _Direct, k)
    for i, (name, base, entry) in enumerate(todo):
        path = os.path.abspath(name)
        size = entry["size"]
        output = os.path.join(output_dir, base)
        offsets = range(0, size, block) if size else [0]
        part_paths, blocks = [], []
        for k, offset in enumerate(offsets):
            part = os.path.join(parts_dir, f"{i}-{base}.{k}.part")
            part_paths.append(part)
            blocks.append(client.submit(convert_block, path, name, offset, block, size, op, options,
                                        invalid, stream_block, dict_path, user_words, part,
                                        pure=True, retries=0))
        if _is_direct(output):
            direct = _Direct(output, blocks, part_paths)
            for k, b in enumerate(blocks):
                files[b] = (name, base, entry, blocks, size, part_paths, direct, k)
            continue
        # assemble writes nothing if a block's worker used another dictionary.
        whole = client.submit(assemble, output, part_paths, checksum, *blocks, pure=True)
        files[whole] = (name, base, entry, blocks, size, part_paths, None, None)
    if progress:
        from distributed.diagnostics.progressbar import progress as show

        show(list(files), notebook=False)
    directs = {id(r[6]): r[6] for r in files.values() if r[6] is not None}
    try:
        for future in as_completed(list(files), loop=client.loop):
            name, base, entry, blocks, size, part_paths, direct, k = files[future]
            if future.status == "error":
                # Stop the job now: nothing else is waited for but the blocks of
                # this file, whose first failure is the one to report.
                client.cancel([f for f in files if f not in blocks])
                wait(blocks)
                raise _block_error(name, blocks, block, size) or future.exception()
            if direct is not None:
                done = direct.block_done(k, future.result(), checksum)
                if done is None:
                    continue
                out_size, digest = done
            else:
                out_size, digest, checksums = future.result()
                if checksum is not None and checksums != [checksum]:
                    raise RuntimeError(f"{name}: the workers used another dictionary ({checksums}) "
                                       f"than this one ({checksum}): give dict_path on shared "
                                       f"storage")
            manifest["files"][base] = {**entry, "output": os.path.join(output_dir, base),
                                       "output_size": out_size, "sha256": digest}
            _manifest.save(output_dir, manifest)
            results[base] = manifest["files"][base]
            for p in part_paths:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(p)
    except BaseException:
        client.cancel(list(files))
        for direct in directs.values():
            direct.abort()
        raise


def _remove_parts(parts_dir):
    """Removes the parts folder. A cancelled block already running on a
    worker (cancel does not stop it) may write its part while the folder is
    being removed, which then stays with that part in it: try again, for a
    few seconds at most. Once the folder is gone such a write fails and
    leaves nothing."""
    for _ in range(100):
        shutil.rmtree(parts_dir, ignore_errors=True)
        if not os.path.exists(parts_dir):
            return
        time.sleep(0.05)


def segment_files(inputs, output_dir, **kwargs):
    """convert_files with op='segment' (options tokenize, sentences,
    dict_path, user_words)."""
    return convert_files(inputs, output_dir, op="segment", **kwargs)


def resegment_files(inputs, output_dir, **kwargs):
    """convert_files with op='resegment' (options dict_path, user_words)."""
    return convert_files(inputs, output_dir, op="resegment", **kwargs)


def join_files(inputs, output_dir, **kwargs):
    """convert_files with op='join' (option detok)."""
    return convert_files(inputs, output_dir, op="join", **kwargs)


def normalize_files(inputs, output_dir, **kwargs):
    """convert_files with op='normalize' (options tone, fold_quotes,
    keep_spaces, keep_invisible)."""
    return convert_files(inputs, output_dir, op="normalize", **kwargs)


def sentences_files(inputs, output_dir, **kwargs):
    """convert_files with op='sentences'."""
    return convert_files(inputs, output_dir, op="sentences", **kwargs)


def _convert_partition(texts, op, tokenize, detok, dict_path, user_words):
    """A partition's texts converted by the worker's Segmenter, one call."""
    from .. import join_many

    texts = list(texts)
    if op == "join":
        return join_many(texts, detok=detok, threads=1)
    seg = segmenter(dict_path, user_words)
    if op == "resegment":
        return seg.resegment_many(texts, threads=1)
    return seg.segment_many(texts, tokenize=tokenize, threads=1)


def segment_bag(bag, *, op="segment", tokenize=False, detok=False, dict_path=None,
                user_words=None):
    """A dask.bag.Bag of str -> the Bag of their conversions (op: segment,
    resegment or join), partition by partition (map_partitions over
    segment_many). Each worker opens the dictionary once."""
    if op not in ("segment", "resegment", "join"):
        raise ValueError(f"op: must be segment, resegment or join, not {op!r}")
    return bag.map_partitions(_convert_partition, op, tokenize, detok, dict_path, user_words)


def segment_series(series, *, op="segment", tokenize=False, detok=False, dict_path=None,
                   user_words=None):
    """A dask.dataframe Series of str -> the Series of their conversions,
    same index (needs pandas, which dask.dataframe needs anyway)."""
    if op not in ("segment", "resegment", "join"):
        raise ValueError(f"op: must be segment, resegment or join, not {op!r}")

    def convert(part):
        return part.__class__(_convert_partition(part.tolist(), op, tokenize, detok, dict_path,
                                                 user_words), index=part.index, name=part.name)

    return series.map_partitions(convert, meta=series._meta)

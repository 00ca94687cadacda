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
into place when whole. OUTPUT_DIR/vnseg-manifest.json records each output
(see _manifest.py); a rerun skips inputs whose output is done. Every path
(inputs, OUTPUT_DIR, dict_path, user_words) must be the same for the
driver and every worker: one machine, or storage they share.

Also segment_bag and segment_series: a Dask Bag or Series of str, converted
partition by partition with segment_many (and the other _many functions).
"""
import glob
import os
import shutil

from .._vnseg import __version__
from . import _manifest
from ._worker import INVALID, OPS, _SEGMENTING, BlockError, assemble, convert_block, segmenter

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
    os.makedirs(parts_dir, exist_ok=True)
    try:
        client, own = _client(client)
        try:
            _run(client, todo, output_dir, parts_dir, block, stream_block, op, options, invalid,
                 dict_path, user_words, manifest, job, results, progress)
        finally:
            if own:
                cluster = getattr(client, "cluster", None)
                client.close()
                if cluster is not None:
                    cluster.close()
    finally:  # done or failed: no part and no half-written output stays
        shutil.rmtree(parts_dir, ignore_errors=True)
        # An assemble task whose worker was killed left its temporary output.
        for _, base, _ in todo:
            for stale in glob.glob(glob.escape(os.path.join(output_dir, base)) + ".tmp-*"):
                try:
                    os.unlink(stale)
                except FileNotFoundError:
                    pass
    return results


def _run(client, todo, output_dir, parts_dir, block, stream_block, op, options, invalid, dict_path,
         user_words, manifest, job, results, progress):
    from distributed import as_completed, wait

    files = {}  # assemble future -> (name, base, entry, block futures, size)
    for i, (name, base, entry) in enumerate(todo):
        path = os.path.abspath(name)
        size = entry["size"]
        offsets = range(0, size, block) if size else [0]
        part_paths, blocks = [], []
        for k, offset in enumerate(offsets):
            part = os.path.join(parts_dir, f"{i}-{base}.{k}.part")
            part_paths.append(part)
            blocks.append(client.submit(convert_block, path, name, offset, block, size, op, options,
                                        invalid, stream_block, dict_path, user_words, part,
                                        pure=True, retries=0))
        # assemble writes nothing if a block's worker used another dictionary.
        checksum = job["dictionary"]["checksum"] if "dictionary" in job else None
        whole = client.submit(assemble, os.path.join(output_dir, base), part_paths, checksum,
                              *blocks, pure=True)
        files[whole] = (name, base, entry, blocks, size, part_paths)
    if progress:
        from distributed.diagnostics.progressbar import progress as show

        show(list(files), notebook=False)
    errors = []
    for future in as_completed(list(files), loop=client.loop):
        name, base, entry, blocks, size, part_paths = files[future]
        if future.status == "error":
            errors.append((name, blocks, size, future))
            continue
        out_size, digest, checksums = future.result()
        if "dictionary" in job and checksums != [job["dictionary"]["checksum"]]:
            raise RuntimeError(f"{name}: the workers used another dictionary ({checksums}) than "
                               f"this one ({job['dictionary']['checksum']}): give dict_path on "
                               f"shared storage")
        manifest["files"][base] = {**entry, "output": os.path.join(output_dir, base),
                                   "output_size": out_size, "sha256": digest}
        _manifest.save(output_dir, manifest)
        results[base] = manifest["files"][base]
        for p in part_paths:
            try:
                os.unlink(p)
            except FileNotFoundError:
                pass
    if errors:
        order = {name: i for i, (name, _, _) in enumerate(todo)}
        name, blocks, size, future = min(errors, key=lambda e: order[e[0]])
        wait(blocks)
        for b in blocks:
            if b.status == "error":
                error = b.exception()
                if isinstance(error, BlockError):
                    _, start = error.args
                    raise InputError(_bad_block_message(name, os.path.abspath(name), start, block,
                                                        size)) from None
                raise error
        raise future.exception()


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

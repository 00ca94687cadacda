"""What runs on a Dask worker: one block of an input converted into a part
file, and an input's parts joined into its output. Tasks are pure (the same
arguments give the same bytes) and write only under temporary names that
they rename into place when whole, so a task run twice, or once on a worker
killed half-way and again on another, leaves the same files. The output is
written as `vnseg -o` writes it (the CLI's OutputFile): a symlink's target,
an existing file's mode kept; devices and FIFOs are the driver's (written
once, in order: see __init__.py)."""
import hashlib
import os
import threading
import uuid

import stat

from .. import Segmenter
from .._vnseg import _OutputFile
from .._vnseg import _convert_block as _convert_plain_block

# The conversions; those in _SEGMENTING need a dictionary.
OPS = ("segment", "resegment", "join", "sentences", "normalize")
_SEGMENTING = ("segment", "resegment")
INVALID = {"error": 0, "replace": 1, "pass": 2}

# One Segmenter per (dictionary, user words) per worker process: the
# dictionary is mapped once, and the Segmenter's pool gives each worker
# thread its own C++ segmenter, reused from task to task.
_segmenters = {}
_segmenters_lock = threading.Lock()


def segmenter(dict_path, user_words):
    """The process's Segmenter for dict_path (None: this machine's default)
    and user_words (a path or None), made again when the user words file
    changed (its ctime: set by every write, unlike mtime) since."""
    key = (dict_path, user_words)
    state = None
    if user_words is not None:
        st = os.stat(user_words)
        state = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    with _segmenters_lock:
        if key not in _segmenters or _segmenters[key][0] != state:
            _segmenters[key] = (state, Segmenter(dict_path, user_words))
        return _segmenters[key][1]


class BlockError(ValueError):
    """Invalid input in a block: args are (path, start); the driver makes
    the message with the line number, which the block does not know."""


def _line_start(f, x, size, limit=None):
    """The first line start at or after byte x of the open file f (0, or
    just after a '\\n'); size at the end. With `limit`: None if there is
    none before byte limit, read no further (a block inside a long line
    reads its own bytes, not the rest of the line)."""
    if x <= 0:
        return 0
    if x >= size:
        return size
    end = size if limit is None else min(limit, size)  # line starts in [x, end): '\\n' in [x - 1, end - 1)
    f.seek(x - 1)
    pos = x - 1
    while pos < end - 1:
        chunk = f.read(min(1 << 16, end - 1 - pos))
        if not chunk:
            break
        i = chunk.find(b"\n")
        if i >= 0:
            return pos + i + 1
        pos += len(chunk)
    return size if limit is None else None


def read_block(path, offset, length, size):
    """(start, bytes) of the block [offset, offset + length) of path moved
    to line starts at both ends: the lines that start in it, whole. A line
    longer than the block goes whole to the block where it starts; the
    next blocks, with no line start, are empty and read only their own
    bytes: the blocks of a file read it about twice, however long its
    lines."""
    with open(path, "rb") as f:
        start = _line_start(f, offset, size, limit=offset + length)
        if start is None or start >= size:
            return min(offset + length, size), b""
        end = _line_start(f, offset + length, size)
        f.seek(start)
        return start, f.read(end - start)


def _write_whole(path, data_chunks, sync=True, hashed=True):
    """Writes the chunks to a temporary name beside path, flushed to disk
    if `sync`, then renames it to path; returns (size, sha256 hex, or None
    if not `hashed`: a part, whose bytes the output's digest covers)."""
    tmp = f"{path}.tmp-{uuid.uuid4().hex}"
    digest, size = hashlib.sha256() if hashed else None, 0
    try:
        with open(tmp, "wb") as out:
            for chunk in data_chunks:
                out.write(chunk)
                if digest is not None:
                    digest.update(chunk)
                size += len(chunk)
            out.flush()
            if sync:
                os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return size, digest.hexdigest() if digest is not None else None


def convert_block(path, name, offset, length, size, op, options, invalid, stream_block,
                  dict_path, user_words, part_path):
    """Converts block [offset, offset + length) of the input path (name: as
    the user gave it, for messages) into part_path. Returns (start, output
    size, dictionary checksum or None). Raises BlockError for invalid UTF-8
    with invalid='error'."""
    start, data = read_block(path, offset, length, size)
    checksum = None
    try:
        if op in _SEGMENTING:
            seg = segmenter(dict_path, user_words)
            checksum = seg.dictionary_info["checksum"]
            out = seg._native.convert_block(op, data, name, start, 1, INVALID[invalid],
                                             stream_block, options)
        else:
            out = _convert_plain_block(op, data, name, start, 1, INVALID[invalid], stream_block,
                                       options)
    except ValueError as e:
        if not str(e).startswith(f"{name}: "):  # not the input's bytes: a bad argument
            raise
        raise BlockError(path, start) from None
    del data
    # A part is not flushed to disk: after a crash of its machine, the job
    # runs again (its outputs are flushed).
    out_size, _ = _write_whole(part_path, [out], sync=False, hashed=False)
    return start, out_size, checksum


def _chunks_of(paths):
    for p in paths:
        with open(p, "rb") as f:
            while True:
                chunk = f.read(1 << 24)
                if not chunk:
                    break
                yield chunk


def write_output(output, chunks):
    """Writes the chunks to output as `vnseg -o OUTPUT` does (through a
    symlink to its target; a regular file replaced by a temporary renamed
    into place, its mode kept; a device or FIFO written directly). Returns
    (size, sha256 hex); after an error, nothing is left of the temporary."""
    out = _OutputFile(output)
    digest, size = hashlib.sha256(), 0
    try:
        for chunk in chunks:
            out.write(chunk)
            digest.update(chunk)
            size += len(chunk)
        out.commit()
    except BaseException:
        out.abort()
        raise
    return size, digest.hexdigest()


def assemble(output, part_paths, checksum, *blocks):
    """Joins the parts (in order) into output (see write_output), renamed
    into place when whole. The parts stay (the driver removes them once
    the output is recorded), so that a rerun of this task, its worker
    killed, finds them. checksum: the driver's dictionary (None: a
    conversion without one); if a block was made with another, nothing is
    written (size and sha256 None) and the driver reports it. `blocks`: the
    results of convert_block, which Dask passes once they are all done.
    Returns (size, sha256, the dictionary checksums seen)."""
    seen = sorted({b[2] for b in blocks if b[2] is not None})
    if checksum is not None and seen != [checksum]:
        return None, None, seen
    try:  # the driver found a regular file or nothing: a task run again must not write twice
        mode = os.stat(output).st_mode
    except FileNotFoundError:
        mode = stat.S_IFREG
    if not stat.S_ISREG(mode):
        raise OSError(f"cannot write {output}: no longer a regular file (changed during the job)")
    size, digest = write_output(output, _chunks_of(part_paths))
    return size, digest, seen

"""The manifest of an output folder, vnseg-manifest.json: what each output
was made from (the input's path, size and modification time), by what (the
conversion, its options, the vnseg version, the dictionary's checksum, the
user words' size and SHA-256), and what it holds (size and SHA-256). A
rerun skips an input whose entry still matches; the file is rewritten (to a
temporary name, then renamed) after each output is done, so a job that
stops half-way keeps what it finished."""
import hashlib
import json
import os
import stat

NAME = "vnseg-manifest.json"
FORMAT = 1


def load(output_dir):
    """The manifest of output_dir, or an empty one."""
    try:
        with open(os.path.join(output_dir, NAME), encoding="utf-8") as f:
            manifest = json.load(f)
    except FileNotFoundError:
        return {"format": FORMAT, "files": {}}
    if manifest.get("format") != FORMAT or not isinstance(manifest.get("files"), dict):
        raise ValueError(f"{os.path.join(output_dir, NAME)}: not a vnseg manifest of format {FORMAT}")
    return manifest


def save(output_dir, manifest):
    path = os.path.join(output_dir, NAME)
    tmp = f"{path}.tmp-{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def input_state(path):
    """What a rerun compares of an input: its size and modification time."""
    st = os.stat(path)
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def file_digest(path):
    """What a rerun compares of a file that is read whole (user words): its
    size and SHA-256, so an edit that keeps its size, mtime or word count
    is still seen."""
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return {"size": size, "sha256": digest.hexdigest()}


def is_done(manifest, output_name, entry, output_dir):
    """Whether output_name was made from the same input, by the same job
    (entry without its output fields), and is still there with its size: a
    regular file (a device or FIFO is written again)."""
    old = manifest["files"].get(output_name)
    if old is None or any(old.get(k) != v for k, v in entry.items()):
        return False
    try:
        st = os.stat(os.path.join(output_dir, output_name))
    except FileNotFoundError:
        return False
    return stat.S_ISREG(st.st_mode) and st.st_size == old.get("output_size")

"""vnseg.dask on a LocalCluster of 2 worker processes: every output is the
`vnseg` command's bytes for its file (blocks of 4 KiB: a file of many
blocks, CRLF, a line longer than a block, an empty file, no final line
end), a worker killed mid-job changes nothing, invalid UTF-8 is reported as
the CLI reports it and leaves no output, and a rerun skips what is done.
Run by ctest as python.dask (its own test, in parallel with the others)."""
import os
import random
import signal
import stat
import subprocess
import sys
import threading
import time

import pytest

pytest.importorskip("distributed")

import vnseg  # noqa: E402
import vnseg.dask as vd  # noqa: E402
from conftest import random_text  # noqa: E402

CLI = os.path.join(os.environ.get("VNSEG_TEST_BUILD_DIR", ""), "tools", "vnseg")
pytestmark = pytest.mark.skipif(not os.access(CLI, os.X_OK), reason="the vnseg command is not built")
BLOCK = "4KiB"


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=":0")
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def cli(args, path, env=None):
    """stdout of `vnseg ARGS PATH`."""
    r = subprocess.run([CLI, *args, path], capture_output=True, timeout=120, env=env)
    assert r.returncode == 0, r.stderr
    return r.stdout


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)
    return str(path)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    rng = random.Random(15)
    d = tmp_path_factory.mktemp("in")
    lines = [random_text(rng, rng.randint(0, 30)).replace("\n", " ").replace("\r", " ")
             for _ in range(400)]
    many = "\n".join(lines).encode() + b"\n"
    assert len(many) > 8 * 4096
    long_line = " ".join(random_text(rng, 40).replace("\n", " ") for _ in range(60)).encode()
    assert len(long_line) > 3 * 4096
    tokenized = vnseg.segment("\n".join(lines[:100]), tokenize=True).encode()
    return [
        write(d / "many.txt", many),
        write(d / "crlf.txt", "\r\n".join(lines[:150]).encode() + b"\r\n"),
        write(d / "long.txt", b"d\xc3\xb2ng m\xe1\xbb\x99t\n" + long_line + b"\nhai\n" + long_line),
        write(d / "empty.txt", b""),
        write(d / "bom.txt", "\ufeffTổng thống Mỹ nói\nkhông xuống dòng".encode()),
        write(d / "tokenized.txt", tokenized),
    ]


CASES = [
    ("segment", {}, []),
    ("segment", {"tokenize": True}, ["--tokenize"]),
    ("segment", {"sentences": True}, ["--sentences"]),
    ("resegment", {}, []),
    ("join", {}, []),
    ("join", {"detok": True}, ["--detok"]),
    ("sentences", {}, []),
    ("normalize", {"tone": "old", "fold_quotes": True}, ["--tone", "old", "--fold-quotes"]),
]


@pytest.mark.parametrize("op, kwargs, flags", CASES, ids=[" ".join([c[0], *c[2]]) for c in CASES])
def test_same_bytes_as_the_command(client, inputs, tmp_path, op, kwargs, flags):
    out = tmp_path / "out"
    vd.convert_files(inputs, out, op=op, client=client, blocksize=BLOCK, **kwargs)
    for path in inputs:
        assert (out / os.path.basename(path)).read_bytes() == cli([op, *flags], path), path
    assert sorted(os.listdir(out)) == sorted([os.path.basename(p) for p in inputs] +
                                             ["vnseg-manifest.json"])


def test_long_lines_cut_by_the_stream_reader(client, inputs, tmp_path, monkeypatch):
    # The CLI's reads of 1000 bytes: the long lines go to the converters in
    # pieces (PieceState carried across), in the CLI and in each block.
    # Lines of more than a read of single-spaced syllables are segmented
    # around the cut (README, "Long lines and memory"): equal only if each
    # block's reads fall where the file's do.
    monkeypatch.setenv("VNSEG_BLOCK_SIZE", "1000")
    rng = random.Random(3)
    syllables = "học sinh xã hội chủ nghĩa Việt Nam thủy điện hòa bình người tiên ưu".split()
    spaced = "\n".join(" ".join(rng.choice(syllables) for _ in range(rng.choice([5, 30, 400, 900])))
                       for _ in range(40)) + "\n"
    inputs = [*inputs, write(tmp_path / "spaced.txt", spaced.encode())]
    whole = cli(["segment"], inputs[-1], env={k: v for k, v in os.environ.items()
                                              if k != "VNSEG_BLOCK_SIZE"})
    assert cli(["segment"], inputs[-1], env=dict(os.environ)) != whole  # cut-dependent
    out = tmp_path / "lossless"
    vd.segment_files(inputs, out, client=client, blocksize=BLOCK)
    for path in inputs:
        expected = cli(["segment"], path, env=dict(os.environ))
        assert (out / os.path.basename(path)).read_bytes() == expected, path
    for op, flags in (("segment", ["--tokenize"]), ("join", ["--detok"]), ("sentences", [])):
        out = tmp_path / op
        vd.convert_files(inputs, out, op=op, client=client, blocksize=BLOCK,
                         tokenize=op == "segment", detok=op == "join")
        for path in inputs:
            expected = cli([op, *flags], path, env=dict(os.environ))
            assert (out / os.path.basename(path)).read_bytes() == expected, (op, path)


def test_worker_killed_mid_job(client, tmp_path):
    rng = random.Random(7)
    text = "\n".join(random_text(rng, 30).replace("\n", " ") for _ in range(12000)) + "\n"
    path = write(tmp_path / "big.txt", text.encode())
    out = tmp_path / "out"
    failure = []

    def job():
        try:
            vd.segment_files([path], out, client=client, blocksize="16KiB")
        except BaseException as e:  # noqa: BLE001 (reported below)
            failure.append(e)

    pids = list(client.run(os.getpid).values())
    worker = threading.Thread(target=job)
    worker.start()
    parts = out / ".vnseg-parts"
    deadline = time.monotonic() + 60
    while not (parts.is_dir() and any(parts.iterdir())) and time.monotonic() < deadline:
        time.sleep(0.005)
    assert worker.is_alive(), "the job ended before a worker could be killed"
    os.kill(pids[0], signal.SIGKILL)
    worker.join(120)
    assert not failure, failure
    assert (out / "big.txt").read_bytes() == cli(["segment"], path)
    assert not parts.exists()
    assert sorted(os.listdir(out)) == ["big.txt", "vnseg-manifest.json"]  # no temporary left
    client.wait_for_workers(2, timeout=60)  # the nanny restarts it, for the next tests


def test_invalid_byte(client, inputs, tmp_path):
    good = open(inputs[0], "rb").read()
    bad = good[:30000] + b"x\xff y\n" + good[30000:]
    path = write(tmp_path / "bad.txt", bad)
    r = subprocess.run([CLI, "segment", path], capture_output=True)
    assert r.returncode == 1
    out = tmp_path / "out"
    with pytest.raises(vd.InputError) as e:
        vd.segment_files([inputs[1], path], out, client=client, blocksize=BLOCK)
    assert f"vnseg segment: {e.value}\n" == r.stderr.decode()
    assert "bad.txt" not in os.listdir(out) and ".vnseg-parts" not in os.listdir(out)
    for invalid in ("replace", "pass"):
        vd.segment_files([path], out / invalid, client=client, blocksize=BLOCK, invalid=invalid)
        assert (out / invalid / "bad.txt").read_bytes() == cli(["segment", f"--invalid={invalid}"],
                                                               path)


def test_rerun_skips_what_is_done(client, inputs, tmp_path):
    out = tmp_path / "out"
    first = vd.segment_files(inputs[:3], out, client=client, blocksize=BLOCK)
    inodes = {name: os.stat(out / name).st_ino for name in first}
    again = vd.segment_files(inputs[:3], out, client=client, blocksize=BLOCK)
    assert again == first
    assert {name: os.stat(out / name).st_ino for name in first} == inodes  # not rewritten
    changed = write(tmp_path / "many.txt", "Tổng thống Mỹ\n".encode())  # same name, other input
    third = vd.segment_files([changed, *inputs[1:3]], out, client=client, blocksize=BLOCK)
    assert os.stat(out / "many.txt").st_ino != inodes["many.txt"]
    assert os.stat(out / "crlf.txt").st_ino == inodes["crlf.txt"]
    assert third["many.txt"]["size"] == len("Tổng thống Mỹ\n".encode())
    assert (out / "many.txt").read_bytes() == "Tổng_thống Mỹ\n".encode()
    vd.join_files(inputs[:1], out, client=client)  # another job: done again
    assert (out / "many.txt").read_bytes() == cli(["join"], inputs[0])


def test_bag(client, random_texts):
    import dask.bag as db

    bag = db.from_sequence(random_texts, npartitions=4)
    assert vd.segment_bag(bag, tokenize=True).compute() == vnseg.segment_many(random_texts,
                                                                                tokenize=True)
    assert vd.segment_bag(bag, op="join").compute() == vnseg.join_many(random_texts)


def test_command_line(client, inputs, tmp_path):
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "vnseg.dask", "segment", *inputs[:2], "-o", str(out),
                        "--scheduler", client.scheduler.address, "--blocksize", BLOCK],
                       capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr
    for path in inputs[:2]:
        assert (out / os.path.basename(path)).read_bytes() == cli(["segment"], path)


@pytest.mark.parametrize("value", ["0", "15", "abc", "-5", str((1 << 30) + 1)])
def test_bad_stream_block_size(inputs, tmp_path, monkeypatch, value):
    # As the CLI refuses it, before any work (0 crashed the workers).
    monkeypatch.setenv("VNSEG_BLOCK_SIZE", value)
    with pytest.raises(ValueError, match="VNSEG_BLOCK_SIZE must be a number of bytes from 16"):
        vd.join_files(inputs[:1], tmp_path / "out", client="tcp://127.0.0.1:1")
    assert not (tmp_path / "out").exists()


def test_read_block_reads_each_block_once(tmp_path, monkeypatch):
    # The blocks of a file, whatever its lines, are its lines whole, in
    # order; a block inside a long line reads only its own bytes (it read
    # on to the line's end: time quadratic in the line's length).
    from vnseg.dask import _worker

    rng = random.Random(7)
    data = b"z" * (1 << 20) + b"\n" + b"".join(
        rng.choice([b"a\n", b"bc d\n", b"x" * 3000 + b"\n", b"y" * 20000, b"\n"])
        for _ in range(300))
    path = write(tmp_path / "lines.txt", data)
    read = [0]

    class Counting:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

        def seek(self, n):
            return self.f.seek(n)

        def read(self, n):
            chunk = self.f.read(n)
            read[0] += len(chunk)
            return chunk

    monkeypatch.setattr(_worker, "open", lambda p, m: Counting(open(p, m)), raising=False)
    for length in (100, 4096, 1 << 20):
        read[0] = 0
        blocks = [_worker.read_block(path, o, length, len(data))
                  for o in range(0, len(data), length)]
        assert b"".join(b for _, b in blocks) == data
        assert all(s == 0 or data[s - 1] == 10 for s, b in blocks if b)
        # Each block looks at its own bytes for a line start; one with lines
        # reads on to the end of its last (in reads of 64 KiB), then its lines.
        assert read[0] <= 3 * len(data) + (1 << 16) * sum(1 for _, b in blocks if b), length


def test_other_dictionary_writes_nothing(client, inputs, tmp_path, monkeypatch):
    # The driver's dictionary (faked here) is not the workers': an error,
    # and no output, part or temporary file left (the output was renamed
    # into place before the check).
    real = vnseg.Segmenter()

    class Other:
        dictionary_info = {**real.dictionary_info, "checksum": "not-the-workers"}

    monkeypatch.setattr(vd, "segmenter", lambda *args: Other())
    out = tmp_path / "out"
    with pytest.raises(RuntimeError, match="the workers used another dictionary"):
        vd.segment_files(inputs[:2], out, client=client, blocksize=BLOCK, hint=False)
    assert os.listdir(out) == []


def test_rerun_sees_edited_user_words(client, inputs, tmp_path):
    # Same path, same size and word count, another word: not skipped, and
    # the workers' Segmenters read it again.
    words = tmp_path / "words.txt"
    words.write_text("Tổng_thống_Mỹ_nói\n", encoding="utf-8")
    out = tmp_path / "out"
    first = vd.segment_files(inputs[4:5], out, client=client, blocksize=BLOCK, user_words=words)
    inode = os.stat(out / "bom.txt").st_ino
    assert "Tổng_thống_Mỹ_nói" in (out / "bom.txt").read_text(encoding="utf-8")
    assert vd.segment_files(inputs[4:5], out, client=client, blocksize=BLOCK,
                            user_words=words) == first
    stat = os.stat(words)
    words.write_text("thống_Mỹ_nói_Tổng\n", encoding="utf-8")
    os.utime(words, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    vd.segment_files(inputs[4:5], out, client=client, blocksize=BLOCK, user_words=words)
    assert os.stat(out / "bom.txt").st_ino != inode
    assert (out / "bom.txt").read_bytes() == cli(["segment", "--user-words", str(words)],
                                                 inputs[4])
    assert "Tổng_thống_Mỹ_nói" not in (out / "bom.txt").read_text(encoding="utf-8")


def test_convert_block_bad_argument_is_not_bad_input(inputs, tmp_path):
    # Only the input's own bytes make a BlockError (reported as an invalid
    # byte): a bad read size is its own error.
    from vnseg.dask import _worker

    size = os.path.getsize(inputs[0])
    with pytest.raises(ValueError, match="block_size must be") as e:
        _worker.convert_block(inputs[0], "many.txt", 0, 4096, size, "join", {}, "error", 0, None,
                              None, str(tmp_path / "p"))
    assert not isinstance(e.value, _worker.BlockError)
    bad = write(tmp_path / "bad.txt", b"a\xff\n")
    with pytest.raises(_worker.BlockError):
        _worker.convert_block(bad, "bad.txt", 0, 4096, 3, "join", {}, "error", 1 << 20, None,
                              None, str(tmp_path / "p"))


# What is already at OUTPUT_DIR/NAME is treated as `vnseg -o` treats it
# (tools/output_file.h): not destroyed, only written.

def test_symlink_kept_its_target_written(client, inputs, tmp_path):
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (elsewhere / "many.txt").write_bytes(b"old\n")
    os.symlink("../elsewhere/many.txt", out / "many.txt")
    os.symlink("../elsewhere/new.txt", out / "crlf.txt")  # dangling: its target is made
    vd.segment_files(inputs[:2], out, client=client, blocksize=BLOCK)
    assert os.readlink(out / "many.txt") == "../elsewhere/many.txt"
    assert os.readlink(out / "crlf.txt") == "../elsewhere/new.txt"
    assert (elsewhere / "many.txt").read_bytes() == cli(["segment"], inputs[0])
    assert (elsewhere / "new.txt").read_bytes() == cli(["segment"], inputs[1])
    assert sorted(os.listdir(elsewhere)) == ["many.txt", "new.txt"]  # no temporary left


def test_mode_kept(client, inputs, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "many.txt").write_bytes(b"old\n")
    os.chmod(out / "many.txt", 0o640)
    vd.segment_files(inputs[:1], out, client=client, blocksize=BLOCK)
    assert (out / "many.txt").read_bytes() == cli(["segment"], inputs[0])
    assert os.stat(out / "many.txt").st_mode & 0o7777 == 0o640


def test_fifo_and_device_written_through(client, inputs, tmp_path):
    # Many blocks into a FIFO, in order, once; it stays a FIFO. A symlink
    # to /dev/null stays a link to the device.
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "many.txt")
    os.symlink("/dev/null", out / "crlf.txt")
    got = []
    # (daemon: if the FIFO were replaced, its reader would wait forever)
    reader = threading.Thread(target=lambda: got.append((out / "many.txt").read_bytes()),
                              daemon=True)
    reader.start()
    vd.segment_files(inputs[:2], out, client=client, blocksize=BLOCK)
    reader.join(30)
    assert got == [cli(["segment"], inputs[0])]
    assert stat.S_ISFIFO(os.stat(out / "many.txt").st_mode)
    assert os.readlink(out / "crlf.txt") == "/dev/null"
    assert sorted(os.listdir(out)) == ["crlf.txt", "many.txt", "vnseg-manifest.json"]


def test_sigterm_to_the_driver_leaves_no_temporary(inputs, tmp_path):
    rng = random.Random(11)
    text = "\n".join(random_text(rng, 30).replace("\n", " ") for _ in range(20000)) + "\n"
    path = write(tmp_path / "big.txt", text.encode())
    out = tmp_path / "out"
    driver = subprocess.Popen([sys.executable, "-m", "vnseg.dask", "segment", path, "-o", str(out),
                               "--workers", "1", "--blocksize", "8KiB"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    parts = out / ".vnseg-parts"
    deadline = time.monotonic() + 60
    while (not (parts.is_dir() and any(parts.iterdir())) and time.monotonic() < deadline
           and driver.poll() is None):
        time.sleep(0.005)
    assert driver.poll() is None, "the job ended before the signal"
    driver.send_signal(signal.SIGTERM)
    _, err = driver.communicate(timeout=60)
    assert driver.returncode == -signal.SIGTERM, err
    assert os.listdir(out) == [], os.listdir(out)


def test_failure_stops_the_job(client, inputs, tmp_path):
    # One bad file: the other files' blocks are cancelled, not converted
    # (a big one is not finished), and the error names the place.
    rng = random.Random(5)
    text = "\n".join(random_text(rng, 30).replace("\n", " ") for _ in range(30000)) + "\n"
    big = write(tmp_path / "big.txt", text.encode())
    bad = write(tmp_path / "bad.txt", b"ok\nx\xff y\n")
    out = tmp_path / "out"
    t = time.monotonic()
    with pytest.raises(vd.InputError, match=r"bad.txt: invalid UTF-8 at line 2, .*byte offset 4"):
        vd.segment_files([bad, big], out, client=client, blocksize="4KiB")
    assert os.listdir(out) == []
    client.wait_for_workers(2, timeout=60)
    deadline = time.monotonic() + 30  # cancelled tasks leave the workers
    while any(client.processing().values()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(client.processing().values())
    assert time.monotonic() - t < 30

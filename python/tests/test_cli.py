"""python -m vnseg mirrors the vnseg command line."""
import os
import resource
import signal
import stat
import subprocess
import sys
import time

import pytest

import vnseg

# The package under test, wherever the child's working directory is.
ENV = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(os.path.abspath(vnseg.__file__))))


def run(*args, input_text=None, input_bytes=None, cwd=None):
    data = input_bytes if input_bytes is not None else (input_text or "").encode("utf-8")
    return subprocess.run([sys.executable, "-m", "vnseg", *args], input=data,
                          capture_output=True, cwd=cwd, env=ENV, timeout=60)


def test_segment_and_join_stdin():
    text = 'Tổng thống Mỹ nói: "Hoà bình."\r\nhoà bình\n'
    seg = run("segment", input_text=text)
    assert seg.returncode == 0, seg.stderr
    assert seg.stdout.decode() == 'Tổng_thống Mỹ nói: "Hoà_bình."\r\nhoà_bình\n'
    back = run("join", input_bytes=seg.stdout)
    assert back.stdout.decode() == text


def test_tokenize_detok_resegment_normalize():
    assert run("segment", "--tokenize", input_text='Mỹ nói: "hoà bình"\n').stdout.decode() == \
        'Mỹ nói : " hoà_bình "\n'
    assert run("join", "--detok", input_text='Mỹ , ( EU ) .\n').stdout.decode() == "Mỹ, (EU).\n"
    assert run("resegment", input_text="Tổng thống_Mỹ\n").stdout.decode() == "Tổng_thống Mỹ\n"
    assert run("normalize", "--tone", "old", input_text="hòa khỏe\n").stdout.decode() == "hoà khoẻ\n"


def test_files_output_and_user_words(tmp_path):
    a, b, words, out = (tmp_path / n for n in ("a.txt", "b.txt", "w.txt", "out.txt"))
    a.write_text("bàn mèo\n", encoding="utf-8")
    b.write_text("Tổng thống Mỹ", encoding="utf-8")
    words.write_text("bàn mèo\n", encoding="utf-8")
    r = run("segment", "--user-words", str(words), str(a), str(b), "-o", str(out), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8") == "bàn_mèo\nTổng_thống Mỹ"
    assert r.stdout == b""


def test_big_input_in_blocks():
    line = "Tổng thống Mỹ nói hoà bình ở châu Âu là ưu tiên. " * 40 + "\n"
    text = line * 800  # > 1 MiB: several blocks, each converted alone
    r = run("segment", input_text=text)
    assert r.returncode == 0
    out, expected = r.stdout.decode(), vnseg.segment(text)
    # (No `assert out == expected`: pytest would diff two 1.6 MB strings.)
    same = out == expected
    assert same, f"differs from segment() of the whole from character " \
                 f"{next(i for i, (a, b) in enumerate(zip(out + '$', expected + '#')) if a != b)}"
    assert "Tổng_thống" in out


def test_invalid_utf8_is_an_error_with_position(tmp_path):
    r = run("segment", input_bytes=b"hoa\nab\xffc\n")
    assert r.returncode == 1
    assert b"<stdin>: invalid UTF-8 at line 2, column 3 (byte offset 6): byte 0xFF" in r.stderr


def test_bad_dictionary_and_missing_file(tmp_path):
    r = run("segment", "--dict", str(tmp_path / "none.dic"), input_text="x")
    assert r.returncode == 1 and b"none.dic" in r.stderr
    r = run("join", str(tmp_path / "missing.txt"))
    assert r.returncode == 1 and b"missing.txt" in r.stderr


def test_failed_run_leaves_output_untouched(tmp_path):
    out = tmp_path / "out.txt"
    out.write_text("old", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok\n\xfe\n")
    r = run("segment", str(bad), "-o", str(out))
    assert r.returncode == 1
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(os.listdir(tmp_path)) == ["bad.txt", "out.txt"]  # no temporary file left


@pytest.mark.parametrize("args", [[], ["frobnicate"], ["normalize", "--tone", "middle"],
                                  ["segment", "--no-such-flag"]])
def test_usage_errors_exit_2(args):
    assert run(*args).returncode == 2


def test_help():
    r = run("segment", "--help")
    assert r.returncode == 0 and b"--tokenize" in r.stdout


# -o OUT is written by the CLI's writer (tools/output_file.h): see the
# README beside -o. Device checks use private device nodes when root, so
# that a broken writer replaces those and not the machine's /dev/null.
def _devices(tmp_path):
    if os.geteuid() != 0:
        return "/dev/null", "/dev/full"
    null, full = tmp_path / "null", tmp_path / "full"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    return str(null), str(full)


def test_output_device_is_written_not_replaced(tmp_path):
    null, full = _devices(tmp_path)
    r = run("segment", "-o", null, input_text="Tổng thống Mỹ\n")
    assert r.returncode == 0, r.stderr
    assert stat.S_ISCHR(os.stat(null).st_mode)
    r = run("segment", "-o", full, input_text="Tổng thống Mỹ\n")
    assert r.returncode == 1
    assert f"cannot write {full}: No space left on device".encode() in r.stderr
    assert stat.S_ISCHR(os.stat(full).st_mode)
    assert not [n for n in os.listdir(tmp_path) if "vnseg" in n]


def test_output_write_error_names_the_path(tmp_path):
    out = tmp_path / "out.txt"
    out.write_text("old\n", encoding="utf-8")
    limit = lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))  # noqa: E731
    r = subprocess.run([sys.executable, "-m", "vnseg", "segment", "-o", str(out)],
                       input="Tổng thống Mỹ nói hòa bình\n".encode() * 2000, capture_output=True,
                       env=ENV, timeout=60, preexec_fn=limit)
    assert r.returncode == 1
    assert f"cannot write {out}: File too large".encode() in r.stderr
    assert out.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_output_symlink_writes_its_target(tmp_path):
    target, link = tmp_path / "target.txt", tmp_path / "link.txt"
    target.write_text("old\n", encoding="utf-8")
    link.symlink_to("target.txt")
    r = run("segment", "-o", str(link), input_text="Tổng thống Mỹ\n")
    assert r.returncode == 0, r.stderr
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "Tổng_thống Mỹ\n"


def test_output_hard_link_kept(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("old\n", encoding="utf-8")
    os.link(a, b)
    r = run("segment", "-o", str(a), input_text="Tổng thống Mỹ\n")
    assert r.returncode == 0, r.stderr
    assert os.stat(a).st_nlink == 2
    assert b.read_text(encoding="utf-8") == "Tổng_thống Mỹ\n"


def test_output_onto_an_input_is_refused(tmp_path):
    """-o must not be a FILE, --user-words or --dict: nothing is written."""
    text, words = tmp_path / "in.txt", tmp_path / "words.txt"
    text.write_text("Tổng thống Mỹ\n", encoding="utf-8")
    words.write_text("bàn mèo\n", encoding="utf-8")
    os.link(words, tmp_path / "words-link.txt")  # hard-linked: would be rewritten in place
    dic = tmp_path / "copy.dic"
    dic.write_bytes(text.read_bytes())  # any regular file: refused before it is read
    cases = [(["segment", str(text)], text),
             (["segment", "--user-words", str(words), str(text)], words),
             (["segment", "--user-words", str(words), str(text)], tmp_path / "words-link.txt"),
             (["resegment", "--dict", str(dic), str(text)], dic),
             (["normalize", str(text)], text)]
    for args, out in cases:
        before = out.read_bytes()
        r = run(*args, "-o", str(out))
        assert r.returncode == 1, (args, r.stderr)
        assert b"refusing to write " + str(out).encode() + b": it is the input" in r.stderr, r.stderr
        assert out.read_bytes() == before, args


def test_output_onto_the_default_dictionary_is_refused(tmp_path):
    """Without --dict, the dictionary the command maps ($VNSEG_DICT here) is an
    input too, as for the CLI."""
    dic = tmp_path / "default.dic"
    dic.write_bytes(b"not read: refused first")
    env = dict(ENV, VNSEG_DICT=str(dic))
    for command in ("segment", "resegment"):
        r = subprocess.run([sys.executable, "-m", "vnseg", command, "-o", str(dic)],
                           input=b"x\n", capture_output=True, env=env, timeout=60)
        assert r.returncode == 1, r.stderr
        assert b": it is the input" in r.stderr, r.stderr
        assert dic.read_bytes() == b"not read: refused first"


def test_version_on_every_command():
    for args in ([], ["segment"], ["resegment"], ["join"], ["normalize"]):
        r = run(*args, "--version")
        assert r.returncode == 0 and r.stdout.decode().startswith("vnseg "), (args, r)


@pytest.mark.parametrize("umask", [0o022, 0o077], ids=["umask022", "umask077"])
def test_output_mode(tmp_path, umask):
    kept = tmp_path / "kept.txt"
    kept.write_text("old\n", encoding="utf-8")
    kept.chmod(0o664)
    new = tmp_path / "new.txt"
    for out in (kept, new):
        r = subprocess.run([sys.executable, "-m", "vnseg", "segment", "-o", str(out)],
                           input=b"x\n", capture_output=True, env=ENV, timeout=60,
                           preexec_fn=lambda: os.umask(umask))
        assert r.returncode == 0, r.stderr
    assert stat.S_IMODE(os.stat(kept).st_mode) == 0o664
    assert stat.S_IMODE(os.stat(new).st_mode) == 0o666 & ~umask


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=lambda s: s.name)
def test_signal_removes_the_temporary(tmp_path, sig):
    out = tmp_path / "out.txt"
    out.write_text("old\n", encoding="utf-8")

    def default_signals():  # as from a terminal, whatever the test runner ignores
        for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            signal.signal(s, signal.SIG_DFL)

    child = subprocess.Popen([sys.executable, "-m", "vnseg", "segment", "-o", str(out)],
                             stdin=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV,
                             preexec_fn=default_signals)
    try:
        child.stdin.write("Tổng thống\n".encode())
        child.stdin.flush()
        # vnseg waits for more input once its temporary file exists.
        deadline = time.monotonic() + 30
        while len(os.listdir(tmp_path)) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(os.listdir(tmp_path)) == 2, "no temporary file appeared"
        time.sleep(0.2)
        child.send_signal(sig)
        child.wait(timeout=30)
    finally:
        child.kill()
        child.stdin.close()
        child.stderr.close()
    # Ended by the signal itself: status 128+sig in a shell.
    assert child.returncode == -sig
    assert os.listdir(tmp_path) == ["out.txt"]
    assert out.read_text(encoding="utf-8") == "old\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("args", [["--help"], ["segment", "--help"], ["join", "--help"]])
def test_help_to_a_full_stdout_is_an_error_without_traceback(args):
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "vnseg", *args], stdout=full,
                              stderr=subprocess.PIPE, env=ENV, timeout=60)
    assert done.returncode == 1
    assert b"cannot write to stdout: No space left on device" in done.stderr
    assert b"Traceback" not in done.stderr and b"Exception ignored" not in done.stderr

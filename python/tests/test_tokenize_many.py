"""tokenize_many(): the batch form of tokenize(), the same tokens for each
text on any number of threads; its argument checks; and the CLI's
`vnseg tokenize` gives the same tokens, with code-point offsets equal to
Python's str indices."""
import json
import os
import subprocess

import pytest

import vnseg

from test_offsets import HARD


def test_same_as_tokenize(random_texts):
    texts = random_texts + HARD + ["", " ", "Tổng thống Mỹ"]
    want = [vnseg.tokenize(t) for t in texts]
    assert vnseg.tokenize_many(texts) == want
    assert vnseg.tokenize_many(texts, threads=3) == want
    assert vnseg.tokenize_many(iter(texts), threads=1) == want
    assert vnseg.Segmenter().tokenize_many(tuple(texts), threads=2) == want
    assert vnseg.tokenize_many([]) == []


def test_many_small_texts_across_threads():
    texts = ["Tổng thống Mỹ đến Hà Nội. " * (i % 5) + str(i) for i in range(3000)]
    got = vnseg.tokenize_many(texts, threads=4)
    assert got == [vnseg.tokenize(t) for t in texts]
    assert all(isinstance(t, vnseg.Token) for tokens in got for t in tokens)


def test_argument_errors():
    for many in (vnseg.tokenize_many, vnseg.segment_many, vnseg.join_many,
                 vnseg.resegment_many):
        with pytest.raises(TypeError, match="not a str"):
            many("Tổng thống")  # a str, not a list of them
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        vnseg.tokenize_many(["a", b"b"])
    with pytest.raises(ValueError, match=r"texts\[2\]"):
        vnseg.tokenize_many(["a", "b", "x\udc80"], threads=2)
    with pytest.raises(ValueError):
        vnseg.tokenize_many(["a"], threads=-1)
    # 0 is one thread per core, as the CLI's --threads 0.
    assert vnseg.tokenize_many(["a"], threads=0) == vnseg.tokenize_many(["a"], threads=1)


def test_cli_tokenize_agrees(random_texts):
    build = os.environ.get("VNSEG_TEST_BUILD_DIR")
    cli = os.path.join(build or "", "tools", "vnseg")
    if not build or not os.path.exists(cli):
        pytest.skip("no CLI in the build tree")
    # One text a line: the CLI numbers lines, Python takes a list.
    lines = [t.replace("\r", " ").replace("\n", " ") for t in random_texts + HARD]
    env = dict(os.environ, VNSEG_DICT=vnseg.default_segmenter().dict_path)
    out = subprocess.run([cli, "tokenize"], input="\n".join(lines).encode(), env=env,
                         capture_output=True, check=True).stdout
    records = [json.loads(r) for r in out.decode().splitlines()]
    assert [r["text"] for r in records] == lines
    for record, tokens in zip(records, vnseg.tokenize_many(lines)):
        got = [(t["text"], t["cp_start"], t["cp_end"], t["kind"]) for t in record["tokens"]]
        assert got == [(t.text, t.start, t.end, t.kind) for t in tokens]

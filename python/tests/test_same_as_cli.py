"""The Python calls give the `vnseg` command's bytes: one library, two
front ends. Random text of every kind of token, line by line, per text and
in batches."""
import os
import subprocess

import pytest

import vnseg

CLI = os.path.join(os.environ.get("VNSEG_TEST_BUILD_DIR", ""), "tools", "vnseg")


def cli(args, text, dict_path):
    dictionary = ["--dict", dict_path] if args[0] in ("segment", "resegment") else []
    r = subprocess.run([CLI, *args, *dictionary], input=text.encode("utf-8"),
                       capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr
    return r.stdout.decode("utf-8")


@pytest.mark.skipif(not os.access(CLI, os.X_OK), reason="the vnseg command is not built")
@pytest.mark.parametrize("args, call, many", [
    (["segment"], vnseg.segment, vnseg.segment_many),
    (["segment", "--tokenize"], lambda t: vnseg.segment(t, tokenize=True),
     lambda ts: vnseg.segment_many(ts, tokenize=True, threads=2)),
    (["resegment"], vnseg.resegment, vnseg.resegment_many),
    (["join"], vnseg.join, vnseg.join_many),
    (["join", "--detok"], lambda t: vnseg.join(t, detok=True),
     lambda ts: vnseg.join_many(ts, detok=True)),
    (["normalize", "--tone", "old", "--fold-quotes"],
     lambda t: vnseg.normalize(t, tone="old", fold_quotes=True), None),
])
def test_same_bytes_as_the_command(args, call, many, random_texts, segmenter):
    lines = [t.replace("\r", " ").replace("\n", " ") for t in random_texts]
    text = "\n".join(lines) + "\n"
    expected = cli(args, text, segmenter.dict_path)
    assert call(text) == expected
    assert "".join(call(line) + "\n" for line in lines) == expected
    if many is not None:
        assert "".join(out + "\n" for out in many(lines)) == expected

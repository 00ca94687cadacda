"""The examples in examples/ run and do what they say."""
import pathlib
import subprocess
import sys

import vnseg

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"
sys.path.insert(0, str(EXAMPLES))

import entity_spans  # noqa: E402
import phobert_prepare  # noqa: E402


def test_phobert_prepare(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text('Tổng thống Mỹ nói: "Hòa bình."\r\nthủy\n\nkhỏe', encoding="utf-8")
    out = tmp_path / "out.txt"
    r = subprocess.run([sys.executable, str(EXAMPLES / "phobert_prepare.py"), str(source),
                        "-o", str(out), "--threads", "2"], capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().decode() == \
        'Tổng_thống Mỹ nói : " Hoà_bình . "\r\nthuỷ\n\nkhoẻ'


def test_phobert_prepare_blocks_equal_whole(random_texts, segmenter):
    lines = [t.replace("\r", "").replace("\n", " ") + "\n" for t in random_texts]
    expected = [segmenter.segment(vnseg.normalize(l, tone="old"), tokenize=True) for l in lines]
    assert phobert_prepare.prepare_lines(lines, segmenter, threads=2) == expected


def test_entity_spans_map_back(random_texts):
    for original in random_texts:
        segmented = vnseg.segment(original, tokenize=True)
        spans = entity_spans.word_spans(segmented)
        mapped = entity_spans.map_spans(original, spans)
        for (s, e), (os_, oe) in zip(spans, mapped):
            assert original[os_:oe] == vnseg.join(segmented[s:e])
    original = "Hôm qua,  Tổng thống Mỹ  Joe Biden 👋 đã tới Ha\u0300 Nội."
    segmented = vnseg.segment(original, tokenize=True)
    start = segmented.index("Mỹ")
    end = segmented.index("Joe_Biden") + len("Joe_Biden")
    (s, e), = entity_spans.map_spans(original, [(start, end)])
    assert original[s:e] == "Mỹ  Joe Biden"


def test_entity_spans_demo_runs():
    r = subprocess.run([sys.executable, str(EXAMPLES / "entity_spans.py")], capture_output=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    assert "original[" in r.stdout.decode()

"""join inverts segment on any text; resegment is stable."""
import vnseg
from conftest import random_text


def test_join_inverts_segment(random_texts):
    for text in random_texts:
        assert vnseg.join(vnseg.segment(text)) == text


def test_resegment_of_segmented_is_segmented(random_texts):
    for text in random_texts:
        segmented = vnseg.segment(text)
        assert vnseg.resegment(segmented) == segmented


def test_segment_changes_only_spaces_and_underscores(random_texts):
    for text in random_texts:
        out = vnseg.segment(text)
        assert out.replace("_", "").replace(" ", "") == text.replace("_", "").replace(" ", "")


def test_batches_equal_single_calls(random_texts):
    assert vnseg.segment_many(random_texts, threads=3) == [vnseg.segment(t) for t in random_texts]
    tokenized = [vnseg.segment(t, tokenize=True) for t in random_texts]
    assert vnseg.segment_many(random_texts, tokenize=True, threads=2) == tokenized
    segmented = vnseg.segment_many(random_texts)
    assert vnseg.join_many(segmented, threads=2) == random_texts
    assert vnseg.resegment_many(segmented, threads=2) == segmented
    assert vnseg.join_many(tokenized, detok=True) == [vnseg.join(t, detok=True) for t in tokenized]


def test_long_text_releasing_the_gil(rng):
    text = "\n".join(random_text(rng, 200) for _ in range(50))
    assert len(text.encode()) > 4096
    assert vnseg.join(vnseg.segment(text)) == text
    assert vnseg.segment(text) == "\n".join(vnseg.segment(line) for line in text.split("\n"))
    for t in vnseg.tokenize(text):
        assert text[t.start:t.end] == t.text


def test_batch_accepts_any_iterable():
    gen = ("Tổng thống Mỹ" for _ in range(100))
    assert vnseg.segment_many(gen, threads=2) == ["Tổng_thống Mỹ"] * 100
    assert vnseg.join_many(("a_b",)) == ["a b"]


def test_batches_on_every_str_kind():
    # ASCII, Latin-1, two-byte and four-byte strs, and the edges of each
    # UTF-8 length, through the batch path's own encoder and str builder.
    texts = ["", "abc", "café x_y", "\x80\xff", "hoà bình", "\u07ff\u0800", "\ud7ff\ue000\uffff",
             "😀 hoà bình", "\U00010000\U0010ffff", "a" * 5000 + " hoà bình", "é" * 3 + "😀"]
    texts = texts * 20
    assert vnseg.segment_many(texts, threads=2) == [vnseg.segment(t) for t in texts]
    assert vnseg.join_many(texts, threads=2) == [vnseg.join(t) for t in texts]
    assert vnseg.join_many(vnseg.segment_many(texts)) == texts


def test_lone_surrogate_in_each_kind_of_batch_text():
    import pytest
    for bad in ("é\ud800", "hoà\udc00", "😀\udfff", "\ud83d"):
        texts = ["hoà bình"] * 100 + [bad] + ["x\ud800"] * 3
        with pytest.raises(ValueError, match=r"^texts\[100\]: .*surrogates not allowed"):
            vnseg.segment_many(texts, threads=2)

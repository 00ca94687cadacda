"""Bad input and bad files raise Python exceptions with clear messages."""
import re
import warnings

import pytest

import vnseg


def test_missing_dictionary(tmp_path):
    missing = tmp_path / "nope.dic"
    with pytest.raises(FileNotFoundError, match="nope.dic"):
        vnseg.Segmenter(missing)


def test_missing_default_dictionary(tmp_path, monkeypatch):
    # Without dict_path: every place looked in, in order, and how to choose.
    missing = tmp_path / "no" / "such.dic"
    monkeypatch.setenv("VNSEG_DICT", str(missing))
    with pytest.raises(FileNotFoundError) as e:
        vnseg.Segmenter()
    message = str(e.value)
    assert message.startswith("no dictionary found; looked in, in order:\n  dict_path: not given\n"
                              f"  $VNSEG_DICT: {missing}: No such file or directory\n"
                              "not looked in, as $VNSEG_DICT is set:\n"
                              "  beside the Python package: ")
    assert "\n  installed: " in message
    assert message.endswith("Choose one with Segmenter(dict_path=FILE) or VNSEG_DICT=FILE.")
    # A missing user-words file is still its own error.
    monkeypatch.delenv("VNSEG_DICT")
    with pytest.raises(FileNotFoundError, match="cannot open .*missing.txt"):
        vnseg.Segmenter(user_words=tmp_path / "missing.txt")


def test_corrupt_dictionaries(tmp_path, segmenter):
    garbage = tmp_path / "garbage.dic"
    garbage.write_bytes(b"not a dictionary at all" * 20)
    with pytest.raises(ValueError, match="garbage.dic"):
        vnseg.Segmenter(garbage)
    empty = tmp_path / "empty.dic"
    empty.write_bytes(b"")
    with pytest.raises(ValueError, match="empty"):
        vnseg.Segmenter(empty)
    good = open(segmenter.dict_path, "rb").read()
    truncated = tmp_path / "truncated.dic"
    truncated.write_bytes(good[: len(good) // 2])
    with pytest.raises(ValueError, match="truncated.dic"):
        vnseg.Segmenter(truncated)
    flipped = bytearray(good)
    flipped[len(good) // 2] ^= 0xFF
    damaged = tmp_path / "damaged.dic"
    damaged.write_bytes(bytes(flipped))
    with pytest.raises(ValueError, match="checksum"):
        vnseg.Segmenter(damaged)
    with pytest.raises(ValueError, match="regular file"):
        vnseg.Segmenter(tmp_path)


def test_bad_user_words(tmp_path):
    with pytest.raises(FileNotFoundError, match="missing.txt"):
        vnseg.Segmenter(user_words=tmp_path / "missing.txt")
    bad = tmp_path / "bad.txt"
    bad.write_text("bàn mèo\tmany\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.txt:1"):
        vnseg.Segmenter(user_words=bad)
    with pytest.raises(ValueError, match="line break"):
        vnseg.Segmenter(user_words=["bàn\nmèo"])
    with pytest.raises(TypeError):
        vnseg.Segmenter(user_words=[1, 2])


def test_skipped_user_words_warn(tmp_path):
    words = tmp_path / "words.txt"
    # An en dash is punctuation; "Nagorno-Karabakh" (a hyphen) is one token, kept.
    words.write_text("Nagorno–Karabakh\nlan truyền\na.b\nNagorno-Karabakh\n", encoding="utf-8")
    with pytest.warns(UserWarning) as caught:
        s = vnseg.Segmenter(user_words=words)
    assert len(caught) == 1
    assert str(caught[0].message) == (
        f"{words}: 2 entries skipped, never matched (punctuation inside a word): "
        "line 1 'Nagorno–Karabakh', line 3 'a.b'")
    assert caught[0].filename == __file__  # the caller's line
    assert s.segment("tin lan truyền") == "tin lan_truyền"
    with pytest.warns(UserWarning, match=r"^user_words: 6 entries skipped, .*: "
                      r"user_words\[0\] 'x–y', user_words\[2\] 'a.b', .*, \.\.\.$"):
        vnseg.Segmenter(user_words=["x–y", "mèo", "a.b", "c,d", "e:f", "g;h", "i!j"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        vnseg.Segmenter(user_words=["lan truyền"])


def test_user_words_directory_unreadable_file_and_bom(tmp_path):
    # A directory used to be read as an empty list, silently.
    with pytest.raises(ValueError, match=re.escape(f"{tmp_path}: is a directory")):
        vnseg.Segmenter(user_words=tmp_path)
    # Opens, then fails to read (EIO), even for root.
    with pytest.raises(ValueError, match="cannot read /proc/self/mem"):
        vnseg.Segmenter(user_words="/proc/self/mem")
    # A BOM before the first word used to make that word unmatchable.
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffmạng xã hội\n".encode())
    text = "Mạng xã hội lan truyền"
    assert vnseg.Segmenter(user_words=bom).segment(text) == "Mạng_xã_hội lan_truyền"


@pytest.mark.parametrize("call", [
    vnseg.segment, vnseg.join, vnseg.resegment, vnseg.normalize, vnseg.tokenize,
    lambda t: vnseg.segment(t, tokenize=True), lambda t: vnseg.join(t, detok=True),
])
def test_lone_surrogates_raise_with_position(call):
    with pytest.raises(UnicodeEncodeError, match="position 3") as info:
        call("abc\ud800 hoà bình")
    assert isinstance(info.value, ValueError)
    with pytest.raises(UnicodeEncodeError):
        call("\udfff")


@pytest.mark.parametrize("many", [vnseg.segment_many, vnseg.join_many, vnseg.resegment_many])
def test_lone_surrogate_in_a_batch_names_the_item(many):
    with pytest.raises(ValueError, match=r"texts\[2\]: .*position 1"):
        many(["a", "b", "x\udc80y"], threads=2)


def test_wrong_types():
    with pytest.raises(TypeError, match="expected str"):
        vnseg.segment(b"bytes")
    with pytest.raises(TypeError):
        vnseg.segment(None)
    with pytest.raises(TypeError, match=r"texts\[1\]: expected str, not int"):
        vnseg.segment_many(["a", 1])
    with pytest.raises(TypeError):
        vnseg.segment_many(5)
    with pytest.raises(TypeError):
        vnseg.Segmenter(b"/bytes/path")


def test_bad_thread_counts():
    with pytest.raises(ValueError, match=r"threads must be 0 \(one per core\) or more, not -1"):
        vnseg.segment_many(["a"], threads=-1)
    with pytest.raises(ValueError, match="threads"):
        vnseg.join_many(["a"], threads=-3)
    with pytest.raises(TypeError):
        vnseg.segment_many(["a"], threads=1.5)


def test_a_str_is_not_a_list_of_texts(segmenter):
    # It used to be taken as the list of its characters.
    for many in (vnseg.segment_many, vnseg.resegment_many, vnseg.join_many,
                 segmenter.segment_many, segmenter.resegment_many, segmenter.join_many):
        with pytest.raises(TypeError, match="expected an iterable of str, not a str"):
            many("abc")
        with pytest.raises(TypeError, match="not a str"):
            many("")
        assert many(iter(["abc"])) == [many(["abc"])[0]]


def test_still_usable_after_errors(segmenter):
    for bad in ("\ud800", "x\udbff"):
        with pytest.raises(ValueError):
            segmenter.segment(bad)
    assert segmenter.segment("Tổng thống Mỹ") == "Tổng_thống Mỹ"


@pytest.mark.parametrize("block_size", [0, 1, 15, (1 << 30) + 1])
def test_convert_block_bad_block_size(block_size):
    # 0 divided by zero in the stream reader (SIGFPE): now a ValueError.
    from vnseg._vnseg import _convert_block

    with pytest.raises(ValueError, match="block_size must be a number of bytes from 16 to 2"):
        _convert_block("join", b"a b\n", "x", 0, 1, 0, block_size, {})
    assert _convert_block("join", b"a_b\n", "x", 0, 1, 0, 16, {}) == b"a b\n"


@pytest.mark.parametrize("invalid", [-1, 3, 99])
def test_convert_block_bad_invalid(invalid):
    from vnseg._vnseg import _convert_block

    with pytest.raises(ValueError, match="invalid must be 0"):
        _convert_block("join", b"a b\n", "x", 0, 1, invalid, 1 << 20, {})

"""Behaviour of the API on cases whose segmentation is not in doubt; the
rest of the suite relies on properties, since the segmenter may change."""
import pytest

import vnseg


def test_segment_joins_words():
    assert vnseg.segment("Tổng thống Mỹ") == "Tổng_thống Mỹ"
    assert vnseg.segment("hoà bình") == "hoà_bình"
    assert vnseg.segment("hòa bình") == "hòa_bình"
    assert vnseg.segment("HOÀ BÌNH") == "HOÀ_BÌNH"


def test_segment_is_lossless_and_keeps_spacing():
    text = 'Tổng thống  Mỹ nói:\r\n"hoà bình"\t'
    out = vnseg.segment(text)
    assert out.replace("_", " ") == text
    assert "Tổng_thống" in out and "hoà_bình" in out


def test_segment_tokenize_separates_punctuation():
    assert vnseg.segment('Mỹ nói: "hoà bình"', tokenize=True) == 'Mỹ nói : " hoà_bình "'
    assert vnseg.segment("hoà bình.\nTổng thống", tokenize=True) == "hoà_bình .\nTổng_thống"


def test_literal_underscore_is_doubled_between_letters():
    assert vnseg.segment("foo_bar hoà bình") == "foo__bar hoà_bình"
    assert vnseg.join("foo__bar hoà_bình") == "foo_bar hoà bình"
    assert vnseg.segment("__init__") == "__init__"


def test_join_and_detok():
    assert vnseg.join("Tổng_thống Mỹ") == "Tổng thống Mỹ"
    assert vnseg.join('Mỹ , ( EU ) " hòa_bình " .', detok=True) == 'Mỹ, (EU) "hòa bình".'
    assert vnseg.join('Mỹ , ( EU )') == 'Mỹ , ( EU )'


def test_resegment_fixes_other_tools_output():
    assert vnseg.resegment("Tổng thống_Mỹ") == "Tổng_thống Mỹ"
    assert vnseg.resegment("hoà_bình") == "hoà_bình"


def test_normalize_tone_styles():
    assert vnseg.normalize("hòa bình khỏe thủy", tone="old") == "hoà bình khoẻ thuỷ"
    assert vnseg.normalize("hoà bình khoẻ thuỷ", tone="new") == "hòa bình khỏe thủy"
    assert vnseg.normalize("hoà hòa") == "hoà hòa"
    assert vnseg.normalize("ho\u0300a") == "hòa"  # NFC
    assert vnseg.normalize("a\u00a0b\u200bc") == "a bc"
    assert vnseg.normalize("a\u00a0b\u200bc", spaces=False, invisible=False) == "a\u00a0b\u200bc"
    assert vnseg.normalize("“x”", fold_quotes=True) == '"x"'
    with pytest.raises(ValueError, match="tone must be"):
        vnseg.normalize("x", tone="middle")


def test_tokenize_kinds_and_offsets():
    text = "Tổng thống Mỹ có 2.000 người, xem https://x.vn 😀"
    tokens = vnseg.tokenize(text)
    assert [t.text for t in tokens] == [
        "Tổng thống", "Mỹ", "có", "2.000", "người", ",", "xem", "https://x.vn", "😀"]
    assert [t.kind for t in tokens] == [
        "word", "word", "word", "number", "word", "punct", "word", "url", "other"]
    assert tokens[0].start == 0 and tokens[0].end == len("Tổng thống")
    for t in tokens:
        assert text[t.start:t.end] == t.text
    assert repr(tokens[1]) == "Token(text='Mỹ', start=11, end=13, kind='word')"
    assert tokens == vnseg.tokenize(text)
    assert len({*tokens}) == len(tokens)


def test_empty_input():
    assert vnseg.segment("") == ""
    assert vnseg.join("") == ""
    assert vnseg.tokenize("") == []
    assert vnseg.segment_many([]) == []


def test_segmenter_has_the_module_functions(segmenter):
    text = "Tổng thống Mỹ nói hoà bình"
    assert segmenter.segment(text) == vnseg.segment(text)
    assert segmenter.segment(text, tokenize=True) == vnseg.segment(text, tokenize=True)
    assert segmenter.resegment(text) == vnseg.resegment(text)
    assert segmenter.tokenize(text) == vnseg.tokenize(text)
    assert segmenter.join("a_b") == vnseg.join("a_b")
    assert segmenter.normalize("hòa", tone="old") == "hoà"
    assert segmenter.segment_many([text], threads=1) == [vnseg.segment(text)]
    assert segmenter.join_many(["a_b"]) == ["a b"]
    assert segmenter.resegment_many(["hoà_bình"]) == ["hoà_bình"]


def test_dictionary_is_the_packaged_one(segmenter):
    info = segmenter.dictionary_info
    assert info["word_count"] > 50000
    assert "Viet74K" in info["source"]
    assert segmenter.dict_path.endswith("vnseg.dic")
    assert vnseg.default_segmenter().dict_path == segmenter.dict_path
    assert repr(segmenter) == f"vnseg.Segmenter(dict_path={segmenter.dict_path!r})"


def test_explicit_dict_path_accepts_pathlike(segmenter):
    import pathlib
    other = vnseg.Segmenter(pathlib.Path(segmenter.dict_path))
    assert other.segment("Tổng thống Mỹ") == "Tổng_thống Mỹ"


def test_user_words_as_list_and_file(tmp_path):
    assert vnseg.segment("bàn mèo") == "bàn mèo"
    assert vnseg.Segmenter(user_words=["bàn mèo"]).segment("bàn mèo") == "bàn_mèo"
    assert vnseg.Segmenter(user_words=("bàn_mèo",)).segment("Bàn Mèo") == "Bàn_Mèo"
    words = tmp_path / "words.txt"
    words.write_text("# mine\nbàn mèo\t5\n", encoding="utf-8")
    s = vnseg.Segmenter(user_words=words)
    assert s.segment("bàn mèo") == "bàn_mèo"
    assert s.dictionary_info["user_word_count"] == 1
    assert vnseg.Segmenter(user_words=str(words)).segment("bàn mèo") == "bàn_mèo"


def test_module_has_docstrings_and_version():
    for f in (vnseg.segment, vnseg.join, vnseg.resegment, vnseg.normalize, vnseg.tokenize,
              vnseg.segment_many, vnseg.Segmenter, vnseg.Token):
        assert f.__doc__ and len(f.__doc__) > 20, f
    assert vnseg.__version__.count(".") == 2


def test_stub_matches_the_module():
    import ast
    import inspect
    import pathlib

    stub = ast.parse((pathlib.Path(vnseg.__file__).parent / "_vnseg.pyi").read_text(encoding="utf-8"))
    stubbed = {n.name: n for n in stub.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    constants = {n.target.id for n in stub.body if isinstance(n, ast.AnnAssign)}
    public = {name for name in dir(vnseg._vnseg) if not name.startswith("__")}
    assert set(stubbed) | constants == public | {"__version__"}
    # The stub types the private extension; the public API is typed inline.
    for cls in ("Segmenter", "_OutputFile"):
        methods = {n.name for n in stubbed[cls].body
                   if isinstance(n, ast.FunctionDef) and not n.name.startswith("__")}
        actual = {name for name, _ in inspect.getmembers(getattr(vnseg._vnseg, cls))
                  if not name.startswith("_")}
        assert methods == actual, cls


def test_normalize_legacy_encodings_and_detect():
    tcvn = b"Vi\xd6t Nam l\xb5 m\xe9t"  # TCVN3
    assert vnseg.detect(tcvn)[0] == "tcvn3"
    assert vnseg.normalize(tcvn) == "Việt Nam là một"
    assert vnseg.normalize(tcvn, from_="tcvn3") == "Việt Nam là một"
    assert vnseg.normalize("Vie^.t Nam la` mo^.t nu+o+'c", from_="viqr") == "Việt Nam là một nước"
    assert vnseg.normalize("Viá»‡t Nam", fix_mojibake=True) == "Việt Nam"
    assert vnseg.normalize("Viá»‡t Nam") == "Viá»‡t Nam"  # repair only when asked
    # Clean text stays as it is under the default from_="auto".
    for clean in ("Việt Nam", "Is it true? I'm sure.", "café « déjà »", "😀 漢字"):
        assert vnseg.normalize(clean) == vnseg.normalize(clean, from_="utf8")
        assert vnseg.detect(clean)[0] == "utf8"
    with pytest.raises(ValueError, match="from_ must be"):
        vnseg.normalize(b"x", from_="latin9")
    with pytest.raises(ValueError, match="cp1258 does not define"):
        vnseg.normalize(b"a\x81", from_="cp1258")
    with pytest.raises(TypeError):
        vnseg.detect(3)

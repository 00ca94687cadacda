"""vnseg.sentences(): (start, end) str indices of the sentences, in order,
with only white space between them, so the spans give the text back."""
import pytest

import vnseg

TEXTS = [
    "Tổng thống Mỹ đến TP. Hồ Chí Minh. Ông gặp PGS.TS. Nguyễn Văn A. Nam cũng đến.",
    "Giá 1.000 đồng, tức 3,5%! Xem www.example.vn. Hỏi a.b@example.vn nhé?! Được.",
    "Anh nói: “Đi thôi.” Rồi đi... rồi về… Hết.\r\n\r\nDòng hai\u2028Dòng ba",
    "😀 Vui quá! 👍🏽 Tuyệt. 𝔘𝔫𝔦 漢字. ho\u0300a bi\u0300nh.",
    "",
    "  \n\t ",
]


def rebuild(text, spans):
    out, pos = [], 0
    for start, end in spans:
        assert pos <= start < end <= len(text), (text, spans)
        gap = text[pos:start]
        assert gap.strip() == "" or all(c.isspace() for c in gap), (text, gap)
        out.append(gap)
        out.append(text[start:end])
        pos = end
    assert text[pos:].strip() == ""
    out.append(text[pos:])
    return "".join(out)


@pytest.mark.parametrize("text", TEXTS)
def test_spans_rebuild_the_text(text):
    assert rebuild(text, vnseg.sentences(text)) == text


def test_sentences_and_offsets():
    text = "😀 Vui quá! Ông ở TP. Huế. Hết"
    spans = vnseg.sentences(text)
    assert [text[s:e] for s, e in spans] == ["😀 Vui quá!", "Ông ở TP. Huế.", "Hết"]
    assert spans[0] == (0, 10)  # str indices: the emoji is one


def test_line_end_always_ends_a_sentence():
    text = "Tiêu đề\nNội dung không có dấu chấm\n"
    assert [text[s:e] for s, e in vnseg.sentences(text)] == ["Tiêu đề",
                                                             "Nội dung không có dấu chấm"]


def test_bad_arguments():
    with pytest.raises(TypeError):
        vnseg.sentences(b"bytes")
    with pytest.raises(UnicodeEncodeError):
        vnseg.sentences("lone \ud800 surrogate")


def test_same_as_cli_lines():
    # `vnseg sentences` writes text[s:e] of each span, one a line.
    text = "Một. Hai!  Ba?\nBốn"
    assert [text[s:e] for s, e in vnseg.sentences(text)] == ["Một.", "Hai!", "Ba?", "Bốn"]

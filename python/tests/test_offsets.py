"""tokenize() offsets are str indices that slice back to the token text,
on text with emoji, combining marks and astral characters."""
import vnseg

HARD = [
    "ho\u0300a bi\u0300nh 😀 Tổng thống",            # NFD syllables
    "👨‍👩‍👧 gia đình 👍🏽 🇻🇳 Việt Nam",                   # ZWJ, skin tone, flag
    "𝔘𝔫𝔦 漢字 Hà Nội\u0301 x",                       # astral letters, CJK, stray mark
    "\u0301\u0301 hoà bình",                          # marks at the start
    "a\u00a0b\u3000c\u200bd hoà  bình\r\nTổng\tthống",  # Unicode and ASCII spaces
    "foo_bar __init__ #Hà_Nội @tên ai@example.vn TP.HCM 15/7/2023",
]


def check(text):
    tokens = vnseg.tokenize(text)
    position = 0
    for t in tokens:
        assert text[t.start:t.end] == t.text, (text, t)
        assert t.start < t.end
        # Between tokens there is only white space (or invisible format characters).
        gap = text[position:t.start]
        assert all(c.isspace() or c in "\u200b\u200c\u200d\ufeff" for c in gap), (text, gap)
        position = t.end
    assert all(c.isspace() or c in "\u200b\u200c\u200d\ufeff" for c in text[position:])
    return tokens


def test_hard_strings():
    for text in HARD:
        assert check(text)


def test_nfd_word_is_one_token():
    tokens = vnseg.tokenize("ho\u0300a bi\u0300nh")
    assert [(t.text, t.start, t.end) for t in tokens] == [("ho\u0300a bi\u0300nh", 0, 10)]


def test_emoji_offsets_count_code_points():
    tokens = vnseg.tokenize("😀😀 Tổng thống")
    assert tokens[-1].text == "Tổng thống"
    assert tokens[-1].start == 3


def test_random_text(random_texts):
    for text in random_texts:
        check(text)


def test_tokens_match_tokenized_segmentation(random_texts):
    # The words of segment(tokenize=True) are the tokens, one for one: what
    # maps a model's output on segmented text back to the original.
    for text in random_texts + HARD:
        words = vnseg.segment(text, tokenize=True).split()
        tokens = vnseg.tokenize(text)
        assert len(words) == len(tokens), text
        for word, token in zip(words, tokens):
            assert vnseg.join(word) == token.text, (text, word, token)

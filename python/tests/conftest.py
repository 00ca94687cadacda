"""Shared fixtures: the package under test and random text that exercises
every kind of token (syllables in NFC and NFD, emoji sequences, astral
characters, underscores, numbers, URLs, odd white space)."""
import random

import pytest

import vnseg

SYLLABLES = [
    "Tổng", "thống", "Mỹ", "nói", "hoà", "hòa", "bình", "ở", "châu", "Âu", "là", "ưu",
    "tiên", "Việt", "Nam", "người", "thuỷ", "thủy", "điện", "HOÀ", "BÌNH", "Hà", "Nội",
    "khoẻ", "quý", "gì", "Đà", "Nẵng", "học", "sinh", "xã", "hội", "chủ", "nghĩa",
    "ho\u0300a",        # decomposed: o + combining grave
    "Vie\u0323\u0302t",  # decomposed, two combining marks
    "Wai-kru", "A5", "foo_bar", "x",
]
OTHERS = [
    "😀", "👍🏽", "👨‍👩‍👧", "🇻🇳", "漢字", "𝔘", "\u0301", "2.000", "3,5", "15/7/2023", "50%",
    "https://vnexpress.net/a_b?x=1", "ai@example.vn", "#Hà_Nội", "@tên", "TP.HCM",
    "_", "__init__", "a_", "_b", ",", ".", "...", "!", "?", ":", "\"", "(", ")", "–", "'",
]
SEPARATORS = [" "] * 12 + ["  ", "\n", "\r\n", "\t", "\u00a0", "\u200b", ""]


def random_text(rng, words=40):
    parts = []
    for _ in range(words):
        pool = SYLLABLES if rng.random() < 0.75 else OTHERS
        parts.append(rng.choice(pool))
        parts.append(rng.choice(SEPARATORS))
    return "".join(parts)


@pytest.fixture
def rng():
    return random.Random(20261123)


@pytest.fixture
def random_texts(rng):
    return [random_text(rng, rng.randint(0, 60)) for _ in range(300)]


@pytest.fixture(scope="session")
def segmenter():
    return vnseg.Segmenter()

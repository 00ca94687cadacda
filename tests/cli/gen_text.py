#!/usr/bin/env python3
"""Writes pseudo-random Vietnamese-like text for the CLI stress tests.

usage: gen_text.py OUT --bytes N [--seed S]

One single line (no newline anywhere) of at least N bytes of valid UTF-8:
syllables that form dictionary words, attached punctuation, quotes, numbers,
dates, TP.HCM, an e-mail, a URL, identifiers with '_' (foo_bar, __init__),
NBSP, tabs and double spaces, emoji. Every fifth stretch of about 5 MB has no
punctuation at all, so the streaming reader must cut the line between two
syllables. Deterministic for a given seed.
"""
import argparse
import random

SYLLABLES = (
    "hòa bình học sinh tổng thống thủ tướng phát biểu tại hà nội sáng nhấn mạnh "
    "là ưu tiên hàng đầu chúng tôi sẽ tiếp tục hợp tác ông nói với phóng viên "
    "theo bộ y tế có ca mắc mới đã tiêm giá vàng hôm nay tăng mạnh cuộc họp kéo "
    "dài giờ người dân kinh tế xã hội chính phủ quốc hội việt nam thành phố "
    "nước ngoài khỏe thủy điện hoà khoẻ thuỷ tháng năm ngày trường đại học "
    "công nghệ thông tin phát triển bền vững môi trường biến đổi khí hậu"
).split()
NAMES = "Hà Nội Aliyev Azerbaijan Armenia Mỹ EU Việt Nam Hòa Bình".split()
SPECIAL = [
    "TP.HCM", "Q.1", "15/7/2023", "10:30", "3,5%", "1.234", "2-1", "foo_bar",
    "__init__", "snake_case_name", "hotro@moh.gov.vn", "https://moh.gov.vn/tin-tuc?id=15",
    "www.vnexpress.net", "vắc-xin", "😀", "#hòa_bình", "@ông_ba", "…", "_", "a__b",
]
PUNCT_AFTER = [",", ".", ";", ":", "!", "?", "...", ")", "”", '"']
PUNCT_BEFORE = ["(", "“", '"']
SEPARATORS = [" "] * 40 + ["  ", "\t", "\u00a0", " \u200b"]


def pool(with_punct):
    items, weights = [], []
    for s in SYLLABLES:
        items.append(s + " ")
        weights.append(10)
    for s in NAMES:
        items.append(s + " ")
        weights.append(2)
    if not with_punct:
        return items, weights
    for s in SYLLABLES[:40]:
        for p in PUNCT_AFTER:
            items.append(s + p + " ")
            weights.append(1)
        for p in PUNCT_BEFORE:
            items.append(p + s + " ")
            weights.append(1)
    for s in SPECIAL:
        items.append(s + " ")
        weights.append(2)
    for sep in SEPARATORS[40:]:
        items.append("hòa" + sep)
        weights.append(3)
    return items, weights


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--bytes", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pools = [pool(True), pool(False)]
    written = 0
    batch = 0
    with open(args.out, "wb") as out:
        while written < args.bytes:
            items, weights = pools[1 if batch % 5 == 4 else 0]
            k = min(1_000_000, max(1000, (args.bytes - written) // 5))
            chunk = "".join(rng.choices(items, weights, k=k)).encode("utf-8")
            out.write(chunk)
            written += len(chunk)
            batch += 1
        out.write("hết".encode("utf-8"))  # ends in a word, no newline


if __name__ == "__main__":
    main()

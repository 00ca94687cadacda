#!/usr/bin/python3
"""Prepare a text file for PhoBERT: old-style tone placement and
VnCoreNLP-style word segmentation, one output line per input line.

PhoBERT was pre-trained on text segmented by VnCoreNLP's RDRSegmenter:
syllables of a word joined by '_', words and punctuation separated by one
space, tone marks in the old placement (hoà, khoẻ, thuỷ). This script gives
that form:

    /usr/bin/python3 examples/phobert_prepare.py corpus.txt -o corpus.seg.txt

    Tổng thống Mỹ nói: "Hòa bình."
    -> Tổng_thống Mỹ nói : " Hoà_bình . "

The file is read in blocks of lines; each block is normalized in one call
and segmented with segment_many on all cores.
"""
import argparse
import sys

import vnseg

LINES_PER_BLOCK = 20000


def prepare_lines(lines, segmenter, threads=None):
    """The PhoBERT form of each line (str, line ends kept)."""
    normalized = segmenter.normalize("".join(lines), tone="old").splitlines(keepends=True)
    return segmenter.segment_many(normalized, tokenize=True, threads=threads)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="UTF-8 text file ('-' for stdin)")
    parser.add_argument("-o", "--output", help="output file (default stdout)")
    parser.add_argument("--threads", type=int, default=None, help="default: one per core")
    parser.add_argument("--user-words", help="extra words, one a line")
    args = parser.parse_args(argv)

    segmenter = vnseg.Segmenter(user_words=args.user_words)
    source = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8", newline="")
    sink = sys.stdout if args.output is None else open(args.output, "w", encoding="utf-8", newline="")
    with source, sink:
        block = []
        for line in source:
            block.append(line)
            if len(block) == LINES_PER_BLOCK:
                sink.writelines(prepare_lines(block, segmenter, args.threads))
                block = []
        sink.writelines(prepare_lines(block, segmenter, args.threads))
    return 0


if __name__ == "__main__":
    sys.exit(main())

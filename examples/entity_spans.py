#!/usr/bin/python3
"""Map entity spans found in segmented text back to the original string.

A model such as PhoBERT sees the segmented, tokenized text
("Tổng_thống Mỹ Joe_Biden ...") and reports entities as character spans of
*that* text. vnseg.tokenize() gives the same words, one for one, with their
positions in the original text, so each span maps back exactly, whatever
spacing, punctuation, emoji or decomposed accents the original had:

    /usr/bin/python3 examples/entity_spans.py
"""
import vnseg


def word_spans(segmented):
    """(start, end) of each space-separated word of a tokenized segmentation."""
    spans, position = [], 0
    for word in segmented.split():
        start = segmented.index(word, position)
        position = start + len(word)
        spans.append((start, position))
    return spans


def map_spans(original, segmented_spans, segmenter=None):
    """Maps (start, end) spans of vnseg.segment(original, tokenize=True)
    to (start, end) spans of `original`: from the start of the first word
    the span touches to the end of the last one."""
    segmenter = segmenter or vnseg.default_segmenter()
    segmented = segmenter.segment(original, tokenize=True)
    words = word_spans(segmented)
    tokens = segmenter.tokenize(original)
    assert len(words) == len(tokens)  # one token per segmented word
    result = []
    for start, end in segmented_spans:
        inside = [i for i, (s, e) in enumerate(words) if s < end and e > start]
        if not inside:
            raise ValueError(f"span ({start}, {end}) covers no word of the segmented text")
        result.append((tokens[inside[0]].start, tokens[inside[-1]].end))
    return result


def toy_entity_model(segmented):
    """Stands in for a NER model: every word that starts with a capital
    letter, not at the start of a line, is an entity (spans of `segmented`)."""
    spans = []
    for i, (start, end) in enumerate(word_spans(segmented)):
        if i > 0 and segmented[start].isupper():
            spans.append((start, end))
    return spans


def main():
    original = 'Hôm qua,  Tổng thống Mỹ  Joe Biden 👋 đã tới Ha\u0300 Nội (Việt Nam).'
    segmented = vnseg.segment(original, tokenize=True)
    print("original: ", original)
    print("segmented:", segmented)
    found = toy_entity_model(segmented)
    for (s, e), (os_, oe) in zip(found, map_spans(original, found)):
        print(f"  {segmented[s:e]!r:16} segmented[{s}:{e}] -> original[{os_}:{oe}] = {original[os_:oe]!r}")


if __name__ == "__main__":
    main()

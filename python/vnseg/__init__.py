"""Vietnamese word segmentation: "Tổng thống Mỹ" <-> "Tổng_thống Mỹ".

    >>> import vnseg
    >>> vnseg.segment("Tổng thống Mỹ")
    'Tổng_thống Mỹ'
    >>> vnseg.join("Tổng_thống Mỹ")
    'Tổng thống Mỹ'

The module-level functions use a Segmenter loaded on first use with the
dictionary shipped in the package ($VNSEG_DICT overrides it). All functions
take and return str; offsets are str indices. The work is done by the C++
library through the private extension vnseg._vnseg; see help(vnseg.segment)
etc.
"""
from ._segmenter import (
    Segmenter,
    default_segmenter,
    detect,
    join,
    join_many,
    normalize,
    resegment,
    resegment_many,
    segment,
    segment_many,
    sentences,
    tokenize,
    tokenize_many,
)
from ._token import Token
from ._vnseg import __version__

__all__ = [
    "Segmenter",
    "Token",
    "default_segmenter",
    "detect",
    "join",
    "join_many",
    "normalize",
    "resegment",
    "resegment_many",
    "segment",
    "segment_many",
    "sentences",
    "tokenize",
    "tokenize_many",
]

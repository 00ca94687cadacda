"""Vietnamese word segmentation: "Tổng thống Mỹ" <-> "Tổng_thống Mỹ".

    >>> import vnseg
    >>> vnseg.segment("Tổng thống Mỹ")
    'Tổng_thống Mỹ'
    >>> vnseg.join("Tổng_thống Mỹ")
    'Tổng thống Mỹ'

All the work is done by the C++ library through the extension module
vnseg._vnseg; this package only re-exports it. See help(vnseg.segment) etc.
"""
from ._vnseg import (
    Segmenter,
    Token,
    __version__,
    default_segmenter,
    join,
    join_many,
    normalize,
    resegment,
    resegment_many,
    segment,
    segment_many,
    tokenize,
)

__all__ = [
    "Segmenter",
    "Token",
    "default_segmenter",
    "join",
    "join_many",
    "normalize",
    "resegment",
    "resegment_many",
    "segment",
    "segment_many",
    "tokenize",
]

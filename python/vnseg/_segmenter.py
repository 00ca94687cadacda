"""vnseg.Segmenter and the module-level functions: the Python API over the
extension vnseg._vnseg, which does the work (see python/src/module.cc).
Argument checks and defaults are here; texts go to C++ as they are: it
encodes them, without the GIL in batches, and raises TypeError for a
non-str and UnicodeEncodeError for a lone surrogate ("texts[i]: ..." in a
batch)."""
from __future__ import annotations  # annotations stay strings: no typing import

import _thread
import operator
import os
import warnings
from collections.abc import Iterable
from itertools import starmap

from . import _vnseg
from ._token import Token

_MANY_DOC = """

Like the single-text call for each str of texts (any iterable of str, not
a str itself: TypeError), in order. The work is split across `threads` C++
threads (default, and 0 as the CLI's --threads 0: one per core; never more)
with the GIL released."""


def _path(path: str | os.PathLike[str]) -> str:
    """os.fspath(path) as a str; TypeError for bytes paths and non-paths."""
    path = os.fspath(path)
    if not isinstance(path, str):
        raise TypeError("paths must be str or os.PathLike of str")
    return path


def _is_path(o: object) -> bool:
    return isinstance(o, str) or hasattr(o, "__fspath__")


def _word_list(words: Iterable[str]) -> str:
    """user_words as the text of a word list: one word a line."""
    lines = []
    for i, word in enumerate(words):
        if not isinstance(word, str):
            raise TypeError(f"user_words[{i}]: expected str, not {type(word).__name__}")
        if "\n" in word or "\r" in word or "\t" in word:
            raise ValueError(f"user_words[{i}]: a word must not contain a line break or a tab")
        lines.append(word)
        lines.append("\n")
    return "".join(lines)


def _skipped_message(user_words: object, count: int, first: list[tuple[int, str]]) -> str:
    """The warning for user words that can never match (as the CLI's): a
    file's line numbers, or a list's indices."""
    if _is_path(user_words):
        origin = _path(user_words)  # type: ignore[arg-type]
        where = [f"line {line} {word!r}" for line, word in first]
    else:
        origin = "user_words"
        where = [f"user_words[{line - 1}] {word!r}" for line, word in first]
    more = ", ..." if count > len(first) else ""
    entries = "entry" if count == 1 else "entries"
    return (f"{origin}: {count} {entries} skipped, never matched (punctuation inside a word): "
            + ", ".join(where) + more)


def _threads(threads: int | None) -> int:
    """The thread count for C++: 0 (also for None) for one per core, as the
    CLI's --threads 0."""
    if threads is None:
        return 0
    threads = operator.index(threads)
    if threads < 0:
        raise ValueError(f"threads must be 0 (one per core) or more, not {threads}")
    return threads


def _texts(texts: Iterable[str]) -> Iterable[str]:
    """texts, unless it is a single str (which would iterate as its
    characters): TypeError then."""
    if isinstance(texts, str):
        raise TypeError("texts: expected an iterable of str, not a str (use [text])")
    return texts


def _tone(tone: str) -> int:
    if not isinstance(tone, str):
        raise TypeError(f"tone must be a str, not {type(tone).__name__}")
    if tone not in _vnseg.TONES:
        raise ValueError(f"tone must be 'keep', 'old' or 'new', not '{tone}'")
    return _vnseg.TONES[tone]


_BESIDE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vnseg.dic")


def _default_dictionary_path() -> str:
    """$VNSEG_DICT if set, else the vnseg.dic shipped beside this package
    (any working directory and install location), else the library's
    default (vnseg::DefaultDictionaryPath)."""
    return _vnseg.default_dictionary_path(_BESIDE)


def _no_default_dictionary() -> FileNotFoundError:
    """The error for a default dictionary that is missing: every place
    looked in, in order, and how to choose one (as the CLI's)."""
    return FileNotFoundError(
        "no dictionary found; looked in, in order:\n  dict_path: not given\n"
        + _vnseg.describe_dictionary_search(_BESIDE, "beside the Python package")
        + "Choose one with Segmenter(dict_path=FILE) or VNSEG_DICT=FILE.")


def join(text: str, *, detok: bool = False) -> str:
    """Turn '_' word form back into natural text: the inverse of segment().

'_' between two letters or digits becomes a space, '__' there becomes '_',
other underscores stay. detok=True also undoes the tokenized spacing (no space
before , . : ; ! ? ) ], none after ( [, straight quotes paired per sentence)."""
    return _vnseg.join(text, detok)


ENCODINGS = ("auto", "utf8", "tcvn3", "vni", "viscii", "cp1258", "viqr")


def normalize(data: str | bytes, *, from_: str = "auto", tone: str = "keep",
              fold_quotes: bool = False, spaces: bool = True, invisible: bool = True,
              fix_mojibake: bool = False) -> str:
    """Normalize text: Unicode NFC, Unicode spaces to ' ', zero-width
characters and soft hyphens removed, Ð/ð to Đ/đ.

data: a str, or bytes in the encoding from_: "utf8", "tcvn3", "vni", "viscii",
"cp1258", "viqr", or "auto" (the default: detected on the first 64 KiB as
detect() does; clean UTF-8, and so any str without VIQR marks, is read as it
is). A byte the encoding does not define raises ValueError naming it.
tone: "keep" (default), "old" (tone mark on the second vowel of open oa/oe/uy:
hoà khoẻ thuỷ, as VnCoreNLP and PhoBERT's data) or "new" (hòa khỏe thủy).
fold_quotes: curly and angle quotes to " and '. spaces=False keeps Unicode
spaces, invisible=False keeps zero-width characters. fix_mojibake=True repairs
UTF-8 that was read as Windows-1252 or Latin-1, once or twice ("Viá»‡t" ->
"Việt")."""
    if from_ not in ENCODINGS:
        raise ValueError(f"from_ must be one of {', '.join(ENCODINGS)}, not {from_!r}")
    if isinstance(data, str) and from_ == "utf8" and not fix_mojibake:
        return _vnseg.normalize(data, _tone(tone), fold_quotes, spaces, invisible)
    if not isinstance(data, (str, bytes)):
        raise TypeError(f"data must be str or bytes, not {type(data).__name__}")
    return _vnseg.normalize_from(data, from_, _tone(tone), fold_quotes, spaces, invisible,
                                 fix_mojibake)[0]


def detect(data: str | bytes) -> tuple[str, float]:
    """The encoding of data (its first 64 KiB) and how sure, from 0 to 1:
("tcvn3", 0.98). The encodings are those of normalize(from_=...); "utf8" for
clean UTF-8, Vietnamese or not, and for ASCII without VIQR marks (confidence 1)."""
    if not isinstance(data, (str, bytes)):
        raise TypeError(f"data must be str or bytes, not {type(data).__name__}")
    return _vnseg.detect(data)


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of text as (start, end) str indices, in order:
text[start:end] is a sentence, without the white space around it; what lies
between two sentences (and before the first, after the last) is white space,
so the spans and the gaps between them give text back exactly.

A line end always ends a sentence; so does white space after . ! ? ... (and
closing quotes or brackets) before a capital letter, digit or opening quote,
but not after an abbreviation (TP. GS. PGS.TS. Q.), an initial
("Nguyễn Văn A. Nam") or a list mark ("1.", "a."). Needs no dictionary."""
    return _vnseg.sentences(text)


def join_many(texts: Iterable[str], *, detok: bool = False,
              threads: int | None = None) -> list[str]:
    return _vnseg.join_many(_texts(texts), detok, _threads(threads))


join_many.__doc__ = join.__doc__ + _MANY_DOC


class Segmenter:
    """A loaded dictionary and the calls that use it.

Segmenter(dict_path=None, user_words=None): dict_path is a compiled vnseg
dictionary (default: the package's, or $VNSEG_DICT); user_words is a word-list
file (one word a line, '_' or space between syllables, optional TAB
frequency) or an iterable of words, matched beside the dictionary.
A missing file raises FileNotFoundError (without dict_path, its message lists
every place the dictionary was looked for), a bad one ValueError. User words
that can never match (punctuation inside: "a.b", "Nagorno–Karabakh" with an
en dash) are skipped with a UserWarning giving how many and the first few
lines (indices for an iterable).

One Segmenter may be shared by any number of threads."""

    __slots__ = ("_native", "_dict_path")

    def __init__(self, dict_path: str | os.PathLike[str] | None = None,
                 user_words: str | os.PathLike[str] | Iterable[str] | None = None) -> None:
        self._dict_path = _default_dictionary_path() if dict_path is None else _path(dict_path)
        try:
            self._open(user_words)
        except FileNotFoundError:
            if dict_path is None and not os.path.exists(self._dict_path):
                raise _no_default_dictionary() from None
            raise
        count, first = self._native.skipped_user_words()
        if count:
            warnings.warn(_skipped_message(user_words, count, first), UserWarning, stacklevel=2)

    def _open(self, user_words: str | os.PathLike[str] | Iterable[str] | None) -> None:
        if user_words is None:
            self._native = _vnseg.Segmenter(self._dict_path)
        elif _is_path(user_words):
            self._native = _vnseg.Segmenter(self._dict_path, user_words_path=_path(user_words))
        else:
            self._native = _vnseg.Segmenter(self._dict_path,
                                            user_words_text=_word_list(user_words))

    def segment(self, text: str, *, tokenize: bool = False) -> str:
        """Segment natural text into words joined with '_'.

tokenize=False (default): lossless, only the spaces inside words become '_'
(and a literal '_' between two letters or digits is written '__'), so
join(segment(x)) == x for every str x.
tokenize=True: VnCoreNLP/PhoBERT style, every word and punctuation mark
separated by one space, line ends kept."""
        return self._native.segment(text, tokenize)

    def resegment(self, text: str) -> str:
        """Re-segment text that another tool segmented: join, then segment
again (lossless), keeping the input's spacing."""
        return self._native.resegment(text)

    def tokenize(self, text: str) -> list[Token]:
        """The words of text as a list of Token(text, start, end, kind).

start and end are str indices into text (text[start:end] == token.text), in
order; white space belongs to no token. kind is "word" (one or more
syllables), "number", "url", "email", "hashtag", "mention", "abbreviation",
"punct" or "other" (symbols, emoji)."""
        return list(starmap(Token, self._native.tokenize(text)))

    def segment_many(self, texts: Iterable[str], *, tokenize: bool = False,
                     threads: int | None = None) -> list[str]:
        return self._native.segment_many(_texts(texts), tokenize, _threads(threads))

    def resegment_many(self, texts: Iterable[str], *,
                       threads: int | None = None) -> list[str]:
        return self._native.resegment_many(_texts(texts), _threads(threads))

    def tokenize_many(self, texts: Iterable[str], *,
                      threads: int | None = None) -> list[list[Token]]:
        return [list(starmap(Token, tokens))
                for tokens in self._native.tokenize_many(_texts(texts), _threads(threads))]

    def join(self, text: str, *, detok: bool = False) -> str:
        return join(text, detok=detok)

    def normalize(self, data: str | bytes, *, from_: str = "auto", tone: str = "keep",
                  fold_quotes: bool = False, spaces: bool = True, invisible: bool = True,
                  fix_mojibake: bool = False) -> str:
        return normalize(data, from_=from_, tone=tone, fold_quotes=fold_quotes, spaces=spaces,
                         invisible=invisible, fix_mojibake=fix_mojibake)

    def join_many(self, texts: Iterable[str], *, detok: bool = False,
                  threads: int | None = None) -> list[str]:
        return join_many(texts, detok=detok, threads=threads)

    @property
    def dict_path(self) -> str:
        """path of the loaded dictionary"""
        return self._dict_path

    @property
    def dictionary_info(self) -> dict:
        """the dictionary's header: word counts, checksum, source"""
        return {"path": self._dict_path, **self._native.info()}

    def __repr__(self) -> str:
        return f"vnseg.Segmenter(dict_path={self._dict_path!r})"


Segmenter.segment_many.__doc__ = Segmenter.segment.__doc__ + _MANY_DOC
Segmenter.resegment_many.__doc__ = Segmenter.resegment.__doc__ + _MANY_DOC
Segmenter.tokenize_many.__doc__ = Segmenter.tokenize.__doc__ + _MANY_DOC
for _name in ("join", "normalize", "join_many"):
    getattr(Segmenter, _name).__doc__ = globals()[_name].__doc__

_default: Segmenter | None = None
_default_lock = _thread.allocate_lock()  # threading.Lock, without importing threading


def default_segmenter() -> Segmenter:
    """The Segmenter the module-level functions use (loaded on first use,
    once even when threads race; a failed load is retried, and reported, by
    the next call)."""
    global _default
    segmenter = _default
    if segmenter is None:
        with _default_lock:
            if _default is None:
                _default = Segmenter()
            segmenter = _default
    return segmenter


# (`_default or default_segmenter()`: no extra call once it is loaded.)
def segment(text: str, *, tokenize: bool = False) -> str:
    return (_default or default_segmenter())._native.segment(text, tokenize)


def resegment(text: str) -> str:
    return (_default or default_segmenter())._native.resegment(text)


def tokenize(text: str) -> list[Token]:
    return (_default or default_segmenter()).tokenize(text)


def segment_many(texts: Iterable[str], *, tokenize: bool = False,
                 threads: int | None = None) -> list[str]:
    return (_default or default_segmenter())._native.segment_many(_texts(texts), tokenize,
                                                                 _threads(threads))


def resegment_many(texts: Iterable[str], *, threads: int | None = None) -> list[str]:
    return (_default or default_segmenter())._native.resegment_many(_texts(texts),
                                                                   _threads(threads))


def tokenize_many(texts: Iterable[str], *, threads: int | None = None) -> list[list[Token]]:
    return (_default or default_segmenter()).tokenize_many(texts, threads=threads)


for _name in ("segment", "resegment", "tokenize", "segment_many", "resegment_many",
              "tokenize_many"):
    globals()[_name].__doc__ = getattr(Segmenter, _name).__doc__
del _name

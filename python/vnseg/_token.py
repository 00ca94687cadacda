"""vnseg.Token: one word of vnseg.tokenize."""
import operator


def _field(name: str, doc: str) -> property:
    """A read-only attribute over the slot _name."""
    return property(operator.attrgetter("_" + name), doc=doc)


class Token:
    """A word of vnseg.tokenize: text == original[start:end]."""

    __slots__ = ("_text", "_start", "_end", "_kind")

    def __init__(self, text: str, start: int, end: int, kind: str) -> None:
        self._text = text
        self._start = start
        self._end = end
        self._kind = kind

    text = _field("text", "the word as written in the original text")
    start = _field("start", "str index of its first character")
    end = _field("end", "str index one past its last character")
    kind = _field("kind", "word, number, url, email, hashtag, mention, abbreviation, punct "
                  "or other")

    def __repr__(self) -> str:
        return f"Token(text={self._text!r}, start={self._start}, end={self._end}, kind={self._kind!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return (self._start == other._start and self._end == other._end
                and self._text == other._text and self._kind == other._kind)

    def __hash__(self) -> int:
        return hash((self._text, self._start, self._end, self._kind))

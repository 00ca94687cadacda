"""Encoders of NFC text into the legacy Vietnamese encodings, for the tests
of `vnseg normalize --from` (the inverse of what vnseg decodes, made apart
from it): TCVN3 (glibc's TCVN5712-1), VISCII and Windows-1258 by iconv(1);
VNI-Windows and VIQR written here from their definitions; mojibake as
Python's cp1252 codec (bytes it leaves undefined as Latin-1) makes it."""
import subprocess
import unicodedata

ICONV_NAMES = {"tcvn3": "TCVN5712-1", "viscii": "VISCII", "cp1258": "CP1258"}
_iconv_cache = {}


def _iconv_ok(ch, enc):
    key = (ch, enc)
    if key not in _iconv_cache:
        r = subprocess.run(["iconv", "-f", "UTF-8", "-t", ICONV_NAMES[enc]], input=ch.encode(),
                           capture_output=True)
        _iconv_cache[key] = r.returncode == 0
    return _iconv_cache[key]


# VNI-Windows: a mark byte (lower-case glyph; the capital glyph is 0x20 less)
# for each set of marks on a vowel, and the letters with a byte of their own.
ACUTE, GRAVE, HOOK, TILDE, DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
CIRC, BREVE, HORN = "\u0302", "\u0306", "\u031b"
VNI_MARKS = {
    ACUTE: 0xF9, GRAVE: 0xF8, HOOK: 0xFB, TILDE: 0xF5, DOT: 0xEF, CIRC: 0xE2,
    CIRC + ACUTE: 0xE1, CIRC + GRAVE: 0xE0, CIRC + HOOK: 0xE5, CIRC + TILDE: 0xE3,
    CIRC + DOT: 0xE4, BREVE: 0xEA, BREVE + ACUTE: 0xE9, BREVE + GRAVE: 0xE8,
    BREVE + HOOK: 0xFA, BREVE + TILDE: 0xFC, BREVE + DOT: 0xEB,
}
VNI_LETTERS = {"ỉ": 0xE6, "ì": 0xEC, "í": 0xED, "ỵ": 0xEE, "đ": 0xF1, "ị": 0xF2, "ĩ": 0xF3,
               "ơ": 0xF4, "ư": 0xF6}
VNI_LETTERS.update({k.upper(): v - 0x20 for k, v in list(VNI_LETTERS.items())})
VNI_USED = set(VNI_MARKS.values()) | {v - 0x20 for v in VNI_MARKS.values()} | set(VNI_LETTERS.values())


def _split_marks(ch):
    """(base, modifier marks, tone mark) of a letter, from its NFD."""
    d = unicodedata.normalize("NFD", ch)
    base, marks = d[0], d[1:]
    mods = "".join(m for m in marks if m in (CIRC, BREVE, HORN))
    tones = "".join(m for m in marks if m in (ACUTE, GRAVE, HOOK, TILDE, DOT))
    return base, mods, tones, len(mods) + len(tones) == len(marks)


def encode_vni(text):
    """bytes, or None when a character has no VNI form."""
    out = bytearray()
    for ch in text:
        if ch in VNI_LETTERS:
            out.append(VNI_LETTERS[ch])
            continue
        if ord(ch) < 0x80:
            out.append(ord(ch))
            continue
        base, mods, tones, ok = _split_marks(ch)
        if HORN in mods:  # ơ ư and their tones
            base = unicodedata.normalize("NFC", base + HORN)
            mods = mods.replace(HORN, "")
        if ok and (base in VNI_LETTERS or ord(base) < 0x80) and mods + tones in VNI_MARKS and len(tones) <= 1:
            out.append(VNI_LETTERS[base] if base in VNI_LETTERS else ord(base))
            mark = VNI_MARKS[mods + tones]
            out.append(mark - 0x20 if base.isupper() else mark)
            continue
        try:
            b = ch.encode("cp1252")
        except UnicodeEncodeError:
            return None
        if b[0] in VNI_USED or (0x80 <= b[0] < 0xA0 and b[0] in (0x81, 0x8D, 0x8F, 0x90, 0x9D)):
            return None
        out += b
    return bytes(out)


VIQR_TONES = {ACUTE: "'", GRAVE: "`", HOOK: "?", TILDE: "~", DOT: "."}
VIQR_MODS = {CIRC: "^", BREVE: "(", HORN: "+"}
VIQR_SPECIAL = "(^+'`?~.\\"


def encode_viqr(text):
    """str (ASCII), or None when a character is not ASCII or a Vietnamese letter."""
    out = []
    for i, ch in enumerate(text):
        prev = out[-1][-1] if out else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if ch in "đĐ":
            out.append("dd" if ch == "đ" else "DD")
            continue
        if ord(ch) < 0x80:
            # Escape what the decoder would read: a mark after a letter or a
            # mark, a d after a d, a backslash.
            if ch in VIQR_SPECIAL and (prev.isalpha() or prev in VIQR_SPECIAL or ch == "\\"):
                out.append("\\" + ch)
            elif ch in "dD" and ((prev in "dD" and prev != "") or (nxt in "dDđĐ" and nxt != "")):
                out.append("\\" + ch)
            else:
                out.append(ch)
            continue
        base, mods, tones, ok = _split_marks(ch)
        if not ok or ord(base) >= 0x80 or len(tones) > 1:
            return None
        out.append(base + "".join(VIQR_MODS[m] for m in mods) + "".join(VIQR_TONES[t] for t in tones))
    return "".join(out)


def encodable(text, enc):
    if enc in ICONV_NAMES:
        return all(ord(c) < 0x80 or _iconv_ok(c, enc) for c in set(text))
    if enc == "vni":
        return encode_vni(text) is not None
    if enc == "viqr":
        return encode_viqr(text) is not None
    return True


def encode_many(lines, enc):
    """The lines (each encodable), encoded: a list of bytes, one call to iconv."""
    if enc == "utf8":
        return [l.encode() for l in lines]
    if enc == "vni":
        return [encode_vni(l) for l in lines]
    if enc == "viqr":
        return [encode_viqr(l).encode() for l in lines]
    joined = "\n".join(lines).encode()
    r = subprocess.run(["iconv", "-f", "UTF-8", "-t", ICONV_NAMES[enc]], input=joined,
                       capture_output=True, check=True)
    parts = r.stdout.split(b"\n")
    assert len(parts) == len(lines)
    return parts


def mojibake(text, times=1):
    """text's UTF-8 read as Windows-1252 (undefined bytes as Latin-1), `times` times."""
    for _ in range(times):
        text = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode())
    return text

"""Text normalisation.

Two layers, kept apart on purpose:

* :func:`clean_text` produces the *display text* every extraction points into: NFC, one
  newline convention, invisible characters removed. It is what the user sees.
* :func:`match_key` and :func:`ascii_key` produce *matching keys* of exactly the same length
  as their input, so an offset found in a key is an offset into the display text. They fold
  case, dash/quote/space variants, tone placement (``Uỷ``/``Ủy``, ``hoá``/``hóa``) and, for
  :func:`ascii_key`, all diacritics (for headings typed without them).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from functools import lru_cache

# Invisible characters that break matching inside symbols.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
_SPACE_VARIANTS = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_DASH_VARIANTS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032"
# Latin ligature glyphs (U+FB00–FB06: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ), as PDFs made by LibreOffice can hold
# them: written out as their letters, as pdfium already gives them.
_LIGATURES = "".join(map(chr, range(0xFB00, 0xFB07)))

_CLEAN_TABLE = str.maketrans(
    {
        **{c: None for c in _INVISIBLE},
        **{c: " " for c in _SPACE_VARIANTS},
        "\r": None,
        "\v": "\n",
        # pdfium writes U+FFFE for a hyphen glyph that ended a line, and joins the lines:
        # "40/KH\ufffeUBND". The glyph was a real hyphen, so put it back.
        "\ufffe": "-",
        **{c: unicodedata.normalize("NFKC", c) for c in _LIGATURES},
    }
)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Anything clean_text changes besides NFC: most lines hold none, and one search says so.
_UNCLEAN_RE = re.compile(
    "[" + _INVISIBLE + _SPACE_VARIANTS + _LIGATURES + "\r\v\ufffe\x00-\x08\x0e-\x1f\x7f]"
)

_FOLD_TABLE = str.maketrans(
    {
        **{c: "-" for c in _DASH_VARIANTS},
        **{c: '"' for c in _DOUBLE_QUOTES},
        **{c: "'" for c in _SINGLE_QUOTES},
        "\t": " ",
        "\f": "\n",
        "\u00d0": "đ",  # Icelandic eth, seen in real data instead of Đ (U+0110)
        "\u00f0": "đ",
    }
)
# Any character _FOLD_TABLE changes. Most lines hold none, and `str.translate` looks every
# non-ASCII character up in the table: one search saying there is nothing to fold is cheaper.
_FOLDABLE_RE = re.compile("[" + re.escape("".join(map(chr, _FOLD_TABLE))) + "]")

# Tone marks as combining characters (NFD). Vietnamese vowels carry at most one of them.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# Pairs whose tone placement varies between "old" and "new" styles when the pair ends the
# syllable: hoà/hòa, khoẻ/khỏe, uỷ/ủy. We fold to the tone on the first vowel.
_TONE_PAIR_RE = re.compile(r"([oOuU])([aAeEyY][\u0300\u0301\u0303\u0309\u0323])(?![^\W\d_])")


def starts_word(text: str, index: int) -> bool:
    """Whether ``text[index]`` begins a word, as ``\b`` would say: patterns that start with
    ``\b`` make `re` try every position, so hot passes test the match start with this."""
    return index == 0 or not (text[index - 1].isalnum() or text[index - 1] == "_")


def is_clean(text: str) -> bool:
    """Whether :func:`clean_text` would leave ``text`` as it is."""
    return _UNCLEAN_RE.search(text) is None and unicodedata.is_normalized("NFC", text)


def clean_text(raw: str) -> str:
    """Return the display text for ``raw``: NFC, ``\\n`` newlines, no invisible characters,
    ligature glyphs written out."""
    if _UNCLEAN_RE.search(raw) is None:
        return raw if unicodedata.is_normalized("NFC", raw) else unicodedata.normalize("NFC", raw)
    text = raw.replace("\r\n", "\n")
    text = unicodedata.normalize("NFC", text.translate(_CLEAN_TABLE))
    return _CONTROL_RE.sub("", text)


def _move_tone(match: re.Match[str]) -> str:
    second = match.group(2)
    return unicodedata.normalize("NFC", match.group(1) + second[1]) + second[0]


def fold_tone_placement(text: str) -> str:
    """Move the tone from the second to the first vowel of a final ``oa``/``oe``/``uy``.

    Works on NFC text and keeps its length (each pair stays two code points).
    """
    decomposed = _decompose_pair_seconds(text)
    if decomposed is text:
        return text
    return unicodedata.normalize("NFC", _TONE_PAIR_RE.sub(_move_tone, decomposed))


@lru_cache(maxsize=1)
def _pair_second_table() -> dict[int, str]:
    """NFC vowel with tone → base + tone mark, only for the second vowels a, e, y."""
    table: dict[int, str] = {}
    for base in "aAeEyY":
        for tone in _TONES:
            composed = unicodedata.normalize("NFC", base + tone)
            if len(composed) == 1:
                table[ord(composed)] = base + tone
    return table


@lru_cache(maxsize=1)
def _pair_second_re() -> re.Pattern[str]:
    return re.compile("(?<=[oOuU])[" + "".join(map(chr, _pair_second_table())) + "]")


def _decompose_pair_seconds(text: str) -> str:
    # Only toned a/e/y directly after o/u need decomposing; do it locally so the result,
    # after the pair substitution and NFC, has the same length as the input.
    # re.sub returns ``text`` itself when nothing matched, which fold_tone_placement relies on.
    table = _pair_second_table()
    return _pair_second_re().sub(lambda m: table[ord(m.group())], text)


def lower_same_length(text: str) -> str:
    """``text.lower()``, except characters whose lower case is longer ("İ") stay as they are."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _fold(text: str) -> str:
    return text.translate(_FOLD_TABLE) if _FOLDABLE_RE.search(text) else text


def match_key(text: str) -> str:
    """Lower-cased, dash/quote/space-folded, tone-placement-folded key of the same length."""
    return fold_tone_placement(lower_same_length(_fold(text)))


@lru_cache(maxsize=1)
def _strip_table() -> dict[int, str]:
    table: dict[int, str] = {ord("đ"): "d", ord("Đ"): "D"}
    for code in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[0]
        if base != ch and base.isascii():
            table[code] = base
    return table


def strip_diacritics(text: str) -> str:
    """Remove Vietnamese diacritics from NFC text, one code point for one code point."""
    return text.translate(_strip_table())


def ascii_key(text: str) -> str:
    """:func:`match_key` without diacritics: ``"KIẾN NGHI"`` and ``"kiến nghị"`` agree."""
    # Tone placement needs no folding here: stripping removes the tone wherever it sits.
    return strip_diacritics(lower_same_length(_fold(text)))


_DIGITS_RE = re.compile(r"\d+")


def text_digest(text: str) -> str:
    """A digest of what a text says, not how it is laid out: the letters it holds, case
    folded, as a multiset, and its numbers. The same report as TXT, DOCX or PDF gives one
    digest although PDF extraction reorders blocks and splits words; a changed word or figure
    gives another. (Counting characters costs a fraction of :func:`match_key`; the files
    of one report share their typing, so tone placement needs no folding.)"""
    lowered = text.lower()
    letters = sorted((c, n) for c, n in Counter(lowered).items() if c.isalpha())
    numbers = sorted(_DIGITS_RE.findall(lowered))
    payload = "".join(f"{c}{n}," for c, n in letters) + "|" + " ".join(numbers)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()

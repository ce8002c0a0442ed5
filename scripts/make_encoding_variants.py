"""Write the seed report in every encoding the text reader must handle.

    python scripts/make_encoding_variants.py SOURCE.txt OUT_DIR

Writes <stem>.<label>.txt for utf-8-sig, utf-16, nfd (UTF-8, decomposed), cp1258, tcvn3 and
vni. The legacy encoders are the inverse of the decoder's tables, so a round trip checks the
tables' consistency; known-answer tests in tests/test_encodings.py check their correctness.
Characters a legacy encoding lacks (curly quotes) are written as their ASCII look-alikes.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from tcdlcl_parse.reading.legacy import _TCVN3_TABLE, _VNI_LETTERS, _VNI_MARKS

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_ASCII_LOOKALIKES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."})


def split_tone(char: str) -> tuple[str, str]:
    """'ấ' → ('â', '\u0301'): the letter with its vowel modifier, and its tone mark."""
    decomposed = unicodedata.normalize("NFD", char)
    tone = "".join(c for c in decomposed if c in _TONES)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return base, tone


def to_cp1258(text: str) -> bytes:
    # cp1258 has â ê ô ă ơ ư đ precomposed but tones only as combining marks.
    out = []
    for char in unicodedata.normalize("NFC", text.translate(_ASCII_LOOKALIKES)):
        base, tone = split_tone(char)
        out.append(base + tone)
    return "".join(out).encode("cp1258")


def to_tcvn3(text: str) -> bytes:
    inverse = {ch: code for code, ch in _TCVN3_TABLE.items() if len(ch) == 1 and ch != "\xa0"}
    out = bytearray()
    for char in unicodedata.normalize("NFC", text.translate(_ASCII_LOOKALIKES)):
        if char in inverse:
            out.append(inverse[char])
        elif char.lower() in inverse and not char.isascii():
            out.append(inverse[char.lower()])  # VN3 writes capitals with the .VnTimeH font
        else:
            out += char.encode("latin-1")
    return bytes(out)


def to_vni(text: str) -> bytes:
    letters = {v: k for k, v in _VNI_LETTERS.items()}
    marks = {value: mark for mark, value in _VNI_MARKS.items() if mark.islower()}
    upper_marks = {value: mark for mark, value in _VNI_MARKS.items() if mark.isupper()}
    out = []
    for char in unicodedata.normalize("NFC", text.translate(_ASCII_LOOKALIKES)):
        base, tone = split_tone(char)
        if base in letters and len(letters[base]) == 1 and base in "đĐơƠưƯ":
            out.append(letters[base])
            base = ""
        elif char in letters:
            out.append(letters[char])
            continue
        decomposed = unicodedata.normalize("NFD", base)
        letter, modifier = (decomposed[:1], decomposed[1:]) if decomposed else ("", "")
        out.append(letter)
        if modifier or tone:
            table = upper_marks if (letter or out[-1]).isupper() else marks
            out.append(table[(modifier, tone)])
    return "".join(out).encode("cp1252")


def variants(text: str) -> dict[str, bytes]:
    return {
        "utf-8-sig": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf-16": text.encode("utf-16"),
        "nfd": unicodedata.normalize("NFD", text).encode("utf-8"),
        "cp1258": to_cp1258(text),
        "tcvn3": to_tcvn3(text),
        "vni": to_vni(text),
    }


def main(source: str, out_dir: str) -> None:
    text = Path(source).read_text(encoding="utf-8")
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    for label, data in variants(text).items():
        (target / f"{Path(source).stem}.{label}.txt").write_bytes(data)


if __name__ == "__main__":
    main(*sys.argv[1:3])

"""Decode text files in the encodings Vietnamese offices produce.

UTF-8 (with or without BOM), UTF-16 (BOM, or BOM-less by its NUL pattern), Windows cp1258, and
the pre-Unicode font encodings still found in old templates: TCVN3 ("ABC", the .Vn fonts) and
VNI-Windows (the VNI- fonts). Legacy glyph text pasted into a UTF-8 document (what you get
when a .VnTime paragraph is copied as plain text) is detected and converted too.

The 8-bit candidates are told apart by decoding with each and counting common Vietnamese
syllables in a sample: a wrong decoding produces almost none.
"""

from __future__ import annotations

import re
import unicodedata


class NotText(ValueError):
    """The bytes are binary data, not text in any encoding."""


# TCVN 5712:1993 (VN1, a superset of the VN3 used by .Vn fonts), bytes 0x80–0xFF. Taken from
# glibc iconv's TCVN5712-1 converter (the same table as XFree86 lcUniConv/tcvn.h), composed
# to NFC. Bytes 0xB0–0xB4 are combining tone marks in the standard.
_TCVN3_HIGH = (
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ\xa0ĂÂÊÔƠƯĐăâêôơưđẶ\u0300\u0309\u0303\u0301\u0323"
    "àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ"
)
_TCVN3_TABLE = {0x80 + i: ch for i, ch in enumerate(_TCVN3_HIGH)}

# VNI-Windows: a base letter followed by a mark character (as cp1252 shows it). Each mark
# stands for an optional vowel modifier plus an optional tone.
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_VNI_MARKS = {
    "ù": ("", _ACUTE), "ø": ("", _GRAVE), "û": ("", _HOOK), "õ": ("", _TILDE), "ï": ("", _DOT),
    "â": (_CIRCUMFLEX, ""), "á": (_CIRCUMFLEX, _ACUTE), "à": (_CIRCUMFLEX, _GRAVE),
    "å": (_CIRCUMFLEX, _HOOK), "ã": (_CIRCUMFLEX, _TILDE), "ä": (_CIRCUMFLEX, _DOT),
    "ê": (_BREVE, ""), "é": (_BREVE, _ACUTE), "è": (_BREVE, _GRAVE),
    "ú": (_BREVE, _HOOK), "ü": (_BREVE, _TILDE), "ë": (_BREVE, _DOT),
}  # fmt: skip
_VNI_MARKS.update({mark.upper(): value for mark, value in list(_VNI_MARKS.items())})
# Letters VNI writes with a single character of their own.
_VNI_LETTERS = {
    "ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư",
    "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị", "æ": "ỉ", "Æ": "Ỉ", "î": "ỵ", "Î": "Ỵ",
}  # fmt: skip
_VNI_RE = re.compile("([aăâeêiouyơưAĂÂEÊIOUYƠƯ])([" + re.escape("".join(_VNI_MARKS)) + "])")

_COMMON_SYLLABLES = frozenset(
    [
        "của",
        "và",
        "các",
        "ngày",
        "năm",
        "được",
        "trong",
        "nhân",
        "dân",
        "không",
        "những",
        "thực",
        "hiện",
        "báo",
        "cáo",
        "công",
        "tác",
        "xã",
        "tỉnh",
        "kế",
        "hoạch",
        "với",
        "cho",
        "đã",
        "có",
        "người",
        "này",
        "theo",
        "về",
        "một",
        "đến",
        "tại",
        "sở",
        "học",
        "nghệ",
        "chất",
        "lượng",
        "đo",
        "tiêu",
        "chuẩn",
        "việc",
        "triển",
        "khai",
        "quản",
        "lý",
        "nhà",
        "nước",
        "ủy",
        "ban",
        "hội",
        "việt",
        "nam",
        "số",
        "quyết",
        "định",
        "chỉ",
        "thị",
        "đề",
        "nghị",
    ]
)
_WORD_RE = re.compile(r"[^\W\d_]+")
_SAMPLE_CHARS = 20_000
# Characters that only appear in Unicode Vietnamese (composed letters), not in glyph text.
_UNICODE_VIETNAMESE_RE = re.compile("[\u1ea0-\u1ef9ơưăđƠƯĂĐ]")


def _vni_compose(match: re.Match[str]) -> str:
    modifier, tone = _VNI_MARKS[match.group(2)]
    return unicodedata.normalize("NFC", match.group(1) + modifier + tone)


def convert_legacy(text: str, encoding: str) -> str:
    """Convert glyph text (legacy bytes read as cp1252/latin-1) to Unicode NFC."""
    if encoding == "tcvn3":
        converted = text.translate({ord(chr(code)): ch for code, ch in _TCVN3_TABLE.items()})
    elif encoding == "vni":
        converted = _VNI_RE.sub(
            _vni_compose, text.translate({ord(key): value for key, value in _VNI_LETTERS.items()})
        )
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    return unicodedata.normalize("NFC", converted)


def vietnamese_score(text: str) -> float:
    """Share of words in a sample that are common Vietnamese syllables."""
    words = _WORD_RE.findall(text[:_SAMPLE_CHARS].lower())
    if not words:
        return 0.0
    return sum(1 for word in words if word in _COMMON_SYLLABLES) / len(words)


_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\r\f")


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SAMPLE_CHARS]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > 0.05 * len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _best_legacy(glyph_text: str) -> tuple[str, str] | None:
    """The legacy reading of ``glyph_text`` that looks most Vietnamese, if any does."""
    candidates = [(convert_legacy(glyph_text, enc), enc) for enc in ("tcvn3", "vni")]
    score, text, encoding = max((vietnamese_score(t), t, e) for t, e in candidates)
    return (text, encoding) if score > 0.05 else None


def decode_text_bytes(data: bytes) -> tuple[str, str]:
    """Decode a text file's bytes; returns (NFC text, encoding label).

    Labels: utf-8, utf-8-sig, utf-16, cp1258, tcvn3, vni, and utf-8+tcvn3 / utf-8+vni for
    UTF-8 text carrying legacy glyph text. Raises ValueError when nothing fits.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return unicodedata.normalize("NFC", data[3:].decode("utf-8", errors="replace")), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return unicodedata.normalize("NFC", data.decode("utf-16", errors="replace")), "utf-16"
    utf16 = _utf16_without_bom(data)
    if utf16:
        return unicodedata.normalize("NFC", data.decode(utf16, errors="replace")), "utf-16"
    if _looks_binary(data):
        raise NotText("binary data, not text")
    try:
        text = unicodedata.normalize("NFC", data.decode("utf-8"))
    except UnicodeDecodeError:
        return _decode_8bit(data)
    if text.isascii() or _UNICODE_VIETNAMESE_RE.search(text[:_SAMPLE_CHARS]):
        return text, "utf-8"
    legacy = _best_legacy(text)
    if legacy and vietnamese_score(legacy[0]) > vietnamese_score(text):
        return legacy[0], f"utf-8+{legacy[1]}"
    return text, "utf-8"


def _decode_8bit(data: bytes) -> tuple[str, str]:
    # TCVN3 bytes map one to one (read as latin-1); VNI marks are cp1252 characters. UTF-8 with
    # a few stray bytes (one pasted from a cp1252 document, a tail of junk) stays UTF-8: it
    # comes first, so it wins a tie.
    candidates = [
        (unicodedata.normalize("NFC", data.decode("utf-8", errors="replace")), "utf-8"),
        (unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")), "cp1258"),
        (convert_legacy(data.decode("latin-1"), "tcvn3"), "tcvn3"),
        (convert_legacy(data.decode("cp1252", errors="replace"), "vni"), "vni"),
    ]
    return max(candidates, key=lambda candidate: vietnamese_score(candidate[0]))

"""Plain-text reader: any encoding Vietnamese offices produce, form feeds as page breaks."""

from __future__ import annotations

import re

from ..errors import ReadError
from ..layout import RawLine
from .base import ReaderMeta
from .legacy import decode_text_bytes


def read_text(data: bytes, source: str) -> tuple[list[RawLine], ReaderMeta]:
    try:
        text, encoding = decode_text_bytes(data)
    except ValueError as exc:
        raise ReadError("encoding", source, str(exc)) from exc
    warnings = [f"undecodable-bytes-replaced:{text.count(chr(0xFFFD))}"] if "\ufffd" in text else []
    pages = text.replace("\r\n", "\n").replace("\r", "\n").split("\f")
    paged = len(pages) > 1
    lines = []
    for number, page in enumerate(pages, start=1):
        rows = page.split("\n")
        if "    " in page:
            rows = [column for row in rows for column in _columns(row)]
        lines += [RawLine(row, number if paged else None) for row in rows]
    return lines, ReaderMeta(
        extractor="text", encoding=encoding, page_count=len(pages) if paged else None, warnings=warnings
    )


# PDF-to-text tools lay a two-column header side by side: "ỦY BAN NHÂN DÂN      CỘNG HÒA …".
# A gap before "/" is a blank left for the number ("Số:      /BC-UBND"), not a column.
_COLUMN_GAP_RE = re.compile(r"(?<=\S) {4,}(?=[^\s/])")


def _columns(line: str) -> list[str]:
    """A line split where a wide run of spaces separates two columns."""
    return _COLUMN_GAP_RE.split(line) if "    " in line.strip() else [line]

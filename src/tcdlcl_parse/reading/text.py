"""Plain-text reader: any encoding Vietnamese offices produce, form feeds as page breaks."""

from __future__ import annotations

import re

from ..errors import ReadError
from .base import ReaderMeta
from .legacy import NotText, decode_text_bytes
from .lines import RawLine


def read_text(data: bytes, source: str) -> tuple[list[RawLine], ReaderMeta]:
    try:
        text, encoding = decode_text_bytes(data)
    except NotText as exc:
        raise ReadError("encoding", source, str(exc), note="binary") from exc
    except ValueError as exc:
        raise ReadError("encoding", source, str(exc)) from exc
    warnings = [f"undecodable-bytes-replaced:{text.count(chr(0xFFFD))}"] if "\ufffd" in text else []
    pages = text.replace("\r\n", "\n").replace("\r", "\n").split("\f")
    paged = len(pages) > 1
    lines = []
    for number, page in enumerate(pages, start=1):
        # Columns become lines of their own: one substitution per page, not a split per row.
        rows = (_COLUMN_GAP_RE.sub("\n", page) if "    " in page else page).split("\n")
        lines += [RawLine(row, number if paged else None) for row in rows]
    return lines, ReaderMeta(
        extractor="text",
        encoding=encoding,
        page_count=len(pages) if paged else None,
        warnings=warnings,
    )


# PDF-to-text tools lay a two-column header side by side: "ỦY BAN NHÂN DÂN      CỘNG HÒA …".
# A gap before "/" is a blank left for the number ("Số:      /BC-UBND"), not a column; nor is
# indentation. The gap's first space comes first, so `re` skips from space to space in C.
_COLUMN_GAP_RE = re.compile(r" (?<=\S ) {3,}(?=[^\s/])")

"""Plain-text reader: any encoding Vietnamese offices produce, form feeds as page breaks."""

from __future__ import annotations

from ..errors import ReadError
from ..layout import RawLine
from .base import ReaderMeta
from .legacy import decode_text_bytes


def read_text(data: bytes, source: str) -> tuple[list[RawLine], ReaderMeta]:
    try:
        text, encoding = decode_text_bytes(data)
    except ValueError as exc:
        raise ReadError("encoding", source, str(exc)) from exc
    pages = text.replace("\r\n", "\n").replace("\r", "\n").split("\f")
    paged = len(pages) > 1
    lines = [
        RawLine(text=line, page=number if paged else None)
        for number, page in enumerate(pages, start=1)
        for line in page.split("\n")
    ]
    return lines, ReaderMeta(
        extractor="text", encoding=encoding, page_count=len(pages) if paged else None
    )

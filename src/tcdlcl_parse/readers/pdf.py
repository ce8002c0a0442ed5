"""PDF reader.

pypdfium2 opens every PDF first: it is fast, tells encrypted from corrupt, counts pages and
finds image-only (scanned) documents. Text then comes from

* pdfplumber (``layout=True``): characters with font names and sizes, grouped into lines and
  split where a wide gap separates two columns (the two-column header of Decree 30), giving
  bold/italic/size/indent/centred cues;
* pypdfium2 (``layout=False``): plain text lines, about 75× faster, no font cues.
"""

from __future__ import annotations

import re
from io import BytesIO
from statistics import median
from typing import Any

from ..errors import ReadError
from ..layout import RawLine
from .base import ReaderMeta

# Fewer visible characters than this per page on average, with images present: scanned.
_MIN_CHARS_PER_PAGE = 20
# A horizontal gap wider than this many font sizes separates two columns on one line.
_COLUMN_GAP_EM = 1.5
# A gap wider than this share of the font size between two glyphs is a word space.
_WORD_GAP_EM = 0.2
_LIST_LABEL_RE = re.compile(r"^(?:[IVXLC]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]$|^[-+•▪➢–]$")
_BOLD_RE = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_ITALIC_RE = re.compile(r"italic|oblique", re.I)


def read_pdf(
    data: bytes, source: str, *, layout: bool, password: str | None
) -> tuple[list[RawLine], ReaderMeta]:
    page_count, visible_chars, has_images, fast_lines = _inspect_with_pdfium(data, source, password)
    if visible_chars < _MIN_CHARS_PER_PAGE * page_count:
        if has_images:
            raise ReadError("scanned", source, f"{page_count} page(s)")
        if visible_chars == 0:
            raise ReadError("empty", source, f"{page_count} page(s) without text")
    if not layout:
        return fast_lines, ReaderMeta(extractor="pypdfium2", page_count=page_count)
    return _read_with_pdfplumber(data, source, password), ReaderMeta(
        extractor="pdfplumber", page_count=page_count
    )


def _inspect_with_pdfium(
    data: bytes, source: str, password: str | None
) -> tuple[int, int, bool, list[RawLine]]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ReadError("encrypted", source) from exc
        raise ReadError("corrupt", source, str(exc)) from exc
    try:
        page_count = len(document)
        if page_count == 0:
            raise ReadError("empty", source, "0 pages")
        lines: list[RawLine] = []
        visible = 0
        has_images = False
        for index in range(page_count):
            page = document[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            visible += sum(1 for ch in text if not ch.isspace())
            if not has_images:
                has_images = any(
                    True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)
                )
            page.close()
            lines.extend(RawLine(text=line, page=index + 1) for line in re.split(r"\r\n|\r|\n", text))
        return page_count, visible, has_images, lines
    finally:
        document.close()


def _read_with_pdfplumber(data: bytes, source: str, password: str | None) -> list[RawLine]:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        with pdfplumber.open(BytesIO(data), password=password or "") as pdf:
            return [
                line
                for number, page in enumerate(pdf.pages, start=1)
                for line in _page_lines(page, number)
            ]
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        raise ReadError("corrupt", source, f"pdfplumber: {exc}") from exc


def _page_lines(page: Any, number: int) -> list[RawLine]:
    text_lines = page.extract_text_lines(return_chars=True, strip=True)
    segments = [
        segment
        for text_line in text_lines
        for segment in _split_columns(sorted(text_line["chars"], key=lambda c: c["x0"]))
    ]
    if not segments:
        return []
    left_edge = min(segment[0]["x0"] for segment in segments)
    return [_raw_line(segment, number, float(page.width), left_edge) for segment in segments]


def _split_columns(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    segments: list[list[dict[str, Any]]] = []
    previous = None
    for char in chars:
        wide_gap = previous is not None and char["x0"] - previous["x1"] > _COLUMN_GAP_EM * char["size"]
        # Word puts a tab after an automatic number ("II." ⇥ "KẾT QUẢ"): a lone list label
        # is not a column of its own.
        if previous is None or wide_gap and not _LIST_LABEL_RE.match(_segment_text(segments[-1]).strip()):
            segments.append([])
        segments[-1].append(char)
        if char["text"].strip():
            previous = char
    return [segment for segment in segments if any(c["text"].strip() for c in segment)]


def _segment_text(chars: list[dict[str, Any]]) -> str:
    out: list[str] = []
    previous = None
    for char in chars:
        text = char["text"]
        if (
            previous is not None
            and not text.isspace()
            and not previous["text"].isspace()
            and char["x0"] - previous["x1"] > _WORD_GAP_EM * char["size"]
        ):
            out.append(" ")
        out.append(text)
        previous = char
    return "".join(out)


def _raw_line(chars: list[dict[str, Any]], page: int, width: float, left_edge: float) -> RawLine:
    glyphs = [c for c in chars if c["text"].strip()]
    bold = sum(1 for c in glyphs if _BOLD_RE.search(c["fontname"])) * 2 >= len(glyphs)
    italic = sum(1 for c in glyphs if _ITALIC_RE.search(c["fontname"])) * 2 >= len(glyphs)
    x0, x1 = chars[0]["x0"], max(c["x1"] for c in chars)
    centered = abs((x0 + x1) / 2 - width / 2) < 0.04 * width and x0 - left_edge > 0.06 * width
    return RawLine(
        text=_segment_text(chars),
        page=page,
        bold=bold,
        italic=italic,
        font_size=round(float(median(c["size"] for c in glyphs)), 1),
        x0=round(float(x0), 1),
        centered=centered,
    )

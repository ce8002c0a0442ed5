"""PDF reader.

pypdfium2 opens every PDF first: it is fast, tells encrypted from corrupt, counts pages and
finds image-only (scanned) pages, which are read by OCR (:mod:`.ocr`). Text then comes from

* pdfplumber (the default): characters with font names and sizes, grouped into lines by
  its own text-line rules and split where a wide gap separates two columns (the two-column
  header of Decree 30), giving bold/italic/size/indent/centred cues. The glyphs are taken from
  pdfminer's layout as pdfplumber would compute them, but only the keys we read (2.3× faster
  than its ``page.chars``, which resolves every attribute of every glyph);
* pypdfium2 (``ReadOptions(fast=True)``): plain text lines, about 18× faster again, no font cues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from io import BytesIO
from itertools import islice
from statistics import median
from typing import Any

from ..errors import ReadError
from .base import ReaderMeta
from .lines import LIST_LABEL_RE, RawLine, is_centered

# Fewer visible characters than this on a page with images: a scanned page, read by OCR.
_MIN_CHARS_PER_PAGE = 20
_NON_SPACE_RE = re.compile(r"\S")
_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")
# A horizontal gap wider than this many font sizes separates two columns on one line.
_COLUMN_GAP_EM = 1.5
# A gap wider than this share of the font size between two glyphs is a word space.
_WORD_GAP_EM = 0.2
_BOLD_RE = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_ITALIC_RE = re.compile(r"italic|oblique", re.IGNORECASE)


def read_pdf(
    data: bytes, source: str, *, fast: bool, password: str | None, ocr: bool
) -> tuple[list[RawLine], ReaderMeta]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ReadError("encrypted", source) from exc
        raise ReadError("corrupt", source, str(exc)) from exc
    try:
        pages = _inspect_pages(document, source)
        image_only = [i for i, page in enumerate(pages) if page.image_only]
        text_pages = [i for i, page in enumerate(pages) if not page.image_only and page.visible_chars]
        if not image_only and not text_pages:
            raise ReadError(
                "empty", source, f"{len(pages)} page(s) without text",
                note="pages-without-text", pages=len(pages),
            )  # fmt: skip
        meta = ReaderMeta(extractor="", page_count=len(pages))
        ocr_lines: list[RawLine] = []
        if image_only and not ocr:
            if not text_pages:
                raise ReadError(
                    "scanned", source, f"{len(pages)} page(s); OCR turned off",
                    note="ocr-off", pages=len(pages),
                )  # fmt: skip
            meta.warnings.append(f"image-only-pages-skipped:{_page_ranges(image_only)}")
        elif image_only:
            from .ocr import ocr_pages

            ocr_lines = ocr_pages(document, image_only, source)
            if not ocr_lines and not text_pages:
                raise ReadError(
                    "scanned", source, f"OCR found no text on {len(image_only)} page(s)",
                    note="ocr-no-text", pages=len(image_only),
                )  # fmt: skip
            meta.warnings.append(f"ocr-pages:{_page_ranges(image_only)}")
    finally:
        document.close()
    text_lines: list[RawLine] = []
    extractors = []
    if text_pages and not fast:
        try:
            text_lines = _read_with_pdfplumber(data, source, password, text_pages)
            extractors.append("pdfplumber")
        except ReadError as error:
            # pdfium read this file and pdfminer cannot: keep pdfium's text, without font cues.
            meta.warnings.append(f"layout-unavailable:{error.detail}"[:200])
    if text_pages and not text_lines:
        text_lines = [RawLine(line, i + 1) for i in text_pages for line in _LINE_BREAK_RE.split(pages[i].text)]
        extractors.append("pypdfium2")
    if ocr_lines:
        extractors.append("tesseract")
    meta.extractor = "+".join(extractors)
    # The text pages' lines are in page order already; OCR lines are merged in by page (the sort
    # is stable within a page).
    lines = sorted([*text_lines, *ocr_lines], key=lambda line: line.page or 0) if ocr_lines else text_lines
    return lines, meta


@dataclass(slots=True)
class _PageFacts:
    text: str  # pdfium's, the fast path's text (split into lines only when it is used)
    visible_chars: int  # counted up to _MIN_CHARS_PER_PAGE
    has_images: bool

    @property
    def image_only(self) -> bool:
        return self.visible_chars < _MIN_CHARS_PER_PAGE and self.has_images


def _inspect_pages(document: Any, source: str) -> list[_PageFacts]:
    """pypdfium2's text of every page and whether the page is only images."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    if len(document) == 0:
        raise ReadError("empty", source, "0 pages", note="no-pages")
    facts = []
    for index in range(len(document)):
        try:
            page = document[index]
        except pdfium.PdfiumError as exc:  # e.g. a page tree that contains itself
            raise ReadError("corrupt", source, f"page {index + 1}: {exc}") from exc
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        textpage.close()
        # Non-space characters, counted only up to the threshold: splitting every page's text
        # to count them all cost about 4 % of pdfium's own extraction time.
        visible = sum(1 for _ in islice(_NON_SPACE_RE.finditer(text), _MIN_CHARS_PER_PAGE))
        has_images = visible < _MIN_CHARS_PER_PAGE and any(
            True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)
        )
        page.close()
        facts.append(_PageFacts(text, visible, has_images))
    return facts


def _page_ranges(indexes: list[int]) -> str:
    """0-based page indexes as 1-based ranges: [0, 1, 2, 4] → "1-3,5"."""
    ranges: list[list[int]] = []
    for number in (i + 1 for i in indexes):
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    return ",".join(f"{a}-{b}" if a != b else str(a) for a, b in ranges)


def _read_with_pdfplumber(data: bytes, source: str, password: str | None, page_indexes: list[int]) -> list[RawLine]:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    lines: list[RawLine] = []
    try:
        with pdfplumber.open(BytesIO(data), password=password or "", pages=[i + 1 for i in page_indexes]) as pdf:
            for page in pdf.pages:
                lines.extend(_page_lines(page, page.page_number))
                page.close()  # frees the page's cached glyphs: memory stays flat on long PDFs
    except (
        PDFSyntaxError, PSException, PdfminerException, MalformedPDFException, ValueError, KeyError, TypeError, IndexError,
    ) as exc:  # fmt: skip
        raise ReadError("corrupt", source, f"pdfplumber: {exc}") from exc
    return lines


def _page_lines(page: Any, number: int) -> list[RawLine]:
    from pdfplumber.utils import chars_to_textmap

    # What page.extract_text_lines does, from our own glyph dicts (its options but one: a
    # ligature glyph "ﬁ" stays one entry instead of one per letter, which listed the glyph
    # twice; clean_text writes ligatures out).
    textmap = chars_to_textmap(
        _glyphs(page), layout_bbox=page.bbox, layout_width=page.width, layout_height=page.height, expand_ligatures=False
    )
    text_lines = textmap.extract_text_lines(strip=True, return_chars=True)
    segments = [
        segment
        for text_line in text_lines
        for segment in _split_columns(sorted(text_line["chars"], key=lambda c: c["x0"]))
    ]
    if not segments:
        return []
    left_edge = min(segment[0]["x0"] for segment in segments)
    return [_raw_line(segment, number, float(page.width), left_edge) for segment in segments]


def _glyphs(page: Any) -> list[dict[str, Any]]:
    """``page.chars`` with only the keys that line grouping and our cues read. pdfplumber
    resolves every attribute of every glyph (colours, graphic state, matrix …), which was
    60 % of reading a page; the values here are computed as it computes them."""
    from pdfminer.layout import LTChar, LTContainer
    from pdfplumber.page import fix_fontname_bytes

    mediabox_x0, mediabox_top = page.mediabox[:2]
    glyphs = []
    pending = list(reversed(page.layout._objs))  # depth first, in layout order, into figures
    while pending:
        item = pending.pop()
        if isinstance(item, LTContainer):
            pending.extend(reversed(item._objs))
        elif isinstance(item, LTChar):
            top = page.height - item.y1 + mediabox_top
            fontname = item.fontname
            glyphs.append({
                "text": item.get_text(), "fontname": fix_fontname_bytes(fontname) if isinstance(fontname, bytes) else fontname,
                "size": item.size, "upright": item.upright, "x0": item.x0 + mediabox_x0, "x1": item.x1 + mediabox_x0,
                "top": top, "bottom": page.height - item.y0 + mediabox_top, "doctop": page.initial_doctop + top,
                "width": item.width, "height": item.height,
            })  # fmt: skip
    return glyphs


def _split_columns(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    segments: list[list[dict[str, Any]]] = []
    previous = None
    for char in chars:
        wide_gap = previous is not None and char["x0"] - previous["x1"] > _COLUMN_GAP_EM * char["size"]
        # Word puts a tab after an automatic number ("II." ⇥ "KẾT QUẢ"): a lone list label
        # is not a column of its own.
        if previous is None or wide_gap and not LIST_LABEL_RE.match(_segment_text(segments[-1]).strip()):
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
    return RawLine(
        text=_segment_text(chars),
        page=page,
        bold=bold,
        italic=italic,
        font_size=round(float(median(c["size"] for c in glyphs)), 1),
        x0=round(float(x0), 1),
        centered=is_centered(x0, x1, width, left_edge),
    )

"""PDF reader.

pypdfium2 opens every PDF first: it is fast, tells encrypted from corrupt, counts pages and
finds image-only (scanned) pages, which are read by OCR (:mod:`.ocr`). Text then comes from

* pdfplumber (the default): characters with font names and sizes, grouped into lines by
  its own text-line rules and split where a wide gap separates two columns (the two-column
  header of Decree 30), giving bold/italic/size/indent/centred cues. The glyphs are taken from
  pdfminer's layout as pdfplumber would compute them, but only the keys we read (its
  ``page.chars`` resolves every attribute of every glyph);
* pypdfium2 (``ReadOptions(fast=True)``): plain text lines, much faster, no font cues.

What is read is what a viewer shows:

* the layout reader's glyphs of each page are compared with pdfium's text of the page (pdfium
  is what viewers run). Where they differ materially, e.g. pdfminer read another revision of a
  PDF whose incremental update viewers repair, the page is read from pdfium's text, with a
  warning;
* text nobody sees is left out by both readers, with a warning: invisible (render mode 3 or 7,
  or transparent), white, or under 1.5 pt. Invisible text over an image is a scan's OCR layer,
  and read; white text over an image or a coloured shape is visible;
* faux bold (each glyph drawn twice a fraction of a point apart) is read once (pdfium already
  does so);
* in the layout reader, a page whose text runs sideways or upside down (a ``/Rotate`` the
  content does not undo) is read in the text's own direction.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
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
# A drawn line at most this wide (points) and at least this tall is a table's column rule:
# the glyphs on either side belong to different cells, however narrow the gap.
_RULE_WIDTH_MAX = 2.0
_RULE_HEIGHT_MIN = 4.0
_BOLD_RE = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_ITALIC_RE = re.compile(r"italic|oblique", re.IGNORECASE)
# Glyphs smaller than this (points) cannot be read on paper or screen: hidden text.
_MIN_VISIBLE_SIZE = 1.5
# Render modes that draw nothing (3: invisible, 7: clip only).
_INVISIBLE_MODES = (3, 7)
# A repeated glyph closer than this share of its size to the same glyph is an overprint.
_OVERPRINT_EM = 0.1
# How many glyphs of a page tell the direction its text runs in.
_DIRECTION_SAMPLE = 100
# The layout reader's and pdfium's characters of a page differ materially when more than
# this many differ, and this share of them. On the corpus PDFs they differ only in pdfium's
# line-end hyphens (up to 0.7 % of a page), which are mapped before counting.
_DISAGREEMENT_CHARS = 8
_DISAGREEMENT_SHARE = 0.02
_Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points, y up
_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# Form XObjects nested deeper than this are not searched for hidden text.
_MAX_FORM_DEPTH = 8
# What pdfium writes for a hyphen at a line end.
_PDFIUM_HYPHENS = str.maketrans({"\ufffe": "-", "\x02": "-"})


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
        text_pages = [
            i for i, page in enumerate(pages) if not page.image_only and page.visible_chars
        ]
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
            layout_pages = _read_with_pdfplumber(data, source, password, text_pages, pages)
            extractors.append("pdfplumber")
        except ReadError as error:
            # pdfium read this file and pdfminer cannot: keep pdfium's text, without font cues.
            meta.warnings.append(f"layout-unavailable:{error.detail}"[:200])
        else:
            text_lines = _trusted_lines(layout_pages, pages, meta)
    if text_pages and not text_lines:
        text_lines = [line for i in text_pages for line in _pdfium_lines(pages[i].shown, i + 1)]
        extractors.append("pypdfium2")
        if hidden := sum(pages[i].hidden_chars for i in text_pages):
            meta.warnings.append(f"hidden-text-left-out:{hidden}")
    if ocr_lines:
        extractors.append("tesseract")
    meta.extractor = "+".join(extractors)
    # The text pages' lines are in page order already; OCR lines are merged in by page (the sort
    # is stable within a page).
    lines = (
        sorted([*text_lines, *ocr_lines], key=lambda line: line.page or 0)
        if ocr_lines
        else text_lines
    )
    return lines, meta


def _pdfium_lines(text: str, page: int) -> list[RawLine]:
    return [RawLine(line, page) for line in _LINE_BREAK_RE.split(text)]


def _trusted_lines(
    layout_pages: list[_LayoutPage], pages: list[_PageFacts], meta: ReaderMeta
) -> list[RawLine]:
    """The layout reader's lines, but pdfium's text for a page where the two disagree."""
    lines: list[RawLine] = []
    replaced: list[int] = []
    hidden = 0
    for layout in layout_pages:
        index = layout.number - 1
        if layout.differs:
            replaced.append(index)
            lines.extend(_pdfium_lines(pages[index].shown, layout.number))
            hidden += pages[index].hidden_chars
            continue
        lines.extend(layout.lines)
        hidden += layout.hidden_chars
    if replaced:
        ranges = _page_ranges(replaced)
        meta.warnings.append(f"layout-text-differs-from-viewer-read-pdfium:{ranges}")
    if hidden:
        meta.warnings.append(f"hidden-text-left-out:{hidden}")
    return lines


def _char_counts(text: str) -> Counter[str]:
    normal = unicodedata.normalize("NFKC", text.translate(_PDFIUM_HYPHENS))
    return Counter("".join(normal.split()))


def _disagree(ours: Counter[str], theirs: Counter[str]) -> bool:
    differing = (ours - theirs).total() + (theirs - ours).total()
    larger = max(ours.total(), theirs.total())
    return differing > _DISAGREEMENT_CHARS and differing > _DISAGREEMENT_SHARE * larger


@dataclass(slots=True)
class _PageFacts:
    text: str  # pdfium's, hidden text included: what the layout reader's glyphs are compared with
    visible_chars: int  # counted up to _MIN_CHARS_PER_PAGE
    has_images: bool
    shown: str  # the text without hidden text: the fast path's (split into lines when used)
    hidden_chars: int

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
        textpage = _textpage(page)
        text = textpage.get_text_range()
        shown, hidden_chars = _shown_text(page, textpage, text)
        textpage.close()
        # Non-space characters, counted only up to the threshold: splitting every page's text
        # to count them all cost about 4 % of pdfium's own extraction time.
        visible = sum(1 for _ in islice(_NON_SPACE_RE.finditer(text), _MIN_CHARS_PER_PAGE))
        has_images = visible < _MIN_CHARS_PER_PAGE and any(
            True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)
        )
        page.close()
        facts.append(_PageFacts(text, visible, has_images, shown, hidden_chars))
    return facts


def _textpage(page: Any) -> Any:
    """pdfium's text page. On a page with a ``/Rotate`` whose text is upright in the page's own
    space (a page turned as a whole), pdfium lists the lines of a quarter turn bottom up: the
    text is then taken from the page unturned."""
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    rotation = page.get_rotation()
    if not rotation:
        return textpage
    count = pdfium_c.FPDFText_CountChars(textpage.raw)
    angles = [
        pdfium_c.FPDFText_GetCharAngle(textpage.raw, i)
        for i in range(0, count, count // _DIRECTION_SAMPLE + 1)
    ]
    upright = sum(1 for angle in angles if 0 <= angle < 0.1 or angle > 6.18)  # radians
    if upright * 2 <= len(angles):
        return textpage
    textpage.close()
    page.set_rotation(0)
    textpage = page.get_textpage()
    page.set_rotation(rotation)  # as it was, for rendering (OCR)
    return textpage


def _shown_text(page: Any, textpage: Any, text: str) -> tuple[str, int]:
    """pdfium's text of the page without the text nobody sees, and how many characters (not
    spaces) that left out. Most pages have none, and cost one look at each text object."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    hidden = _hidden_text_objects(page.raw)
    if not hidden:
        return text, 0
    kept = []
    left_out = 0
    for index in range(pdfium_c.FPDFText_CountChars(textpage.raw)):
        owner_object = pdfium_c.FPDFText_GetTextObject(textpage.raw, index)
        owner = ctypes.cast(owner_object, ctypes.c_void_p).value
        char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index))
        if owner in hidden:
            left_out += not char.isspace()
        else:
            kept.append(char)
    return "".join(kept), left_out


def _hidden_text_objects(page: Any) -> set[int | None]:
    """Addresses of the page's text objects drawn invisibly, in white or under 1.5 pt; as in
    the layout reader, invisible text over an image (an OCR layer) and white text over an
    image or a coloured shape count as seen."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    size, matrix = ctypes.c_float(), pdfium_c.FS_MATRIX()
    # Called on every page of every PDF, --fast included: the calls are looked up once.
    render_mode = pdfium_c.FPDFTextObj_GetTextRenderMode
    fill_colour = pdfium_c.FPDFPageObj_GetFillColor
    font_size, get_matrix = pdfium_c.FPDFTextObj_GetFontSize, pdfium_c.FPDFPageObj_GetMatrix
    candidates: list[tuple[Any, _Matrix, str]] = []
    backgrounds: list[tuple[Any, _Matrix, bool]] = []  # (object, its form's placing, an image?)
    count = pdfium_c.FPDFPage_CountObjects(page)
    # pdfium gives an object inside a form XObject in the space the form is placed in: each
    # pending object carries the matrix that places its forms on the page.
    pending = [(pdfium_c.FPDFPage_GetObject(page, i), _IDENTITY, 0) for i in range(count)]
    while pending:
        obj, placing, depth = pending.pop()
        mode = render_mode(obj)  # -1 for what is not text
        if mode >= 0:
            if mode % 4 == 1:  # stroke only
                pdfium_c.FPDFPageObj_GetStrokeColor(obj, red, green, blue, alpha)
            else:
                fill_colour(obj, red, green, blue, alpha)
            if mode in _INVISIBLE_MODES or alpha.value == 0:
                candidates.append((obj, placing, "invisible"))
            elif min(red.value, green.value, blue.value) >= 253:
                candidates.append((obj, placing, "white"))
            elif font_size(obj, size) and get_matrix(obj, matrix):
                # The size in the font operator, scaled by the text and graphics matrices.
                a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
                if placing is not _IDENTITY:
                    a, b, c, d = _compose((a, b, c, d, 0.0, 0.0), placing)[:4]
                if size.value * abs(a * d - b * c) ** 0.5 < _MIN_VISIBLE_SIZE:
                    candidates.append((obj, placing, "tiny"))
            continue
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            backgrounds.append((obj, placing, True))
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            backgrounds.append((obj, placing, False))
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
            inner = _compose(_matrix(obj), placing)
            count = pdfium_c.FPDFFormObj_CountObjects(obj)
            children = (pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(count))
            pending += [(child, inner, depth + 1) for child in children]
    if not candidates:
        return set()
    images = [_bounds(obj, placing) for obj, placing, is_image in backgrounds if is_image]
    shapes = images + [
        _bounds(obj, placing)
        for obj, placing, is_image in backgrounds
        if not is_image and _coloured_fill(obj)
    ]
    hidden: set[int | None] = set()
    for obj, placing, reason in candidates:
        if reason != "tiny":
            x0, y0, x1, y1 = _bounds(obj, placing)
            x, y = (x0 + x1) / 2, (y0 + y1) / 2
            under = images if reason == "invisible" else shapes
            if any(b0 <= x <= b2 and b1 <= y <= b3 for b0, b1, b2, b3 in under):
                continue
        hidden.add(ctypes.cast(obj, ctypes.c_void_p).value)
    return hidden


def _matrix(obj: Any) -> _Matrix:
    import pypdfium2.raw as pdfium_c

    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return m.a, m.b, m.c, m.d, m.e, m.f


def _compose(first: _Matrix, then: _Matrix) -> _Matrix:
    """The matrix that applies ``first``, then ``then`` (PDF's row-vector convention)."""
    a, b, c, d, e, f = first
    p, q, r, s, t, u = then
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


def _bounds(obj: Any, placing: _Matrix) -> _Box:
    """The object's box on the page."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return (0.0, 0.0, -1.0, -1.0)  # contains nothing
    a, b, c, d, e, f = placing
    corners = [
        (x * a + y * c + e, x * b + y * d + f)
        for x in (left.value, right.value)
        for y in (bottom.value, top.value)
    ]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _coloured_fill(obj: Any) -> bool:
    import ctypes

    import pypdfium2.raw as pdfium_c

    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill_mode, stroke) or fill_mode.value == 0:
        return False
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    pdfium_c.FPDFPageObj_GetFillColor(obj, red, green, blue, alpha)
    return alpha.value > 0 and min(red.value, green.value, blue.value) < 253


def _page_ranges(indexes: list[int]) -> str:
    """0-based page indexes as 1-based ranges: [0, 1, 2, 4] → "1-3,5"."""
    ranges: list[list[int]] = []
    for number in (i + 1 for i in indexes):
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    return ",".join(f"{a}-{b}" if a != b else str(a) for a, b in ranges)


@dataclass(slots=True)
class _LayoutPage:
    number: int
    lines: list[RawLine]
    hidden_chars: int
    differs: bool = False  # from pdfium's text of the page: its lines are not to be used


def _read_with_pdfplumber(
    data: bytes,
    source: str,
    password: str | None,
    page_indexes: list[int],
    pages: list[_PageFacts],
) -> list[_LayoutPage]:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    layout_pages: list[_LayoutPage] = []
    try:
        with pdfplumber.open(
            BytesIO(data), password=password or "", pages=[i + 1 for i in page_indexes]
        ) as pdf:
            for page in pdf.pages:
                number = page.page_number
                layout_pages.append(_page_lines(page, number, pages[number - 1].text))
                page.close()  # frees the page's cached objects: memory stays flat on long PDFs
    except (
        PDFSyntaxError, PSException, PdfminerException, MalformedPDFException,
        ValueError, KeyError, TypeError, IndexError,
    ) as exc:  # fmt: skip
        raise ReadError("corrupt", source, f"pdfplumber: {exc}") from exc
    return layout_pages


def _page_lines(page: Any, number: int, viewer_text: str) -> _LayoutPage:
    """The page's lines, or ``differs`` when its glyphs are not the text ``viewer_text``
    (pdfium's) shows."""
    from pdfplumber.utils.text import chars_to_textmap

    layout, hidden_reasons = _layout(page)
    items, backgrounds, rules, tiny = _walk(layout)
    glyphs, frame = _glyphs(page, layout, items)
    # Column rules are placed on upright pages only (a turned page's glyphs are re-framed).
    columns = _column_rules(page, rules) if frame == page.bbox else []
    ours, theirs = _char_counts("".join(g["text"] for g in glyphs)), _char_counts(viewer_text)
    # More glyphs than pdfium shows (it draws an overprinted glyph once): look for overprints.
    if ours.total() > theirs.total():
        drawn = _drawn_once(glyphs)
        if len(drawn) < len(glyphs):
            items, glyphs = [items[i] for i in drawn], [glyphs[i] for i in drawn]
            ours = _char_counts("".join(g["text"] for g in glyphs))
    if _disagree(ours, theirs):
        return _LayoutPage(number, [], 0, differs=True)
    hidden_chars = 0
    if hidden_reasons or tiny:
        shown = [_visible(item, hidden_reasons, backgrounds) for item in items]
        hidden_chars = sum(
            1
            for glyph, seen in zip(glyphs, shown, strict=True)
            if not seen and glyph["text"].strip()
        )
        glyphs = [glyph for glyph, seen in zip(glyphs, shown, strict=True) if seen]
    # What page.extract_text_lines does, from our own glyph dicts (its options but one: a
    # ligature glyph "ﬁ" stays one entry instead of one per letter, which listed the glyph
    # twice; clean_text writes ligatures out).
    textmap = chars_to_textmap(
        glyphs,
        layout_bbox=frame,
        layout_width=frame[2] - frame[0],
        layout_height=frame[3] - frame[1],
        expand_ligatures=False,
    )
    text_lines = textmap.extract_text_lines(strip=True, return_chars=True)
    segments = [
        segment
        for text_line in text_lines
        for segment in _split_columns(sorted(text_line["chars"], key=lambda c: c["x0"]), columns)
    ]
    if not segments:
        return _LayoutPage(number, [], hidden_chars)
    left_edge = min(segment[0]["x0"] for segment in segments)
    width = float(frame[2] - frame[0])
    lines = [_raw_line(segment, number, width, left_edge) for segment in segments]
    return _LayoutPage(number, lines, hidden_chars)


@lru_cache(maxsize=1)
def _device_class() -> type:
    """pdfminer's page aggregator, noting the glyphs drawn invisibly or in white (pdfminer
    itself draws them like any other; pdfplumber's own aggregator only adds marked-content
    ids, which nothing here reads)."""
    from pdfminer.converter import PDFPageAggregator

    class HiddenTextAggregator(PDFPageAggregator):
        hidden: dict[int, str]  # id of the glyph → "invisible" or "white"

        def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
            reason = _hidden_reason(textstate.render, graphicstate)
            if reason is None:
                super().render_string(textstate, seq, ncs, graphicstate)
                return
            objs = self.cur_item._objs
            start = len(objs)
            super().render_string(textstate, seq, ncs, graphicstate)
            self.hidden.update((id(item), reason) for item in objs[start:])

    return HiddenTextAggregator


def _hidden_reason(render: int, graphicstate: Any) -> str | None:
    if render in _INVISIBLE_MODES:
        return "invisible"
    # 0 fill, 1 stroke, 2 both (4–6: the same, then clip): hidden when what is drawn is white.
    mode = render % 4
    colours = (
        [graphicstate.ncolor]
        if mode == 0
        else [graphicstate.scolor]
        if mode == 1
        else [graphicstate.ncolor, graphicstate.scolor]
    )
    return "white" if all(_is_white(colour) for colour in colours) else None


def _is_white(colour: Any) -> bool:
    if isinstance(colour, int | float):
        return float(colour) >= 0.99  # grey
    if not isinstance(colour, list | tuple) or not all(isinstance(v, int | float) for v in colour):
        return False  # patterns …: not judged
    if len(colour) == 3:
        return all(float(v) >= 0.99 for v in colour)  # RGB
    return len(colour) == 4 and all(float(v) <= 0.01 for v in colour)  # CMYK


def _layout(page: Any) -> tuple[Any, dict[int, str]]:
    """What ``page.layout`` computes, with the hidden glyphs noted."""
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfplumber.utils.exceptions import PdfminerException

    device = _device_class()(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    device.hidden = {}
    try:
        PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    except Exception as exc:  # as pdfplumber's page.layout does
        raise PdfminerException(exc) from exc
    return device.get_result(), device.hidden


def _walk(layout: Any) -> tuple[list[Any], list[_Box], list[_Box], int]:
    """The page's glyphs in layout order (into figures), the boxes of its images and filled
    coloured shapes (what white text may be drawn on), of its vertical rules (table borders),
    and how many glyphs are too small."""
    from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTRect

    items = []
    backgrounds = []
    rules = []
    tiny = 0
    pending = list(reversed(layout._objs))  # depth first, in layout order, into figures
    while pending:
        item = pending.pop()
        if isinstance(item, LTContainer):
            pending.extend(reversed(item._objs))
        elif isinstance(item, LTChar):
            items.append(item)
            tiny += item.width < _MIN_VISIBLE_SIZE and item.height < _MIN_VISIBLE_SIZE
        elif isinstance(item, LTImage) or (
            isinstance(item, LTCurve) and item.fill and not _is_white(item.non_stroking_color)
        ):
            backgrounds.append(item.bbox)
        if isinstance(item, LTCurve) and item.height >= _RULE_HEIGHT_MIN:
            x0, y0, x1, y1 = item.bbox
            if item.width <= _RULE_WIDTH_MAX:  # a line, or a thin filled box
                rules.append(item.bbox)
            elif isinstance(item, LTRect) and item.stroke:  # a cell's outline: its two sides
                rules += [(x0, y0, x0, y1), (x1, y0, x1, y1)]
    return items, backgrounds, rules, tiny


def _column_rules(page: Any, rules: list[_Box]) -> list[tuple[float, float, float]]:
    """Vertical rules as (x, top, bottom) in the glyphs' coordinates (y down)."""
    mediabox_x0, mediabox_top = page.mediabox[:2]
    return [
        ((x0 + x1) / 2 + mediabox_x0, page.height - y1 + mediabox_top,
         page.height - y0 + mediabox_top)
        for x0, y0, x1, y1 in rules
    ]  # fmt: skip


def _rule_between(
    left: dict[str, Any], right: dict[str, Any], rules: list[tuple[float, float, float]]
) -> bool:
    middle = (right["top"] + right["bottom"]) / 2
    return any(
        left["x1"] <= x <= right["x0"] and top <= middle <= bottom for x, top, bottom in rules
    )


def _visible(item: Any, hidden: dict[int, str], backgrounds: list[_Box]) -> bool:
    # A glyph's box is as tall as its font size (as wide on a page turned sideways).
    if item.width < _MIN_VISIBLE_SIZE and item.height < _MIN_VISIBLE_SIZE:
        return False
    reason = hidden.get(id(item)) if hidden else None
    if reason is None:
        return True
    # Invisible text over an image is a scan's OCR layer; white text on an image or a coloured
    # shape can be seen.
    x, y = (item.x0 + item.x1) / 2, (item.y0 + item.y1) / 2
    return any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in backgrounds)


def _direction(item: Any) -> int:
    """The angle (0, 90, 180, 270) the glyph's baseline runs at on the page as shown."""
    a, b = item.matrix[:2]
    if abs(a) >= abs(b):
        return 0 if a > 0 else 180
    return 90 if b > 0 else 270


def _glyphs(page: Any, layout: Any, items: list[Any]) -> tuple[list[dict[str, Any]], _Box]:
    """``page.chars`` with only the keys that line grouping and our cues read, and the box
    they lie in. pdfplumber resolves every attribute of every glyph (colours, graphic state,
    matrix …), which was 60 % of reading a page; the values here are computed as it computes
    them. When most glyphs run sideways or upside down, they are turned upright first."""
    from pdfplumber.page import fix_fontname_bytes

    # The direction most glyphs run in, from a sample of them (all of them cost 1.5 % of a page).
    sample = items[:: len(items) // _DIRECTION_SAMPLE + 1]
    if sum(1 for item in sample if not abs(item.matrix[1]) < item.matrix[0]) * 2 > len(sample):
        angle = Counter(_direction(item) for item in sample).most_common(1)[0][0]
        if angle:
            return _turned_glyphs(page, layout, items, angle)
    mediabox_x0, mediabox_top = page.mediabox[:2]
    glyphs = []
    for item in items:
        top = page.height - item.y1 + mediabox_top
        fontname = item.fontname
        glyphs.append({
            "text": item.get_text(),
            "fontname": fix_fontname_bytes(fontname) if isinstance(fontname, bytes) else fontname,
            "size": item.size, "upright": item.upright,
            "x0": item.x0 + mediabox_x0, "x1": item.x1 + mediabox_x0,
            "top": top, "bottom": page.height - item.y0 + mediabox_top,
            "doctop": page.initial_doctop + top,
            "width": item.width, "height": item.height,
        })  # fmt: skip
    return glyphs, page.bbox


def _turn(box: _Box, angle: int) -> _Box:
    """A box turned by -angle degrees about the origin (pdfminer's coordinates, y up)."""
    x0, y0, x1, y1 = box
    if angle == 90:
        return y0, -x1, y1, -x0
    if angle == 180:
        return -x1, -y1, -x0, -y0
    return -y1, x0, -y0, x1  # 270


def _turned_glyphs(
    page: Any, layout: Any, items: list[Any], angle: int
) -> tuple[list[dict[str, Any]], _Box]:
    """Glyphs in the frame where text running at ``angle`` runs left to right."""
    from pdfplumber.page import fix_fontname_bytes

    fx0, fy0, fx1, fy1 = _turn(layout.bbox, angle)
    glyphs = []
    for item in items:
        x0, y0, x1, y1 = _turn(item.bbox, angle)
        fontname = item.fontname
        if isinstance(fontname, bytes):
            fontname = fix_fontname_bytes(fontname)
        top = fy1 - y1
        glyphs.append(
            {
                "text": item.get_text(),
                "fontname": fontname,
                "size": y1 - y0,
                "upright": True,
                "x0": x0 - fx0,
                "x1": x1 - fx0,
                "top": top,
                "bottom": fy1 - y0,
                "doctop": page.initial_doctop + top,
                "width": x1 - x0,
                "height": y1 - y0,
            }
        )
    return glyphs, (0.0, 0.0, fx1 - fx0, fy1 - fy0)


def _drawn_once(glyphs: list[dict[str, Any]]) -> list[int]:
    """Indexes of the glyphs to read: one of each drawn twice at nearly the same place (faux
    bold)."""
    kept: list[int] = []
    seen: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for index, glyph in enumerate(glyphs):
        text, top = glyph["text"], glyph["top"]
        row = int(top)
        tolerance = _OVERPRINT_EM * glyph["size"]
        if any(
            abs(other["x0"] - glyph["x0"]) <= tolerance and abs(other["top"] - top) <= tolerance
            for key in ((text, row - 1), (text, row), (text, row + 1))
            for other in seen.get(key, ())
        ):
            continue
        seen.setdefault((text, row), []).append(glyph)
        kept.append(index)
    return kept


def _split_columns(
    chars: list[dict[str, Any]], rules: list[tuple[float, float, float]]
) -> list[list[dict[str, Any]]]:
    """A line's glyphs cut where a wide gap or a table's column rule separates them."""
    segments: list[list[dict[str, Any]]] = []
    previous = None
    for char in chars:
        wide_gap = previous is not None and (
            char["x0"] - previous["x1"] > _COLUMN_GAP_EM * char["size"]
            or bool(rules)
            and _rule_between(previous, char, rules)
        )
        # Word puts a tab after an automatic number ("II." ⇥ "KẾT QUẢ"): a lone list label
        # is not a column of its own.
        if (
            previous is None
            or wide_gap
            and not LIST_LABEL_RE.match(_segment_text(segments[-1]).strip())
        ):
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

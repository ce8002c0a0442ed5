"""DOCX reader (python-docx).

Body paragraphs and table cells in document order (a two-column header table gives its left
cell, then its right cell), with bold/italic/caps/size/alignment resolved through the style
chain, and Word automatic numbering rendered into the text: a heading whose "II." comes from
numbering.xml reads "II. …" like it does on screen.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from ..errors import ReadError
from .base import ZIP_ERRORS, ReaderMeta
from .lines import RawLine

# Zip-bomb guards, checked on the archive's directory before anything is inflated.
_MAX_UNPACKED_BYTES = 200 * 1024 * 1024
_MAX_COMPRESSION_RATIO = 200

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def read_docx(data: bytes, source: str) -> tuple[list[RawLine], ReaderMeta]:
    _check_archive(data, source)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(BytesIO(data))
    except (PackageNotFoundError, KeyError, zlib.error, *ZIP_ERRORS) as exc:
        raise ReadError("corrupt", source, f"python-docx: {exc}") from exc
    except Exception as exc:  # lxml raises its own XMLSyntaxError family
        if type(exc).__module__.startswith("lxml"):
            raise ReadError("corrupt", source, f"XML: {exc}") from exc
        raise
    numbering = _Numbering.from_document(document)
    lines = [line for paragraph in _paragraphs(document) for line in _lines(paragraph, numbering)]
    return lines, ReaderMeta(extractor="python-docx")


def _check_archive(data: bytes, source: str) -> None:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            infos = archive.infolist()
    except ZIP_ERRORS as exc:
        raise ReadError("corrupt", source, f"broken zip container: {exc}") from exc
    # Word deflates; other methods are refused because zipfile inflates a bzip2/LZMA block
    # whole, whatever size the directory declares (a lying entry exhausts memory).
    unusual = {info.compress_type for info in infos} - {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
    if unusual:
        raise ReadError("corrupt", source, f"zip compression method {min(unusual)} (Word uses deflate)")
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if unpacked > _MAX_UNPACKED_BYTES or unpacked / packed > _MAX_COMPRESSION_RATIO:
        raise ReadError(
            "too-large", source, f"unpacks to {unpacked // (1024 * 1024)} MB (zip bomb?)"
        )


def _paragraphs(document: Any) -> Iterator[Any]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(element: Any, parent: Any) -> Iterator[Any]:
        for child in element.iterchildren():
            if child.tag == f"{_W}p":
                paragraph = Paragraph(child, parent)
                yield paragraph
                yield from _text_box_paragraphs(child, parent)
            elif child.tag == f"{_W}tbl":
                # Merged cells repeat across a row. Keep the elements themselves: the id() of
                # an lxml proxy is reused once it is garbage-collected.
                seen: set[Any] = set()
                for row in Table(child, parent).rows:
                    for cell in row.cells:
                        if cell._tc in seen:
                            continue
                        seen.add(cell._tc)
                        yield from walk(cell._tc, cell)
            elif child.tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    yield from walk(content, parent)

    yield from walk(document.element.body, document)


def _text_box_paragraphs(paragraph_element: Any, parent: Any) -> Iterator[Any]:
    from docx.text.paragraph import Paragraph

    for box in paragraph_element.iter(f"{_W}txbxContent"):
        if any(ancestor.tag == _MC_FALLBACK for ancestor in box.iterancestors()):
            continue  # the VML fallback repeats the DrawingML text box
        for inner in box.iter(f"{_W}p"):
            yield Paragraph(inner, parent)


def _style_chain(style: Any) -> Iterator[Any]:
    while style is not None:
        yield style
        style = style.base_style


def _run_attr(run: Any, paragraph: Any, attr: str) -> Any:
    value = getattr(run.font, attr)
    if value is not None:
        return value
    for style in [*_style_chain(run.style), *_style_chain(paragraph.style)]:
        value = getattr(style.font, attr, None)
        if value is not None:
            return value
    return None


def _centered(paragraph: Any) -> bool:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    alignment = paragraph.alignment
    if alignment is None:
        alignment = next(
            (
                s.paragraph_format.alignment
                for s in _style_chain(paragraph.style)
                if s.paragraph_format.alignment is not None
            ),
            None,
        )
    return alignment == WD_ALIGN_PARAGRAPH.CENTER


def _lines(paragraph: Any, numbering: _Numbering) -> list[RawLine]:
    texts: list[str] = []
    bold_chars = italic_chars = visible = 0
    sizes: list[float] = []
    for run in paragraph.runs:
        text = run.text
        if _run_attr(run, paragraph, "all_caps") or _run_attr(run, paragraph, "small_caps"):
            text = text.upper()
        texts.append(text)
        weight = len(text.strip())
        visible += weight
        bold_chars += weight if _run_attr(run, paragraph, "bold") else 0
        italic_chars += weight if _run_attr(run, paragraph, "italic") else 0
        size = _run_attr(run, paragraph, "size")
        if size is not None and weight:
            sizes.append(size.pt)
    label = numbering.label_for(paragraph)
    text = "".join(texts)
    if not text.strip() and not label:
        return []
    style = paragraph.style.name if paragraph.style is not None else None
    attrs = {
        "bold": bold_chars * 2 >= visible if visible else None,
        "italic": italic_chars * 2 >= visible if visible else None,
        "font_size": max(sizes) if sizes else None,
        "centered": _centered(paragraph),
        "style": style,
    }
    parts = text.split("\n")
    first = f"{label} {parts[0].lstrip()}" if label else parts[0]
    return [RawLine(text=first, numbering=label, **attrs)] + [
        RawLine(text=part, **attrs) for part in parts[1:]
    ]


# --- Word automatic numbering -------------------------------------------------------------

_ROMAN = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]  # fmt: skip
# Symbol/Wingdings bullets live in the private-use area; show what they look like.
_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓", "\uf02d": "-"}


def _roman(value: int) -> str:
    out = []
    for number, letters in _ROMAN:
        count, value = divmod(value, number)
        out.append(letters * count)
    return "".join(out)


def _letters(value: int) -> str:
    out = ""
    while value > 0:
        value, rem = divmod(value - 1, 26)
        out = chr(ord("a") + rem) + out
    return out


def format_number(value: int, fmt: str) -> str:
    """Render a counter in a Word ``numFmt``."""
    if fmt == "upperRoman":
        return _roman(value)
    if fmt == "lowerRoman":
        return _roman(value).lower()
    if fmt == "upperLetter":
        return _letters(value).upper()
    if fmt == "lowerLetter":
        return _letters(value)
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass(slots=True)
class _Numbering:
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId → levels
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId → (abs, starts)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document: Any) -> _Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return numbering
        for abstract in root.iterchildren(f"{_W}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iterchildren(f"{_W}lvl"):
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = _Level(
                    start=int(_val(lvl, "start") or 1),
                    fmt=_val(lvl, "numFmt") or "decimal",
                    text=_val(lvl, "lvlText") or "",
                )
            numbering.levels[abstract.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iterchildren(f"{_W}num"):
            abstract_id = _val(num, "abstractNumId") or ""
            starts = {
                int(override.get(f"{_W}ilvl", "0")): int(_val(override, "startOverride") or 1)
                for override in num.iterchildren(f"{_W}lvlOverride")
                if override.find(f"{_W}startOverride") is not None
            }
            numbering.nums[num.get(f"{_W}numId", "")] = (abstract_id, starts)
        return numbering

    def label_for(self, paragraph: Any) -> str | None:
        num_id, ilvl = _num_properties(paragraph)
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        abstract_id, starts = self.nums[num_id]
        levels = self.levels.get(abstract_id, {})
        if ilvl not in levels:
            return None
        # Instances that restart numbering count on their own; others share the abstract's.
        key = f"num:{num_id}" if starts else f"abs:{abstract_id}"
        counters = self.counters.setdefault(key, {})
        level = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, starts.get(ilvl, level.start) - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return "".join(_BULLETS.get(ch, ch) for ch in level.text) or "•"

        def placeholder(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            fmt = levels[index].fmt if index in levels else "decimal"
            start = starts.get(index, levels[index].start if index in levels else 1)
            return format_number(counters.get(index, start), fmt)

        return re.sub(r"%(\d)", placeholder, level.text).strip() or None


def _val(element: Any, tag: str) -> str | None:
    child = element.find(f"{_W}{tag}")
    return None if child is None else child.get(f"{_W}val")


def _num_properties(paragraph: Any) -> tuple[str | None, int]:
    """(numId, ilvl) from the paragraph, else from its style chain."""
    candidates = [paragraph._p.pPr] + [
        style.element.pPr for style in _style_chain(paragraph.style)
    ]
    for ppr in candidates:
        num_pr = None if ppr is None else ppr.find(f"{_W}numPr")
        if num_pr is not None:
            num_id = _val(num_pr, "numId")
            ilvl = _val(num_pr, "ilvl")
            return num_id, int(ilvl or 0)
    return None, 0

"""DOCX reader (python-docx opens the package; the XML is walked here).

Body paragraphs and table cells in document order (a two-column header table gives its left
cell, then its right cell), with bold/italic/caps/size/alignment resolved through the style
chain, and Word automatic numbering rendered into the text: a heading whose "II." comes from
numbering.xml reads "II. …" like it does on screen.

What is read is what Word displays: runs inside hyperlinks, tracked insertions and moves,
simple fields, content controls, smart tags and custom XML are read; deleted and moved-away
text, comments and field codes are not. Hidden runs (``w:vanish``) are left out with a
warning. Footnotes and endnotes follow the body, after a separator line, with the style
"footnote" or "endnote". Page headers and footers are not part of the text; the first page's
header comes apart, in ``ReaderMeta.page_header`` (:func:`read_docx_page_header`).
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
from ..normalize import clean_text
from .base import ZIP_ERRORS, ReaderMeta
from .lines import RawLine

# Zip-bomb guards, checked on the archive's directory before anything is inflated.
_MAX_UNPACKED_BYTES = 200 * 1024 * 1024
_MAX_COMPRESSION_RATIO = 200

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def read_docx(data: bytes, source: str) -> tuple[list[RawLine], ReaderMeta]:
    _check_archive(data, source)
    document = _open(data, source)
    reader = _Reader(_styles(document), _Numbering.from_document(document))
    lines = [
        line
        for paragraph in _block_paragraphs(document.element.body)
        for line in reader.lines(paragraph)
    ]
    lines += _notes(document, reader, "footnote") + _notes(document, reader, "endnote")
    meta = ReaderMeta(extractor="python-docx")
    meta.page_header = [
        text
        for line in _page_header(document, reader.styles)
        if (text := clean_text(line.text).strip())
    ]
    if reader.hidden_chars:
        meta.warnings.append(f"hidden-text-left-out:{reader.hidden_chars}")
    return lines, meta


def _open(data: bytes, source: str) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(BytesIO(data))
    except (PackageNotFoundError, KeyError, zlib.error, *ZIP_ERRORS) as exc:
        raise ReadError("corrupt", source, f"python-docx: {exc}") from exc
    except Exception as exc:  # lxml raises its own XMLSyntaxError family
        if type(exc).__module__.startswith("lxml"):
            raise ReadError("corrupt", source, f"XML: {exc}") from exc
        raise


def _check_archive(data: bytes, source: str) -> None:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            infos = archive.infolist()
    except ZIP_ERRORS as exc:
        detail = f"broken zip container: {exc}"
        raise ReadError("corrupt", source, detail, note="broken-zip") from exc
    # Word deflates; other methods are refused because zipfile inflates a bzip2/LZMA block
    # whole, whatever size the directory declares (a lying entry exhausts memory).
    unusual = {info.compress_type for info in infos} - {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
    if unusual:
        raise ReadError(
            "corrupt", source, f"zip compression method {min(unusual)} (Word uses deflate)",
            note="zip-method", method=min(unusual),
        )  # fmt: skip
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if unpacked > _MAX_UNPACKED_BYTES or unpacked / packed > _MAX_COMPRESSION_RATIO:
        megabytes = unpacked // (1024 * 1024)
        raise ReadError(
            "too-large", source, f"unpacks to {megabytes} MB (zip bomb?)",
            note="unpacks-to", megabytes=megabytes,
        )  # fmt: skip


class _Styles:
    """styles.xml resolved once per document: which style a paragraph or run gets (python-docx's
    rules: an unknown id or one of the wrong type gives the type's default style) and the first
    value of each property along the ``basedOn`` chain. python-docx finds the default style by
    scanning every style on every call; here each answer is memoised."""

    def __init__(self, root: Any) -> None:
        self._by_id: dict[str, Any] = {}
        self._defaults: dict[str, Any] = {}
        for style in root.iterchildren(f"{_W}style"):
            self._by_id.setdefault(style.get(f"{_W}styleId"), style)
            kind = style.get(f"{_W}type")
            if style.get(f"{_W}default") in _ON and kind is not None:
                self._defaults[kind] = style  # the last default of a type wins
        self._chains: dict[Any, tuple[Any, ...]] = {}
        self._paragraph: dict[str | None, _ParagraphStyle] = {}
        self._run: dict[tuple[Any, Any], tuple[Any, ...]] = {}

    def _resolve(self, style_id: str | None, kind: str) -> Any:
        style = self._by_id.get(style_id) if style_id else None
        if style is None or style.get(f"{_W}type") != kind:
            return self._defaults.get(kind)
        return style

    def chain(self, style: Any) -> tuple[Any, ...]:
        """The style and its bases, each once (a ``basedOn`` loop ends the chain)."""
        if style is None:
            return ()
        chain = self._chains.get(style)
        if chain is None:
            items: list[Any] = []
            current = style
            while current is not None and current not in items and len(items) < _MAX_STYLE_DEPTH:
                items.append(current)
                based_on = _val(current, "basedOn")
                current = self._by_id.get(based_on) if based_on is not None else None
            chain = self._chains[style] = tuple(items)
        return chain

    def paragraph(self, style_id: str | None) -> _ParagraphStyle:
        resolved = self._paragraph.get(style_id)
        if resolved is None:
            style = self._resolve(style_id, "paragraph")
            chain = self.chain(style)
            name = style.find(f"{_W}name") if style is not None else None
            name_val = None if name is None else name.get(f"{_W}val")
            alignment = next((jc for s in chain if (jc := _ppr_val(s, "jc")) is not None), None)
            num_pr = next(
                (n for s in chain if (ppr := s.find(f"{_W}pPr")) is not None
                 and (n := ppr.find(f"{_W}numPr")) is not None),
                None,
            )  # fmt: skip
            resolved = self._paragraph[style_id] = _ParagraphStyle(
                element=style,
                name=_ui_name(name_val) if style is not None and name_val is not None else None,
                alignment=alignment,
                num_pr=num_pr,
            )
        return resolved

    def run_defaults(
        self, char_style_id: str | None, paragraph: _ParagraphStyle
    ) -> tuple[Any, ...]:
        """The run properties (:data:`_RUN_PROPS`) a run without its own gets: from its character
        style's chain, then its paragraph style's."""
        key = (char_style_id, paragraph.element)
        values = self._run.get(key)
        if values is None:
            chain = (
                *self.chain(self._resolve(char_style_id, "character")),
                *self.chain(paragraph.element),
            )
            found: list[Any] = [None] * len(_RUN_PROPS)
            for style in chain:
                rpr = style.find(f"{_W}rPr")
                if rpr is None:
                    continue
                for index, value in enumerate(_rpr_values(rpr)):
                    if found[index] is None:
                        found[index] = value
            values = self._run[key] = tuple(found)
        return values


@dataclass(slots=True)
class _ParagraphStyle:
    element: Any
    name: str | None
    alignment: str | None
    num_pr: Any


_MAX_STYLE_DEPTH = 64
_ON = ("1", "true", "on")
# bold, italic, caps, small caps, size (pt), hidden: what a line's cues are made of.
_RUN_PROPS = ("b", "i", "caps", "smallCaps", "sz", "vanish")
_TOGGLES = frozenset(f"{_W}{name}" for name in ("b", "i", "caps", "smallCaps", "vanish"))
_SIZE = f"{_W}sz"
_INDEX = {f"{_W}{name}": index for index, name in enumerate(_RUN_PROPS)}


def _ui_name(name: str) -> str:
    from docx.styles import BabelFish

    return BabelFish.internal2ui(name)


def _rpr_values(rpr: Any) -> list[Any]:
    values: list[Any] = [None] * len(_RUN_PROPS)
    for child in rpr.iterchildren():
        index = _INDEX.get(child.tag)
        if index is None:
            continue
        if child.tag == _SIZE:
            values[index] = _points(child.get(f"{_W}val"))
        else:
            val = child.get(f"{_W}val")
            values[index] = True if val is None else val in _ON
    return values


def _points(value: str | None) -> float | None:
    from docx.oxml.simpletypes import ST_HpsMeasure

    if value is None:
        return None
    try:
        points: float = ST_HpsMeasure.convert_from_xml(value).pt
        return points
    except (ValueError, TypeError, ArithmeticError):
        return None


def _ppr_val(element: Any, tag: str) -> str | None:
    ppr = element.find(f"{_W}pPr")
    return None if ppr is None else _val(ppr, tag)


# Elements that wrap runs Word shows: read through them. Everything else in a paragraph (w:del,
# w:moveFrom, comment ranges, bookmarks, proofing marks) is not read.
_RUN_CONTAINERS = frozenset(
    f"{_W}{name}"
    for name in ("hyperlink", "ins", "moveTo", "fldSimple", "smartTag", "customXml", "dir", "bdo")
)
_BLOCK_CONTAINERS = frozenset((f"{_W}customXml",))
_SDT, _SDT_CONTENT = f"{_W}sdt", f"{_W}sdtContent"
_P, _R, _TBL, _TR, _TC = f"{_W}p", f"{_W}r", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_RUN_TEXT = {
    f"{_W}t": None,
    f"{_W}tab": "\t",
    f"{_W}cr": "\n",
    f"{_W}noBreakHyphen": "-",
    f"{_W}ptab": "\t",
}
_BR, _FLD_CHAR, _RPR = f"{_W}br", f"{_W}fldChar", f"{_W}rPr"
_NOTE_REFERENCES = {f"{_W}footnoteReference": "footnote", f"{_W}endnoteReference": "endnote"}
_SKIPPED_BOXES = frozenset((_MC_FALLBACK, f"{_W}del", f"{_W}moveFrom"))


def _block_paragraphs(element: Any) -> Iterator[Any]:
    """The ``w:p`` elements of a body, cell, note or header in reading order: paragraphs, then
    their text boxes; table cells row by row (a vertically merged cell once, from its first
    row: continuation cells are not displayed); content controls and custom XML read through."""
    for child in element.iterchildren():
        tag = child.tag
        if tag == _P:
            yield child
            yield from _text_box_paragraphs(child)
        elif tag == _TBL:
            for row in _children(child, _TR):
                for cell in _children(row, _TC):
                    if not _continues_merge(cell):
                        yield from _block_paragraphs(cell)
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _block_paragraphs(content)
        elif tag in _BLOCK_CONTAINERS:
            yield from _block_paragraphs(child)


def _children(element: Any, tag: str) -> Iterator[Any]:
    """``tag`` children of a table or row, also those wrapped in a content control or custom XML."""
    for child in element.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _children(child, tag)


def _continues_merge(cell: Any) -> bool:
    tcpr = cell.find(f"{_W}tcPr")
    merge = None if tcpr is None else tcpr.find(f"{_W}vMerge")
    return merge is not None and merge.get(f"{_W}val", "continue") == "continue"


def _text_box_paragraphs(paragraph_element: Any) -> Iterator[Any]:
    for box in paragraph_element.iter(f"{_W}txbxContent"):
        if any(ancestor.tag in _SKIPPED_BOXES for ancestor in box.iterancestors()):
            continue  # the VML fallback repeats the DrawingML text box; deleted text is not shown
        yield from box.iter(_P)


@dataclass(slots=True)
class _Reader:
    """Paragraph elements to lines, with what was left out counted for the warnings."""

    styles: _Styles
    numbering: _Numbering
    hidden_chars: int = 0
    note_references: list[tuple[str, str]] = field(default_factory=list)  # (kind, id) in order

    def runs(self, element: Any, out: list[Any]) -> None:
        """The ``w:r`` elements of a paragraph that Word displays, in order."""
        for child in element.iterchildren():
            tag = child.tag
            if tag == _R:
                out.append(child)
            elif tag in _RUN_CONTAINERS:
                self.runs(child, out)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self.runs(content, out)

    def lines(self, paragraph: Any, note: str | None = None) -> list[RawLine]:
        ppr = paragraph.find(f"{_W}pPr")
        style = self.styles.paragraph(None if ppr is None else _val(ppr, "pStyle"))
        runs: list[Any] = []
        self.runs(paragraph, runs)
        texts: list[str] = []
        bold_chars = italic_chars = visible = 0
        sizes: list[float] = []
        # Open fields, True while in a field's code (between "begin" and "separate"); per
        # paragraph, so that a field left open does not hide the rest of the document.
        fields = _Fields()
        hidden_here = False
        for run in runs:
            references: list[tuple[str, str]] = []
            text = self._run_text(run, fields, references)
            if not text and not references:
                continue
            rpr = run.find(_RPR)
            own = _rpr_values(rpr) if rpr is not None else _NO_VALUES
            char_style = None if rpr is None else _val(rpr, "rStyle")
            defaults = self.styles.run_defaults(char_style, style)
            bold, italic, caps, small_caps, size, hidden = (
                mine if mine is not None else inherited
                for mine, inherited in zip(own, defaults, strict=True)
            )
            if hidden:
                self.hidden_chars += len(text.strip())
                hidden_here = True
                continue
            self.note_references += references
            if caps or small_caps:
                text = text.upper()
            texts.append(text)
            weight = len(text.strip())
            visible += weight
            bold_chars += weight if bold else 0
            italic_chars += weight if italic else 0
            if size is not None and weight:
                sizes.append(size)
        text = "".join(texts)
        if hidden_here and not text.strip():
            return []  # a hidden paragraph: Word shows neither its text nor its number
        label = self.numbering.label_for(ppr, style)
        if not text.strip() and not label:
            return []
        alignment = _val(ppr, "jc") if ppr is not None else None
        cues = RawLine(
            text="",
            bold=bold_chars * 2 >= visible if visible else None,
            italic=italic_chars * 2 >= visible if visible else None,
            font_size=max(sizes) if sizes else None,
            centered=(alignment if alignment is not None else style.alignment) == "center",
            style=note or style.name,
        )
        parts = text.split("\n")
        first = f"{label} {parts[0].lstrip()}" if label else parts[0]
        return [cues._replace(text=first, numbering=label)] + [
            cues._replace(text=part) for part in parts[1:]
        ]

    def _run_text(self, run: Any, fields: _Fields, references: list[tuple[str, str]]) -> str:
        """What python-docx's ``Run.text`` gives, less a field's code; note references are
        added to ``references``."""
        out: list[str] = []
        for child in run.iterchildren():
            tag = child.tag
            if tag == _FLD_CHAR:
                fields.mark(child.get(f"{_W}fldCharType"))
                continue
            if fields.in_code:
                continue  # a field's code (its instruction, or text typed in it) is not shown
            if tag in _NOTE_REFERENCES:
                references.append((_NOTE_REFERENCES[tag], child.get(f"{_W}id", "")))
            if tag in _RUN_TEXT:
                piece = _RUN_TEXT[tag]
                out.append(child.text or "" if piece is None else piece)
            elif tag == _BR:
                out.append("\n" if child.get(f"{_W}type", "textWrapping") == "textWrapping" else "")
        return "".join(out)


@dataclass(slots=True)
class _Fields:
    """The fields open in a paragraph: for each, whether it is still in its code (between its
    ``begin`` and ``separate``); and how many are, so that nesting costs nothing per run."""

    stack: list[bool] = field(default_factory=list)
    in_code: int = 0

    def mark(self, kind: str | None) -> None:
        if kind == "begin":
            self.stack.append(True)
            self.in_code += 1
        elif kind == "separate" and self.stack and self.stack[-1]:
            self.stack[-1] = False
            self.in_code -= 1
        elif kind == "end" and self.stack:
            self.in_code -= self.stack.pop()


_NO_VALUES: tuple[Any, ...] = (None,) * len(_RUN_PROPS)


def _notes(document: Any, reader: _Reader, kind: str) -> list[RawLine]:
    """Footnotes or endnotes Word shows (those referenced in the text, in reference order), each
    numbered as on the page; every line has the style "footnote" or "endnote"."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    referenced = list(dict.fromkeys(i for k, i in reader.note_references if k == kind))
    if not referenced:
        return []
    root = _related_root(document.part, RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES)
    if root is None:
        return []
    notes = {
        note.get(f"{_W}id"): note
        for note in root.iterchildren(f"{_W}{kind}")
        if note.get(f"{_W}type") in (None, "normal")
    }
    lines: list[RawLine] = []
    for number, note_id in enumerate(referenced, start=1):
        note = notes.get(note_id)
        if note is None:
            continue
        mark = str(number) if kind == "footnote" else _roman(number).lower()
        note_lines = [
            line for paragraph in _block_paragraphs(note) for line in reader.lines(paragraph, kind)
        ]
        if note_lines:
            first = note_lines[0]
            note_lines[0] = first.with_text(f"{mark} {first.text.lstrip()}")
            lines.extend(note_lines)
    if lines:
        # Word's separator: a short rule between the text and its notes.
        lines.insert(0, RawLine(text=_NOTE_SEPARATOR, style=kind))
    return lines


_NOTE_SEPARATOR = "_" * 20


def _related_root(part: Any, reltype: str) -> Any:
    from docx.oxml.parser import parse_xml

    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            target = rel.target_part
            element = getattr(target, "element", None)
            if element is None:
                try:
                    element = parse_xml(target.blob)
                except Exception as exc:  # lxml's XMLSyntaxError family
                    if type(exc).__module__.startswith("lxml"):
                        return None
                    raise
            return element
    return None


def read_docx_page_header(data: bytes, source: str = "") -> list[RawLine]:
    """The lines of the header Word prints on the first page (the first section's first-page
    header when it has one, else its default header); empty when there is none. These are not
    part of :func:`read_docx`'s lines: a report whose Decree 30 header (issuer, number, place and
    date) sits only in the page header can be looked up here when the body lacks one."""
    _check_archive(data, source)
    document = _open(data, source)
    return _page_header(document, _styles(document))


def _page_header(document: Any, styles: _Styles) -> list[RawLine]:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    section = document.element.body.find(f".//{_W}sectPr")
    if section is None:
        return []
    references = {
        ref.get(f"{_W}type", "default"): ref.get(_R_ID)
        for ref in section.iterchildren(f"{_W}headerReference")
    }
    first_page = (
        section.find(f"{_W}titlePg") is not None
        and section.find(f"{_W}titlePg").get(f"{_W}val", "1") in _ON
    )
    rid = (references.get("first") if first_page else None) or references.get("default")
    rel = document.part.rels.get(rid) if rid else None
    if rel is None or rel.is_external or rel.reltype != RT.HEADER:
        return []
    root = getattr(rel.target_part, "element", None)
    if root is None:
        return []
    # A reader of its own: the header's numbering and hidden text are not the body's.
    reader = _Reader(styles, _Numbering.from_document(document))
    return [line for paragraph in _block_paragraphs(root) for line in reader.lines(paragraph)]


_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _styles(document: Any) -> _Styles:
    return _Styles(document.styles.element)


# --- Word automatic numbering -------------------------------------------------------------

_ROMAN = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]  # fmt: skip
# Symbol/Wingdings bullets live in the private-use area; show what they look like.
_BULLETS = {
    "\uf0b7": "•",
    "\uf0a7": "▪",
    "\uf0d8": "➢",
    "\uf076": "❖",
    "\uf0fc": "✓",
    "\uf02d": "-",
}


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


# Word accepts a list start of 0 to 32767 (levels are 0 to 8; others are kept but never shown).
_MAX_START = 32767
_MAX_ILVL = 1_000_000


def _int(value: str | None, default: int, low: int, high: int) -> int:
    """An integer attribute, clamped to what Word accepts (a hostile file's 10^12 is 32767)."""
    try:
        number = int(value) if value is not None and len(value) < 20 else default
    except ValueError:
        number = default
    return min(max(number, low), high)


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass(slots=True)
class _Numbering:
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId → levels
    nums: dict[str, tuple[str, dict[int, int]]] = field(
        default_factory=dict
    )  # numId → (abs, starts)
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
                levels[_int(lvl.get(f"{_W}ilvl"), 0, 0, _MAX_ILVL)] = _Level(
                    start=_int(_val(lvl, "start"), 1, 0, _MAX_START) if _val(lvl, "start") else 1,
                    fmt=_val(lvl, "numFmt") or "decimal",
                    text=_val(lvl, "lvlText") or "",
                )
            numbering.levels[abstract.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iterchildren(f"{_W}num"):
            abstract_id = _val(num, "abstractNumId") or ""
            starts = {
                _int(override.get(f"{_W}ilvl"), 0, 0, _MAX_ILVL): (
                    _int(_val(override, "startOverride"), 1, 0, _MAX_START)
                    if _val(override, "startOverride")
                    else 1
                )
                for override in num.iterchildren(f"{_W}lvlOverride")
                if override.find(f"{_W}startOverride") is not None
            }
            numbering.nums[num.get(f"{_W}numId", "")] = (abstract_id, starts)
        return numbering

    def label_for(self, ppr: Any, style: _ParagraphStyle) -> str | None:
        num_id, ilvl = _num_properties(ppr, style)
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


def _num_properties(ppr: Any, style: _ParagraphStyle) -> tuple[str | None, int]:
    """(numId, ilvl) from the paragraph, else from its style chain."""
    num_pr = None if ppr is None else ppr.find(f"{_W}numPr")
    if num_pr is None:
        num_pr = style.num_pr
    if num_pr is None:
        return None, 0
    return _val(num_pr, "numId"), _int(_val(num_pr, "ilvl"), 0, 0, _MAX_ILVL)

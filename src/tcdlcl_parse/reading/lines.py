"""Turn a reader's raw lines into one display text with layout cues.

Every reader yields :class:`RawLine` objects in reading order; :func:`assemble` then

1. cleans each line (NFC, invisible characters, spaces),
2. drops page numbers and running headers/footers (PDF pages, or form feeds in text),
3. collapses blank lines that merely separate every line (text pasted from PDFs),
4. re-joins document symbols split at a line end, such as ``40/KH-`` + ``UBND`` or
   ``38-`` + ``CT/TW`` (pdfium's U+FFFE line-end hyphen is restored by ``clean_text``),

and lays the lines out as ``\\n``-joined text, keeping each line's offsets and page.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from pydantic import TypeAdapter

from ..models import Line, RemovedLine
from ..normalize import clean_text, is_clean, match_key


class RawLine(NamedTuple):
    """One line as a reader found it, with the layout cues it could give (a named tuple:
    readers make one per line, and a frozen dataclass costs three times as much to make)."""

    text: str
    page: int | None = None
    bold: bool | None = None
    italic: bool | None = None
    font_size: float | None = None
    x0: float | None = None
    centered: bool | None = None
    style: str | None = None
    numbering: str | None = None

    def with_text(self, text: str) -> RawLine:
        return self if text == self.text else RawLine(text, *self[1:])


def is_centered(x0: float, x1: float, page_width: float, left_edge: float) -> bool:
    """A line whose middle is near the page's and that is indented from the text's left edge
    (so a full-width line is not "centred"); the same rule for PDF glyphs and OCR words."""
    return (
        abs((x0 + x1) / 2 - page_width / 2) < 0.04 * page_width
        and x0 - left_edge > 0.06 * page_width
    )


# A list label standing alone ("II.", "2.", "a)", "-"; "2," as OCR reads it): Word puts a tab
# after an automatic number, which looks like a column gap but is not one.
LIST_LABEL_RE = re.compile(r"^(?:[IVXLC]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.),]$|^[-+•▪➢–]$")
# A lone page number: "3", "- 3 -", "Trang 3", "3/12", "Trang 3/12".
_PAGE_NUMBER_RE = re.compile(
    r"^(?:trang\s*)?[-–(]?\s*\d{1,4}\s*(?:/\s*\d{1,4})?\s*[-–)]?$", re.IGNORECASE
)
# A header/footer that carries the page number: "Báo cáo 287/BC-UBND - Trang 2/5".
_PAGE_LABEL_RE = re.compile(r"\b(?:trang|page)\s*\d{1,4}(?:\s*/\s*\d{1,4})?\s*$", re.IGNORECASE)
# How many lines at each end of a page count as its header/footer zone.
_EDGE_LINES = 2
# Running headers/footers are short; a long repeated line is content (e.g. a repeated clause).
_MAX_FURNITURE_CHARS = 90

# Line ends that cannot end a word: an unfinished document symbol.
#   "1703/QĐ-", "30/2020/NĐ-", "3078/", "38-" (Party: next line starts "CT/TW")
_SYMBOL_HEAD_RE = re.compile(
    r"(?:\d{1,6}[a-z]?\s*/\s*(?:(?:19|20)\d\d/)?(?:[A-ZĐ][A-Za-zĐđ0-9&]*-)*|\d{1,6}-)$"
)
_SYMBOL_TAIL_RE = re.compile(r"^[A-ZĐ][A-Za-zĐđ0-9&]*(?:[-/][A-Za-zĐđ0-9&]+)*")
_PARTY_TAIL_RE = re.compile(r"^[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ]")


def _is_blank(line: RawLine) -> bool:
    return not line.text.strip()


def _clean_all(lines: list[RawLine]) -> list[RawLine]:
    # One check over all the text says whether any line needs more than stripping (most
    # files: none do), instead of a check per line.
    if is_clean("\n".join(line.text for line in lines)):
        return [line.with_text(line.text.strip()) for line in lines]
    return [line.with_text(clean_text(line.text).strip()) for line in lines]


def _pages(lines: list[RawLine]) -> dict[int, list[int]]:
    pages: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if line.page is not None and not _is_blank(line):
            pages.setdefault(line.page, []).append(index)
    return pages


def _edge_key(line: RawLine) -> str:
    # Only a page label's own page number may vary ("Trang 2/5", "Trang 3/5"); any other
    # difference means content, e.g. lines that share a template ("… báo cáo 7 lần").
    key = match_key(line.text)
    label = _PAGE_LABEL_RE.search(key) if line.page is not None else None
    if label:
        page_number = re.sub(rf"(?<!\d){line.page}(?!\d)", "#", label.group(0), count=1)
        key = key[: label.start()] + page_number
    return key


def find_page_furniture(lines: list[RawLine]) -> dict[int, str]:
    """Indices of page numbers and running headers/footers, with the reason for each."""
    pages = _pages(lines)
    if len(pages) < 2:
        return {}
    tops = [indices[:_EDGE_LINES] for indices in pages.values()]
    bottoms = [indices[-_EDGE_LINES:] for indices in pages.values()]
    keys = {i: _edge_key(lines[i]) for edge in (*tops, *bottoms) for i in edge}
    # Each page counts a key once at its top and once at its bottom.
    top_counts = Counter(key for top in tops for key in {keys[i] for i in top})
    bottom_counts = Counter(key for bottom in bottoms for key in {keys[i] for i in bottom})
    threshold = max(2, (len(pages) + 1) // 2)
    removed: dict[int, str] = {}
    for top, bottom in zip(tops, bottoms, strict=True):
        for i in top + bottom:
            text = lines[i].text.strip()
            if _PAGE_NUMBER_RE.match(text):
                removed[i] = "page-number"
            elif len(text) > _MAX_FURNITURE_CHARS:
                continue
            elif i in top and top_counts[keys[i]] >= threshold:
                removed[i] = "running-header"
            elif i not in top and bottom_counts[keys[i]] >= threshold:
                removed[i] = "running-footer"
    return removed


def blank_lines_are_separators(lines: list[RawLine]) -> bool:
    """True when nearly every text line is followed by exactly one blank line."""
    blank = [not line.text.strip() for line in lines]
    text_lines = blank[:-1].count(False)
    # (this line, the next, the one after): text, blank, then text or the end.
    followed_by_one_blank = sum(
        1
        for this, following, after in zip(blank, blank[1:], [*blank[2:], False])
        if not this and following and not after
    )
    return text_lines >= 8 and followed_by_one_blank >= 0.6 * text_lines


def _split_first_token(text: str) -> tuple[str, str]:
    parts = text.split(maxsplit=1)
    return (parts[0], parts[1] if len(parts) > 1 else "") if parts else ("", "")


def join_broken_symbols(lines: list[RawLine]) -> list[RawLine]:
    """Pull the first token of a line up onto the previous line where a symbol was split."""
    result: list[RawLine] = []
    for line in lines:
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous.text.rstrip().endswith(("-", "/"))
            and not _is_blank(line)
        ):
            head = previous.text.rstrip()
            token, rest = _split_first_token(line.text)
            joined_token = None
            if head.endswith("-") and _SYMBOL_HEAD_RE.search(head[-40:]):
                # "38-" + "CT/TW" (Party) or "1703/QĐ-" + "TTg"; not "kinh tế -" + "xã hội"
                if "/" in head[-40:].split()[-1] or _PARTY_TAIL_RE.match(token):
                    match = _SYMBOL_TAIL_RE.match(token)
                    joined_token = match.group(0) if match else None
            elif head.endswith("/") and _SYMBOL_HEAD_RE.search(head[-40:]):
                match = _SYMBOL_TAIL_RE.match(token)
                joined_token = match.group(0) if match else None
            if joined_token:
                remainder = line.text.split(maxsplit=1)[0][len(joined_token) :] + (
                    " " + rest if rest else ""
                )
                result[-1] = previous.with_text(head + joined_token)
                if remainder.strip():
                    result.append(line.with_text(remainder.strip()))
                continue
        result.append(line)
    return result


# Lines are validated in one call: a model constructor per line costs twice as much.
_LINES = TypeAdapter(list[Line])
# A line's layout cues (RawLine's fields after its text); only those a reader gave are passed
# on, the rest default to None.
_CUES = RawLine._fields[1:]


def assemble(raw_lines: list[RawLine]) -> tuple[str, list[Line], list[RemovedLine], list[str]]:
    """Lay raw lines out as display text; returns (text, lines, removed lines, warnings)."""
    warnings: list[str] = []
    lines = _clean_all(raw_lines)
    furniture = find_page_furniture(lines)
    removed = [
        RemovedLine(text=lines[i].text, page=lines[i].page, reason=reason)
        for i, reason in sorted(furniture.items())
    ]
    lines = [line for i, line in enumerate(lines) if i not in furniture]
    if blank_lines_are_separators(lines):
        warnings.append("blank-separator-lines-collapsed")
        lines = _collapse_separator_blanks(lines)
    lines = join_broken_symbols(lines)

    pieces: list[str] = []
    out: list[dict[str, object]] = []
    offset = 0
    pending_blank = False
    for line in lines:
        if not line.text:  # lines are stripped by now
            pending_blank = bool(out)
            continue
        if out:
            separator = "\n\n" if pending_blank else "\n"
            pieces.append(separator)
            offset += len(separator)
        pending_blank = False
        text = line.text
        pieces.append(text)
        # The common cases skip the loop: text files give no cues at all, pdfium only pages.
        missing = line.count(None)
        if missing == len(_CUES):
            cues: dict[str, object] = {}
        elif missing == len(_CUES) - 1 and line.page is not None:
            cues = {"page": line.page}
        else:
            cues = {
                name: value
                for name, value in zip(_CUES, line[1:], strict=True)
                if value is not None
            }
        out.append({"text": text, "start": offset, "end": offset + len(text), **cues})
        offset += len(text)
    return "".join(pieces), _LINES.validate_python(out), removed, warnings


def _collapse_separator_blanks(lines: list[RawLine]) -> list[RawLine]:
    """Drop single blank lines; keep one blank line where two or more stood."""
    out: list[RawLine] = []
    run = 0
    for line in lines:
        if _is_blank(line):
            run += 1
            continue
        if run >= 2 and out:
            out.append(RawLine(text="", page=line.page))
        run = 0
        out.append(line)
    return out

"""The section outline: numbered headings (I./I-/Phần I, 1./1/ /1), 2.1., a)/a.) as a tree.

Levels come from the order in which numbering schemes first appear (Roman, then Arabic,
then letters is the Decree 30 shape, but a commune may start at Arabic). A numbered line is a
heading only when it fits the numbering context — the next number at its level or a restart
under a new parent — and reads like a heading; otherwise it stays body text (a numbered list
inside a paragraph, a date, a quantity). Bold and font size are recorded as evidence.

Text read by OCR gets a more tolerant reading of labels: "II KẾT QUẢ" (the dot lost),
"IIL _ ĐÁNH GIÁ" (the tab read as "_", the last I as L), "2, Chỉ đạo" (dot read as comma),
a Roman number that lost or gained an I ("II." where III is due) takes the number due, and a
garbled Arabic label ("5ì Hạn chế: …", "c. Chỉ đạo …: …") before a run-in heading, where the
next Arabic number is due, is that number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from ..models import Line, Section, SourceDocument
from .regions import Regions, find_regions

# The Vietnamese administrative alphabet: no ă â ê ô ơ ư, no f j w z.
LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# Roman numerals as typed or OCR'd: "Il." or "1I." for "II.", "lV" for "IV".
_ROMAN_TOKEN = r"[IVX][IVXl1|]{0,4}|[l1|][IVX][IVXl1|]{0,3}|[l|]{2,4}"
# OCR also ends a numeral with "L" ("IIL") and reads "II" as "H".
_OCR_ROMAN_TOKEN = rf"[IVXl1|]{{1,4}}L|H|{_ROMAN_TOKEN}"
# Separators OCR reads in place of a dot: "II. _ KẾT QUẢ", "2, Chỉ đạo".
_OCR_DOTS = {",": ".", "_": "."}
# What OCR makes of a lone "2." after Word's tab: a digit with noise, or a letter with a dot.
_OCR_GARBLED_LABEL_RE = re.compile(r"^(?P<label>\d\S{0,2}|[a-zđ][.,])\s+(?P<rest>\S.*)$")


@cache
def _heading_re(ocr: bool) -> re.Pattern[str]:
    roman = _OCR_ROMAN_TOKEN if ocr else _ROMAN_TOKEN
    ocr_rule = r"(?:\s*_+)?" if ocr else ""  # Word's tab after a number, read as "_"
    # OCR: the Roman separator may be lost (then the title must be in capitals, checked later).
    roman_sep = (
        rf"(?:\s*(?P<roman_sep>[.\-–:/),_]){ocr_rule}|(?=\s))" if ocr else r"\s*(?P<roman_sep>[.\-–:/)])"
    )
    arabic_sep = r"[./)\-,]" if ocr else r"[./)\-]"
    return re.compile(
        rf"^(?:(?P<part>Phần\s+(?P<part_num>{_ROMAN_TOKEN}|\d{{1,2}}))\s*[.:\-–]?\s*"
        rf"|(?P<roman>(?P<roman_num>{roman}){roman_sep})\s*"
        r"|(?P<decimal>(?P<decimal_num>\d{1,2}(?:\.\d{1,2})+)\.?)\s+"
        rf"|(?P<arabic>(?P<arabic_num>\d{{1,2}})\s*(?P<arabic_sep>{arabic_sep}){ocr_rule})\s+"
        r"|(?P<letter>(?P<letter_num>[a-zđ])\s*(?P<letter_sep>[).]))\s+)"
        r"(?P<rest>\S.*)?$"
    )


_HEADING_RE = _heading_re(False)
_SENTENCE_END_RE = re.compile(r"[.;!?:)]\s*$")
_LIST_ITEM_END_RE = re.compile(r";\s*$")
_INLINE_TITLE_MAX = 90
_TITLE_MAX = 300


def roman_value(token: str, *, ocr: bool = False) -> int | None:
    if ocr:
        token = "II" if token == "H" else token[:-1] + "I" if token.endswith("L") and len(token) > 1 else token
    token = token.replace("l", "I").replace("1", "I").replace("|", "I")
    values = [_ROMAN_VALUES.get(ch) for ch in token]
    if None in values:
        return None
    total = 0
    for i, value in enumerate(values):
        total += -value if i + 1 < len(values) and values[i + 1] > value else value
    return total if _to_roman(total) == token else None


def _to_roman(value: int) -> str:
    out = ""
    for number, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, value = divmod(value, number)
        out += letters * count
    return out


@dataclass
class _Candidate:
    index: int  # line index
    scheme: str  # "part" | "roman" | "arabic" | "decimal" | "letter"
    style: str  # scheme plus separator: "arabic." and "arabic)" are different lists
    value: int
    number: str
    label: str
    rest: str


@dataclass
class _Node:
    candidate: _Candidate
    level: int
    section: dict[str, Any]  # the Section's fields but its body end and children
    children: list[_Node] = field(default_factory=list)


def _candidate(index: int, match: re.Match[str], ocr: bool) -> _Candidate | None:
    rest = (match.group("rest") or "").strip()
    if match.group("part"):
        token = match.group("part_num")
        value = int(token) if token.isdigit() else roman_value(token)
        scheme, style, label = "part", "part", match.group("part")
    elif match.group("roman"):
        value = roman_value(match.group("roman_num"), ocr=ocr)
        separator = match.group("roman_sep")
        if ocr and separator in (None, "_", ","):
            if not rest.isupper():
                return None  # without its dot, only a heading in capitals is a heading
            separator = "."
        scheme, style, label = "roman", "roman" + separator, match.group("roman")
        token = _to_roman(value) if value else ""
    elif match.group("decimal"):
        token = match.group("decimal_num")
        value = int(token.rsplit(".", 1)[1])
        scheme, style, label = "decimal", f"decimal{token.count('.')}", match.group("decimal")
    elif match.group("arabic"):
        token = match.group("arabic_num")
        value = int(token)
        separator = match.group("arabic_sep")
        scheme, style, label = "arabic", "arabic" + _OCR_DOTS.get(separator, separator), match.group("arabic")
    else:
        token = match.group("letter_num")
        value = LETTERS.find(token) + 1
        scheme, style, label = "letter", "letter" + match.group("letter_sep"), match.group("letter")
    if not value or not rest:
        return None
    return _Candidate(index, scheme, style, value, str(token), label.replace("_", "").strip(), rest)


def _reads_like_heading(candidate: _Candidate, line: Line) -> bool:
    """A list item ends with ';' (a heading may end with ',' when its title runs on), unless
    it is a run-in heading ("2. Hạn chế: … ;") whose line merely wraps there."""
    if _LIST_ITEM_END_RE.search(line.text) and candidate.scheme in ("arabic", "letter", "decimal"):
        return bool(line.bold) or 0 < candidate.rest.find(":") <= _INLINE_TITLE_MAX
    return True


def _title_and_body_start(
    document: SourceDocument, lines: list[Line], candidate: _Candidate, stop: int
) -> tuple[str, int, int]:
    """(title, end of title, where the body starts) for a heading line."""
    line = lines[candidate.index]
    rest_start = line.end - len(candidate.rest)
    colon = candidate.rest.find(":")
    if 0 < colon <= _INLINE_TITLE_MAX and candidate.rest[colon + 1 :].strip():
        # "1. Ưu điểm: Công tác chỉ đạo …" — a run-in heading.
        title_end = rest_start + colon
        body_start = title_end + 1
        return document.text[rest_start:title_end].strip(), title_end, body_start
    end_index = candidate.index
    while end_index + 1 < stop and _continues_title(lines[end_index].text, lines[end_index + 1].text):
        end_index += 1
    title_end = lines[end_index].end
    title = " ".join(lines[i].text for i in range(candidate.index + 1, end_index + 1))
    title = (candidate.rest + " " + title).strip()
    if len(title) > _TITLE_MAX:  # a numbered paragraph: its first sentence is the title
        sentence = re.match(r".+?[.;!?](?=\s|$)", title)
        title = sentence.group(0) if sentence else title[:_TITLE_MAX]
    return title, title_end, title_end


def _continues_title(current: str, following: str) -> bool:
    if _SENTENCE_END_RE.search(current) or _HEADING_RE.match(following):
        return False
    if following.startswith(("-", "+", "•", "http")):
        return False
    return following[:1].islower() or following.startswith("(") or current.rstrip().endswith((",", "-", "và"))


def parse_sections(document: SourceDocument, regions: Regions | None = None) -> list[Section]:
    """The outline of the report's content. ``regions``: the document's :func:`find_regions`,
    when the caller has it already."""
    regions = find_regions(document) if regions is None else regions
    lines = document.lines
    ocr = "tesseract" in document.extractor
    stop = regions.ending_sentence if regions.ending_sentence is not None else regions.closing_start
    style_levels: dict[str, int] = {}
    roots: list[_Node] = []
    stack: list[_Node] = []
    heading_re = _heading_re(ocr)
    for index in range(regions.content_start, stop):
        line = lines[index]
        match = heading_re.match(line.text)
        candidate = _candidate(index, match, ocr) if match else None
        if ocr and (candidate is None or candidate.style not in style_levels and candidate.value != 1):
            candidate = _ocr_garbled_arabic(index, line, stack) or candidate
        if candidate is None or not _reads_like_heading(candidate, line):
            continue
        level = style_levels.get(candidate.style)
        if level is None:
            if candidate.value != 1 and not (candidate.scheme in ("roman", "part") and not stack):
                continue  # a new list starts at 1 (only the top level may start elsewhere)
            level = stack[-1].level + 1 if stack else 1
        trial = list(stack)
        while trial and trial[-1].level > level:
            trial.pop()
        if ocr and candidate.scheme == "roman":
            due = trial[-1].candidate.value + 1 if trial and trial[-1].level == level else 1
            candidate = _ocr_corrected(candidate, due)
        if trial and trial[-1].level == level:
            if not _fits_after(trial[-1].candidate, candidate):
                continue  # out of context: body text of the open section
            trial.pop()
        if (trial and level > trial[-1].level + 1) or (not trial and level != 1):
            continue  # skips a level: a list in the body, not a heading
        style_levels.setdefault(candidate.style, level)
        node = _Node(candidate, level, _section(document, lines, candidate, level, stop))
        (trial[-1].children if trial else roots).append(node)
        stack = [*trial, node]
    end = _region_end(document, stop)
    sections = [
        _finish(node, document, roots[i + 1].section["start"] if i + 1 < len(roots) else end)
        for i, node in enumerate(roots)
    ]
    return sections


def _ocr_garbled_arabic(index: int, line: Line, stack: list[_Node]) -> _Candidate | None:
    """The next Arabic heading under an open Arabic one, its label garbled by OCR."""
    open_arabic = next((node for node in reversed(stack) if node.candidate.scheme == "arabic"), None)
    match = _OCR_GARBLED_LABEL_RE.match(line.text)
    if open_arabic is None or match is None:
        return None
    rest = match.group("rest")
    if not 0 < rest.find(":") <= _INLINE_TITLE_MAX:
        return None  # only a run-in heading ("Hạn chế: …") is safe to take without its number
    due = open_arabic.candidate.value + 1
    return replace(open_arabic.candidate, index=index, value=due, number=str(due), label=match.group("label"), rest=rest)


def _ocr_corrected(candidate: _Candidate, due: int) -> _Candidate:
    """A Roman number one I away from the number due ("II" for III, "V" for IV) is the number due."""
    read, wanted = _to_roman(candidate.value), _to_roman(due)
    if read != wanted and (read.replace("I", "", 1) == wanted or wanted.replace("I", "", 1) == read):
        return replace(candidate, value=due, number=wanted)
    return candidate


def _fits_after(previous: _Candidate, candidate: _Candidate) -> bool:
    """Same-level numbers go up; a small gap or a repeat is tolerated (reported as S003).
    A top-level heading in capitals is kept even when its number goes back (sections moved
    without renumbering)."""
    if previous.value <= candidate.value <= previous.value + 3:
        return True
    return candidate.scheme in ("roman", "part") and candidate.rest.isupper()


def _section(
    document: SourceDocument, lines: list[Line], candidate: _Candidate, level: int, stop: int
) -> dict[str, Any]:
    line = lines[candidate.index]
    title, title_end, body_start = _title_and_body_start(document, lines, candidate, stop)
    evidence = ["numbered"]
    if line.bold:
        evidence.append("bold")
    if title.isupper():
        evidence.append("caps")
    if line.numbering:
        evidence.append("docx-numbering")
    return {
        "number": candidate.number, "label": candidate.label, "scheme": candidate.scheme, "title": title,
        "level": level, "start": line.start, "end": title_end, "body_start": body_start, "page": line.page,
        "evidence": evidence,
    }  # fmt: skip


def _finish(node: _Node, document: SourceDocument, end: int) -> Section:
    """Set body ranges: a body runs to the next heading (child or sibling) or ``end``."""
    children = node.children
    body_start = node.section["body_start"]
    body_end = max(body_start, min(children[0].section["start"] if children else end, end))
    finished = [
        _finish(child, document, children[i + 1].section["start"] if i + 1 < len(children) else end)
        for i, child in enumerate(children)
    ]
    return Section(**node.section, body_end=_trim(document.text, body_start, body_end), children=finished)


def _region_end(document: SourceDocument, stop: int) -> int:
    return document.lines[stop].start if stop < len(document.lines) else len(document.text)


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def numbering_value(section: Section) -> int:
    """The number of ``section`` in its list: 3 for "III.", "3.", "2.3." or "c)"."""
    number = section.number
    if section.scheme == "letter":
        return LETTERS.find(number) + 1
    if section.scheme == "decimal":
        return int(number.rsplit(".", 1)[1])
    if number.isdigit():
        return int(number)
    return roman_value(number) or 0


def display_number(scheme: str, value: int) -> str:
    """``value`` written in ``scheme``: "III" for 3 in Roman, "c" for 3 in letters."""
    if scheme in ("roman", "part"):
        return _to_roman(value)
    if scheme == "letter":
        return LETTERS[value - 1] if value <= len(LETTERS) else str(value)
    return str(value)

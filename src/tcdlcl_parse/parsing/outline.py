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
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from ..models import HeadingHow, Line, Section, SourceDocument
from ..vocabulary import word_list
from .regions import Regions, find_regions, is_gap_before

# The Vietnamese administrative alphabet: no ă â ê ô ơ ư, no f j w z.
LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# Roman numerals as typed or OCR'd: "Il." or "1I." for "II.", "lV" for "IV".
_ROMAN_TOKEN = r"[IVX][IVXl1|]{0,4}|[l1|][IVX][IVXl1|]{0,3}|[l|]{2,4}"
# OCR also ends a numeral with "L" ("IIL", "HIL") and reads "II" as "H".
_OCR_ROMAN_TOKEN = rf"[IVXl1|]{{1,4}}L|H[Il1|]?L?|{_ROMAN_TOKEN}"
# Separators OCR reads in place of a dot: "II. _ KẾT QUẢ", "2, Chỉ đạo".
_OCR_DOTS = {",": ".", "_": ".", ";": "."}
# What OCR makes of a lone "2." after Word's tab: a digit with noise, or a letter with a dot.
_OCR_GARBLED_LABEL_RE = re.compile(r"^(?P<label>\d\S{0,2}|[a-zđ][.,])\s+(?P<rest>\S.*)$")


@cache
def _heading_re(ocr: bool) -> re.Pattern[str]:
    roman = _OCR_ROMAN_TOKEN if ocr else _ROMAN_TOKEN
    ocr_rule = r"(?:\s*_+)?" if ocr else ""  # Word's tab after a number, read as "_"
    # OCR: the Roman separator may be lost (then the title must be in capitals, checked later).
    roman_sep = (
        rf"(?:\s*(?P<roman_sep>[.\-–:/),_]){ocr_rule}|(?=\s))"
        if ocr
        else r"\s*(?P<roman_sep>[.\-–:/)])"
    )
    arabic_sep = r"[./)\-,;]" if ocr else r"[./)\-]"
    letter = r"[a-zđ]|[A-Z](?=\))" if ocr else r"[a-zđ]"  # OCR: "C) Tập huấn" for "c)"
    return re.compile(
        rf"^(?:(?P<part>(?P<part_word>Phần|PHẦN|Mục|MỤC)\s+"
        rf"(?P<part_num>{_ROMAN_TOKEN}|\d{{1,2}}|(?:thứ|THỨ|Thứ)\s+\w+))\s*[.:\-–]?\s*"
        rf"|(?P<roman>(?P<roman_num>{roman}){roman_sep})\s*"
        r"|(?P<decimal>(?P<decimal_num>\d{1,2}(?:\.\d{1,2})+)\.?)\s+"
        rf"|(?P<arabic>(?P<arabic_num>\d{{1,2}})\s*(?P<arabic_sep>{arabic_sep}){ocr_rule})\s+"
        rf"|(?P<letter>(?P<letter_num>{letter})\s*(?P<letter_sep>[).]))\s+"
        r"|(?P<upper>(?P<upper_num>[A-ZĐÐ])\.)\s+)"
        r"(?P<rest>\S.*)?$"
    )


_HEADING_RE = _heading_re(False)
_SENTENCE_END_RE = re.compile(r"[.;!?:)]\s*$")
_LIST_ITEM_END_RE = re.compile(r";\s*$")
_INLINE_TITLE_MAX = 90
_TITLE_MAX = 300


def roman_value(token: str, *, ocr: bool = False) -> int | None:
    if ocr:
        token = "II" + token[1:] if token.startswith("H") else token
        if token.endswith("L") and len(token) > 1:
            # "IIL" for III (the last I read as L), "HIL" for III (an L added after it).
            as_i = roman_value(token[:-1] + "I")
            return as_i if as_i is not None else roman_value(token[:-1])
    token = token.replace("l", "I").replace("1", "I").replace("|", "I")
    if any(ch not in _ROMAN_VALUES for ch in token):
        return None
    values = [_ROMAN_VALUES[ch] for ch in token]
    total = 0
    for i, value in enumerate(values):
        total += -value if i + 1 < len(values) and values[i + 1] > value else value
    return total if _to_roman(total) == token else None


def _to_roman(value: int) -> str:
    out = ""
    for number, letters in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
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
    repaired_from: str | None = None  # the label as OCR read it, when the sequence fixed it


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
        value = _part_value(token)
        word = match.group("part_word").lower()
        scheme, style, label = "part", "part" if word == "phần" else "muc", match.group("part")
        if not rest:  # "PHẦN THỨ HAI" on its own line: the title is the next line
            return _Candidate(index, scheme, style, value, str(value), label, "") if value else None
    elif match.group("roman"):
        value = roman_value(match.group("roman_num"), ocr=ocr) or 0
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
        scheme, style, label = (
            "arabic",
            "arabic" + _OCR_DOTS.get(separator, separator),
            match.group("arabic"),
        )
    elif match.group("upper"):
        token = match.group("upper_num").replace("Ð", "Đ").lower()  # OCR's Eth for Đ
        value = LETTERS.find(token) + 1
        if not rest.isupper():
            return None  # "A. Nguyễn Văn …": a capital letter heads a part only over capitals
        scheme, style, label = "upper-letter", "upper-letter", match.group("upper")
    else:
        token = match.group("letter_num").lower()
        value = LETTERS.find(token) + 1
        scheme, style, label = "letter", "letter" + match.group("letter_sep"), match.group("letter")
    if not value or not rest:
        return None
    return _Candidate(index, scheme, style, value, str(token), label.replace("_", "").strip(), rest)


def _part_value(token: str) -> int:
    """1 for "I", "1" or "thứ nhất"; 0 when unreadable."""
    if token.isdigit():
        return int(token)
    words = token.lower().split()
    if len(words) == 2:
        ordinals = [entry.split("|") for entry in word_list("so-thu-tu.txt")]
        return next((i + 1 for i, variants in enumerate(ordinals) if words[1] in variants), 0)
    return roman_value(token) or 0


def _as_upper_letter(candidate: _Candidate, stack: list[_Node]) -> _Candidate:
    """ "C." and "I." read as Roman numbers are letters in a report whose parts are "A. B. …",
    when they are the letter due; otherwise "I." opens a Roman list under the letter (A./I./1.)."""
    letter = candidate.label.rstrip(".").lower()
    if candidate.scheme != "roman" or len(letter) != 1:
        return candidate
    part = next((node for node in reversed(stack) if node.candidate.scheme == "upper-letter"), None)
    if part is None or LETTERS.find(letter) + 1 != part.candidate.value + 1:
        return candidate
    return replace(candidate, scheme="upper-letter", style="upper-letter",
                   value=LETTERS.find(letter) + 1, number=letter)  # fmt: skip


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
    if not candidate.rest:  # "PHẦN THỨ HAI" alone: the next line is the title
        if candidate.index + 1 >= stop:
            return "", line.end, line.end
        title_line = lines[candidate.index + 1]
        return title_line.text.strip(), title_line.end, title_line.end
    rest_start = line.end - len(candidate.rest)
    colon = candidate.rest.find(":")
    if 0 < colon <= _INLINE_TITLE_MAX and candidate.rest[colon + 1 :].strip():
        # "1. Ưu điểm: Công tác chỉ đạo …" — a run-in heading.
        title_end = rest_start + colon
        body_start = title_end + 1
        return document.text[rest_start:title_end].strip(), title_end, body_start
    end_index = candidate.index
    while end_index + 1 < stop and _continues_title(
        lines[end_index].text, lines[end_index + 1].text
    ):
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
    if current.isupper() and not following.isupper():
        return False  # a title in capitals wraps in capitals
    if following.startswith(("-", "+", "•", "http")):
        return False
    return (
        following[:1].islower()
        or following.startswith("(")
        or current.rstrip().endswith((",", "-", "và"))
    )


def parse_sections(document: SourceDocument, regions: Regions | None = None) -> list[Section]:
    """The outline of the report's content. ``regions``: the document's :func:`find_regions`,
    when the caller has it already.

    Numbered headings first; a report with fewer than two top-level numbered headings is read
    again taking typography and line shape as headings too (bold, upper case, a short line over
    its body)."""
    regions = find_regions(document) if regions is None else regions
    stop = regions.ending_sentence if regions.ending_sentence is not None else regions.closing_start
    roots = _outline(document, regions.content_start, stop, typography=False)
    if len(roots) < 2:
        unnumbered = _outline(document, regions.content_start, stop, typography=True)
        roots = unnumbered if len(unnumbered) > len(roots) else roots
    end = _region_end(document, stop)
    return [
        _finish(node, document, roots[i + 1].section["start"] if i + 1 < len(roots) else end)
        for i, node in enumerate(roots)
    ]


@dataclass(frozen=True)
class _Region:
    """The lines the outline is read from, and what typography rules measure there."""

    start: int
    stop: int
    has_bold: bool  # the format marks bold (DOCX, PDF): bold decides a typography heading
    short_line: float  # a title-like line is shorter than this
    left: float | None  # the text's left edge (PDF): lines far right of it are table cells

    @classmethod
    def of(cls, lines: list[Line], start: int, stop: int) -> _Region:
        inside = lines[start:stop]
        return cls(
            start,
            stop,
            any(line.bold is not None for line in inside),
            _short_line(inside),
            min((line.x0 for line in inside if line.x0 is not None), default=None),
        )


def _outline(document: SourceDocument, start: int, stop: int, *, typography: bool) -> list[_Node]:
    lines = document.lines
    ocr = "tesseract" in document.extractor
    region = _Region.of(lines, start, stop)
    rows, in_tables = _table_rows(lines, start, stop, document.kind == "pdf")
    style_levels: dict[str, int] = {}
    roots: list[_Node] = []
    stack: list[_Node] = []
    # Lines after which a new paragraph starts: headings and table rows.
    heading_lines: set[int] = {*rows, *in_tables}
    heading_re = _heading_re(ocr)
    for index in range(start, stop):
        line = lines[index]
        row = rows.get(index)
        if row is not None or index in in_tables:
            if row is not None and stack:
                _attach(stack, row, "table-row", document, lines, stop)
            continue
        match = heading_re.match(_OCR_SPECKS_RE.sub("", line.text) if ocr else line.text)
        candidate = _candidate(index, match, ocr) if match else None
        if candidate is not None:
            candidate = _as_upper_letter(candidate, stack)
        if ocr and (
            candidate is None or candidate.style not in style_levels and candidate.value != 1
        ):
            candidate = (
                _ocr_garbled_arabic(index, line, stack) or _ocr_first_roman(index, line, stack)
                or _ocr_garbled_title(lines, index, stop, stack, style_levels) or candidate
            )  # fmt: skip
        if candidate is None and typography:
            candidate = _typography_candidate(document, index, region, heading_lines)
        if candidate is None:
            runin = _run_in_candidate(document, lines, index, start, heading_lines)
            if runin is not None and stack:
                _attach(stack, runin, "run-in", document, lines, stop)
            continue
        if not _reads_like_heading(candidate, line):
            continue
        level = style_levels.get(candidate.style)
        if level is None:
            top_part = candidate.scheme in ("roman", "part") and not stack
            starts_anywhere = candidate.scheme == "none" or top_part
            if candidate.value != 1 and not starts_anywhere:
                continue  # a new list starts at 1 (only the top level may start elsewhere)
            level = stack[-1].level + 1 if stack else 1
        trial = list(stack)
        while trial and trial[-1].level > level:
            trial.pop()
        roman_part = candidate.scheme == "part" and not candidate.label.split()[-1].isdigit()
        if ocr and (candidate.scheme in ("roman", "arabic") or roman_part):
            due = trial[-1].candidate.value + 1 if trial and trial[-1].level == level else 1
            candidate = _ocr_corrected(candidate, due)
        if trial and trial[-1].level == level:
            if not _fits_after(trial[-1].candidate, candidate):
                continue  # out of context: body text of the open section
            trial.pop()
        if (trial and level > trial[-1].level + 1) or (not trial and level != 1):
            continue  # skips a level: a list in the body, not a heading
        style_levels.setdefault(candidate.style, level)
        how: HeadingHow = "typography" if candidate.scheme == "none" else "numbered"
        node = _Node(candidate, level, _section(document, lines, candidate, level, stop, how))
        heading_lines.update(range(index, _line_after(lines, node.section["end"], index)))
        (trial[-1].children if trial else roots).append(node)
        stack = [*trial, node]
    if not typography:
        _add_unnumbered_subheadings(document, roots, region, heading_lines)
    return roots


# Unnumbered subheadings under a numbered heading: at least this many, the first right
# under the heading (a lone short line in a body is not a list of subheadings).
_MIN_SUBHEADINGS = 2


def _add_unnumbered_subheadings(
    document: SourceDocument, roots: list[_Node], region: _Region, heading_lines: set[int]
) -> None:
    """Numbered parts over bold or short title lines ("I. CÔNG TÁC TRIỂN KHAI" over "Kế hoạch
    của xã" and "Giao nhiệm vụ cụ thể"): those lines become the part's children, found by the
    typography rules, when the part has no numbered children."""
    lines = document.lines
    nodes = list(_preorder(roots))
    for position, node in enumerate(nodes):
        if node.children or node.section["how"] == "table-row":
            continue
        first = _line_after(lines, node.section["end"], node.candidate.index)
        end = nodes[position + 1].candidate.index if position + 1 < len(nodes) else region.stop
        found = [
            candidate
            for index in range(first, end)
            if index not in heading_lines
            and (candidate := _typography_candidate(document, index, region, heading_lines))
            is not None
        ]
        if len(found) < _MIN_SUBHEADINGS or found[0].index != first:
            continue
        for candidate in found:
            section = _section(
                document, lines, candidate, node.level + 1, region.stop, "typography"
            )
            node.children.append(_Node(candidate, node.level + 1, section))


def _preorder(nodes: list[_Node]) -> Iterator[_Node]:
    for node in nodes:
        yield node
        yield from _preorder(node.children)


def _attach(
    stack: list[_Node],
    candidate: _Candidate,
    how: HeadingHow,
    document: SourceDocument,
    lines: list[Line],
    stop: int,
) -> None:
    """A run-in label or a table row: a child of the innermost open heading (it never opens
    a level of its own, so it stays off the stack)."""
    parent = stack[-1]
    level = parent.level + 1
    section = _section(document, lines, candidate, level, stop, how)
    parent.children.append(_Node(candidate, level, section))


def _line_after(lines: list[Line], offset: int, index: int) -> int:
    """Index of the first line after ``offset`` (the heading's title end), from ``index``."""
    while index < len(lines) and lines[index].end <= offset:
        index += 1
    return index


# "* Ưu điểm: …", "- Hạn chế: …", "Nguyên nhân: …": a short label, a colon, its text.
_RUN_IN_RE = re.compile(
    r"^(?P<bullet>[*\-+•–]\s*)?(?P<label>[^\W\d_][^:;.!?\d]{1,68}?)\s*:\s*(?P<rest>\S.*)$"
)
_RUN_IN_MAX_WORDS = 6
# A label that opens with a topic marker ("Về kiểm tra, giám sát và phối hợp với doanh
# nghiệp:") names its topic at length.
_RUN_IN_TOPIC_MAX_WORDS = 12
_RUN_IN_LABEL_MAX = 72  # bullet, label of up to 69 characters, colon
_LIST_START_RE = re.compile(r"^(?:\d{1,2}|[a-zđ])[.)]\s")


def _run_in_candidate(
    document: SourceDocument, lines: list[Line], index: int, start: int, heading_lines: set[int]
) -> _Candidate | None:
    """A run-in label that opens a paragraph (not a colon inside a wrapped line)."""
    line = lines[index]
    if ":" not in line.text[:_RUN_IN_LABEL_MAX]:
        return None  # cheap test first: most body lines have no label
    match = _RUN_IN_RE.match(line.text)
    if match is None:
        return None
    label = match.group("label").strip()
    words = label.split()
    topic = f" {label.lower()}".startswith(tuple(f" {w} " for w in word_list("nhan-chu-de.txt")))
    if not label[0].isupper() or len(words) > (
        _RUN_IN_TOPIC_MAX_WORDS if topic else _RUN_IN_MAX_WORDS
    ):
        return None
    if _LIST_START_RE.match(match.group("rest")):
        return None  # "Các việc: 1) rà soát; 2) …" introduces a list, it heads no section
    previous = lines[index - 1] if index > start else None
    if previous is not None and not (
        index - 1 in heading_lines
        or _SENTENCE_END_RE.search(previous.text)
        or previous.text.rstrip().endswith((",", "/."))
        or is_gap_before(document, line)
    ):
        return None
    bullet = (match.group("bullet") or "").strip()
    return _Candidate(index, "none", "run-in", 0, "", bullet, line.text[match.start("label") :])


_TYPOGRAPHY_MAX = 90
# Headings start at the margin or a paragraph indent; a line further right is a table cell.
_INDENT_MAX = 60.0
# A title-like line is shorter than this share of the region's median line (in a PDF, a
# paragraph's wrapped lines reach the margin).
_SHORT_SHARE = 0.8


def _short_line(lines: list[Line]) -> float:
    lengths = sorted(len(line.text) for line in lines)
    return max(_SHORT_SHARE * lengths[len(lengths) // 2], 40.0) if lengths else _TYPOGRAPHY_MAX


_BULLETS = ("-", "+", "*", "•", "–")


def _typography_candidate(
    document: SourceDocument, index: int, region: _Region, heading_lines: set[int]
) -> _Candidate | None:
    """An unnumbered heading: a bold line where the format has bold, else a short line in
    capitals, or a short title-like line over a longer body, standing after a finished
    sentence or another heading."""
    lines = document.lines
    text = lines[index].text.strip()
    x0, left = lines[index].x0, region.left
    if x0 is not None and left is not None and x0 > left + _INDENT_MAX:
        return None  # a cell of a table's right-hand columns, not a heading
    if not 3 <= len(text) <= _TYPOGRAPHY_MAX or _SENTENCE_END_RE.search(text) or text.endswith(","):
        return None
    if not text[0].isupper() or text.startswith(_BULLETS) or ":" in text:
        return None
    caps = text.isupper()
    if region.has_bold:  # bold is evidence enough: no need of the line's neighbours
        if not lines[index].bold:
            return None
        return _Candidate(index, "none", _typography_style(caps), 0, "", "", text)
    if not caps:
        if len(text) > region.short_line:
            return None  # reaches the right margin: a wrapped line of a paragraph
        following = lines[index + 1].text.strip() if index + 1 < region.stop else ""
        if len(following) <= len(text) and not _SENTENCE_END_RE.search(following):
            return None
    # A line of several words in capitals is a heading wherever it stands (after a table, say).
    standalone = caps and len(text.split()) >= 2
    after_break = index - 1 in heading_lines or is_gap_before(document, lines[index])
    if index > region.start and not after_break and not standalone:
        previous = lines[index - 1].text.rstrip()
        if not (_SENTENCE_END_RE.search(previous) or previous.endswith("/.") or previous.isupper()):
            return None
    return _Candidate(index, "none", _typography_style(caps), 0, "", "", text)


def _typography_style(caps: bool) -> str:
    """Capitals over title case: the order they appear in gives their levels."""
    return "typography-caps" if caps else "typography"


_TABLE_HEAD_RE = re.compile(r"^S?TT(?:\s|$)")
# A row's label: 1, 2 … or, as some clerks number them, a, b … or I, II …
_ROW_LABEL = r"(?P<number>\d{1,2}|[a-zđ]|[IVX]{1,4})"
_ROW_NUMBER_RE = re.compile(rf"^{_ROW_LABEL}\.?$")
_ROW_CELLS_RE = re.compile(
    rf"^{_ROW_LABEL}\.?(?:\t|\s{{2,}})(?P<title>.+?)(?:(?:\t|\s{{2,}})(?P<rest>\S.*))?$"
)
# OCR adds "_" after the number and reads column rules as "|": "2_ | Thực hiện các".
_ROW_PDF_RE = re.compile(rf"^{_ROW_LABEL}(?:\s*[._,|])*\s+(?P<title>[^\W\d_].*)$")
_TABLE_SCAN_MAX = 120
_TABLE_HEAD_CELLS = 6
# A PDF table's task column: cell lines this far right of the row number at most.
_PDF_TITLE_COLUMN = 40.0
# A PDF table's row numbers stand this close to the left edge of its "TT" head.
_PDF_NUMBER_COLUMN = 15.0
# A PDF row's cells interleave over at most this many lines.
_PDF_ROW_LINES = 12


def _table_rows(
    lines: list[Line], start: int, stop: int, pdf: bool
) -> tuple[dict[int, _Candidate], set[int]]:
    """Rows of results tables ("TT | Nhiệm vụ | Kết quả | Ghi chú") as candidates by line,
    and the header and task-cell lines they cover. Cells come tab- or space-separated, one a
    line (DOCX, text exports) or, in a PDF, as lines at the column's left edge."""
    rows: dict[int, _Candidate] = {}
    covered: set[int] = set()
    index = start
    while index < stop:
        if not _TABLE_HEAD_RE.match(lines[index].text.strip()):
            index += 1
            continue
        head = index
        found: dict[int, _Candidate] = {}
        table_lines = {index}
        expected, scheme, index = 1, "", index + 1
        while index < min(stop, head + _TABLE_SCAN_MAX):
            text = lines[index].text.strip()
            if found and _TABLE_HEAD_RE.match(text):
                break  # the next table's head: its rows start again at 1
            row = _table_row(lines, index, stop, (scheme, expected), pdf, lines[head])
            if row is not None:
                found[index], title_lines = row
                table_lines.update(title_lines)
                scheme = scheme or _row_label(found[index].label)[0]
                expected += 1
            elif expected == 1 and index - head <= _TABLE_HEAD_CELLS and len(text) <= 30:
                table_lines.add(index)  # header cells, one a line
            elif _HEADING_RE.match(text) and not _ROW_PDF_RE.match(text):
                break
            index += 1
        if found:
            rows.update(found)
            covered.update(table_lines)
    return rows, covered


def _row(index: int, value: int, label: str, title: str) -> _Candidate:
    return _Candidate(index, "arabic", "row", value, label.lower(), label, title)


def _row_label(label: str) -> tuple[str, int]:
    """("arabic", 3) for "3", ("letter", 3) for "c", ("roman", 3) for "III"; ("", 0) else."""
    if label.isdigit():
        return "arabic", int(label)
    if label in LETTERS:
        return "letter", LETTERS.index(label) + 1
    value = roman_value(label) or 0
    return ("roman", value) if value else ("", 0)


def _short_title(text: str) -> bool:
    return len(text) <= _OCR_TITLE_MAX and not _SENTENCE_END_RE.search(text)


def _ends_task_cell(text: str) -> bool:
    """A line that cannot continue a PDF table's task cell: a heading, the next row, a label."""
    words_in_caps = text.isupper() and len(text.split()) >= 2
    marks = _HEADING_RE.match(text) or _ROW_PDF_RE.match(text.strip()) or _RUN_IN_RE.match(text)
    return words_in_caps or marks is not None


def _table_row(
    lines: list[Line], index: int, stop: int, due: tuple[str, int], pdf: bool, head: Line
) -> tuple[_Candidate, list[int]] | None:
    """The row due (its label's scheme, "" before the first row, and value) at line ``index``."""
    line = lines[index]
    text = line.text.strip()
    expected = due[1]

    def is_due(label: str) -> bool:
        scheme, value = _row_label(label)
        return value == expected and due[0] in ("", scheme)

    number = _ROW_NUMBER_RE.match(text)
    if number is not None and is_due(number.group("number")) and index + 1 < stop:
        # The number alone (its own cell, cut at the column rule in a PDF): the task follows.
        title_lines = [index + 1]
        if pdf and line.x0 is not None:
            title_lines += _pdf_task_cell_lines(lines, index + 2, stop, line.x0)
        title = " ".join(lines[i].text.strip() for i in title_lines)
        return _row(index, expected, text, title), title_lines
    cells = _ROW_CELLS_RE.match(text)
    if cells is not None and is_due(cells.group("number")):
        title = cells.group("title").strip()
        return _row(index, expected, cells.group("number"), title), []
    pdf_row = _ROW_PDF_RE.match(text) if pdf else None
    if pdf_row is None or not is_due(pdf_row.group("number")) or line.x0 is None:
        return None
    if head.x0 is None or abs(line.x0 - head.x0) > _PDF_NUMBER_COLUMN:
        return None  # a figure opening a result cell ("02 hội nghị …"), not the TT column
    title_lines = _pdf_task_cell_lines(lines, index + 1, stop, line.x0)
    cell = [pdf_row.group("title").split(" | ")[0], *(lines[i].text.strip() for i in title_lines)]
    return _row(index, expected, pdf_row.group("number"), " ".join(cell)), title_lines


def _pdf_task_cell_lines(lines: list[Line], first: int, stop: int, row_x0: float) -> list[int]:
    """The lines that continue a PDF row's task cell, from ``first``: lines of the task
    column (near the row number), interleaved with the result cell's lines."""
    found: list[int] = []
    for following in range(first, min(stop, first - 1 + _PDF_ROW_LINES)):
        other = lines[following]
        if other.x0 is None or other.bold or _ends_task_cell(other.text):
            break
        if other.x0 < row_x0 + _PDF_TITLE_COLUMN:
            if _ROW_NUMBER_RE.match(other.text.strip()):
                break  # the next row's number, alone in its cell
            found.append(following)
    return found


def _ocr_first_roman(index: int, line: Line, stack: list[_Node]) -> _Candidate | None:
    """OCR reads the first "I." as "L.", "l." or "lễ": before any heading, over a title in
    capitals of two words or more, it is I."""
    match = _OCR_FIRST_ROMAN_RE.match(line.text)
    if stack or match is None or not match.group("rest").isupper():
        return None
    if len(match.group("label").rstrip(".,")) > 1 and len(match.group("rest").split()) < 2:
        return None
    return _Candidate(index, "roman", "roman.", 1, "I", "I.", match.group("rest"),
                      repaired_from=match.group("label"))  # fmt: skip


# "L.", "l." or "lễ" (the dot read as an accent) before the first title in capitals.
_OCR_FIRST_ROMAN_RE = re.compile(r"^(?P<label>[Ll|]\S?[.,]?)\s+(?P<rest>\S.*)$")


def _ocr_garbled_arabic(index: int, line: Line, stack: list[_Node]) -> _Candidate | None:
    """The next Arabic heading under an open Arabic one, its label garbled by OCR."""
    open_arabic = next(
        (node for node in reversed(stack) if node.candidate.scheme == "arabic"), None
    )
    match = _OCR_GARBLED_LABEL_RE.match(line.text)
    if open_arabic is None or match is None:
        return None
    rest = match.group("rest")
    if not 0 < rest.find(":") <= _INLINE_TITLE_MAX:
        return None  # only a run-in heading ("Hạn chế: …") is safe to take without its number
    due = open_arabic.candidate.value + 1
    return replace(
        open_arabic.candidate,
        index=index,
        value=due,
        number=str(due),
        label=match.group("label"),
        rest=rest,
    )


_OCR_TITLE_MAX = 60
# Specks OCR reads before a heading's label: "-_ II. ĐÁNH GIÁ".
_OCR_SPECKS_RE = re.compile(r"^[-_~`'\"‘’“”.,]{1,3}\s+(?=[IVXLH]+[.,\s])")
# A label OCR made noise of: one or two characters, maybe a stray dot or comma.
_OCR_NOISE_LABEL_RE = re.compile(r"^(?P<label>\S{1,2}[.,;:]?)\s+(?P<rest>[^\W\d_].*)$")


def _ocr_garbled_title(
    lines: list[Line], index: int, stop: int, stack: list[_Node], style_levels: dict[str, int]
) -> _Candidate | None:
    """OCR turns Word's automatic "2." into noise ("đệ", "SA", "B,"): a short title line over a
    longer body, where an Arabic heading is due under the open heading, is that heading."""
    match = _OCR_NOISE_LABEL_RE.match(lines[index].text)
    if not stack or match is None:
        return None
    after_heading = stack[-1].candidate.index == index - 1
    # The first item of a report's first Arabic list: right under its heading.
    arabic_level = style_levels.get("arabic.", stack[-1].level + 1 if after_heading else 0)
    rest = match.group("rest").strip()
    if not rest[0].isupper() or rest.isupper() or not _short_title(rest):
        return None
    if not after_heading and not _SENTENCE_END_RE.search(lines[index - 1].text):
        return None  # inside a paragraph
    if index + 1 >= stop or len(lines[index + 1].text) <= len(rest):
        return None  # a heading stands over a longer body line
    open_nodes = [node for node in stack if node.level <= arabic_level]
    top = open_nodes[-1] if open_nodes else None
    if top is not None and top.level == arabic_level and top.candidate.scheme == "arabic":
        due = top.candidate.value + 1
    elif top is not None and top.level == arabic_level - 1:
        due = 1
    else:
        return None
    return _Candidate(index, "arabic", "arabic.", due, str(due), f"{due}.", rest,
                      repaired_from=match.group("label"))  # fmt: skip


def _ocr_corrected(candidate: _Candidate, due: int) -> _Candidate:
    """A Roman number one I away from the number due ("II" for III, "V" for IV) is the number
    due; the label as read is kept on the section."""
    if candidate.scheme == "arabic":
        # A short title whose digit OCR misread ("5, Công tác chỉ đạo" where 2 is due).
        title_like = _short_title(candidate.rest) and ":" not in candidate.rest
        if candidate.value in (due, 1) or not title_like:
            return candidate
        return replace(candidate, value=due, number=str(due), repaired_from=candidate.label)
    read, wanted = _to_roman(candidate.value), _to_roman(due)
    if read != wanted and (
        read.replace("I", "", 1) == wanted or wanted.replace("I", "", 1) == read
    ):
        return replace(candidate, value=due, number=wanted, repaired_from=candidate.label)
    return candidate


def _fits_after(previous: _Candidate, candidate: _Candidate) -> bool:
    """Same-level numbers go up; a small gap or a repeat is tolerated (reported as S003).
    A top-level heading in capitals is kept even when its number goes back (sections moved
    without renumbering)."""
    if previous.value <= candidate.value <= previous.value + 3:
        return True
    return candidate.scheme in ("roman", "part") and candidate.rest.isupper()


def _section(
    document: SourceDocument,
    lines: list[Line],
    candidate: _Candidate,
    level: int,
    stop: int,
    how: HeadingHow = "numbered",
) -> dict[str, Any]:
    line = lines[candidate.index]
    if how == "table-row":
        title, title_end, body_start = _row_title_and_body(document, lines, candidate, stop)
    else:
        title, title_end, body_start = _title_and_body_start(document, lines, candidate, stop)
        if how == "numbered" and body_start > title_end:
            how = "run-in"  # "a) Nguyên nhân: …": numbered, but its title runs into its text
    evidence = [] if candidate.scheme == "none" or how == "table-row" else ["numbered"]
    if line.bold:
        evidence.append("bold")
    if title.isupper():
        evidence.append("caps")
    if line.numbering:
        evidence.append("docx-numbering")
    scheme = "arabic" if how == "table-row" else candidate.scheme
    return {
        "number": candidate.number, "label": candidate.label, "scheme": scheme, "title": title,
        "level": level, "start": line.start, "end": title_end, "body_start": body_start,
        "page": line.page,
        "evidence": evidence, "how": how, "repaired_from": candidate.repaired_from,
    }  # fmt: skip


def _row_title_and_body(
    document: SourceDocument, lines: list[Line], candidate: _Candidate, stop: int
) -> tuple[str, int, int]:
    """A table row's task cell is its title; the other cells are its body."""
    line = lines[candidate.index]
    if line.text.strip() == candidate.label:  # the number alone: the task is the next line
        title_line = lines[candidate.index + 1]
        return candidate.rest, title_line.end, title_line.end
    # The task cell may go on over the next lines (a PDF's interleaved cells): only its words
    # on the row's own line end the title there, the result cell after them is body.
    words = candidate.rest.split()
    while words and (found := line.text.find(" ".join(words))) < 0:
        words.pop()
    title_end = line.start + found + len(" ".join(words)) if words else line.end
    return candidate.rest, title_end, title_end


def _finish(node: _Node, document: SourceDocument, end: int) -> Section:
    """Set body ranges: a body runs to the next heading (child or sibling) or ``end``."""
    children = node.children
    body_start = node.section["body_start"]
    body_end = max(body_start, min(children[0].section["start"] if children else end, end))
    finished = [
        _finish(child, document, children[i + 1].section["start"] if i + 1 < len(children) else end)
        for i, child in enumerate(children)
    ]
    return Section(
        **node.section, body_end=_trim(document.text, body_start, body_end), children=finished
    )


def _region_end(document: SourceDocument, stop: int) -> int:
    return document.lines[stop].start if stop < len(document.lines) else len(document.text)


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def numbering_value(section: Section) -> int:
    """The number of ``section`` in its list: 3 for "III.", "3.", "2.3." or "c)"."""
    number = section.number
    if section.scheme in ("letter", "upper-letter"):
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
    if scheme in ("letter", "upper-letter"):
        return LETTERS[value - 1] if value <= len(LETTERS) else str(value)
    return str(value)

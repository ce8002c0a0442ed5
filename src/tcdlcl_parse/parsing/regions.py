"""Where the header ends, the content starts and the closing blocks begin.

Works on line indices of :attr:`SourceDocument.lines`; every other structure parser reads
only its own region, so the Quốc hiệu never becomes a section and "Nơi nhận" never a claim.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..models import Line, SourceDocument
from ..normalize import ascii_key
from .reference import type_names

# The closing: recipients block, signature authority, or the report's closing sentence.
_CLOSING = r"nơi nhận|kính gửi|(?:tm|kt|tl|tuq|q)\.\s|t/m\s|k/t\s|t/l\s"
# Either at the start of a line: the pattern starts with "\n", so `re` skips from line start
# to line start in C instead of matching every line.
# A scan's OCR may put a stroke of the seal or a rule before it ("_Nơi nhận:").
_CLOSING_LINE_RE = re.compile(
    rf"\n(?:[_=*•'\"“]{{1,3}}\s?)?(?:(?P<closing>{_CLOSING})|(?P<ending>trên đây là))",
    re.IGNORECASE,
)
# Sentences that open the content of a report right after its title block.
_OPENING_RE = re.compile(
    r"^(?:thực hiện|căn cứ|theo|kính gửi|để|nhằm|qua|ngày|trong)\b", re.IGNORECASE
)
_RULE_RE = re.compile(r"^[-_=—–.*\s]{3,}$")
_TITLE_SEARCH_LINES = 30
# A document type line ("BÁO CÁO", "KẾ HOẠCH") is short.
_TYPE_LINE_MAX = 60


@dataclass(frozen=True, slots=True)
class Regions:
    type_line: int | None  # index of "BÁO CÁO"
    content_start: int  # first line of the content (after title block)
    closing_start: int  # first line of the closing (or len(lines))
    ending_sentence: int | None  # "Trên đây là báo cáo …"


def is_gap_before(document: SourceDocument, line: Line) -> bool:
    return document.text[max(0, line.start - 2) : line.start] == "\n\n"


def find_regions(document: SourceDocument) -> Regions:
    lines = document.lines
    types = type_names()
    type_line = next(
        (
            i
            for i, line in enumerate(lines[:_TITLE_SEARCH_LINES])
            # Cheap tests first: a line of a whole report (text without line breaks) is long.
            if len(line.text) <= _TYPE_LINE_MAX
            and line.text.strip().isupper()
            and ascii_key(line.text.strip()) in types
        ),
        None,
    )
    content_start = 0
    if type_line is not None:
        content_start = type_line + 1
        while content_start < len(lines) and content_start - type_line <= 4:
            line = lines[content_start]
            if content_start > type_line + 1 and (
                _OPENING_RE.match(line.text) or is_gap_before(document, line)
            ):
                break
            if _RULE_RE.match(line.text):
                content_start += 1
                break
            content_start += 1
    closing_start = len(lines)
    ending_sentence = None
    lowest = max(content_start, len(lines) * 2 // 5)
    if lowest < len(lines):
        # "\n" + text: the first line has a line break before it too; offsets shift by one, so
        # a match's start is the start of its line in the text.
        for match in _CLOSING_LINE_RE.finditer("\n" + document.text, lines[lowest].start):
            index = bisect_right(lines, match.start(), lo=lowest, key=lambda line: line.start) - 1
            if lines[index].start != match.start():
                continue  # a line break inside a line's text
            if match.group("closing") is not None:
                closing_start = min(closing_start, index)
            elif ending_sentence is None:
                ending_sentence = index
            if closing_start < len(lines) and ending_sentence is not None:
                break
    return Regions(type_line, content_start, closing_start, ending_sentence)

"""Claims: sentences of the section bodies that assert a result, an action or a plan.

Bodies are first cut into paragraphs by our own line structure (bullets, numbered items,
lines that end a sentence); each paragraph is then split into sentences by spaCy's
sentencizer rules (:mod:`.sentences`, applied directly: ten times faster than spaCy itself,
same sentences). Status and quantities come from rules (regular expressions over the
sentence), which is all they need.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from pydantic import TypeAdapter

from ..dates import find_dates
from ..models import Claim, Quantity, Section, SourceDocument
from ..normalize import lower_same_length
from .sentences import sentence_spans

_BULLET_RE = re.compile(r"^\s*[-+•▪➢]\s*")
_SENTENCE_END_RE = re.compile(r"[.;!?:]\s*$")
_URL_RE = re.compile(r"https?://\S+")

# Status words, found in one pass over the lower-cased sentence and weighed in this order: a
# plan or a negation outweighs a "đã" elsewhere.
_STATUS_WORDS = {
    **dict.fromkeys(("sẽ", "dự kiến", "tiếp tục", "phấn đấu", "năm 2026", "thời gian tới"), "planned"),
    **dict.fromkeys(("chưa", "không có", "không được", "không thực hiện"), "not_done"),
    **dict.fromkeys(("đang", "từng bước"), "ongoing"),
    "đã": "da",
    **dict.fromkeys(("hoàn thành", "đạt", "được", "kết quả"), "done"),
}
# Plain alternatives, so `re` skips to their first letters in C; the word boundary before a
# match is checked in Python (a leading \b would make the pass twice as slow).
_STATUS_WORDS_RE = re.compile("(?:" + "|".join(sorted(_STATUS_WORDS, key=len, reverse=True)) + r")\b")
_DIGIT_RE = re.compile(r"\d")
# Claims are built as dicts and validated in one call (a constructor per claim costs more).
_CLAIMS = TypeAdapter(list[Claim])

# A number with its unit: "01 công chức", "1.200 tờ rơi", "101,2%", "12 cơ sở".
_QUANTITY_RE = re.compile(
    r"(?<![\w/.,-])(?P<number>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<decimal>\d+))?"
    r"(?!\s*[/.-]\s*\d)(?!\w)\s*(?P<unit>%|[^\W\d_]+(?:(?:,?\s|/)[^\W\d_]+){0,2})?"
)
_UNITS = (
    "công chức", "viên chức", "cán bộ", "cơ sở", "lớp", "học viên", "tờ rơi", "vi phạm", "hộ kinh doanh",
    "hộ", "doanh nghiệp", "sản phẩm", "lượt", "buổi", "tin, bài", "tin", "bài", "người", "đợt", "cuộc",
    "mô hình", "thôn", "triệu đồng", "đồng", "tạ/ha", "ha", "tấn", "phương tiện đo", "thiết bị",
)  # fmt: skip
_NOT_QUANTITY_UNITS = ("năm", "tháng", "ngày", "giờ")


def _paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of paragraphs in text[start:end], by line structure."""
    para_start = None
    position = start
    for line in text[start:end].split("\n"):
        line_start, line_end = position, position + len(line)
        position = line_end + 1
        stripped = line.strip()
        if not stripped:
            if para_start is not None:
                yield para_start, line_start - 1
                para_start = None
            continue
        if para_start is not None and (_BULLET_RE.match(line) or _URL_RE.match(stripped)):
            yield para_start, line_start - 1
            para_start = None
        if para_start is None:
            para_start = line_start + (len(line) - len(line.lstrip()))
        if _URL_RE.match(stripped) or _SENTENCE_END_RE.search(stripped) and not stripped.endswith(":"):
            yield para_start, line_end
            para_start = None
    if para_start is not None:
        yield para_start, min(position - 1, end)


def status_of(sentence: str, planned_section: bool) -> str:
    return _status({word for _, word in _status_words(lower_same_length(sentence))}, planned_section)


def _status_words(lowered: str) -> list[tuple[int, str]]:
    """(offset, kind) of the status words in lower-cased text."""
    return [
        (match.start(), _STATUS_WORDS[match.group()])
        for match in _STATUS_WORDS_RE.finditer(lowered)
        if match.start() == 0 or not (lowered[match.start() - 1].isalnum() or lowered[match.start() - 1] == "_")
    ]


def _status(words: set[str], planned_section: bool) -> str:
    if planned_section or "planned" in words:
        return "planned"
    if "not_done" in words and "da" not in words:
        return "not_done"
    if "ongoing" in words:
        return "ongoing"
    return "done" if words & {"da", "done"} else "statement"


def quantities_in(text: str, offset: int) -> list[Quantity]:
    found = []
    for match in _QUANTITY_RE.finditer(text):
        unit_text = " ".join((match.group("unit") or "").split())  # "cơ\nsở" wraps a line
        unit = next((u for u in _UNITS if unit_text.lower().startswith(u)), None)
        if unit_text == "%":
            unit = "%"
        if unit is None or unit_text.lower().startswith(_NOT_QUANTITY_UNITS):
            continue
        value = float(match.group("number").replace(".", "") + ("." + match.group("decimal") if match.group("decimal") else ""))
        end = match.start("unit") + len(unit)
        found.append(Quantity(value=value, unit=unit, text=text[match.start() : end], start=offset + match.start(), end=offset + end))
    return found


def _walk(sections: list[Section], path: str = "") -> Iterator[tuple[Section, str]]:
    for section in sections:
        number = f"{path}.{section.number}" if path else section.number
        yield section, number
        yield from _walk(section.children, number)


def parse_claims(document: SourceDocument, sections: list[Section]) -> list[Claim]:
    """Claims in every section body, in text order."""
    text = document.text
    claims: list[dict[str, object]] = []
    for section, number in _walk(sections):
        planned_section = bool(re.search(r"\b(2026|phương hướng|nhiệm vụ.*năm tới)\b", section.title, re.I))
        for para_start, para_end in _paragraphs(text, section.body_start, section.body_end):
            paragraph = text[para_start:para_end]
            # Status words of the whole paragraph in one pass, then shared out by position.
            status_words = _status_words(lower_same_length(paragraph))
            word_starts = [position for position, _ in status_words]
            # A URL's dots end no sentence: it is masked, keeping its length.
            for sentence_start, sentence_end in sentence_spans(_URL_RE.sub(lambda m: "x" * len(m.group(0)), paragraph)):
                start = para_start + sentence_start
                end = para_start + sentence_end
                sentence_text = text[start:end].strip(" -+•")
                if len(sentence_text) < 12:
                    continue
                inside = status_words[bisect_left(word_starts, sentence_start) : bisect_left(word_starts, sentence_end)]
                status = _status({word for _, word in inside}, planned_section)
                has_digits = _DIGIT_RE.search(text, start, end) is not None  # else no quantity, no date
                quantities = quantities_in(text[start:end], start) if has_digits else []
                if status == "statement" and not quantities:
                    continue  # neither a result, an action nor a plan
                claims.append(
                    {
                        "text": sentence_text, "start": start, "end": end, "page": document.page_at(start),
                        "section": number, "status": status, "quantities": quantities,
                        "dates": [d.iso for d in find_dates(text, start, end) if d.valid] if has_digits else [],
                    }
                )  # fmt: skip
    return _CLAIMS.validate_python(claims)

"""Claims: sentences of the section bodies that assert a result, an action or a plan.

Bodies are first cut into paragraphs by our own line structure (bullets, numbered items,
lines that end a sentence), because spaCy's sentencizer ignores line breaks; spaCy then
splits each paragraph into sentences. Status and quantities come from rules (regular
expressions over the sentence), which is all they need.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ..dates import find_dates
from ..models import Claim, Quantity, Section, SourceDocument

_BULLET_RE = re.compile(r"^\s*[-+•▪➢]\s*")
_SENTENCE_END_RE = re.compile(r"[.;!?:]\s*$")
_URL_RE = re.compile(r"https?://\S+")

# Status words, checked in this order: a plan or a negation outweighs a "đã" elsewhere.
_PLANNED_RE = re.compile(r"\b(sẽ|dự kiến|tiếp tục|phấn đấu|năm 2026|thời gian tới)\b", re.I)
_NOT_DONE_RE = re.compile(r"\b(chưa|không có|không được|không thực hiện)\b", re.I)
_ONGOING_RE = re.compile(r"\b(đang|từng bước)\b", re.I)
_DONE_RE = re.compile(r"\b(đã|hoàn thành|đạt|được|kết quả)\b", re.I)

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


@lru_cache(maxsize=1)
def _sentencizer() -> Any:
    import spacy

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    nlp.add_pipe("sentencizer")
    return nlp


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
    if planned_section or _PLANNED_RE.search(sentence):
        return "planned"
    if _NOT_DONE_RE.search(sentence) and not re.search(r"\bđã\b", sentence, re.I):
        return "not_done"
    if _ONGOING_RE.search(sentence):
        return "ongoing"
    if _DONE_RE.search(sentence):
        return "done"
    return "statement"


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
    claims: list[Claim] = []
    nlp = _sentencizer()
    for section, number in _walk(sections):
        planned_section = bool(re.search(r"\b(2026|phương hướng|nhiệm vụ.*năm tới)\b", section.title, re.I))
        for para_start, para_end in _paragraphs(text, section.body_start, section.body_end):
            paragraph = text[para_start:para_end]
            for sentence in nlp(_URL_RE.sub(lambda m: "x" * len(m.group(0)), paragraph)).sents:
                start = para_start + sentence.start_char
                end = para_start + sentence.end_char
                sentence_text = text[start:end].strip(" -+•")
                if len(sentence_text) < 12:
                    continue
                status = status_of(sentence_text, planned_section)
                quantities = quantities_in(text[start:end], start)
                if status == "statement" and not quantities:
                    continue  # neither a result, an action nor a plan
                claims.append(
                    Claim(
                        text=sentence_text,
                        start=start,
                        end=end,
                        page=document.page_at(start),
                        section=number,
                        status=status,  # type: ignore[arg-type]
                        quantities=quantities,
                        dates=[d.iso for d in find_dates(text, start, end) if d.valid],
                    )
                )
    return claims

"""Cited documents: number/symbol, type, date, issuer, summary — and their consistency.

One compiled regular expression finds symbol candidates in a single pass (state, legal with
a year, Party); each is then read in its context: the type name written before it, the date
and the issuer ("của …") after it. Mentions of one document are grouped by canonical symbol.
Symbols broken at a line end were already re-joined by the reader; spaces inside a symbol
("40/KH- UBND", "3078 / SKHCN-TĐC") are tolerated here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter

from ..models import Citation, Span, StandardRef
from ..normalize import starts_word
from .dates import DATE_RE, parse_date
from .reference import issuer_names, type_codes_by_name

_GROUP = r"[A-ZĐÐ][A-Za-zĐđÐ0-9&]*"
# Three shapes: Party "38-CT/TW", legal "30/2020/NĐ-CP" (a year), state "40/KH-UBND" (at least
# one hyphen, so "12/3" or "2/UBND" are not taken). No look-behind: it would cost a check at
# every digit of the text; the caller checks once per match instead. The pattern opens with a
# single "\d" so that `re` skips to the next digit in C before trying a match (a leading
# repeat such as "\d{1,6}" disables that and makes the whole pass ~1.5× slower).
_SYMBOL_RE = re.compile(
    rf"(?P<number>\d\d{{0,5}}+[a-z]?)"
    rf"(?:-\s?(?P<party_type>{_GROUP})/(?P<party_issuer>{_GROUP}(?:-{_GROUP})*)"
    rf"|\s?/\s?(?:(?P<year>(?:19|20)\d\d)\s?/\s?(?P<legal>{_GROUP}(?:\s?-\s?{_GROUP})*)"
    rf"|(?P<groups>{_GROUP}(?:\s?-\s?{_GROUP})+)))"
    r"(?![\w/])"
)
# Type names as written before a symbol ("Quyết định số", "Chương trình hành động số").
_TYPE_NAMES = {
    name.lower(): name
    for name in (
        "Quyết định", "Kế hoạch", "Công văn", "Chỉ thị", "Nghị định", "Thông tư liên tịch",
        "Thông tư", "Nghị quyết", "Nghị quyết liên tịch", "Báo cáo", "Thông báo", "Hướng dẫn",
        "Chương trình", "Chương trình hành động", "Tờ trình", "Luật", "Kết luận", "Quy định",
        "Quy chế", "Đề án", "Phương án", "Dự án", "Công điện", "Giấy mời", "Pháp lệnh", "Lệnh",
        "Biên bản",
    )
} | {"văn bản": "Công văn"}  # fmt: skip


def _by_last_word(names: dict[str, str]) -> dict[str, list[tuple[int, str, str]]]:
    """Type names by their last word, longest first ("chương trình hành động" before "chương
    trình"): most symbols follow "số" and one type name, so one lookup decides."""
    index: dict[str, list[tuple[int, str, str]]] = {}
    for key, name in sorted(names.items(), key=lambda item: -len(item[0].split())):
        index.setdefault(key.split()[-1], []).append((len(key.split()), key, name))
    return index


_TYPE_NAMES_BY_LAST_WORD = _by_last_word(_TYPE_NAMES)
# After a symbol, read by the same pass (case-insensitive only here: "[A-Z]" in the symbol must
# stay upper case): an optional date ("ngày 09/9/2025", ", ngày 30/7/2024", "ban hành ngày …")
# and an optional issuer ("của Thủ tướng Chính phủ", "do UBND tỉnh … ban hành"). An issuer has
# no "/", so it never swallows the next symbol, which the pass must still find.
_DATE_AFTER = r"\s*,?\s*(?:(?:ban hành\s+)?ngày\s*)?(?P<date>" + DATE_RE.pattern + ")"
_ISSUER_AFTER = (
    r"\s*,?\s*(?:của|do)\s+(?P<issuer>[^,.;:()\"“”/]{3,90}?)"
    r"(?=\s+(?:về|ban hành|phê duyệt|quy định|hướng dẫn|triển khai|đối với|trên địa bàn|tại|thì|nhằm)\b"
    r"|[,.;:()\"“”]|\s*$)"
)
_CITED_RE = re.compile(
    rf"(?P<symbol>{_SYMBOL_RE.pattern})(?i:{_DATE_AFTER})?(?i:{_ISSUER_AFTER})?"
)
_TITLE_RE = re.compile(r"\s*,?\s*(?P<title>(?:về việc|về|V/v)\s+[^.;()]{3,200})", re.IGNORECASE)
# No leading \b: `re` then skips to the first letters in C (five times faster); the word
# boundary is checked in Python.
_STANDARD_RE = re.compile(
    r"(?P<kind>TCVN|QCVN|ISO|IEC)\s*(?:ISO\s*)?(?P<code>\d{1,6}(?:[-.]\d+)*(?::\d{4})?(?:/[A-ZĐ]+)?)"
)


# Words an issuer named in the text must contain for its symbol's issuer code (C006).
ISSUER_ALIASES: dict[str, tuple[str, ...]] = {
    "TTg": ("thu tuong",),
    "CP": ("chinh phu",),
    "UBND": ("ubnd", "uy ban nhan dan"),
    "HĐND": ("hdnd", "hoi dong nhan dan"),
    "TW": ("trung uong", "ban bi thu", "bo chinh tri"),
    "TU": ("tinh uy", "thanh uy"),
    "SKHCN": ("so khoa hoc", "so kh&cn", "so khcn"),
    "BKHCN": ("bo khoa hoc",),
    "VPCP": ("van phong chinh phu",),
    "BTC": ("bo tai chinh",),
    "BYT": ("bo y te",),
    "BNV": ("bo noi vu",),
}


@lru_cache(maxsize=1)
def _all_type_codes() -> frozenset[str]:
    return frozenset(code for codes in type_codes_by_name().values() for code in codes)


@lru_cache(maxsize=4096)
def canonical_symbol(raw: str) -> tuple[str, dict[str, str | int | None]]:
    """The canonical symbol and its parts for the text of a :data:`_SYMBOL_RE` match."""
    type_codes = _all_type_codes()
    match = _SYMBOL_RE.fullmatch(raw)
    assert match is not None
    number = match.group("number")
    if match.group("party_type"):
        type_code = match.group("party_type").replace("Ð", "Đ")
        issuer = match.group("party_issuer").replace("Ð", "Đ")
        return f"{number}-{type_code}/{issuer}", {
            "family": "party", "type_code": type_code, "issuer_code": issuer, "year": None, "number": number,
        }
    groups = [g.replace("Ð", "Đ") for g in re.split(r"\s?-\s?", match.group("groups") or match.group("legal"))]
    year = match.group("year")
    body = "-".join(groups)
    symbol = f"{number}/{year}/{body}" if year else f"{number}/{body}"
    if groups[0] in type_codes and len(groups) > 1:
        type_code, issuer = groups[0], groups[1]
    else:
        type_code, issuer = None, groups[0]
    return symbol, {
        "family": "legal" if year else "state", "type_code": type_code, "issuer_code": issuer,
        "year": int(year) if year else None, "number": number,
    }


def _doc_type_before(text: str, start: int) -> str | None:
    """The type name written just before a symbol, if any."""
    words = text[max(0, start - 36) : start].lower().rsplit(None, 4)
    if words and words[-1] in ("số", "số:"):
        del words[-1]
    for size, key, name in _TYPE_NAMES_BY_LAST_WORD.get(words[-1] if words else "", ()):
        if " ".join(words[-size:]) == key:
            return name
    return None


@lru_cache(maxsize=4096)
def _valid_iso_date(date_text: str) -> str | None:
    """``YYYY-MM-DD`` for a possible date from 1945 on, else None (C004 reports it)."""
    date = parse_date(date_text)
    return date.iso if date is not None and date.valid else None


def _mention(text: str, match: re.Match[str]) -> dict[str, object]:
    """One match of :data:`_CITED_RE` read in context."""
    start, end = match.span("symbol")
    symbol_text, date_text, issuer = match.group("symbol", "date", "issuer")
    mention: dict[str, object] = {
        "start": start, "end": end, "text": symbol_text, "doc_type": _doc_type_before(text, start),
    }
    if date_text is not None:
        mention["date_text"] = date_text
        mention["date"] = _valid_iso_date(date_text)
    if issuer is not None:
        mention["issuer"] = " ".join(issuer.split())
    return mention


# Citations are assembled as plain dicts in the hot loop and validated once, in bulk.
_CITATION_LIST = TypeAdapter(list[Citation])


def extract_citations(text: str, *, page_of: Callable[[int], int | None] | None = None) -> list[Citation]:
    """Every distinct cited document in ``text`` (display text), in order of first mention."""
    issuers = issuer_names()
    by_symbol: dict[str, dict[str, Any]] = {}
    for match in _CITED_RE.finditer(text):
        start = match.start()
        # A symbol does not continue a word, a number, a path or a URL ("abc12/KH-X", "1.5/…");
        # checked here once per match because a look-behind would run at every digit.
        if start and (text[start - 1].isalnum() or text[start - 1] in "/.-_"):
            continue
        mention = _mention(text, match)
        symbol, parts = canonical_symbol(mention["text"])
        if page_of is not None:
            mention["page"] = page_of(start)
        citation = by_symbol.get(symbol)
        if citation is None:
            title = _TITLE_RE.match(text, match.end())
            citation = by_symbol[symbol] = {
                "symbol": symbol, "mentions": [], "doc_type": None, "date": None, "issuer": None,
                "title": " ".join(title.group("title").split()) if title else None, **parts,
            }
        citation["mentions"].append(mention)
        doc_type = mention["doc_type"]
        if citation["doc_type"] is None and doc_type and (doc_type != "Công văn" or parts["type_code"] is None):
            citation["doc_type"] = doc_type
        citation["date"] = citation["date"] or mention.get("date")
        citation["issuer"] = citation["issuer"] or mention.get("issuer")
    for citation in by_symbol.values():
        # Term-numbered codes: QH15 → QH, UBTVQH15 → UBTVQH.
        code = re.sub(r"\d+$", "", citation["issuer_code"] or "")
        if citation["issuer"] is None and code in issuers:
            citation["issuer"] = issuers[code]
    # Strict: every value was built here with its exact type, so nothing needs coercing.
    return _CITATION_LIST.validate_python(list(by_symbol.values()), strict=True)


def extract_standards(text: str, *, page_of: Callable[[int], int | None] | None = None) -> list[StandardRef]:
    """TCVN/QCVN/ISO references, grouped by code."""
    found: dict[str, StandardRef] = {}
    position = 0
    while (match := _STANDARD_RE.search(text, position)) is not None:
        if not starts_word(text, match.start()):
            position = match.start() + 1  # inside a word; a later start may still be one
            continue
        position = match.end()
        prefix = match.group(0)[: match.start("code") - match.start()].strip()
        code = f"{' '.join(prefix.split())} {match.group('code')}"
        span = Span(start=match.start(), end=match.end(), page=page_of(match.start()) if page_of else None)
        found.setdefault(code, StandardRef(code=code, kind=match.group("kind"), mentions=[])).mentions.append(span)
    return list(found.values())

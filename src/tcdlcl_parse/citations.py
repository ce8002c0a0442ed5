"""Cited documents: number/symbol, type, date, issuer, summary — and their consistency.

One compiled regular expression finds symbol candidates in a single pass (state, legal with
a year, Party); each is then read in its context: the type name written before it, the date
and the issuer ("của …") after it. Mentions of one document are grouped by canonical symbol.
Symbols broken at a line end were already re-joined by the reader; spaces inside a symbol
("40/KH- UBND", "3078 / SKHCN-TĐC") are tolerated here.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from importlib import resources

from .dates import DATE_RE, parse_date
from .models import Citation, Finding, Mention, Span, StandardRef
from .normalize import ascii_key, match_key
from .rules import make_finding

_GROUP = r"[A-ZĐÐ][A-Za-zĐđÐ0-9&]*"
_SYMBOL_RE = re.compile(
    rf"(?<![\w/.-])(?P<number>\d{{1,6}}[a-z]?)"
    rf"(?:-(?P<party_type>{_GROUP})/(?P<party_issuer>{_GROUP}(?:-{_GROUP})*)"
    rf"|\s?/\s?(?:(?P<year>(?:19|20)\d\d)\s?/\s?)?(?P<groups>{_GROUP}(?:\s?-\s?{_GROUP})*))"
    r"(?![\w/])"
)
_TYPE_BEFORE_RE = re.compile(
    r"(?P<type>Quyết định|Kế hoạch|Công văn|Văn bản|Chỉ thị|Nghị định|Thông tư liên tịch|Thông tư|"
    r"Nghị quyết|Báo cáo|Thông báo|Hướng dẫn|Chương trình|Tờ trình|Luật|Kết luận|Quy định|Quy chế|"
    r"Đề án|Phương án|Dự án|Công điện|Giấy mời|Pháp lệnh|Lệnh|Biên bản)"
    r"(?:\s+(?:hành động|liên tịch))?\s*(?:số\s*)?:?\s*$",
    re.IGNORECASE,
)
_DATE_GAP_RE = re.compile(r"^\s*,?\s*(?:ngày|ban hành ngày)?\s*$", re.IGNORECASE)
_ISSUER_RE = re.compile(
    r"^\s*,?\s*(?:của|do)\s+(?P<issuer>[^,.;:()\"“”]{3,90}?)"
    r"(?=\s+(?:về|ban hành|phê duyệt|quy định|hướng dẫn|triển khai|đối với|trên địa bàn|tại|thì|nhằm)\b|[,.;:()\"“”]|\s*$)",
    re.IGNORECASE,
)
_TITLE_RE = re.compile(r"^\s*,?\s*(?P<title>(?:về việc|về|V/v)\s+[^.;()]{3,200})", re.IGNORECASE)
_STANDARD_RE = re.compile(
    r"\b(?P<kind>TCVN|QCVN|ISO|IEC)\s*(?:ISO\s*)?(?P<code>\d{1,6}(?:[-.]\d+)*(?::\d{4})?(?:/[A-ZĐ]+)?)"
)
_CONTEXT = 120


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, set[str]], set[str], dict[str, str]]:
    """(type name key → codes, all type codes, issuer code → full name)."""
    data = resources.files("tcdlcl_parse").joinpath("data")
    names: dict[str, set[str]] = {}
    for row in csv.DictReader(data.joinpath("loai-van-ban.csv").read_text("utf-8").splitlines()):
        if row["viet_tat"]:
            names.setdefault(ascii_key(row["ten_loai"].split(" (")[0]), set()).add(row["viet_tat"])
    # Legal-document types whose codes the table leaves implicit.
    for name, code in (("nghi dinh", "NĐ"), ("thong tu", "TT"), ("luat", "L"), ("phap lenh", "PL")):
        names.setdefault(name, set()).add(code)
    issuers = {
        row["viet_tat"]: row["ten_day_du"].split(" (")[0]
        for row in csv.DictReader(data.joinpath("co-quan-viet-tat.csv").read_text("utf-8").splitlines())
    }
    codes = {code for group in names.values() for code in group}
    return names, codes, issuers


# Words an issuer named in the text must contain for its symbol's issuer code (C006).
_ISSUER_ALIASES: dict[str, tuple[str, ...]] = {
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


def canonical_symbol(match: re.Match[str]) -> tuple[str, dict[str, str | int | None]]:
    """The canonical symbol and its parts for a :data:`_SYMBOL_RE` match."""
    names, type_codes, _ = _tables()
    number = match.group("number")
    if match.group("party_type"):
        type_code = match.group("party_type").replace("Ð", "Đ")
        issuer = match.group("party_issuer").replace("Ð", "Đ")
        return f"{number}-{type_code}/{issuer}", {
            "family": "party", "type_code": type_code, "issuer_code": issuer, "year": None, "number": number,
        }
    groups = [g.replace("Ð", "Đ") for g in re.split(r"\s?-\s?", match.group("groups"))]
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


def _is_symbol(match: re.Match[str]) -> bool:
    """State symbols need a hyphen or a year ('40/KH-UBND', '64/2025/QH15')."""
    return bool(match.group("party_type") or match.group("year") or "-" in (match.group("groups") or ""))


def _mention(text: str, match: re.Match[str], page_of: Callable[[int], int | None] | None) -> Mention:
    before = text[max(0, match.start() - 40) : match.start()]
    type_match = _TYPE_BEFORE_RE.search(before)
    doc_type = None
    if type_match:
        written = type_match.group("type")
        doc_type = "Công văn" if written.lower() == "văn bản" else written[0].upper() + written[1:].lower()
    after_start = match.end()
    after = text[after_start : after_start + _CONTEXT]
    mention = Mention(
        start=match.start(), end=match.end(), page=page_of(match.start()) if page_of else None,
        text=text[match.start() : match.end()], doc_type=doc_type,
    )
    date_match = DATE_RE.search(after[:40])
    if date_match and _DATE_GAP_RE.match(after[: date_match.start()]):
        found = parse_date(date_match.group(0))
        if found is not None:
            mention.date_text = found.text
            mention.date = found.iso if found.valid else None
            after = after[date_match.end() :]
    issuer = _ISSUER_RE.match(after)
    if issuer:
        mention.issuer = " ".join(issuer.group("issuer").split())
    return mention


def _title_after(text: str, mention: Mention) -> str | None:
    after = text[mention.end : mention.end + 300]
    if mention.date_text:
        after = after[after.find(mention.date_text) + len(mention.date_text) :]
    issuer = _ISSUER_RE.match(after)
    if issuer:
        after = after[issuer.end() :]
    title = _TITLE_RE.match(after)
    return " ".join(title.group("title").split()) if title else None


def extract_citations(text: str, *, page_of: Callable[[int], int | None] | None = None) -> list[Citation]:
    """Every distinct cited document in ``text`` (display text), in order of first mention."""
    _, _, issuers = _tables()
    by_key: dict[str, Citation] = {}
    for match in _SYMBOL_RE.finditer(text):
        if not _is_symbol(match):
            continue
        symbol, parts = canonical_symbol(match)
        mention = _mention(text, match, page_of)
        key = match_key(symbol)
        citation = by_key.get(key)
        if citation is None:
            citation = Citation(symbol=symbol, mentions=[], **parts)  # type: ignore[arg-type]
            by_key[key] = citation
        citation.mentions.append(mention)
        if citation.doc_type is None and mention.doc_type and mention.doc_type != "Công văn" or (
            citation.doc_type is None and mention.doc_type == "Công văn" and citation.type_code is None
        ):
            citation.doc_type = mention.doc_type
        citation.date = citation.date or mention.date
        citation.issuer = citation.issuer or mention.issuer
        citation.title = citation.title or _title_after(text, mention)
    for citation in by_key.values():
        # Term-numbered codes: QH15 → QH, UBTVQH15 → UBTVQH.
        code = re.sub(r"\d+$", "", citation.issuer_code or "")
        if citation.issuer is None and code in issuers:
            citation.issuer = issuers[code]
    return list(by_key.values())


def extract_standards(text: str, *, page_of: Callable[[int], int | None] | None = None) -> list[StandardRef]:
    """TCVN/QCVN/ISO references, grouped by code."""
    found: dict[str, StandardRef] = {}
    for match in _STANDARD_RE.finditer(text):
        prefix = match.group(0)[: match.start("code") - match.start()].strip()
        code = f"{' '.join(prefix.split())} {match.group('code')}"
        span = Span(start=match.start(), end=match.end(), page=page_of(match.start()) if page_of else None)
        found.setdefault(code, StandardRef(code=code, kind=match.group("kind"), mentions=[])).mentions.append(span)
    return list(found.values())


def citation_findings(
    citations: list[Citation], *, report_date: dt.date | None = None, lang: str = "vi"
) -> list[Finding]:
    """C002–C006 for the citations of one report."""
    return [finding for citation in citations for finding in _check(citation, report_date, lang)]


def _where(mention: Mention) -> dict[str, int | None]:
    return {"start": mention.start, "end": mention.end, "page": mention.page}


def _check(citation: Citation, report_date: dt.date | None, lang: str) -> Iterator[Finding]:
    names, _, _ = _tables()
    dated = [m for m in citation.mentions if m.date]
    first_date = dated[0].date if dated else None
    for mention in dated[1:]:
        if mention.date != first_date:
            yield make_finding("C002", lang=lang, **_where(mention), symbol=citation.symbol,
                               date=first_date, other_date=mention.date)
    for mention in citation.mentions:
        written = mention.doc_type
        if written and written != "Công văn" and citation.type_code:
            expected = names.get(ascii_key(written), set())
            if expected and citation.type_code not in expected:
                yield make_finding("C003", lang=lang, **_where(mention), symbol=citation.symbol,
                                   doc_type=written, code=citation.type_code)
        if mention.date_text and mention.date is None:
            yield make_finding("C004", lang=lang, **_where(mention), symbol=citation.symbol, date=mention.date_text)
        if mention.date and report_date and dt.date.fromisoformat(mention.date) > report_date:
            yield make_finding("C005", lang=lang, **_where(mention), symbol=citation.symbol,
                               date=mention.date, report_date=report_date.isoformat())
        aliases = _ISSUER_ALIASES.get(citation.issuer_code or "")
        if mention.issuer and aliases and not any(a in ascii_key(mention.issuer) for a in aliases):
            yield make_finding("C006", lang=lang, **_where(mention), symbol=citation.symbol,
                               issuer=mention.issuer, code=citation.issuer_code)

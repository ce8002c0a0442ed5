"""C: the documents a report cites — the ones the profile requires, and each one's consistency."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from rapidfuzz.distance import Levenshtein

from ...models import Citation
from ...normalize import ascii_key, match_key
from ...parsing.reference import issuer_aliases, type_codes_by_name
from . import Context, Hit, hit, rule

_DATED_REPORT = "Sơn Hà, ngày 08 tháng 12 năm 2025\n\n"
_CITES_BOTH = (
    "Thực hiện Công văn số 3078/SKHCN-TĐC ngày 25/11/2025 của Sở Khoa học và Công nghệ về việc "
    "báo cáo kết quả thực hiện Kế hoạch số 40/KH-UBND ngày 09/9/2025 của UBND tỉnh."
)


@rule(
    "C001",
    "error",
    needs="profile",
    example=_CITES_BOTH.replace("3078", "3087"),
    counter_example=_CITES_BOTH,
)
def required_citation(context: Context) -> Iterator[Hit]:
    """The profile lists documents the report must cite (for `cv3078`: the request letter
    3078/SKHCN-TĐC and Plan 40/KH-UBND). When a cited symbol is one or two edits away, it is
    offered as the likely intended one."""
    citations = context.parsed.citations
    by_key = {match_key(c.symbol): c for c in citations}
    for spec in context.required_profile.required_citations:
        if match_key(spec.symbol) in by_key:
            continue
        near = _near_miss(spec.symbol, citations)
        yield hit(
            near.mentions[0] if near else None,
            symbol=spec.symbol,
            near=near.symbol if near else None,
        )


def _near_miss(required: str, citations: list[Citation]) -> Citation | None:
    """A cited symbol one or two edits from the required one (3087 for 3078)."""
    wanted = match_key(required)
    scored = [
        (Levenshtein.distance(wanted, match_key(c.symbol)), c)
        for c in citations
        if c.symbol.split("/", 1)[-1:] == required.split("/", 1)[-1:]
        or sorted(c.symbol) == sorted(required)
    ]
    scored = [(d, c) for d, c in scored if 0 < d <= 2]
    return min(scored, key=lambda dc: dc[0])[1] if scored else None


@rule(
    "C002",
    "error",
    example=_CITES_BOTH + " Kế hoạch số 40/KH-UBND ngày 19/9/2025 đề ra 5 nhiệm vụ.",
    counter_example=_CITES_BOTH + " Kế hoạch số 40/KH-UBND ngày 09/9/2025 đề ra 5 nhiệm vụ.",
)
def same_document_two_dates(context: Context) -> Iterator[Hit]:
    """One document is cited with two different dates: at least one of them is a typing
    error."""
    for citation in context.parsed.citations:
        dated = [m for m in citation.mentions if m.date]
        for mention in dated[1:]:
            if mention.date != dated[0].date:
                yield hit(
                    mention, symbol=citation.symbol, date=dated[0].date, other_date=mention.date
                )


@rule(
    "C003",
    "error",
    example="Căn cứ Quyết định số 1703/KH-TTg ngày 31/12/2024 của Thủ tướng Chính phủ.",
    counter_example="Căn cứ Quyết định số 1703/QĐ-TTg ngày 31/12/2024 của Thủ tướng Chính phủ.",
)
def type_fits_symbol(context: Context) -> Iterator[Hit]:
    """The first group of a named-type symbol is the type's abbreviation (Phụ lục III of
    Decree 30): a Quyết định is …/QĐ-…, a Kế hoạch …/KH-…. 'Văn bản'/'Công văn' are generic
    words for any document and are not checked. Party Quyết định and Quy định share QĐ."""
    names = type_codes_by_name()
    for citation in context.parsed.citations:
        for mention in citation.mentions:
            written = mention.doc_type
            if not (written and written != "Công văn" and citation.type_code):
                continue
            expected = names.get(ascii_key(written), frozenset())
            if expected and citation.type_code not in expected:
                yield hit(
                    mention, symbol=citation.symbol, doc_type=written, code=citation.type_code
                )


@rule(
    "C004",
    "error",
    example="Thực hiện Công văn số 215/UBND-VX ngày 31/11/2025 của UBND xã.",
    counter_example="Thực hiện Công văn số 215/UBND-VX ngày 30/11/2025 của UBND xã.",
)
def impossible_citation_date(context: Context) -> Iterator[Hit]:
    """A date that does not exist (31/11, 29/02 of a common year) or precedes the state's
    first documents is a typing error."""
    for citation in context.parsed.citations:
        for mention in citation.mentions:
            if mention.date_text and mention.date is None:
                yield hit(mention, symbol=citation.symbol, date=mention.date_text)


@rule(
    "C005",
    "error",
    example=_DATED_REPORT + "Thực hiện Thông báo số 12/TB-UBND ngày 20/12/2025.",
    counter_example=_DATED_REPORT + "Thực hiện Thông báo số 12/TB-UBND ngày 02/12/2025.",
)
def cited_after_report(context: Context) -> Iterator[Hit]:
    """A report cannot cite a document issued after it: either the citation's date or the
    report's date line is wrong. Severity error, because one of the two dates is certainly
    wrong."""
    report_date = context.report_date
    if report_date is None:
        return
    for citation in context.parsed.citations:
        for mention in citation.mentions:
            if mention.date and dt.date.fromisoformat(mention.date) > report_date:
                yield hit(
                    mention,
                    symbol=citation.symbol,
                    date=mention.date,
                    report_date=report_date.isoformat(),
                )


@rule(
    "C006",
    "warning",
    example="Căn cứ Quyết định số 1703/QĐ-TTg ngày 31/12/2024 của Bộ Y tế.",
    counter_example="Căn cứ Quyết định số 1703/QĐ-TTg ngày 31/12/2024 của Thủ tướng Chính phủ.",
)
def issuer_fits_symbol(context: Context) -> Iterator[Hit]:
    """The issuer group of a symbol (TTg, UBND, TW, SKHCN …) must agree with the body named
    after 'của'. Checked only for issuer codes whose names are known; a warning because
    abbreviations of local bodies vary."""
    for citation in context.parsed.citations:
        aliases = issuer_aliases().get(citation.issuer_code or "")
        if not aliases:
            continue
        for mention in citation.mentions:
            if mention.issuer and not any(alias in ascii_key(mention.issuer) for alias in aliases):
                yield hit(
                    mention,
                    symbol=citation.symbol,
                    issuer=mention.issuer,
                    code=citation.issuer_code,
                )


@rule(
    "C007",
    "error",
    needs="profile",
    example=_CITES_BOTH.replace("09/9/2025", "19/9/2025"),
    counter_example=_CITES_BOTH,
)
def required_citation_date(context: Context) -> Iterator[Hit]:
    """A required document is cited with a date other than the one the profile knows."""
    by_key = {match_key(c.symbol): c for c in context.parsed.citations}
    for spec in context.required_profile.required_citations:
        cited = by_key.get(match_key(spec.symbol))
        if cited is None or spec.date is None:
            continue
        expected = spec.date.isoformat()
        for mention in cited.mentions:
            if mention.date is not None and mention.date != expected:
                yield hit(mention, symbol=spec.symbol, date=mention.date, expected=expected)

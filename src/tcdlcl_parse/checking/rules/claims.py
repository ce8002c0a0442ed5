"""Q: what the result sections say — work done and figures, not only intentions."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from ...models import Claim, Section, Span
from ...parsing.dates import DateMatch, find_dates
from ..profile import EvidenceSpec
from . import Context, Hit, hit, rule
from .sections import COMPLETE

_QUOTE_CHARS = 80
# Where a date stands, numeric ("31/11/2025") or spelled ("31 tháng 11"): starting with its
# first digit lets `re` skip to digits.
_DATE_HINT_RE = re.compile(
    r"(?P<day>\d\d?)(?:\s*[/.\-]\s*(?P<month>\d\d?)\s*[/.\-]\s*\d{4}"
    r"|\s*,?\s*(?i:tháng)\s+\d)"
)
_DATE_WINDOW = 16  # "ngày 31 tháng 11 năm 2025" around its "31 tháng 1"
# Which sentence a Q001 message quotes when none counts, best first: work reported without
# the figure the profile wants, then vague ones, then plans.
_FOUND_ORDER = ("no_figure", "vague", "other", "planned")


@rule(
    "Q001",
    "warning",
    needs="profile",
    example=COMPLETE.replace(
        "Đã phối hợp kiểm tra 12 cơ sở kinh doanh xăng dầu.",
        "Công tác kiểm tra, giám sát được quan tâm thực hiện thường xuyên.",
    ),
    counter_example=COMPLETE,
)
def result_evidence(context: Context) -> Iterator[Hit]:
    """Sections that report results must say what was done. The profile states, per section,
    how many claims of which status (done, ongoing …) and whether with a quantity it expects;
    for `cv3078`, part II as a whole needs at least one done claim with a figure, and each of
    II.1–II.4 at least one claim of work done or under way. A sentence counts with or without
    "đã" ("Tổ chức 03 lớp tập huấn …"); one that only asserts attention or quality ("được quan
    tâm", "cơ bản đáp ứng yêu cầu") is vague and never counts. The section is the heading the
    profile section matched, whatever the report numbers it; the message says what was looked
    for and quotes the closest sentence found."""
    for spec_id, match in context.matches.items():
        evidence = match.spec.evidence
        if evidence is None or match.merged_with:
            continue
        node = match.node
        claims = _claims_under(context.parsed.claims, node)
        if sum(_counts(claim, evidence) for claim in claims) >= evidence.min_claims:
            continue
        found, quote = _closest(claims, evidence)
        yield hit(
            node, section=spec_id, id=spec_id, heading=node.title, found=found, quote=quote,
            wanted="|".join(evidence.status), figure="yes" if evidence.with_quantity else "no",
        )  # fmt: skip


@rule(
    "Q002",
    "warning",
    example="Cử 02 công chức tham gia tập huấn nghiệp vụ ngày 31/11/2025 tại Sở.",
    counter_example="Cử 02 công chức tham gia tập huấn nghiệp vụ ngày 30/11/2025 tại Sở.",
)
def impossible_date(context: Context) -> Iterator[Hit]:
    """A date that does not exist in the calendar (31/11, 29/02 of a common year, month 13) is a
    typing error wherever it stands, in a sentence of results as much as in a citation. Dates
    written in a citation are reported by C004 instead, once."""
    text = context.parsed.document.text
    # Where each citation's date stands: the first place its date text is written from the
    # mention on (the mention's span may end at the symbol, before "ngày …").
    cited = {
        text.find(mention.date_text, mention.start)
        for citation in context.parsed.citations
        for mention in citation.mentions
        if mention.date_text
    }
    for date in _dates(text):
        if date.date is None and date.start not in cited:
            line = text.count("\n", 0, date.start) + 1
            page = context.parsed.document.page_at(date.start)
            yield hit(Span(start=date.start, end=date.end, page=page), date=date.text, line=line)


def _dates(text: str) -> Iterator[DateMatch]:
    """The dates of ``text`` that may not exist: the full date pattern is tried only around
    the places a cheap one finds: spelled dates ("31 tháng 11"), and numeric ones
    ("31/11/2025") whose day or month can be out of range — a day 1–28 of a month 1–12 exists
    in every year."""
    seen: set[int] = set()
    for candidate in _DATE_HINT_RE.finditer(text):
        day, month = candidate.group("day", "month")
        if month is not None and 1 <= int(day) <= 28 and 1 <= int(month) <= 12:
            continue
        window = (max(0, candidate.start() - _DATE_WINDOW), candidate.end() + _DATE_WINDOW)
        for date in find_dates(text, *window):
            if date.start not in seen:
                seen.add(date.start)
                yield date


def _claims_under(claims: list[Claim], node: Section) -> list[Claim]:
    # Claims come in text order: the node's (its subsections' included) are one slice of them.
    first = bisect_left(claims, node.start, key=lambda claim: claim.start)
    last = bisect_left(claims, node.subtree_end(), lo=first, key=lambda claim: claim.start)
    return claims[first:last]


def _counts(claim: Claim, evidence: EvidenceSpec) -> bool:
    return claim.status in evidence.status and bool(claim.quantities or not evidence.with_quantity)


def _closest(claims: list[Claim], evidence: EvidenceSpec) -> tuple[str, str]:
    """The kind of the best sentence found and its text, cut to a quote."""
    kinds = {
        "no_figure": [c for c in claims if c.status in evidence.status],
        "vague": [c for c in claims if c.status == "vague"],
        "other": [c for c in claims if c.status not in ("vague", "planned", "statement")],
        "planned": [c for c in claims if c.status == "planned"],
    }
    for kind in _FOUND_ORDER:
        if kinds[kind]:
            text = " ".join(kinds[kind][0].text.split())
            return kind, text if len(text) <= _QUOTE_CHARS else text[:_QUOTE_CHARS].rstrip() + "…"
    return "none", ""

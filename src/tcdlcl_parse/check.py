"""Check a parsed report against a profile and collect findings with stable codes."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from .dates import find_dates
from .errors import ReadError
from .matching import Match, descendants, match_outline, out_of_order
from .models import (
    CheckResult,
    Citation,
    Claim,
    Detail,
    Figure,
    FileError,
    Finding,
    Highlight,
    OutlineEntry,
    ParsedReport,
    Recipient,
    Section,
    SectionMatch,
)
from .normalize import ascii_key, match_key
from .profile import CitationSpec, EvidenceSpec, Profile, load_profile
from .rules import make_finding

if TYPE_CHECKING:
    from .cache import ReadCache

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def check(
    parsed: ParsedReport, profile: Profile | str = "cv3078", *, lang: str = "vi", detail: bool = False
) -> CheckResult:
    """Check one parsed report. ``profile`` is a :class:`Profile`, a bundled id or a path.

    ``detail=True`` adds the text, highlight spans and outline a report view needs.
    """
    profile = profile if isinstance(profile, Profile) else load_profile(profile)
    matches = match_outline(parsed.sections, profile)
    findings = [
        *parsed.findings,
        *_section_findings(parsed, profile, matches, lang),
        *_citation_findings(parsed.citations, profile, lang),
        *_metadata_findings(parsed, profile, lang),
    ]
    findings.sort(key=lambda f: (f.start if f.start is not None else -1, _SEVERITY_ORDER[f.severity], f.code))
    metadata = parsed.metadata
    return CheckResult(
        source=parsed.document.source,
        sha256=parsed.document.sha256,
        profile=profile.id,
        passed=not any(f.severity == "error" for f in findings),
        issuer=metadata.issuer,
        symbol=metadata.symbol,
        date=metadata.date,
        missing_sections=[
            spec.id for spec in profile.sections if spec.required and spec.id not in matches
        ],
        sections={
            spec_id: SectionMatch(
                heading=match.node.title,
                number=match.node.number,
                score=round(match.score, 1),
                phrase=match.phrase,
                merged_with=match.merged_with,
                start=match.node.start,
                end=match.node.end,
                page=match.node.page,
            )
            for spec_id, match in sorted(matches.items(), key=lambda kv: kv[1].node.start)
        },
        findings=findings,
        figures=_figures(parsed.claims, matches),
        detail=_detail(parsed, matches) if detail else None,
    )


def _detail(parsed: ParsedReport, matches: dict[str, Match]) -> Detail:
    satisfied: dict[int, list[str]] = {}
    for spec_id, match in matches.items():
        satisfied.setdefault(match.node.start, []).append(spec_id)
    highlights = [
        Highlight(kind="citation", start=m.start, end=m.end, label=c.symbol)
        for c in parsed.citations
        for m in c.mentions
    ]
    for claim in parsed.claims:
        highlights += [Highlight(kind="quantity", start=q.start, end=q.end, label=q.unit) for q in claim.quantities]
    highlights += [
        Highlight(kind="date", start=d.start, end=d.end, label=d.iso)
        for d in find_dates(parsed.document.text)
        if not any(h.start <= d.start < h.end for h in highlights)
    ]
    return Detail(
        text=parsed.document.text,
        highlights=sorted(highlights, key=lambda h: (h.start, -h.end)),
        outline=[
            OutlineEntry(level=node.level, label=node.label, title=node.title, start=node.start,
                         profile_id="+".join(sorted(satisfied[node.start])) if node.start in satisfied else None)
            for node in descendants(parsed.sections)
        ],
    )


def _figures(claims: list[Claim], matches: dict[str, Match]) -> list[Figure]:
    """Every quantity, filed under the deepest matched profile section that contains it."""
    spans = sorted(
        ((m.node.start, _subtree_end(m.node), spec_id) for spec_id, m in matches.items()),
        key=lambda span: span[1] - span[0],
    )
    figures = []
    for claim in claims:
        if not claim.quantities:
            continue
        section = next((spec_id for start, end, spec_id in spans if start <= claim.start < end), None)
        figures += [
            Figure(section=section, status=claim.status, value=q.value, unit=q.unit, text=q.text,
                   start=q.start, end=q.end)
            for q in claim.quantities
        ]
    return figures


def check_file(
    path: str | Path,
    profile: Profile | str = "cv3078",
    *,
    lang: str = "vi",
    layout: bool = True,
    ocr: bool = True,
    detail: bool = False,
    cache: ReadCache | None = None,
) -> CheckResult:
    """Read, parse and check one file; an unreadable file gives a result with ``error`` set."""
    from .pipeline import parse

    profile = profile if isinstance(profile, Profile) else load_profile(profile)
    try:
        parsed = parse(path, layout=layout, ocr=ocr, lang=lang, cache=cache)
    except ReadError as error:
        from .runner import file_sha256

        return CheckResult(
            source=str(path),
            sha256=file_sha256(Path(path)),
            profile=profile.id,
            passed=False,
            error=FileError(code=error.code, message=error.message(lang)),
        )
    return check(parsed, profile, lang=lang, detail=detail)


# --- sections -----------------------------------------------------------------------------


def _subtree_end(node: Section) -> int:
    return max([node.body_end, *(_subtree_end(child) for child in node.children)])


def _section_findings(
    parsed: ParsedReport, profile: Profile, matches: dict[str, Match], lang: str
) -> Iterator[Finding]:
    missing = {s.id for s in profile.sections if s.required and s.id not in matches}
    for spec in profile.sections:
        if spec.id in missing and spec.parent not in missing:
            below = [s.id for s in profile.sections if s.id.startswith(spec.id + ".") and s.id in missing]
            yield make_finding(
                "S001", lang=lang, section=spec.id, id=spec.id, title=spec.title, subsections=len(below)
            )
    yield from _order_findings(profile, matches, lang)
    text = parsed.document.text
    for spec_id, match in matches.items():
        node = match.node
        if not node.children and not text[node.body_start : node.body_end].strip():
            yield make_finding(
                "S004", lang=lang, section=spec_id, start=node.start, end=node.end, page=node.page,
                id=spec_id, heading=node.title,
            )
        if match.spec.evidence is not None and not match.merged_with:
            found = _evidence_count(parsed.claims, node, match.spec.evidence)
            if found < match.spec.evidence.min_claims:
                yield make_finding(
                    "Q001", lang=lang, section=spec_id, start=node.start, end=node.end,
                    page=node.page, id=spec_id, heading=node.title,
                )


def _order_findings(profile: Profile, matches: dict[str, Match], lang: str) -> Iterator[Finding]:
    order = [s.id for s in profile.sections]
    groups: dict[str | None, list[str]] = {}
    for spec in profile.sections:
        if spec.id in matches and not matches[spec.id].merged_with:
            groups.setdefault(spec.parent, []).append(spec.id)
    for ids in groups.values():
        in_text = sorted(ids, key=lambda i: matches[i].node.start)
        for spec_id in out_of_order(in_text, order):
            node = matches[spec_id].node
            yield make_finding(
                "S002", lang=lang, section=spec_id, start=node.start, end=node.end, page=node.page,
                id=spec_id, heading=node.title,
            )


def _evidence_count(claims: list[Claim], node: Section, evidence: EvidenceSpec) -> int:
    # Claims come in text order: the node's are one slice of them.
    first = bisect_left(claims, node.start, key=lambda claim: claim.start)
    last = bisect_left(claims, _subtree_end(node), lo=first, key=lambda claim: claim.start)
    return sum(
        1
        for claim in claims[first:last]
        if claim.status in evidence.status and (claim.quantities or not evidence.with_quantity)
    )


# --- citations ----------------------------------------------------------------------------


def _near_miss(required: str, citations: list[Citation]) -> Citation | None:
    """A cited symbol one or two edits from the required one (3087 for 3078)."""
    wanted = match_key(required)
    scored = [
        (Levenshtein.distance(wanted, match_key(c.symbol)), c)
        for c in citations
        if c.symbol.split("/", 1)[-1:] == required.split("/", 1)[-1:] or
        sorted(c.symbol) == sorted(required)
    ]
    scored = [(d, c) for d, c in scored if 0 < d <= 2]
    return min(scored, key=lambda dc: dc[0])[1] if scored else None


def _citation_findings(
    citations: list[Citation], profile: Profile, lang: str
) -> Iterator[Finding]:
    by_key = {match_key(c.symbol): c for c in citations}
    for spec in profile.required_citations:
        cited = by_key.get(match_key(spec.symbol))
        if cited is None:
            near = _near_miss(spec.symbol, citations)
            span = near.mentions[0] if near else None
            yield make_finding(
                "C001", lang=lang, start=span.start if span else None,
                end=span.end if span else None, page=span.page if span else None,
                symbol=spec.symbol, near=near.symbol if near else None,
            )
            continue
        yield from _required_date_findings(spec, cited, lang)


def _required_date_findings(spec: CitationSpec, cited: Citation, lang: str) -> Iterator[Finding]:
    if spec.date is None:
        return
    expected = spec.date.isoformat()
    for mention in cited.mentions:
        if mention.date is not None and mention.date != expected:
            yield make_finding(
                "C007", lang=lang, start=mention.start, end=mention.end, page=mention.page,
                symbol=spec.symbol, date=mention.date, expected=expected,
            )


# --- header elements ----------------------------------------------------------------------


def _mentions_recipient(recipients: list[Recipient], phrases: list[str]) -> bool:
    keys = [ascii_key(r.name) for r in recipients]
    return any(ascii_key(phrase) in key for phrase in phrases for key in keys)


def _metadata_findings(parsed: ParsedReport, profile: Profile, lang: str) -> Iterator[Finding]:
    metadata = parsed.metadata
    if metadata.recipients:
        for spec in profile.required_recipients:
            if not _mentions_recipient(metadata.recipients, [spec.name, *spec.aliases]):
                yield make_finding("F006", lang=lang, recipient=spec.name)
    if metadata.date is None:
        return
    report_date = dt.date.fromisoformat(metadata.date)
    span = metadata.date_span
    where = {"start": span.start, "end": span.end, "page": span.page} if span else {}
    if report_date < profile.request.date:
        yield make_finding(
            "F008", lang=lang, **where, date=metadata.date,
            request=profile.request.symbol, request_date=profile.request.date.isoformat(),
        )
    deadline = profile.request.deadline
    if deadline is not None and report_date > deadline:
        yield make_finding(
            "F010", lang=lang, **where, date=metadata.date, deadline=deadline.isoformat()
        )

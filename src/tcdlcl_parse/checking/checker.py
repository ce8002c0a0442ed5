"""Check a parsed report against a profile: the verdict, the matched sections, the findings.

The checker is pure: it sees parsed models and a profile, never files, and renders no message
(see :mod:`tcdlcl_parse.messages`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pydantic import TypeAdapter

from ..models import (
    CheckResult,
    Claim,
    Detail,
    Figure,
    Finding,
    Highlight,
    OutlineEntry,
    ParsedReport,
    Section,
    SectionMatch,
    Severity,
)
from ..parsing.dates import find_dates
from ..parsing.header import read_by_ocr
from .matching import Match, descendants
from .profile import Profile, load_profile
from .rules import Context, Rule, all_rules, run_rules

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
# Matched sections and figures are built as dicts and validated in one call each (a
# constructor per item costs more).
_SECTIONS = TypeAdapter(dict[str, SectionMatch])
_FIGURES = TypeAdapter(list[Figure])


def check(
    parsed: ParsedReport, profile: Profile | str | Path = "cv3078", *, detail: bool = False
) -> CheckResult:
    """Check one parsed report. ``profile`` is a :class:`Profile`, a bundled id or a path.

    ``detail=True`` adds the text, highlight spans and outline a report view needs.
    """
    profile = load_profile(profile)
    context = Context(parsed, profile)
    rules = [unit for code, unit in all_rules().items() if code not in profile.ignore]
    findings = _sorted(_findings(context, rules, profile.severity))
    matches = context.matches
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
        sections=_SECTIONS.validate_python(
            {
                spec_id: {
                    "heading": match.node.title,
                    "number": match.node.number,
                    "score": round(match.score, 1),
                    "phrase": match.phrase,
                    "how": match.how,
                    "matched_on": match.matched_on,
                    "repaired_from": match.node.repaired_from,
                    "merged_with": match.merged_with,
                    "start": match.node.start,
                    "end": match.node.end,
                    "page": match.node.page,
                }
                for spec_id, match in sorted(matches.items(), key=lambda kv: kv[1].node.start)
            }
        ),
        findings=findings,
        figures=_figures(parsed.claims, matches),
        detail=_detail(parsed, matches) if detail else None,
    )


def report_findings(parsed: ParsedReport) -> list[Finding]:
    """The findings that need no profile (format elements, numbering, citation consistency)."""
    rules = [unit for unit in all_rules().values() if unit.needs == "report"]
    return _sorted(_findings(Context(parsed), rules, {}))


def _findings(
    context: Context, rules: list[Rule], severity: Mapping[str, Severity]
) -> list[Finding]:
    findings = []
    scanned = read_by_ocr(context.parsed.document)
    for unit, found in run_rules(context, rules):
        span = found.span
        own = unit.on_scan if scanned and unit.on_scan else unit.severity
        findings.append(
            Finding(
                code=unit.code,
                severity=severity.get(unit.code, own),
                section=found.section,
                start=span.start if span else None,
                end=span.end if span else None,
                page=span.page if span else None,
                params=found.params,
            )
        )
    return findings


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(
        findings,
        key=lambda f: (f.start if f.start is not None else -1, _SEVERITY_ORDER[f.severity], f.code),
    )


def _detail(parsed: ParsedReport, matches: dict[str, Match]) -> Detail:
    satisfied: dict[int, list[str]] = {}
    first_match: dict[int, Match] = {}
    for spec_id, match in matches.items():
        satisfied.setdefault(match.node.start, []).append(spec_id)
        first_match.setdefault(match.node.start, match)
    highlights = [
        Highlight(kind="citation", start=m.start, end=m.end, label=c.symbol)
        for c in parsed.citations
        for m in c.mentions
    ]
    for claim in parsed.claims:
        highlights += [
            Highlight(kind="quantity", start=q.start, end=q.end, label=q.unit)
            for q in claim.quantities
        ]
    highlights += [
        Highlight(kind="date", start=d.start, end=d.end, label=d.iso)
        for d in find_dates(parsed.document.text)
        if not any(h.start <= d.start < h.end for h in highlights)
    ]
    return Detail(
        text=parsed.document.text,
        highlights=sorted(highlights, key=lambda h: (h.start, -h.end)),
        outline=[
            _outline_entry(node, satisfied, first_match) for node in descendants(parsed.sections)
        ],
    )


def _outline_entry(
    node: Section, satisfied: dict[int, list[str]], first_match: dict[int, Match]
) -> OutlineEntry:
    match = first_match.get(node.start)
    return OutlineEntry(
        level=node.level, label=node.label, title=node.title, start=node.start,
        profile_id="+".join(sorted(satisfied[node.start])) if match else None,
        how=match.how if match else node.how,
        matched_on=match.matched_on if match else [],
        score=round(match.score, 1) if match else None, repaired_from=node.repaired_from,
    )  # fmt: skip


def _figures(claims: list[Claim], matches: dict[str, Match]) -> list[Figure]:
    """Every quantity, filed under the deepest matched profile section that contains it."""
    spans = sorted(
        ((m.node.start, m.node.subtree_end(), spec_id) for spec_id, m in matches.items()),
        key=lambda span: span[1] - span[0],
    )
    figures: list[dict[str, object]] = []
    for claim in claims:
        if not claim.quantities:
            continue
        section = next(
            (spec_id for start, end, spec_id in spans if start <= claim.start < end), None
        )
        figures += [
            {"section": section, "status": claim.status, "value": q.value, "unit": q.unit,
             "text": q.text, "start": q.start, "end": q.end}
            for q in claim.quantities
        ]  # fmt: skip
    return _FIGURES.validate_python(figures)

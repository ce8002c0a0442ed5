"""Department-level summary across reports, accumulated while results stream past.

Files that are one report (the signed PDF and the DOCX of it) form one group: its first file
is counted, the others are only listed. Per profile section: how many distinct readable reports
have it. Per (section, unit): the total of the figures reported as done, overall and per
commune. With a roster: which commune each report is from, who has not reported, who is not on
the roster. Only small counters and one short record per report are kept, never the texts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from ..checking.profile import Profile
from ..models import CheckResult
from ..normalize import match_key
from .desk import (
    Duplicate,
    FigureTotal,
    LateReport,
    ReportKey,
    SectionCoverage,
    SeveralReports,
    Summary,
    UnknownIssuer,
)
from .roster import Roster, unit_key

# Figures that count as results achieved; planned ones ("sẽ tổ chức 02 lớp") are not summed.
COUNTED_STATUSES = frozenset({"done"})

Cell = Literal["present", "missing", "flagged"]
# A section is "flagged" when present but a finding of these severities points at it.
_FLAGGING = frozenset({"error", "warning"})


def summable(unit: str) -> bool:
    """Counts add up across communes; rates ("%", "tạ/ha") do not."""
    return unit != "%" and "/" not in unit


def report_key(result: CheckResult) -> ReportKey:
    """Issuer, symbol and date; lacking a symbol, the digest of the text instead."""
    if result.symbol:
        return ReportKey(issuer=result.issuer, symbol=result.symbol, date=result.date)
    return ReportKey(
        issuer=result.issuer, symbol=None, date=result.date, text_sha256=result.text_sha256
    )


def _group_id(result: CheckResult) -> tuple[str | None, ...]:
    if result.error is not None or not (result.symbol or result.text_sha256):
        return ("file", result.source)  # nothing to recognise it by: a report of its own
    key = report_key(result)
    issuer = match_key(key.issuer) if key.issuer else None
    return (issuer, key.symbol, key.date, key.text_sha256)


@dataclass
class Group:
    """One distinct report: its first file's facts, and every file it came in."""

    index: int  # order of arrival; the HTML anchors use it
    result_key: ReportKey
    issuer: str | None
    readable: bool
    sources: list[str]
    codes: dict[str, list[str]]
    commune: str
    entry: int | None
    cells: list[Cell]

    @property
    def findings_differ(self) -> bool:
        return len({tuple(codes) for codes in self.codes.values()}) > 1


@dataclass
class Aggregate:
    profile: Profile
    roster: Roster | None = None
    files: int = 0
    unreadable: int = 0
    passed: int = 0
    groups: list[Group] = field(default_factory=list)
    section_reports: Counter[str] = field(default_factory=Counter)
    finding_reports: Counter[str] = field(default_factory=Counter)
    totals: defaultdict[tuple[str | None, str], float] = field(
        default_factory=lambda: defaultdict(float)
    )
    figure_reports: Counter[tuple[str | None, str]] = field(default_factory=Counter)
    by_commune: defaultdict[tuple[str | None, str], defaultdict[str, float]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(float))
    )
    late: list[int] = field(default_factory=list)
    _ids: dict[tuple[str | None, ...], int] = field(default_factory=dict)

    @property
    def reports(self) -> int:
        """Distinct readable reports."""
        return sum(group.readable for group in self.groups)

    def add(self, result: CheckResult) -> tuple[Group, bool]:
        """Count ``result`` unless its report was counted already; its group, and whether it
        is new."""
        self.files += 1
        self.unreadable += result.error is not None
        group_id = _group_id(result)
        codes = sorted({finding.code for finding in result.findings})
        known = self._ids.get(group_id)
        if known is not None:
            group = self.groups[known]
            group.sources.append(result.source)
            group.codes[result.source] = codes
            return group, False
        group = self._new_group(result, codes)
        self._ids[group_id] = group.index
        self.groups.append(group)
        if result.error is None:
            self._count(result, group)
        return group, True

    def _new_group(self, result: CheckResult, codes: list[str]) -> Group:
        entry = self.roster.resolve(result.issuer) if self.roster is not None else None
        if entry is not None and self.roster is not None:
            commune = self.roster.names[entry]
        else:
            commune = result.issuer or result.source
        return Group(
            index=len(self.groups), result_key=report_key(result), issuer=result.issuer,
            readable=result.error is None, sources=[result.source], codes={result.source: codes},
            commune=commune, entry=entry, cells=self._cells(result),
        )  # fmt: skip

    def _cells(self, result: CheckResult) -> list[Cell]:
        flagged = {f.section for f in result.findings if f.severity in _FLAGGING and f.section}
        return [
            ("flagged" if spec.id in flagged else "present")
            if spec.id in result.sections
            else "missing"
            for spec in self.profile.sections
        ]

    def _count(self, result: CheckResult, group: Group) -> None:
        self.passed += result.passed
        self.section_reports.update(result.sections.keys())
        self.finding_reports.update({finding.code for finding in result.findings})
        deadline = self.profile.request.deadline
        if deadline is not None and result.date is not None and result.date > deadline.isoformat():
            self.late.append(group.index)
        stated: set[tuple[str | None, str]] = set()
        for figure in result.figures:
            # Figures outside the profile's sections (a harvest report pasted in) are not summed.
            if figure.status in COUNTED_STATUSES and figure.section and summable(figure.unit):
                key = (figure.section, figure.unit)
                self.totals[key] += figure.value
                self.by_commune[key][group.commune] += figure.value
                stated.add(key)
        self.figure_reports.update(stated)

    def tee(self, results: Iterable[CheckResult]) -> Iterator[CheckResult]:
        """Pass results through, counting each."""
        for result in results:
            self.add(result)
            yield result

    def coverage_rows(self) -> list[tuple[str, str, int, float]]:
        """(section id, title, reports having it, share of distinct readable reports)."""
        reports = self.reports
        return [
            (spec.id, spec.title, self.section_reports[spec.id],
             round(100 * self.section_reports[spec.id] / reports, 1) if reports else 0.0)
            for spec in self.profile.sections
        ]  # fmt: skip

    def figure_rows(self) -> list[tuple[str, str, float, int]]:
        """(section id, unit, total, number of reports stating it), largest first."""
        return [
            (section or "", unit, total, self.figure_reports[(section, unit)])
            for (section, unit), total in sorted(
                self.totals.items(), key=lambda kv: (kv[0][0] or "", -kv[1])
            )
        ]

    def commune_rows(self) -> list[tuple[str, str, str, float]]:
        """(commune, section id, unit, value) — long format, for pivot tables."""
        return [
            (commune, section or "", unit, value)
            for (section, unit), communes in sorted(
                self.by_commune.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])
            )
            for commune, value in sorted(communes.items())
        ]

    def matrix_rows(self) -> list[tuple[Group, int]]:
        """Readable reports by commune, each with its number of missing or flagged sections."""
        rows = [(g, sum(cell != "present" for cell in g.cells)) for g in self.groups if g.readable]
        return sorted(rows, key=lambda row: (row[0].commune, row[0].index))

    def duplicates(self) -> list[Duplicate]:
        return [
            Duplicate(
                key=g.result_key, sources=g.sources, findings_differ=g.findings_differ,
                findings=g.codes,
            )
            for g in self.groups if len(g.sources) > 1
        ]  # fmt: skip

    def not_reported(self) -> list[str]:
        if self.roster is None:
            return []
        reported = {g.entry for g in self.groups if g.readable}
        return [name for index, name in enumerate(self.roster.names) if index not in reported]

    def unknown_issuers(self) -> list[UnknownIssuer]:
        if self.roster is None:
            return []
        by_issuer: dict[str | None, list[str]] = {}
        for group in self.groups:
            if group.readable and group.entry is None:
                by_issuer.setdefault(group.issuer, []).extend(group.sources)
        return [
            UnknownIssuer(issuer=issuer, sources=sources, nearest=self.roster.nearest(issuer))
            for issuer, sources in by_issuer.items()
        ]

    def several_reports(self) -> list[SeveralReports]:
        """Communes with more than one distinct report (a roster entry, else the issuer)."""
        by_commune: dict[object, list[Group]] = defaultdict(list)
        for group in self.groups:
            if group.readable and (group.entry is not None or group.issuer):
                key = group.entry if group.entry is not None else unit_key(group.issuer or "")
                by_commune[key].append(group)
        return [
            SeveralReports(commune=groups[0].commune, reports=[g.sources for g in groups])
            for groups in by_commune.values() if len(groups) > 1
        ]  # fmt: skip

    def late_reports(self) -> list[LateReport]:
        deadline = self.profile.request.deadline
        if deadline is None:
            return []
        late = [self.groups[index] for index in self.late]
        return [
            LateReport(
                issuer=g.issuer, symbol=g.result_key.symbol, date=g.result_key.date or "",
                deadline=deadline.isoformat(), sources=g.sources,
            )
            for g in late
        ]  # fmt: skip

    def summary(self) -> Summary:
        return Summary(
            profile=self.profile.id,
            roster=self.roster.origin if self.roster is not None else None,
            reports=self.reports,
            files=self.files,
            unreadable=self.unreadable,
            duplicates=self.duplicates(),
            not_reported=self.not_reported(),
            unknown_issuers=self.unknown_issuers(),
            several_reports=self.several_reports(),
            coverage=[
                SectionCoverage(section=section, title=title, reports=count)
                for section, title, count, _ in self.coverage_rows()
            ],
            figures=[
                FigureTotal(section=section, unit=unit, total=total, reports=reports)
                for section, unit, total, reports in self.figure_rows()
            ],
            late=self.late_reports(),
        )

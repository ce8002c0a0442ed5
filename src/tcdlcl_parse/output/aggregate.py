"""Department-level summary across reports, accumulated while results stream past.

Per profile section: how many readable reports have it. Per (section, unit): the total of the
figures reported as done, overall and per commune. Only small counters are kept, never the
reports themselves.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..checking.profile import Profile
from ..models import CheckResult

# Figures that count as results achieved; planned ones ("sẽ tổ chức 02 lớp") are not summed.
COUNTED_STATUSES = frozenset({"done"})


def summable(unit: str) -> bool:
    """Counts add up across communes; rates ("%", "tạ/ha") do not."""
    return unit != "%" and "/" not in unit


@dataclass
class Aggregate:
    profile: Profile
    reports: int = 0
    readable: int = 0
    passed: int = 0
    section_reports: Counter[str] = field(default_factory=Counter)
    finding_reports: Counter[str] = field(default_factory=Counter)
    totals: Counter[tuple[str | None, str]] = field(default_factory=Counter)
    by_commune: defaultdict[tuple[str | None, str], Counter[str]] = field(
        default_factory=lambda: defaultdict(Counter)
    )

    def add(self, result: CheckResult) -> None:
        self.reports += 1
        if result.error is not None:
            return
        self.readable += 1
        self.passed += result.passed
        self.section_reports.update(result.sections.keys())
        self.finding_reports.update({finding.code for finding in result.findings})
        commune = result.issuer or result.source
        for figure in result.figures:
            # Figures outside the profile's sections (a harvest report pasted in) are not summed.
            if figure.status in COUNTED_STATUSES and figure.section and summable(figure.unit):
                key = (figure.section, figure.unit)
                self.totals[key] += figure.value
                self.by_commune[key][commune] += figure.value

    def tee(self, results: Iterable[CheckResult]) -> Iterator[CheckResult]:
        """Pass results through, counting each."""
        for result in results:
            self.add(result)
            yield result

    def coverage_rows(self) -> list[tuple[str, str, int, float]]:
        """(section id, title, reports having it, share of readable reports)."""
        return [
            (spec.id, spec.title, self.section_reports[spec.id],
             round(100 * self.section_reports[spec.id] / self.readable, 1) if self.readable else 0.0)
            for spec in self.profile.sections
        ]  # fmt: skip

    def figure_rows(self) -> list[tuple[str, str, float, int]]:
        """(section id, unit, total, number of communes reporting it), largest first."""
        return [
            (section or "", unit, total, len(self.by_commune[(section, unit)]))
            for (section, unit), total in sorted(self.totals.items(), key=lambda kv: (kv[0][0] or "", -kv[1]))
        ]

    def commune_rows(self) -> list[tuple[str, str, str, float]]:
        """(commune, section id, unit, value) — long format, for pivot tables."""
        return [
            (commune, section or "", unit, value)
            for (section, unit), communes in sorted(self.by_commune.items(), key=lambda kv: (kv[0][0] or "", kv[0][1]))
            for commune, value in sorted(communes.items())
        ]

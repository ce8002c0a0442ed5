"""One row per report and per finding: what the table, CSV, spreadsheet and HTML outputs share."""

from __future__ import annotations

from collections.abc import Iterator

from ..messages import labels, severity_word
from ..models import CheckResult

# Findings shown in a report's summary row; the rest are in the findings sheet.
_FIRST_FINDINGS = 3
_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def summary_row(result: CheckResult, lang: str = "vi") -> list[str | int]:
    yes, no = labels("files", lang)["yes_no"]
    errors = sum(1 for f in result.findings if f.severity == "error")
    warnings = sum(1 for f in result.findings if f.severity == "warning")
    # Errors first, then warnings, then notes: the row names what needs doing.
    ranked = sorted(result.findings, key=lambda f: _SEVERITY_RANK[f.severity])
    first = "; ".join(f"{f.code}: {f.message}" for f in ranked[:_FIRST_FINDINGS])
    return [
        result.source,
        result.issuer or "",
        result.symbol or "",
        result.date or "",
        yes if result.passed else no,
        ", ".join(result.missing_sections),
        errors,
        warnings,
        result.error.message if result.error else "",
        first,
    ]


def finding_rows(result: CheckResult, lang: str = "vi") -> Iterator[list[str | int]]:
    for finding in result.findings:
        yield [
            result.source,
            finding.code,
            severity_word(finding.severity, lang),
            finding.section or "",
            finding.page or "",
            finding.message or "",
        ]

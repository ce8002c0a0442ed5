"""Human-readable renderings of results."""

from __future__ import annotations

from typing import Any

from ..checking.checker import report_findings
from ..checking.matching import descendants
from ..messages import labels, with_message
from ..models import CheckResult, Finding, ParsedReport, Section
from .rows import summary_row


class _ParseOutput(ParsedReport):
    """What ``tcdlcl parse --format json`` prints: the parsed report and the findings that need
    no profile."""

    findings: list[Finding]


def parsed_json(report: ParsedReport, lang: str = "vi") -> str:
    findings = [with_message(finding, lang) for finding in report_findings(report)]
    output = _ParseOutput(**dict(report), findings=findings)
    return output.model_dump_json(indent=2) + "\n"


def render_parsed_text(report: ParsedReport, lang: str = "vi") -> str:
    words = labels("parse_text", lang)
    document = report.document
    rows = [
        (words["file"], document.source),
        (words["kind"], document.kind),
        (words["extractor"], document.extractor),
        (words["pages"], document.page_count),
        (words["encoding"], document.encoding),
        (words["lines"], len(document.lines)),
        (words["removed"], len(document.removed_lines)),
        (words["warnings"], ", ".join(document.warnings) or None),
    ]
    out = [f"{label}: {value}" for label, value in rows if value is not None]
    out += ["", f"== {words['outline']} =="]
    out += [_outline_line(section, words) for section in descendants(report.sections)]
    out += ["", f"== {words['text']} ==", document.text, ""]
    return "\n".join(out)


def _outline_line(section: Section, words: dict[str, Any]) -> str:
    """One heading: indented by level, its label and title, how it was found."""
    how = words["how"][section.how]
    repaired = f", {words['repaired']} «{section.repaired_from}»" if section.repaired_from else ""
    heading = f"{section.label} {section.title}".strip()
    return f"{'  ' * (section.level - 1)}{heading}  [{how}{repaired}]"


def render_check_text(results: list[CheckResult], lang: str = "vi") -> str:
    words = labels("check_text", lang)
    out: list[str] = []
    for result in results:
        if result.error is not None:
            out += [f"[{words['unreadable']}] {result.source}", f"  {result.error.message}", ""]
            continue
        verdict = words["passed"] if result.passed else words["failed"]
        facts = " · ".join(
            [
                result.issuer or "?",
                result.symbol or words["no_symbol"],
                result.date or words["no_date"],
            ]
        )
        out.append(f"[{verdict}] {result.source} — {facts}")
        if result.missing_sections:
            out.append(f"  {words['missing']}: {', '.join(result.missing_sections)}")
        for finding in result.findings:
            where = f" ({words['page']} {finding.page})" if finding.page else ""
            out.append(f"  {words[finding.severity]:<9} {finding.code}  {finding.message}{where}")
        out.append("")
    unreadable = sum(1 for r in results if r.error is not None)
    passed = sum(1 for r in results if r.passed)
    out.append(
        words["total"].format(
            n=len(results), ok=passed, bad=len(results) - passed - unreadable, unreadable=unreadable
        )
    )
    return "\n".join(out) + "\n"


def render_check_table(results: list[CheckResult], lang: str = "vi") -> str:
    """One row per report, for a terminal or a text file."""
    from io import StringIO

    from rich.console import Console
    from rich.table import Table

    columns = labels("files", lang)["summary_columns"]
    table = Table(show_lines=False)
    for column in columns[:-1]:
        table.add_column(column, overflow="fold")
    for result in results:
        table.add_row(*(str(cell) for cell in summary_row(result, lang)[:-1]))
    buffer = StringIO()
    Console(file=buffer, width=160, force_terminal=False, color_system=None).print(table)
    return buffer.getvalue()

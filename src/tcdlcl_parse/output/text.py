"""Human-readable renderings of results."""

from __future__ import annotations

from typing import Any

from ..checking.checker import report_findings
from ..checking.matching import descendants
from ..checking.profile import Profile
from ..messages import labels, reading_note, render, with_message
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
        (words["warnings"], "; ".join(reading_note(w, lang) for w in document.warnings) or None),
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
        render(
            words["total"],
            n=len(results),
            ok=passed,
            bad=len(results) - passed - unreadable,
            unreadable=unreadable,
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


def render_profile_tree(profile: Profile, lang: str = "vi") -> str:
    """``tcdlcl profile show``: the request, citations, recipients and the sections as a tree."""
    words = labels("profile", lang)
    request = profile.request
    deadline = f", {words['deadline']} {request.deadline}" if request.deadline else ""
    out = [
        f"{profile.id}\t{profile.name}",
        f"{words['request']}: {request.symbol} ({request.date}{deadline})",
    ]
    if profile.required_citations:
        symbols = ", ".join(c.symbol for c in profile.required_citations)
        out.append(f"{words['citations']}: {symbols}")
    for recipient in profile.required_recipients:
        aliases = f" ({', '.join(recipient.aliases)})" if recipient.aliases else ""
        out.append(f"{words['recipients']}: {recipient.name}{aliases}")
    out.append(f"{words['sections']}:")
    for section in profile.sections:
        indent = "  " * (section.id.count(".") + 1)
        marks = ([words["optional"]] if not section.required else []) + (
            [words["evidence"]] if section.evidence else []
        )
        flags = f"  [{', '.join(marks)}]" if marks else ""
        out.append(f"{indent}{section.id}  {section.title}{flags}")
        if section.aliases:
            out.append(f"{indent}    {words['aliases']}: " + "; ".join(section.aliases))
        if section.description:
            out.append(f"{indent}    {words['description']}: {section.description}")
    return "\n".join(out) + "\n"


def render_profile_test(
    source: str, result: CheckResult, profile: Profile, lang: str = "vi"
) -> str:
    """``tcdlcl profile test``: for each profile section, the heading that matched and why."""
    words = labels("profile", lang)
    out = [source]
    for section in profile.sections:
        indent = "  " * (section.id.count(".") + 1)
        found = result.sections.get(section.id)
        if found is None:
            verdict = words["missing"] if section.required else words["absent_optional"]
            out.append(f"{indent}{section.id}  {section.title}: {verdict}")
            continue
        number = f"{found.number}. " if found.number else ""
        merged = f"; {words['merged']} {', '.join(found.merged_with)}" if found.merged_with else ""
        by_phrase = f"{words['phrase']} «{found.phrase}», {words['score']} {found.score:g}"
        if found.how in ("position", "inferred-from-children", "in-parent-text"):
            how = labels("parse_text", lang)["how"][found.how]
            why = (f"{how}, {by_phrase}" if found.how == "in-parent-text" else how) + merged
        else:
            why = by_phrase + merged
        heading = f"«{number}{found.heading}»"
        out.append(f"{indent}{section.id}  {section.title}: {words['matched']} {heading} ({why})")
    return "\n".join(out) + "\n"

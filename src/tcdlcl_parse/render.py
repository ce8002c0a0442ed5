"""Human-readable renderings of results."""

from __future__ import annotations

from .models import CheckResult, ParsedReport

_LABELS = {
    "vi": {
        "file": "Tệp",
        "kind": "Loại",
        "extractor": "Trích xuất bằng",
        "pages": "Số trang",
        "encoding": "Bảng mã",
        "lines": "Số dòng",
        "removed": "Dòng đã bỏ (số trang, tiêu đề lặp)",
        "warnings": "Lưu ý",
        "text": "Nội dung",
    },
    "en": {
        "file": "File",
        "kind": "Kind",
        "extractor": "Extracted with",
        "pages": "Pages",
        "encoding": "Encoding",
        "lines": "Lines",
        "removed": "Lines removed (page numbers, running headers)",
        "warnings": "Notes",
        "text": "Text",
    },
}


def render_parsed_text(report: ParsedReport, lang: str = "vi") -> str:
    labels = _LABELS["en" if lang == "en" else "vi"]
    document = report.document
    rows = [
        (labels["file"], document.source),
        (labels["kind"], document.kind),
        (labels["extractor"], document.extractor),
        (labels["pages"], document.page_count),
        (labels["encoding"], document.encoding),
        (labels["lines"], len(document.lines)),
        (labels["removed"], len(document.removed_lines)),
        (labels["warnings"], ", ".join(document.warnings) or None),
    ]
    out = [f"{label}: {value}" for label, value in rows if value is not None]
    out += ["", f"== {labels['text']} ==", document.text, ""]
    return "\n".join(out)


_CHECK_LABELS = {
    "vi": {
        "passed": "ĐẠT",
        "failed": "CÓ LỖI",
        "unreadable": "KHÔNG ĐỌC ĐƯỢC",
        "error": "lỗi",
        "warning": "cảnh báo",
        "info": "ghi chú",
        "page": "trang",
        "missing": "Thiếu mục",
        "no_symbol": "không số",
        "no_date": "không ngày",
        "total": "Tổng: {n} báo cáo — {ok} đạt, {bad} có lỗi, {unreadable} không đọc được",
    },
    "en": {
        "passed": "PASSED",
        "failed": "FAILED",
        "unreadable": "UNREADABLE",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "page": "page",
        "missing": "Missing sections",
        "no_symbol": "no number",
        "no_date": "no date",
        "total": "Total: {n} reports — {ok} passed, {bad} with errors, {unreadable} unreadable",
    },
}


def render_check_text(results: list[CheckResult], lang: str = "vi") -> str:
    labels = _CHECK_LABELS["en" if lang == "en" else "vi"]
    out: list[str] = []
    for result in results:
        if result.error is not None:
            out += [f"[{labels['unreadable']}] {result.source}", f"  {result.error.message}", ""]
            continue
        verdict = labels["passed"] if result.passed else labels["failed"]
        facts = " · ".join(
            [
                result.issuer or "?",
                result.symbol or labels["no_symbol"],
                result.date or labels["no_date"],
            ]
        )
        out.append(f"[{verdict}] {result.source} — {facts}")
        if result.missing_sections:
            out.append(f"  {labels['missing']}: {', '.join(result.missing_sections)}")
        for finding in result.findings:
            where = f" ({labels['page']} {finding.page})" if finding.page else ""
            out.append(f"  {labels[finding.severity]:<9} {finding.code}  {finding.message}{where}")
        out.append("")
    unreadable = sum(1 for r in results if r.error is not None)
    passed = sum(1 for r in results if r.passed)
    out.append(
        labels["total"].format(
            n=len(results), ok=passed, bad=len(results) - passed - unreadable, unreadable=unreadable
        )
    )
    return "\n".join(out) + "\n"


def render_check_table(results: list[CheckResult], lang: str = "vi") -> str:
    """One row per report, for a terminal or a text file."""
    from io import StringIO

    from rich.console import Console
    from rich.table import Table

    from .export import SUMMARY_COLUMNS, summary_row

    columns = SUMMARY_COLUMNS["en" if lang == "en" else "vi"]
    table = Table(show_lines=False)
    for column in columns[:-1]:
        table.add_column(column, overflow="fold")
    for result in results:
        table.add_row(*(str(cell) for cell in summary_row(result, lang)[:-1]))
    buffer = StringIO()
    Console(file=buffer, width=160, force_terminal=False, color_system=None).print(table)
    return buffer.getvalue()

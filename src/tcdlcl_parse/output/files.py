"""Write check results as JSON, JSON Lines, CSV or XLSX — atomically.

Every writer consumes an iterator of results and writes to a temporary file beside the target,
renamed over it only when complete: an interrupted run never leaves a half-written report.
JSON Lines is the streaming format: one result per line, usable by ``--resume``.
"""

from __future__ import annotations

import csv
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..checking.profile import Profile
from ..messages import labels, output_error_message, shown
from ..models import CheckResult
from .aggregate import Aggregate
from .desk import summary_tables
from .rows import finding_rows, summary_row


class OutputError(Exception):
    """The output file cannot be written: ``code`` names why (data/messages.toml)."""

    def __init__(self, code: str, path: Path, detail: str = "") -> None:
        self.code, self.path, self.detail = code, path, detail
        super().__init__(f"{path}: {code}{': ' + detail if detail else ''}")

    def message(self, lang: str = "vi") -> str:
        return output_error_message(self.code, shown(self.path), self.detail, lang)


def check_output_target(path: Path) -> None:
    """Refuse, before any work, an output that is not a regular file or a new name in a folder:
    the rename would replace a device node, a named pipe or a link, and not write through it."""
    try:
        mode = os.lstat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):  # the latter: a file on the way, below
        mode = None
    except OSError as exc:
        raise OutputError("write-failed", path, exc.strerror or str(exc)) from exc
    if mode is not None and not stat.S_ISREG(mode):
        code = (
            "is-folder"
            if stat.S_ISDIR(mode)
            else "is-link"
            if stat.S_ISLNK(mode)
            else "not-regular"
        )
        raise OutputError(code, path)
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError("parent-not-folder", path, shown(parent))


@contextmanager
def atomic_output(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; rename it over ``path`` on success. Every failure
    to write (a read-only folder, a full disk, a target that is not a regular file) is an
    :class:`OutputError`, and ``path`` is left as it was."""
    check_output_target(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError("write-failed", path, exc.strerror or str(exc)) from exc
    binary = "b" in mode
    try:
        with os.fdopen(
            handle, mode, encoding=None if binary else "utf-8", newline=None if binary else ""
        ) as stream:
            yield stream
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes 0600; a report is for sharing
        check_output_target(path)  # it may have been replaced while the check ran
        os.replace(temp, path)
    except OSError as exc:  # the results come from workers that catch their own errors
        Path(temp).unlink(missing_ok=True)
        raise OutputError("write-failed", path, exc.strerror or str(exc)) from exc
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


# A cell starting with one of these is a formula to a spreadsheet program ("=HYPERLINK(…)" in
# a file name or in a report's text). OWASP's CSV-injection advice: prefix such cells with a
# single quote, which makes them text; numbers are written as numbers and need none.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _cells(row: Iterable[object]) -> list[object]:
    return [_cell(value) for value in row]


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_json(results: Iterable[CheckResult], stream: IO[str]) -> None:
    stream.write("[")
    for index, result in enumerate(results):
        stream.write(",\n" if index else "\n")
        stream.write(result.model_dump_json(indent=2))
    stream.write("\n]\n")


def write_jsonl(results: Iterable[CheckResult], stream: IO[str]) -> None:
    for result in results:
        stream.write(result.model_dump_json() + "\n")
        stream.flush()


def write_csv(results: Iterable[CheckResult], stream: IO[str], lang: str = "vi") -> None:
    # A BOM so Excel opens UTF-8 Vietnamese correctly.
    stream.write("\ufeff")
    writer = csv.writer(stream)
    writer.writerow(labels("files", lang)["summary_columns"])
    for result in results:
        writer.writerow(_cells(summary_row(result, lang)))


def read_jsonl(path: Path) -> Iterator[CheckResult]:
    """Results already in a JSON Lines file; a torn last line (interrupted run) is ignored."""
    if not path.is_file():
        return
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                try:
                    yield CheckResult.model_validate_json(line)
                except ValueError:
                    continue


def write_xlsx(
    results: Iterable[CheckResult],
    stream: IO[bytes],
    lang: str = "vi",
    profile: Profile | None = None,
    aggregate: Aggregate | None = None,
) -> None:
    """A workbook with a summary sheet (a row per report, listing all its files) and a findings
    sheet, filters on, headers frozen; with a profile, also the department's sheets: overview,
    coverage, figures, figures by commune, the desk's lists and the coverage matrix."""
    from openpyxl import Workbook

    words = labels("files", lang)
    workbook = Workbook()
    summary = workbook.active
    summary.title = words["summary_sheet"]
    findings = workbook.create_sheet(words["findings_sheet"])
    summary.append(words["summary_columns"])
    findings.append(words["finding_columns"])
    if aggregate is None and profile is not None:
        aggregate = Aggregate(profile)
    rows: list[list[object]] = []
    for result in results:
        if aggregate is None or aggregate.add(result)[1]:  # the first file of its report
            rows.append(_cells(summary_row(result, lang)))
            for row in finding_rows(result, lang):
                findings.append(_cells(row))
    for index, cells in enumerate(rows):
        if aggregate is not None:
            cells[0] = _cell("\n".join(aggregate.groups[index].sources))
        summary.append(cells)
    sheets = [(summary, [40, 32, 18, 12, 8, 24, 8, 10, 40, 80]), (findings, [40, 8, 10, 8, 7, 90])]
    if aggregate is not None:
        sheets += _desk_sheets(workbook, aggregate, lang)
    for sheet, widths in sheets:
        _dress(sheet, widths)
    workbook.save(stream)


def _dress(sheet: Any, widths: list[int]) -> None:
    """Column widths, a bold frozen header row, filters."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and "\n" in cell.value:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def _desk_sheets(workbook: Any, aggregate: Aggregate, lang: str) -> list[tuple[Any, list[int]]]:
    words = labels("files", lang)
    desk = labels("desk", lang)
    tables = summary_tables(aggregate.summary(), lang)
    parts: list[tuple[str, list[str], Iterable[Sequence[object]], list[int]]] = [
        (desk["overview_sheet"], desk["overview_columns"], tables["overview"], [36, 60]),
        (
            words["coverage_sheet"],
            words["coverage_columns"],
            aggregate.coverage_rows(),
            [8, 45, 18, 10],
        ),
        (
            words["figures_sheet"],
            words["figures_columns"],
            aggregate.figure_rows(),
            [8, 20, 20, 20],
        ),
        (
            words["communes_sheet"],
            words["communes_columns"],
            aggregate.commune_rows(),
            [40, 8, 20, 12],
        ),
    ]
    if aggregate.roster is not None:
        parts += [
            (
                desk["not_reported_sheet"],
                desk["not_reported_columns"],
                tables["not_reported"],
                [40],
            ),
            (desk["unknown_sheet"], desk["unknown_columns"], tables["unknown"], [40, 50, 50]),
        ]
    parts += [
        (desk["several_sheet"], desk["several_columns"], tables["several"], [40, 80]),
        (
            desk["duplicates_sheet"],
            desk["duplicates_columns"],
            tables["duplicates"],
            [36, 16, 12, 60, 14],
        ),
    ]
    if aggregate.profile.request.deadline is not None:
        parts.append(
            (desk["late_sheet"], desk["late_columns"], tables["late"], [36, 16, 12, 12, 60])
        )
    sheets = []
    for name, columns, rows, widths in parts:
        sheet = workbook.create_sheet(name)
        sheet.append(list(columns))
        for row in rows:
            sheet.append(_cells(row))
        sheets.append((sheet, widths))
    sheets.append(_matrix_sheet(workbook, aggregate, desk))
    return sheets


def _matrix_sheet(
    workbook: Any, aggregate: Aggregate, desk: dict[str, Any]
) -> tuple[Any, list[int]]:
    """Communes × profile sections, a symbol per cell and its colour by conditional formatting
    (the symbol alone reads in print and without colour)."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sections = aggregate.profile.sections
    sheet = workbook.create_sheet(desk["matrix_sheet"])
    sheet.append([*desk["matrix_columns"], *(spec.id for spec in sections)])
    for group, gaps in aggregate.matrix_rows():
        sheet.append(
            _cells([group.commune, gaps, *(desk["cells"][state] for state in group.cells)])
        )
    last = get_column_letter(2 + len(sections))
    area = f"C2:{last}{max(sheet.max_row, 2)}"
    colours = {
        "present": ("CDECCD", "145A24"),
        "missing": ("F6C9C9", "8C1014"),
        "flagged": ("FFE2A8", "6B4700"),
    }
    for state, (fill, ink) in colours.items():
        sheet.conditional_formatting.add(area, CellIsRule(
            operator="equal", formula=[f'"{desk["cells"][state]}"'],
            fill=PatternFill(start_color=fill, end_color=fill, fill_type="solid"),
            font=Font(color=ink, bold=True),
        ))  # fmt: skip
    for row in sheet.iter_rows(min_row=2, min_col=3):
        for cell in row:
            cell.alignment = Alignment(horizontal="center")
    for index, spec in enumerate(sections, start=3):
        sheet.column_dimensions[get_column_letter(index)].width = max(5, len(spec.id) + 2)
    return sheet, [36, 14]

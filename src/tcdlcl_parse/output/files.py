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
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..checking.profile import Profile
from ..messages import labels, output_error_message, shown
from ..models import CheckResult
from .aggregate import Aggregate
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
        code = "is-folder" if stat.S_ISDIR(mode) else "is-link" if stat.S_ISLNK(mode) else "not-regular"
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
        with os.fdopen(handle, mode, encoding=None if binary else "utf-8", newline=None if binary else "") as stream:
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
    results: Iterable[CheckResult], stream: IO[bytes], lang: str = "vi", profile: Profile | None = None
) -> None:
    """A workbook with a summary sheet and a findings sheet, filters on, headers frozen; with
    a profile, also the department's aggregate sheets (coverage, figures, figures by commune)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    words = labels("files", lang)
    workbook = Workbook(write_only=False)
    summary = workbook.active
    summary.title = words["summary_sheet"]
    findings = workbook.create_sheet(words["findings_sheet"])
    summary.append(words["summary_columns"])
    findings.append(words["finding_columns"])
    aggregate = Aggregate(profile) if profile is not None else None
    for result in aggregate.tee(results) if aggregate else results:
        summary.append(_cells(summary_row(result, lang)))
        for row in finding_rows(result):
            findings.append(_cells(row))
    sheets = [(summary, [40, 32, 18, 12, 8, 24, 8, 10, 40, 80]), (findings, [40, 8, 10, 8, 7, 90])]
    if aggregate is not None:
        for name, rows, widths in (
            ("coverage", aggregate.coverage_rows(), [8, 45, 18, 10]),
            ("figures", aggregate.figure_rows(), [8, 20, 20, 20]),
            ("communes", aggregate.commune_rows(), [40, 8, 20, 12]),
        ):
            sheet = workbook.create_sheet(words[f"{name}_sheet"])
            sheet.append(words[f"{name}_columns"])
            for row in rows:
                sheet.append(_cells(row))
            sheets.append((sheet, widths))
    for sheet, widths in sheets:
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    workbook.save(stream)

"""Find report files among the paths a user gave."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

from .base import ZIP_ERRORS

REPORT_SUFFIXES = frozenset({".pdf", ".docx", ".txt"})
# Files beside reports that are ours or obviously not reports: skipped without a note.
_QUIET_SUFFIXES = frozenset({".json", ".md", ".toml"})


def find_reports(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """(report files in a stable order, files skipped).

    Inside folders only .pdf, .docx and .txt files are taken. A file named explicitly is taken
    when it has one of those suffixes (the reader then judges its content), has no suffix, or
    is a PDF or DOCX by content under another name; other files (the .json beside reports that
    a shell glob picks up, a spreadsheet …) are skipped, with a note. A path that does not
    exist is taken, for the reader to report as not found.
    """
    files: list[Path] = []
    skipped: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for candidate in sorted(p for p in path.rglob("*") if p.is_file()):
                suffix = candidate.suffix.lower()
                if suffix in REPORT_SUFFIXES:
                    files.append(candidate)
                elif suffix not in _QUIET_SUFFIXES and not candidate.name.startswith("."):
                    skipped.append(candidate)
        elif not path.is_file() or path.suffix.lower() in REPORT_SUFFIXES or not path.suffix or _pdf_or_docx(path):
            files.append(path)
        else:
            skipped.append(path)
    return list(dict.fromkeys(files)), skipped


def _pdf_or_docx(path: Path) -> bool:
    """Whether the file is a PDF or a DOCX by content (the reader's sniffing, on the head only)."""
    try:
        with path.open("rb") as stream:
            head = stream.read(1024)
        if b"%PDF-" in head:
            return True
        if not head.startswith(b"PK\x03\x04"):
            return False
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (OSError, *ZIP_ERRORS):
        return False

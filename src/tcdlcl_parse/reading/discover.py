"""Find report files among the paths a user gave."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from .base import ZIP_ERRORS

REPORT_SUFFIXES = frozenset({".pdf", ".docx", ".txt"})
# Files beside reports that are ours or obviously not reports: skipped without a note.
_QUIET_SUFFIXES = frozenset({".json", ".md", ".toml"})


class Found(NamedTuple):
    files: list[Path]  # report files, in a stable order
    skipped: list[Path]  # files that are not reports
    outside: list[Path]  # links inside a folder that lead out of it, not followed


def find_reports(paths: Iterable[str | Path]) -> Found:
    """The report files among ``paths``, and what was left out.

    Inside folders only .pdf, .docx and .txt files are taken. A file named explicitly is taken
    when it has one of those suffixes (the reader then judges its content), has no suffix, or
    is a PDF or DOCX by content under another name; other files (the .json beside reports that
    a shell glob picks up, a spreadsheet …) are skipped, with a note. A path that does not
    exist is taken, for the reader to report as not found.

    A folder walk does not follow a symbolic link that leads out of the folder given (a link
    to /etc/shadow must not end up in a report read by others): it is listed in ``outside``.
    Links that stay inside are read as the files they lead to; a file named explicitly is read
    as named, link or not.
    """
    files: list[Path] = []
    skipped: list[Path] = []
    outside: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for candidate in _walk(path, outside):
                suffix = candidate.suffix.lower()
                if suffix in REPORT_SUFFIXES:
                    files.append(candidate)
                elif suffix not in _QUIET_SUFFIXES and not candidate.name.startswith("."):
                    skipped.append(candidate)
        elif (
            not path.is_file()
            or path.suffix.lower() in REPORT_SUFFIXES
            or not path.suffix
            or _pdf_or_docx(path)
        ):
            files.append(path)
        else:
            skipped.append(path)
    return Found(list(dict.fromkeys(files)), skipped, outside)


def _walk(folder: Path, outside: list[Path]) -> list[Path]:
    """The files under ``folder``, sorted; links leading out of it go to ``outside``."""
    root = os.path.realpath(folder)
    found: list[Path] = []
    leaving: list[Path] = []
    for directory, subfolders, names in os.walk(folder):  # does not descend into linked folders
        for name in [*subfolders, *names]:
            candidate = Path(directory, name)
            if candidate.is_symlink():
                target = os.path.realpath(candidate)
                if os.path.commonpath([root, target]) != root:
                    leaving.append(candidate)
                    continue
                if name in subfolders:
                    continue  # a link to a folder inside: its files are walked where they are
            if name in names and candidate.is_file():
                found.append(candidate)
    outside.extend(sorted(leaving))
    return sorted(found)


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

"""Find report files among the paths a user gave."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

REPORT_SUFFIXES = frozenset({".pdf", ".docx", ".txt"})
# Files beside reports that are ours or obviously not reports: skipped without a note.
_QUIET_SUFFIXES = frozenset({".json", ".md", ".toml"})


def find_reports(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """(report files in a stable order, files skipped in folders).

    A file named explicitly is always checked, whatever its suffix (the reader sniffs its
    content); inside folders only .pdf, .docx and .txt files are taken.
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
        else:
            files.append(path)
    return list(dict.fromkeys(files)), skipped

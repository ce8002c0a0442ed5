"""A cache of reports already read: checking the same PDFs and DOCX files again (another
profile, another output format, a folder that grew) skips reading them, which is nearly all
of a check's time (pdfplumber, OCR).

An entry is a :class:`SourceDocument` as JSON, named by a key made of the file's SHA-256, the
reading options and a digest of this package's code and of the versions of the libraries that
read: a change to any of them reads afresh. Entries are validated by pydantic on loading (no
pickle, so an entry cannot run code); a broken or unreadable entry counts as a miss. Entries
are written to a temporary file and renamed, so parallel workers can share one folder. Text
files are not cached: reading one costs less than loading its entry.

An entry's modification time is its last use (a hit touches it). :meth:`ReadCache.prune`
removes entries unused for :data:`MAX_AGE_DAYS`, which also clears out what older versions
of the code wrote (their keys are never asked for again); the command line prunes at most
once a day, library callers when they choose. ``tcdlcl cache --clear`` empties the folder.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from ..models import DocumentKind, SourceDocument

# The libraries whose output an entry holds; Tesseract is a program, not listed here: clear
# the cache after upgrading it.
_READING_LIBRARIES = ("pdfplumber", "pdfminer.six", "pypdfium2", "python-docx")
# Entries unused for this long are pruned: a department checks a round of reports over a few
# weeks; a report asked for again after that is read afresh.
MAX_AGE_DAYS = 30
_DAY = 86_400.0
# Its modification time is when the folder was last pruned.
_PRUNED_STAMP = ".last-prune"


def default_cache_dir() -> Path:
    """``$TCDLCL_CACHE_DIR``, else ``$XDG_CACHE_HOME/tcdlcl``, else ``~/.cache/tcdlcl``."""
    if configured := os.environ.get("TCDLCL_CACHE_DIR"):
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tcdlcl"


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """This package's source files and the reading libraries' versions, hashed once per process."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256()
    package = Path(__file__).parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for library in _READING_LIBRARIES:
        try:
            digest.update(f"{library}={version(library)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{library}=-\0".encode())
    return digest.hexdigest()


class ReadCache:
    """Documents already read, in ``directory`` (default: :func:`default_cache_dir`), which is
    created when first written to."""

    def __init__(self, directory: str | Path | None = None) -> None:
        self.directory = Path(directory) if directory else default_cache_dir()

    @staticmethod
    def caches(kind: DocumentKind) -> bool:
        return kind != "text"

    def key(self, sha256: str, kind: DocumentKind, *, fast: bool, ocr: bool) -> str:
        options = f"{sha256}\0{kind}\0fast={fast}\0ocr={ocr}\0{_code_digest()}"
        return hashlib.sha256(options.encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> SourceDocument | None:
        path = self._path(key)
        try:
            document = SourceDocument.model_validate_json(path.read_bytes())
        except (OSError, ValidationError, ValueError):
            return None
        try:
            os.utime(path)  # its last use, which pruning goes by
        except OSError:
            pass  # a read-only cache still serves
        return document

    def put(self, key: str, document: SourceDocument) -> bool:
        """Store ``document``; False when the folder cannot be written (the check goes on).
        Entries are private to the user (mkstemp's 0600): they hold the reports' text."""
        path = self._path(key)
        temporary: Path | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(suffix=".tmp", dir=path.parent)
            temporary = Path(name)
            with os.fdopen(handle, "wb") as stream:
                stream.write(document.model_dump_json().encode())
            os.replace(temporary, path)
        except OSError:
            if temporary is not None:
                temporary.unlink(missing_ok=True)
            return False
        return True

    def entries(self) -> list[Path]:
        return sorted(self.directory.glob("??/*.json"))

    def _temporary_files(self) -> list[Path]:
        """Entries being written, or left half-written by a killed writer."""
        return list(self.directory.glob("??/*.tmp"))

    def clear(self) -> int:
        """Remove every entry (and leftover temporary files); returns how many entries went."""
        entries = self.entries()
        for path in [*entries, *self._temporary_files()]:
            path.unlink(missing_ok=True)
        return len(entries)

    def prune(self, max_age_days: float = MAX_AGE_DAYS) -> int:
        """Remove entries unused for ``max_age_days`` and temporary files a day old (left by a
        killed writer); returns how many entries went. A file that cannot be removed is left:
        another process may be pruning the same folder."""
        now = time.time()
        for path in self._temporary_files():
            _remove_if_older(path, now - _DAY)
        return sum(_remove_if_older(path, now - max_age_days * _DAY) for path in self.entries())

    def prune_daily(self, max_age_days: float = MAX_AGE_DAYS) -> int:
        """:meth:`prune`, unless the folder was pruned less than a day ago (or does not exist)."""
        stamp = self.directory / _PRUNED_STAMP
        try:
            if not self.directory.is_dir() or time.time() - stamp.stat().st_mtime < _DAY:
                return 0
        except FileNotFoundError:
            pass  # never pruned
        except OSError:
            return 0
        try:
            stamp.touch()
        except OSError:
            return 0  # a folder we cannot write to is not ours to prune
        return self.prune(max_age_days)


def _remove_if_older(path: Path, cutoff: float) -> bool:
    try:
        if path.stat().st_mtime < cutoff:
            path.unlink()
            return True
    except OSError:
        pass
    return False

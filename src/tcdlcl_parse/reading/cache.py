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

The folder given may be any folder (``--cache-dir .`` by mistake): entries go into a subfolder
of its own, marked with a ``CACHEDIR.TAG`` (https://bford.info/cachedir/), and pruning and
clearing only ever remove entry-named files from a subfolder that carries that mark.
"""

from __future__ import annotations

import hashlib
import os
import re
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
# The subfolder entries live in, and the mark that makes it ours to delete from.
_STORE = "tcdlcl-read-cache"
_MARK = "CACHEDIR.TAG"
_MARK_TEXT = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This folder is a cache of reports read by tcdlcl (tcdlcl_parse); it can be deleted.\n"
)
_ENTRY_RE = re.compile(r"[0-9a-f]{64}\.json(\.[^/]*\.tmp)?")


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
        digest.update(
            path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0"
        )
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
        self.store = self.directory / _STORE

    def _owned(self) -> bool:
        """Whether the store carries our mark: only then may anything in it be removed."""
        try:
            return (self.store / _MARK).read_text("utf-8") == _MARK_TEXT
        except (OSError, UnicodeDecodeError):
            return False

    def _mark(self) -> None:
        mark = self.store / _MARK
        if not mark.exists():
            self.store.mkdir(parents=True, exist_ok=True)
            mark.write_text(_MARK_TEXT, "utf-8")

    @staticmethod
    def caches(kind: DocumentKind) -> bool:
        return kind != "text"

    def key(self, sha256: str, kind: DocumentKind, *, fast: bool, ocr: bool) -> str:
        options = f"{sha256}\0{kind}\0fast={fast}\0ocr={ocr}\0{_code_digest()}"
        return hashlib.sha256(options.encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.store / key[:2] / f"{key}.json"

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
            self._mark()
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f"{key}.json.", suffix=".tmp", dir=path.parent)
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
        return sorted(
            path for path in self.store.glob("??/*.json") if _ENTRY_RE.fullmatch(path.name)
        )

    def _temporary_files(self) -> list[Path]:
        """Entries being written, or left half-written by a killed writer."""
        return [path for path in self.store.glob("??/*.tmp") if _ENTRY_RE.fullmatch(path.name)]

    def clear(self) -> int:
        """Remove every entry (and leftover temporary files); returns how many entries went."""
        if not self._owned():
            return 0
        entries = self.entries()
        for path in [*entries, *self._temporary_files()]:
            path.unlink(missing_ok=True)
        return len(entries)

    def prune(self, max_age_days: float = MAX_AGE_DAYS) -> int:
        """Remove entries unused for ``max_age_days`` and temporary files a day old (left by a
        killed writer); returns how many entries went. A file that cannot be removed is left:
        another process may be pruning the same folder."""
        if not self._owned():
            return 0
        now = time.time()
        for path in self._temporary_files():
            _remove_if_older(path, now - _DAY)
        return sum(_remove_if_older(path, now - max_age_days * _DAY) for path in self.entries())

    def prune_daily(self, max_age_days: float = MAX_AGE_DAYS) -> int:
        """:meth:`prune`, unless the folder was pruned less than a day ago (or does not exist)."""
        stamp = self.store / _PRUNED_STAMP
        try:
            if not self._owned() or time.time() - stamp.stat().st_mtime < _DAY:
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

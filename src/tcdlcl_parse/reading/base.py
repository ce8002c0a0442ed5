"""What every reader returns besides its lines."""

from __future__ import annotations

import gc
import threading
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

# What zipfile raises for a broken or unsupported container: besides BadZipFile, an unknown
# format version ("zip file version 9.7") is a NotImplementedError, and a directory that
# points outside the data an EOFError or a ValueError, a damaged compressed member a
# zlib.error ("invalid distance too far back").
ZIP_ERRORS = (zipfile.BadZipFile, NotImplementedError, EOFError, ValueError, zlib.error)


@dataclass(slots=True)
class ReaderMeta:
    extractor: str
    page_count: int | None = None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    # Lines of the first page's header, apart from the text (DOCX; see SourceDocument).
    page_header: list[str] = field(default_factory=list)


_paused = 0
_was_enabled = True
_paused_lock = threading.Lock()


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while lines are laid out, and a report parsed and checked:
    the collector would walk the many models being built again and again (a third of the time
    on large texts), and they all stay alive until the result is made. That code makes no
    reference cycles worth collecting (unlike the PDF libraries: reading is not paused); the
    collector runs as usual afterwards. Nested and concurrent pauses (threads) keep it off
    until the last one ends, and a collector the caller had turned off stays off."""
    global _paused, _was_enabled
    with _paused_lock:
        if not _paused:
            _was_enabled = gc.isenabled()
        _paused += 1
        gc.disable()
    try:
        yield
    finally:
        with _paused_lock:
            _paused -= 1
            if not _paused and _was_enabled:
                gc.enable()

"""What every reader returns besides its lines."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field

# What zipfile raises for a broken or unsupported container: besides BadZipFile, an unknown
# format version ("zip file version 9.7") is a NotImplementedError, and a directory that
# points outside the data an EOFError or a ValueError.
ZIP_ERRORS = (zipfile.BadZipFile, NotImplementedError, EOFError, ValueError)


@dataclass(slots=True)
class ReaderMeta:
    extractor: str
    page_count: int | None = None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)

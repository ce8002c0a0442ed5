"""read → parse: one report in, one :class:`ParsedReport` out."""

from __future__ import annotations

from pathlib import Path

from .models import DocumentKind, ParsedReport, SourceDocument
from .readers import read


def parse(
    source: str | Path | bytes | SourceDocument,
    kind: DocumentKind | None = None,
    *,
    layout: bool = True,
    lang: str = "vi",
) -> ParsedReport:
    """Read ``source`` (unless it is already a :class:`SourceDocument`) and parse it."""
    document = source if isinstance(source, SourceDocument) else read(source, kind, layout=layout)
    return ParsedReport(document=document)

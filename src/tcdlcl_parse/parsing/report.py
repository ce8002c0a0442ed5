"""read → parse: one report in, one :class:`ParsedReport` out."""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from ..models import Citation, Claim, DocumentKind, Metadata, ParsedReport, SourceDocument
from ..reading import ReadOptions, read
from .citations import extract_citations, extract_standards
from .claims import parse_claims
from .header import parse_metadata
from .outline import parse_sections
from .regions import find_regions


def parse(
    source: str | Path | bytes | SourceDocument,
    kind: DocumentKind | None = None,
    options: ReadOptions | None = None,
    *,
    claims: bool = True,
) -> ParsedReport:
    """Read ``source`` (unless it is already a :class:`SourceDocument`) and parse it.

    ``options`` are passed to :func:`~tcdlcl_parse.reading.read`. ``claims=False`` skips claim
    extraction (sentences, status, quantities).
    """
    if isinstance(source, SourceDocument):
        document = source
    else:
        document = read(source, kind, options)
    text = document.text
    regions = find_regions(document)
    metadata = parse_metadata(document, regions)
    sections = parse_sections(document, regions)
    citations = _without_own_symbol(extract_citations(text, page_of=document.page_at), metadata)
    return ParsedReport(
        document=document,
        metadata=metadata,
        citations=citations,
        standards=extract_standards(text, page_of=document.page_at),
        sections=sections,
        claims=(
            _with_citations(parse_claims(document, sections, _year(metadata)), citations)
            if claims
            else []
        ),
    )


def _year(metadata: Metadata) -> int | None:
    """The year the report covers, from its own date: a later year in it marks a plan."""
    return int(metadata.date[:4]) if metadata.date else None


def _without_own_symbol(citations: list[Citation], metadata: Metadata) -> list[Citation]:
    """The report's own "Số: 287/BC-UBND" is not a citation."""
    span = metadata.symbol_span
    if span is None:
        return citations
    kept = []
    for citation in citations:
        citation.mentions = [m for m in citation.mentions if not span.start <= m.start < span.end]
        if citation.mentions:
            kept.append(citation)
    return kept


def _with_citations(claims: list[Claim], citations: list[Citation]) -> list[Claim]:
    """Attach to each claim the symbols mentioned inside it, in the order of ``citations``."""
    starts = [claim.start for claim in claims]  # claims come in text order
    for citation in citations:  # in order, so each claim's list comes out in that order
        for mention in citation.mentions:
            index = bisect_right(starts, mention.start) - 1
            if index >= 0 and mention.start < claims[index].end and citation.symbol not in claims[index].citations:
                claims[index].citations.append(citation.symbol)
    return claims

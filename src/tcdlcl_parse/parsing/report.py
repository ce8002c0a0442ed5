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
    """The report's own number is not a citation, wherever it stands (the "Số:" line, a site's
    title above the header, "mẫu ban hành kèm công văn số 778/TCHQ-GSQL"): decided by the
    symbol, not by the line, so another symbol on the "Số:" line stays a citation. A mention of
    the same symbol with another date than the report's is another document (a commune's
    40/KH-UBND citing the province's 40/KH-UBND)."""
    if metadata.symbol is None:
        return citations
    own = metadata.symbol.casefold()
    kept = []
    for citation in citations:
        if citation.symbol.casefold() == own:
            citation.mentions = [
                m
                for m in citation.mentions
                if m.date is not None and metadata.date is not None and m.date != metadata.date
            ]
            if not citation.mentions:
                continue
            citation.date = citation.mentions[0].date
        kept.append(citation)
    return kept


def _with_citations(claims: list[Claim], citations: list[Citation]) -> list[Claim]:
    """Attach to each claim the symbols mentioned inside it, in the order of ``citations``."""
    starts = [claim.start for claim in claims]  # claims come in text order
    for citation in citations:  # in order, so each claim's list comes out in that order
        for mention in citation.mentions:
            index = bisect_right(starts, mention.start) - 1
            if (
                index >= 0
                and mention.start < claims[index].end
                and citation.symbol not in claims[index].citations
            ):
                claims[index].citations.append(citation.symbol)
    return claims

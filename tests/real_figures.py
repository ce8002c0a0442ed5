"""Figures of the citation and header reading over corpora/real (issue 17's quality bar).

    python -m tests.real_figures            # corpora/real/*.txt
    python -m tests.real_figures --stress   # corpora/real/stress/*.txt, reported apart
    python -m tests.real_figures -v         # and every miss

Each document's `.truth.json` was written by reading it (see corpora/real/SOURCES.md). Symbols
are compared case-insensitively: the truth notes give "20/CT-TTG" (an upper-case title) and
"20/CT-TTg" (the body) as one document.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tcdlcl_parse.models import Citation, ParsedReport
from tcdlcl_parse.parsing.report import parse

REAL = Path(__file__).resolve().parent.parent / "corpora" / "real"


@dataclass
class Figures:
    found: int = 0  # distinct symbols read as citations
    expected: int = 0  # distinct symbols in the truth
    matched: int = 0
    dates: int = 0  # of the matched, how many with the right date
    types: int = 0
    issuers: int = 0
    own_symbols: int = 0
    documents: int = 0
    misses: list[str] = field(default_factory=list)

    def ratio(self, part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    @property
    def precision(self) -> float:
        return self.ratio(self.matched, self.found)

    @property
    def recall(self) -> float:
        return self.ratio(self.matched, self.expected)

    def table(self) -> dict[str, float]:
        return {
            "citation precision": self.precision,
            "citation recall": self.recall,
            "dates": self.ratio(self.dates, self.matched),
            "document type": self.ratio(self.types, self.matched),
            "issuer as written": self.ratio(self.issuers, self.matched),
            "own symbol": self.ratio(self.own_symbols, self.documents),
        }

    def __str__(self) -> str:
        rows = [f"{name:20} {value:.3f}" for name, value in self.table().items()]
        counts = f"{self.documents} documents, {self.expected} cited symbols, {self.found} read"
        return "\n".join([counts, *rows])


def written_issuer(citation: Citation) -> str | None:
    """The issuer as written at the first mention that has one (not the one from the code)."""
    return next((m.issuer for m in citation.mentions if m.issuer), None)


def own_symbol(parsed: ParsedReport) -> tuple[str | None, bool]:
    metadata = parsed.metadata
    if metadata.number_missing:
        return metadata.symbol_code, True
    return metadata.symbol, False


def score(path: Path, figures: Figures) -> None:
    truth: dict[str, Any] = json.loads(path.with_suffix(".truth.json").read_text("utf-8"))
    parsed = parse(path, claims=False)
    name = path.stem
    figures.documents += 1
    own = truth["own"]
    symbol, blank = own_symbol(parsed)
    if (symbol or "").casefold() == own["symbol"].casefold() and blank == own[
        "symbol_blank_number"
    ]:
        figures.own_symbols += 1
    else:
        figures.misses.append(
            f"{name}: own symbol {symbol!r} (blank {blank}), want {own['symbol']!r}"
        )
    got = {c.symbol.casefold(): c for c in parsed.citations}
    want = {c["symbol"].casefold(): c for c in truth["citations"]}
    figures.found += len(got)
    figures.expected += len(want)
    for key in got.keys() - want.keys():
        figures.misses.append(f"{name}: false citation {got[key].symbol}")
    for key in want.keys() - got.keys():
        figures.misses.append(f"{name}: missed citation {want[key]['symbol']}")
    for key in got.keys() & want.keys():
        citation, expected = got[key], want[key]
        figures.matched += 1
        checks = (
            ("dates", "date", citation.date),
            ("types", "doc_type", citation.doc_type),
            ("issuers", "issuer", written_issuer(citation)),
        )
        for counter, truth_key, value in checks:
            if value == expected[truth_key]:
                setattr(figures, counter, getattr(figures, counter) + 1)
            else:
                figures.misses.append(
                    f"{name}: {expected['symbol']} {truth_key} {value!r},"
                    f" want {expected[truth_key]!r}"
                )


def real_figures(folder: Path = REAL) -> Figures:
    figures = Figures()
    for path in sorted(folder.glob("*.txt")):
        score(path, figures)
    return figures


if __name__ == "__main__":
    result = real_figures(REAL / "stress" if "--stress" in sys.argv else REAL)
    print(result)
    if "-v" in sys.argv:
        print("\n".join(result.misses))

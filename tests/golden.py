"""Golden files: a readable summary of what the library makes of each corpus file.

    python -m tests.golden            # show differences against the expected files
    python -m tests.golden --update   # rewrite them (then review the diff by hand!)

Each corpus report X gets X.expected.json beside it. tests/test_golden.py compares.
"""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

from tcdlcl_parse.checking.checker import check
from tcdlcl_parse.messages import localize
from tcdlcl_parse.models import Section
from tcdlcl_parse.parsing.report import parse

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
REPORT_SUFFIXES = (".txt", ".docx", ".pdf")
_NUMBERED = re.compile(r"^(?:[IVX]+|\d{1,2}|[a-zđ])[.)/-]\s")


def corpus_files() -> list[Path]:
    return sorted(
        path
        for folder in ("seed", "encodings", "synthetic", "scanned")
        if (CORPORA / folder).is_dir()
        for path in (CORPORA / folder).iterdir()
        if path.suffix in REPORT_SUFFIXES
    )


def expected_path(path: Path) -> Path:
    return path.with_name(path.name + ".expected.json")


def _outline(sections: list[Section]) -> list[Any]:
    return [
        f"{s.label} {s.title[:60]}" if not s.children else {f"{s.label} {s.title[:60]}": _outline(s.children)}
        for s in sections
    ]


@cache  # scanned files take seconds of OCR; several tests look at the same summary
def summarize(path: Path) -> dict[str, Any]:
    parsed = parse(path)
    document = parsed.document
    texts = [line.text for line in document.lines]
    metadata = parsed.metadata
    result = localize(check(parsed, "cv3078"))
    return {
        "document": {
            "kind": document.kind,
            "extractor": document.extractor,
            "encoding": document.encoding,
            "page_count": document.page_count,
            "warnings": document.warnings,
            "line_count": len(texts),
            "first_line": texts[0],
            "last_line": texts[-1],
            "numbered_lines": [t[:70] for t in texts if _NUMBERED.match(t)],
            "removed_lines": [
                {"text": r.text, "page": r.page, "reason": r.reason} for r in document.removed_lines
            ],
        },
        "metadata": {
            "issuer": metadata.issuer,
            "symbol": metadata.symbol,
            "place": metadata.place,
            "date": metadata.date,
            "doc_type": metadata.doc_type,
            "title": metadata.title,
            "recipients": [r.name for r in metadata.recipients],
            "signer": metadata.signer.model_dump(include={"authority", "position", "name"}) if metadata.signer else None,
        },
        "outline": _outline(parsed.sections),
        "citations": [[c.symbol, c.date, c.doc_type, c.issuer] for c in parsed.citations],
        "quantities": [[c.section, c.status, q.value, q.unit] for c in parsed.claims for q in c.quantities],
        "check": {
            "passed": result.passed,
            "missing_sections": result.missing_sections,
            "sections": {k: v.heading[:60] for k, v in result.sections.items()},
            "findings": [f"{f.code} {f.section or ''} {f.message}".replace("  ", " ") for f in result.findings],
        },
    }


def main(update: bool) -> int:
    changed = 0
    for path in corpus_files():
        summary = summarize(path)
        target = expected_path(path)
        current = json.loads(target.read_text("utf-8")) if target.exists() else None
        if current != summary:
            changed += 1
            print(f"{'updated' if update else 'differs'}: {target.relative_to(CORPORA.parent)}")
            if update:
                target.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return 0 if update or not changed else 1


if __name__ == "__main__":
    raise SystemExit(main("--update" in sys.argv))

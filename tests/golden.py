"""Golden files: a readable summary of what the library makes of each corpus file.

    python -m tests.golden            # show differences against the expected files
    python -m tests.golden --update   # rewrite them (then review the diff by hand!)

Each corpus report X gets X.expected.json beside it. tests/test_golden.py compares.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from tcdlcl_parse import read

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
REPORT_SUFFIXES = (".txt", ".docx", ".pdf")
_NUMBERED = re.compile(r"^(?:[IVX]+|\d{1,2}|[a-zđ])[.)/-]\s")


def corpus_files() -> list[Path]:
    return sorted(
        path
        for folder in ("seed", "encodings", "synthetic")
        if (CORPORA / folder).is_dir()
        for path in (CORPORA / folder).iterdir()
        if path.suffix in REPORT_SUFFIXES
    )


def expected_path(path: Path) -> Path:
    return path.with_name(path.name + ".expected.json")


def summarize(path: Path) -> dict[str, Any]:
    document = read(path)
    texts = [line.text for line in document.lines]
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
        }
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

"""Print the code block of README.md that follows a marker comment, e.g.

    python3 scripts/readme_block.py ci:quick-start-check

The marker is an HTML comment line starting with ``<!-- NAME`` right before the fenced block.
.ci/run runs the Quick start commands taken this way and tests/test_readme.py the Dask sample,
so what is tested is what the README shows. Standard library only: .ci/run uses it before any
virtual environment exists.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def readme_block(name: str, text: str | None = None) -> str:
    """The content of the fenced block right after the marker ``<!-- name …-->``."""
    text = README.read_text("utf-8") if text is None else text
    pattern = rf"^<!-- {re.escape(name)}[ \-][^\n]*\n```[a-z]*\n(.*?)^```$"
    found = re.findall(pattern, text, flags=re.MULTILINE | re.DOTALL)
    if len(found) != 1:
        raise LookupError(f"README.md: {len(found)} blocks marked {name!r}, expected one")
    return found[0]


if __name__ == "__main__":
    sys.stdout.write(readme_block(sys.argv[1]))

"""Snapshot what the command line prints for every corpus file and every hostile input.

    python scripts/snapshot_outputs.py OUT_DIR          # write one file per (input, command)
    diff -r BEFORE_DIR AFTER_DIR                        # a refactor must leave no difference

Used to show that a change of structure changes no output: take a snapshot before, one after,
and compare. Runs the CLI in this process (``--jobs 1 --no-cache``) so it takes a minute, not ten.
"""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

from tcdlcl_parse.cli import main

REPO = Path(__file__).resolve().parent.parent
REPORT_SUFFIXES = {".txt", ".docx", ".pdf"}
# (name, arguments before the file): the outputs a user sees for one report.
PER_FILE = (
    ("parse.txt", ["parse", "--no-cache"]),
    ("parse.json", ["parse", "--no-cache", "--format", "json"]),
    ("check.txt", ["check", "--no-cache", "--jobs", "1"]),
    ("check.en.json", ["check", "--no-cache", "--jobs", "1", "--format", "json", "--lang", "en"]),
    ("check.vi.json", ["check", "--no-cache", "--jobs", "1", "--format", "json"]),
)
BATCH = ["check", "--no-cache", "--jobs", "1"]
BATCH_FORMATS = ("table", "csv", "jsonl", "html")


def _inputs() -> list[Path]:
    corpus = [
        path
        for path in sorted((REPO / "corpora").rglob("*"))
        if path.suffix in REPORT_SUFFIXES
        and path.is_file()
        and not {"holdout", "holdout2", "holdout3", "holdout4"} & set(path.parts)  # the set-aside corpora
    ]
    return corpus + sorted(path for path in (REPO / "tests" / "bad").iterdir() if path.is_file())


def _run(argv: list[str]) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit_:
            code = exit_.code
    return f"exit {code}\n--- stdout\n{out.getvalue()}--- stderr\n{err.getvalue()}"


def main_(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in _inputs():
        relative = path.relative_to(REPO)
        for name, args in PER_FILE:
            target = out_dir / f"{str(relative).replace('/', '__')}.{name}"
            target.write_text(_run([*args, str(relative)]), encoding="utf-8")
    folders = ["corpora/seed", "corpora/synthetic", "tests/bad"]
    for fmt in BATCH_FORMATS:
        text = _run([*BATCH, "--format", fmt, *folders])
        (out_dir / f"batch.{fmt}").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main_(Path(sys.argv[1]))

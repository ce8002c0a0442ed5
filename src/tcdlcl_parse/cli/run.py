"""Run ``tcdlcl check``: resume, progress, stream results to the chosen output, exit code."""

from __future__ import annotations

import argparse
import glob
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from ..checking.profile import Profile, profile_sha256
from ..messages import labels, render, shown
from ..models import CheckResult
from ..output.aggregate import Aggregate
from ..output.files import atomic_output, read_jsonl, write_csv, write_json, write_jsonl, write_xlsx
from ..output.roster import Roster
from ..output.text import render_check_table, render_check_text
from ..running.batch import check_batch
from ..running.options import CheckOptions
from ..running.single import file_sha256
from .exits import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE

_DESK_FORMATS = ("html", "xlsx")  # their writers count the results into the aggregate


@dataclass
class _Tally:
    total: int = 0
    failed: int = 0
    unreadable: int = 0
    first_error: str = ""  # the first unreadable file's message ("path: reason")

    def count(self, results: Iterable[CheckResult]) -> Iterator[CheckResult]:
        for result in results:
            self.total += 1
            if result.error is not None:
                self.unreadable += 1
                self.first_error = self.first_error or " ".join(result.error.message.split())
            self.failed += not result.passed
            yield result

    @property
    def exit_code(self) -> int:
        if self.unreadable:
            return EXIT_USAGE
        return EXIT_FINDINGS if self.failed else EXIT_OK


def _resumed(
    files: list[Path], output: Path, leftovers: list[Path], profile: Profile
) -> tuple[list[CheckResult], list[Path]]:
    """Results to keep from an earlier run (same file bytes, same profile content), and the
    files still to check. A run killed before it finished left its results, written as it
    went, in a temporary file beside the output (``leftovers``): they count too, the latest
    result of each file winning."""
    digest = profile_sha256(profile)
    previous = {
        r.source: r
        for source in [output, *leftovers]
        for r in read_jsonl(source)
        if r.sha256 and r.profile == profile.id and r.profile_sha256 == digest
    }
    kept: list[CheckResult] = []
    todo: list[Path] = []
    for path in files:
        earlier = previous.get(shown(path))
        if earlier is not None and earlier.sha256 == file_sha256(path):
            kept.append(earlier)
        else:
            todo.append(path)
    return kept, todo


def _leftovers(output: Path) -> list[Path]:
    """Temporary files of earlier runs into ``output`` (atomic_output's names), oldest first."""
    found = output.parent.glob(f".{glob.escape(output.name)}.*.tmp")
    return sorted((path for path in found if path.is_file()), key=lambda path: path.stat().st_mtime)


def _with_progress(results: Iterator[CheckResult], total: int, lang: str) -> Iterator[CheckResult]:
    if not sys.stderr.isatty():
        yield from results
        return
    from rich.console import Console
    from rich.progress import Progress

    label = labels("cli", lang)["checking"]
    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(label, total=total)
        for result in results:
            progress.advance(task)
            yield result


def run_check(
    files: list[Path],
    profile: Profile,
    options: CheckOptions,
    args: argparse.Namespace,
    roster: Roster | None = None,
) -> int:
    """Check ``files``, write the results as ``args`` ask, and return the exit code."""
    kept: list[CheckResult] = []
    todo = files
    output = Path(args.output) if args.output else None
    leftovers: list[Path] = []
    if args.resume and output is not None:
        leftovers = _leftovers(output)
        kept, todo = _resumed(files, output, leftovers, profile)
    fresh = check_batch(todo, profile, options, jobs=args.jobs, max_memory=args.max_memory)
    tally = _Tally()
    results = tally.count(chain(kept, _with_progress(fresh, len(todo), args.lang)))
    # One aggregate for the page or workbook and the summary file: results stream once.
    aggregate = Aggregate(profile, roster) if args.summary or args.format in _DESK_FORMATS else None
    if aggregate is not None and args.format not in _DESK_FORMATS:
        results = aggregate.tee(results)
    _write(results, args.format, output, args.lang, profile, aggregate)
    if args.summary and aggregate is not None:
        with atomic_output(Path(args.summary)) as stream:
            stream.write(aggregate.summary().model_dump_json(indent=2) + "\n")
    for leftover in leftovers:  # their results are in the output now
        leftover.unlink(missing_ok=True)
    if tally.unreadable:  # exit 2: one line on stderr says why, whatever the output format
        line = render(
            labels("cli", args.lang)["unreadable"],
            count=tally.unreadable, total=tally.total, first=tally.first_error,
        )  # fmt: skip
        print("tcdlcl: " + line, file=sys.stderr)
    return tally.exit_code


def _write(
    results: Iterable[CheckResult],
    fmt: str,
    output: Path | None,
    lang: str,
    profile: Profile,
    aggregate: Aggregate | None,
) -> None:
    if fmt == "xlsx":
        assert output is not None  # the CLI insists on --output
        with atomic_output(output, "wb") as stream:
            write_xlsx(results, stream, lang, profile, aggregate)
        return
    if fmt == "html":
        from ..output.html import write_html

        if output is None:
            write_html(results, sys.stdout, lang, profile, aggregate)
        else:
            with atomic_output(output) as stream:
                write_html(results, stream, lang, profile, aggregate)
        return
    if fmt in ("text", "table"):
        render = render_check_text if fmt == "text" else render_check_table
        text = render(list(results), lang)
        if output is None:
            sys.stdout.write(text)
        else:
            with atomic_output(output) as stream:
                stream.write(text)
        return
    writer = {"json": write_json, "jsonl": write_jsonl}.get(fmt)
    if output is None:
        if writer is None:
            write_csv(results, sys.stdout, lang)
        else:
            writer(results, sys.stdout)
        return
    with atomic_output(output) as stream:
        if writer is None:
            write_csv(results, stream, lang)
        else:
            writer(results, stream)

"""The ``tcdlcl`` command. Help is in English; messages default to Vietnamese (``--lang en``).

Exit codes: 0 ok, 1 some report has errors (``check``), 2 usage error or unreadable input.
Heavy libraries are imported inside the commands so ``tcdlcl --version`` starts fast.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from .. import __version__

if TYPE_CHECKING:
    from ..reading.options import ReadOptions

from .exits import EXIT_OK, EXIT_USAGE


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error told in one line on stderr (exit 2), not the usage block."""

    def error(self, message: str) -> NoReturn:
        reason = " ".join(message.split())
        self.exit(EXIT_USAGE, f"{self.prog}: error: {reason} (see {self.prog} --help)\n")


def _count(text: str) -> int:
    """--jobs: a whole number ≥ 0."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number ≥ 0")
    return value


def _seconds(text: str) -> float:
    """--timeout: a finite number of seconds ≥ 0."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not (math.isfinite(value) and value >= 0):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds ≥ 0")
    return value


_SIZE_UNITS = {"": 1024**2, "k": 1024, "m": 1024**2, "g": 1024**3}


def _size(text: str) -> int:
    """--max-memory: a size in MiB, or with a unit (512M, 2G); 0: no limit."""
    number, unit = text.strip().lower().removesuffix("b").removesuffix("i"), ""
    if number[-1:] in _SIZE_UNITS:
        number, unit = number[:-1], number[-1]
    try:
        value = float(number) * _SIZE_UNITS[unit]
    except ValueError:
        value = -1.0
    if not (math.isfinite(value) and value >= 0) or (0 < value < 256 * 1024**2):
        raise argparse.ArgumentTypeError(f"{text!r} is not a size of at least 256M (or 0)")
    return int(value)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tcdlcl",
        description=(
            "Read Vietnamese government reports (PDF, DOCX, text) and check them against "
            "a request letter and the format rules of Decree 30/2020/ND-CP."
        ),
        epilog="Exit codes: 0 ok, 1 a report has errors (check), 2 usage error or unreadable input.",
    )
    parser.add_argument("--version", action="version", version=f"tcdlcl {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    parse_cmd = commands.add_parser(
        "parse", help="print what was read and parsed from one report"
    )
    parse_cmd.add_argument("file", metavar="FILE", help="a .pdf, .docx or text file")
    parse_cmd.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    _add_reading_options(parse_cmd)
    parse_cmd.set_defaults(handler=_cmd_parse)

    check_cmd = commands.add_parser(
        "check", help="check reports (files or folders) against a profile (default: cv3078)"
    )
    check_cmd.add_argument(
        "paths", nargs="+", metavar="PATH", help="report files, or folders to search for .pdf/.docx/.txt"
    )
    check_cmd.add_argument(
        "--profile", default="cv3078", help="bundled profile id or a profile .toml file (default: cv3078)"
    )
    check_cmd.add_argument(
        "--format",
        choices=("text", "table", "json", "jsonl", "csv", "xlsx", "html"),
        default="text",
        help="text: findings per report (default); table: one row per report; "
        "xlsx needs --output; html: one self-contained page",
    )
    check_cmd.add_argument("--output", "-o", metavar="PATH", help="write to PATH (atomically) instead of stdout")
    check_cmd.add_argument(
        "--jobs", "-j", type=_count, default=None, metavar="N",
        help="parallel processes (default, or 0: all cores; 1: in this process; at most 4 per core)",
    )
    check_cmd.add_argument(
        "--max-memory", type=_size, default=None, metavar="SIZE",
        help="memory each file may use, e.g. 2G (default: 3/4 of the machine shared by the "
        "processes; 0: no limit); a file that needs more is reported too large",
    )
    check_cmd.add_argument(
        "--timeout", type=_seconds, default=120.0, metavar="SECONDS",
        help="time limit per file (default: 120; 0: no limit)",
    )
    check_cmd.add_argument(
        "--resume",
        action="store_true",
        help="with --format jsonl --output FILE: skip files whose results (same bytes, same profile) are already in FILE",
    )
    check_cmd.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODE",
        help="do not check this finding code (repeat for more); adds to the profile's own ignore list",
    )
    _add_reading_options(check_cmd)
    check_cmd.set_defaults(handler=_cmd_check)

    cache_cmd = commands.add_parser("cache", help="show or clear the cache of reports already read")
    _add_cache_dir_option(cache_cmd)
    cache_cmd.add_argument("--clear", action="store_true", help="remove every entry")
    _add_lang_option(cache_cmd)
    cache_cmd.set_defaults(handler=_cmd_cache)

    profiles_cmd = commands.add_parser("profiles", help="list bundled profiles")
    profiles_cmd.add_argument(
        "--schema", action="store_true", help="print the JSON Schema of the profile format"
    )
    profiles_cmd.set_defaults(handler=_cmd_profiles)
    return parser


def _add_reading_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--fast", action="store_true", help="read PDFs with pypdfium2 (much faster, no bold/size cues)"
    )
    command.add_argument(
        "--no-ocr",
        dest="ocr",
        action="store_false",
        help="do not OCR image-only (scanned) PDF pages (OCR needs tesseract-ocr and tesseract-ocr-vie)",
    )
    _add_lang_option(command)
    command.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        help="read every PDF and DOCX afresh, and keep nothing (default: reuse what was read before)",
    )
    _add_cache_dir_option(command)


def _add_lang_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="language of messages (default: vi)"
    )


def _add_cache_dir_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="where reports already read are kept (default: $TCDLCL_CACHE_DIR, else ~/.cache/tcdlcl)",
    )


def _cmd_parse(args: argparse.Namespace) -> int:
    from ..errors import ReadError
    from ..output.text import parsed_json, render_parsed_text
    from ..parsing.report import parse

    try:
        report = parse(args.file, options=_read_options(args))
    except ReadError as error:
        print(f"tcdlcl: {error.message(args.lang)}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        sys.stdout.write(parsed_json(report, args.lang))
    else:
        sys.stdout.write(render_parsed_text(report, args.lang))
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from ..checking.profile import ProfileError, load_profile
    from ..messages import labels, shown
    from ..reading.discover import find_reports

    words = labels("cli", args.lang)
    if args.format == "xlsx" and not args.output:
        print("tcdlcl: --format xlsx " + words["needs_output"], file=sys.stderr)
        return EXIT_USAGE
    if args.resume and not (args.output and args.format == "jsonl"):
        print("tcdlcl: --resume " + words["resume_needs"], file=sys.stderr)
        return EXIT_USAGE
    try:
        profile = load_profile(args.profile)
        if args.ignore:
            profile = profile.model_validate({**profile.model_dump(), "ignore": [*profile.ignore, *args.ignore]})
    except (ProfileError, ValueError) as error:
        said = error.message(args.lang) if isinstance(error, ProfileError) else str(error)
        print(f"tcdlcl: {said}", file=sys.stderr)
        return EXIT_USAGE
    files, skipped, outside = find_reports(args.paths)
    if not files:  # one line: the reason, with how many files were skipped
        reason = words["no_files"] + (words["skipped_count"].format(len(skipped)) if skipped else "")
        print("tcdlcl: " + reason, file=sys.stderr)
        return EXIT_USAGE
    for path in skipped:
        print(f"tcdlcl: {shown(path)}: {words['skipped']}", file=sys.stderr)
    for path in outside:
        print(f"tcdlcl: {shown(path)}: {words['skipped_outside']}", file=sys.stderr)
    from pathlib import Path

    from ..output.files import OutputError, check_output_target
    from ..running.options import CheckOptions
    from .run import run_check

    options = CheckOptions(
        read=_read_options(args), detail=args.format == "html", timeout=args.timeout, lang=args.lang
    )
    try:
        if args.output:  # before checking anything: an hour of work must not end here
            check_output_target(Path(args.output))
        return run_check(files, profile, options, args)
    except OutputError as error:
        print(f"tcdlcl: {error.message(args.lang)}", file=sys.stderr)
        return EXIT_USAGE


def _read_options(args: argparse.Namespace) -> ReadOptions:
    """--fast, --no-ocr, and the cache --no-cache and --cache-dir ask for (its long-unused
    entries pruned once a day)."""
    from ..reading.cache import ReadCache
    from ..reading.options import ReadOptions

    cache = None
    if args.cache:
        cache = ReadCache(args.cache_dir)
        cache.prune_daily()
    return ReadOptions(fast=args.fast, ocr=args.ocr, cache=cache)


def _cmd_profiles(args: argparse.Namespace) -> int:
    import json

    from ..checking.profile import bundled_profiles, profile_json_schema

    if args.schema:
        sys.stdout.write(json.dumps(profile_json_schema(), ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    for profile_id, name in sorted(bundled_profiles().items()):
        print(f"{profile_id}\t{name}")
    return EXIT_OK


def _cmd_cache(args: argparse.Namespace) -> int:
    from ..messages import labels
    from ..reading.cache import MAX_AGE_DAYS, ReadCache

    words = labels("cli", args.lang)
    cache = ReadCache(args.cache_dir)
    if args.clear:
        print(words["cache_cleared"].format(folder=cache.directory, count=cache.clear()))
        return EXIT_OK
    entries = cache.entries()
    kilobytes = sum(path.stat().st_size for path in entries) / 1000
    print(words["cache_holds"].format(
        folder=cache.directory, count=len(entries), kilobytes=kilobytes, days=MAX_AGE_DAYS
    ))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.error("a command is required: check, parse, cache or profiles")
    try:
        return int(args.handler(args))
    except BrokenPipeError:  # `tcdlcl parse … | head`
        return EXIT_OK
    except OSError as error:  # an output or cache folder that cannot be written, …
        path = error.filename2 or error.filename  # os.replace(temporary, output): the output
        where = f": {path}" if path else ""
        print(f"tcdlcl: {error.strerror or error}{where}", file=sys.stderr)
        return EXIT_USAGE

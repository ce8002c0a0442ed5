"""The ``tcdlcl`` command. Help is in English; messages, usage errors included, default to
Vietnamese (``--lang en``).

Exit codes: 0 ok, 1 some report has errors (``check``), 2 usage error or unreadable input.
Heavy libraries are imported inside the commands so ``tcdlcl --version`` starts fast.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from .. import __version__

if TYPE_CHECKING:
    from ..checking.profile import Profile
    from ..reading.options import ReadOptions

from .exits import EXIT_OK, EXIT_USAGE


def _lang_asked(argv: Sequence[str]) -> str:
    """The language ``--lang`` asks for, found before parsing so usage errors can use it."""
    lang = "vi"
    for index, arg in enumerate(argv):
        value = argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else arg
        if arg == "--lang" or arg.startswith("--lang="):
            lang = value.removeprefix("--lang=")
    return "en" if lang == "en" else "vi"


_Value = TypeVar("_Value")


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error told in one line on stderr (exit 2), not the usage block,
    in the language asked for (subcommands' parsers are made with the same ``lang``)."""

    def __init__(self, *args: Any, lang: str = "vi", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = lang

    def error(self, message: str) -> NoReturn:
        reason = " ".join(message.split())
        line = _cli_text("usage_error", self.lang, prog=self.prog, reason=reason)
        self.exit(EXIT_USAGE, line + "\n")


def _cli_text(key: str, lang: str, /, **params: object) -> str:
    from ..messages import labels, render

    return render(labels("cli", lang)[key], **params)


@contextmanager
def _argparse_speaks(lang: str) -> Iterator[None]:
    """argparse's own messages (gettext msgids) from the catalogue while parsing."""
    if lang == "en":
        yield
        return
    from ..messages import catalogue

    words: dict[str, str] = catalogue()["argparse"][lang]
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def gettext(message: str) -> str:
        return words.get(message, message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _option_type(read: Callable[[str], _Value], message: str, lang: str) -> Callable[[str], _Value]:
    """An argparse ``type`` that reads a value with ``read`` (ValueError: not a valid value) and
    says why in ``lang`` (the catalogue's ``message``)."""

    def convert(text: str) -> _Value:
        try:
            return read(text)
        except ValueError:
            raise argparse.ArgumentTypeError(_cli_text(message, lang, value=text)) from None

    return convert


def _count(text: str) -> int:
    """--jobs: a whole number ≥ 0."""
    value = int(text)
    if value < 0:
        raise ValueError(text)
    return value


def _seconds(text: str) -> float:
    """--timeout: a finite number of seconds ≥ 0."""
    value = float(text)
    if not (math.isfinite(value) and value >= 0):
        raise ValueError(text)
    return value


_SIZE_UNITS = {"": 1024**2, "k": 1024, "m": 1024**2, "g": 1024**3}


def _memory_size(text: str) -> int:
    """--max-memory: a size in MiB, or with a unit (512M, 2G), at least 256M; 0: no limit."""
    number, unit = text.strip().lower().removesuffix("b").removesuffix("i"), ""
    if number[-1:] in _SIZE_UNITS:
        number, unit = number[:-1], number[-1]
    value = float(number) * _SIZE_UNITS[unit]
    if not (math.isfinite(value) and value >= 0) or (0 < value < 256 * 1024**2):
        raise ValueError(text)
    return int(value)


def _parser(lang: str = "vi") -> argparse.ArgumentParser:
    parser = _Parser(
        lang=lang,
        prog="tcdlcl",
        description=(
            "Read Vietnamese government reports (PDF, DOCX, text) and check them against "
            "a request letter and the format rules of Decree 30/2020/ND-CP."
        ),
        epilog="Exit codes: 0 ok, 1 a report has errors (check), 2 usage error or unreadable "
        "input.",
    )
    parser.add_argument("--version", action="version", version=f"tcdlcl {__version__}")
    _add_lang_option(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    command = partial(commands.add_parser, lang=lang)

    parse_cmd = command("parse", help="print what was read and parsed from one report")
    parse_cmd.add_argument("file", metavar="FILE", help="a .pdf, .docx or text file")
    parse_cmd.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    _add_reading_options(parse_cmd)
    parse_cmd.set_defaults(handler=_cmd_parse)

    check_cmd = command(
        "check", help="check reports (files or folders) against a profile (default: cv3078)"
    )
    check_cmd.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="report files, or folders to search for .pdf/.docx/.txt",
    )
    check_cmd.add_argument(
        "--profile",
        default="cv3078",
        help="bundled profile id or a profile .toml file (default: cv3078)",
    )
    check_cmd.add_argument(
        "--format",
        choices=("text", "table", "json", "jsonl", "csv", "xlsx", "html"),
        default="text",
        help="text: findings per report (default); table: one row per report; "
        "xlsx needs --output; html: one self-contained page",
    )
    check_cmd.add_argument(
        "--output", "-o", metavar="PATH", help="write to PATH (atomically) instead of stdout"
    )
    check_cmd.add_argument(
        "--jobs",
        "-j",
        type=_option_type(_count, "not_count", lang),
        default=None,
        metavar="N",
        help="parallel processes (default, or 0: all cores; 1: in this process; at most 4 per "
        "core)",
    )
    check_cmd.add_argument(
        "--max-memory",
        type=_option_type(_memory_size, "not_size", lang),
        default=None,
        metavar="SIZE",
        help="memory each file may use, e.g. 2G (default: 3/4 of the machine shared by the "
        "processes; 0: no limit); a file that needs more is reported too large",
    )
    check_cmd.add_argument(
        "--timeout",
        type=_option_type(_seconds, "not_seconds", lang),
        default=120.0,
        metavar="SECONDS",
        help="time limit per file (default: 120; 0: no limit)",
    )
    check_cmd.add_argument(
        "--resume",
        action="store_true",
        help="with --format jsonl --output FILE: skip files whose results (same bytes, same "
        "profile) are already in FILE",
    )
    check_cmd.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODE",
        help="do not check this finding code (repeat for more); adds to the profile's own ignore "
        "list",
    )
    desk = check_cmd.add_argument_group(
        "the department's desk",
        "a report sent as several files (same issuer, number and date, or the same text) counts "
        "once",
    )
    desk.add_argument(
        "--summary", metavar="FILE.json",
        help="also write one JSON object: distinct reports, duplicates, who has not reported, "
        "unknown issuers, coverage, figures, late reports (schema: tcdlcl profiles "
        "--summary-schema)",
    )  # fmt: skip
    roster = desk.add_mutually_exclusive_group()
    roster.add_argument(
        "--roster", metavar="FILE",
        help="the communes expected to report: CSV with a 'commune' column, or one name a line",
    )  # fmt: skip
    roster.add_argument(
        "--province", metavar="NAME",
        help="expect a report from every current (since 1 July 2025) commune, ward and special "
        "zone of this province (needs the vietnam-provinces package: tcdlcl-parse[desk])",
    )  # fmt: skip
    _add_reading_options(check_cmd)
    check_cmd.set_defaults(handler=_cmd_check)

    cache_cmd = command("cache", help="show or clear the cache of reports already read")
    _add_cache_dir_option(cache_cmd)
    cache_cmd.add_argument("--clear", action="store_true", help="remove every entry")
    _add_lang_option(cache_cmd)
    cache_cmd.set_defaults(handler=_cmd_cache)

    _add_profile_command(commands, lang)

    profiles_cmd = command(
        "profiles", help="list bundled profiles and your own ($XDG_CONFIG_HOME/tcdlcl/profiles)"
    )
    profiles_cmd.add_argument(
        "--schema", action="store_true", help="print the JSON Schema of the profile format"
    )
    profiles_cmd.add_argument(
        "--summary-schema", action="store_true",
        help="print the JSON Schema of the summary check --summary writes",
    )  # fmt: skip
    profiles_cmd.set_defaults(handler=_cmd_profiles)
    return parser


def _add_profile_command(commands: argparse._SubParsersAction[_Parser], lang: str) -> None:
    profile_cmd = commands.add_parser(
        "profile",
        lang=lang,
        help="build a profile from a request letter and its outline, show or test it",
    )
    actions = profile_cmd.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = actions.add_parser(
        "new", lang=lang, help="build a profile from an outline (and its letter)"
    )
    new.add_argument("outline", metavar="OUTLINE", help="the outline (or the letter containing it)")
    new.add_argument("--request", metavar="LETTER", help="the request letter (.pdf, .docx, text)")
    new.add_argument(
        "--id", dest="profile_id", metavar="ID", help="profile id (default: cv + number)"
    )
    new.add_argument("--output", "-o", required=True, metavar="FILE.toml", help="where to write it")
    _add_reading_options(new)
    new.set_defaults(handler=_cmd_profile_new)
    show = actions.add_parser("show", lang=lang, help="print a profile as a tree")
    show.add_argument("profile", metavar="PROFILE", help="a profile .toml file or id")
    _add_lang_option(show)
    show.set_defaults(handler=_cmd_profile_show)
    test = actions.add_parser(
        "test", lang=lang, help="show which heading of each report matched each section"
    )
    test.add_argument("profile", metavar="PROFILE", help="a profile .toml file or id")
    test.add_argument("reports", nargs="+", metavar="REPORT", help="report files")
    _add_reading_options(test)
    test.set_defaults(handler=_cmd_profile_test)


def _add_reading_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--fast",
        action="store_true",
        help="read PDFs with pypdfium2 (much faster, no bold/size cues)",
    )
    command.add_argument(
        "--no-ocr",
        dest="ocr",
        action="store_false",
        help="do not OCR image-only (scanned) PDF pages (OCR needs tesseract-ocr and "
        "tesseract-ocr-vie)",
    )
    _add_lang_option(command)
    command.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        help="read every PDF and DOCX afresh, and keep nothing (default: reuse what was read "
        "before)",
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
        help="where reports already read are kept (default: $TCDLCL_CACHE_DIR, else "
        "~/.cache/tcdlcl)",
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
    from ..checking.profile import ProfileError, ignoring, load_profile
    from ..messages import labels, render, shown
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
            profile = ignoring(profile, args.ignore)
    except ProfileError as error:
        print(f"tcdlcl: {error.message(args.lang)}", file=sys.stderr)
        return EXIT_USAGE
    desk_shown = args.summary or args.format in ("html", "xlsx")
    if (args.roster or args.province) and not desk_shown:
        print("tcdlcl: --roster/--province " + words["roster_needs"], file=sys.stderr)
        return EXIT_USAGE
    roster = None
    if args.roster or args.province:
        from ..output.roster import RosterError, load_roster, province_roster

        try:
            roster = load_roster(args.roster) if args.roster else province_roster(args.province)
        except RosterError as error:
            print(f"tcdlcl: {error}", file=sys.stderr)
            return EXIT_USAGE
    files, skipped, outside = find_reports(args.paths)
    if not files:  # one line: the reason, with how many files were skipped
        skipped_count = render(words["skipped_count"], len(skipped)) if skipped else ""
        reason = words["no_files"] + skipped_count
        print("tcdlcl: " + reason, file=sys.stderr)
        return EXIT_USAGE
    for path in skipped:
        print(f"tcdlcl: {shown(path)}: {words['skipped']}", file=sys.stderr)
    for path in outside:
        print(f"tcdlcl: {shown(path)}: {words['skipped_outside']}", file=sys.stderr)
    from ..output.files import OutputError, check_output_target
    from ..running.options import CheckOptions
    from .run import run_check

    options = CheckOptions(
        read=_read_options(args), detail=args.format == "html", timeout=args.timeout, lang=args.lang
    )
    try:
        for target in (args.output, args.summary):
            if target:  # before checking anything: an hour of work must not end here
                check_output_target(Path(target))
        return run_check(files, profile, options, args, roster)
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

    from ..checking.profile import bundled_profiles, profile_json_schema, user_profiles

    if args.schema or args.summary_schema:
        from ..output.desk import summary_json_schema

        schema = profile_json_schema() if args.schema else summary_json_schema()
        sys.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    bundled = bundled_profiles()
    for profile_id, name in sorted(bundled.items()):
        print(f"{profile_id}\t{name}")
    for profile_id, (name, path) in sorted(user_profiles().items()):
        if profile_id not in bundled:  # a bundled id wins in --profile ID
            print(f"{profile_id}\t{name}\t{path}")
    return EXIT_OK


def _cmd_profile_new(args: argparse.Namespace) -> int:
    from ..checking.profile_builder import ProfileBuildError, build_draft, to_toml
    from ..errors import ReadError
    from ..messages import labels, profile_error_message
    from ..output.files import atomic_output

    try:
        draft = build_draft(
            args.outline, args.request, profile_id=args.profile_id, options=_read_options(args)
        )
    except ReadError as error:
        print(f"tcdlcl: {error.message(args.lang)}", file=sys.stderr)
        return EXIT_USAGE
    except ProfileBuildError as error:
        params = {"source": args.request or args.outline, **error.params}
        print(f"tcdlcl: {profile_error_message(error.code, params, args.lang)}", file=sys.stderr)
        return EXIT_USAGE
    with atomic_output(Path(args.output)) as stream:
        stream.write(to_toml(draft, args.lang))
    words = labels("profile", args.lang)
    count = len(draft.profile.sections)
    print(words["written"].format(id=draft.profile.id, count=count, path=args.output))
    return EXIT_OK


def _load_for_cli(name: str) -> Profile | None:
    from ..checking.profile import ProfileError, load_profile

    try:
        return load_profile(name)
    except ProfileError as error:
        print(f"tcdlcl: {error}", file=sys.stderr)
        return None


def _cmd_profile_show(args: argparse.Namespace) -> int:
    from ..output.text import render_profile_tree

    profile = _load_for_cli(args.profile)
    if profile is None:
        return EXIT_USAGE
    sys.stdout.write(render_profile_tree(profile, args.lang))
    return EXIT_OK


def _cmd_profile_test(args: argparse.Namespace) -> int:
    from ..checking.checker import check
    from ..errors import ReadError
    from ..output.text import render_profile_test
    from ..parsing.report import parse

    profile = _load_for_cli(args.profile)
    if profile is None:
        return EXIT_USAGE
    options = _read_options(args)
    status = EXIT_OK
    for path in args.reports:
        try:
            result = check(parse(path, options=options, claims=False), profile)
        except ReadError as error:
            print(f"tcdlcl: {error.message(args.lang)}", file=sys.stderr)
            status = EXIT_USAGE
            continue
        sys.stdout.write(render_profile_test(path, result, profile, args.lang))
    return status


def _cmd_cache(args: argparse.Namespace) -> int:
    from ..reading.cache import MAX_AGE_DAYS, ReadCache

    cache = ReadCache(args.cache_dir)
    if args.clear:
        print(_cli_text("cache_cleared", args.lang, folder=cache.directory, count=cache.clear()))
        return EXIT_OK
    entries = cache.entries()
    kilobytes = sum(path.stat().st_size for path in entries) / 1000
    print(_cli_text(
        "cache_holds", args.lang,
        folder=cache.directory, count=len(entries), kilobytes=kilobytes, days=MAX_AGE_DAYS,
    ))  # fmt: skip
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = _lang_asked(argv)
    parser = _parser(lang)
    with _argparse_speaks(lang):
        args = parser.parse_args(argv)
        if args.command is None:
            parser.error(_cli_text("command_required", lang))
    args.lang = lang  # `tcdlcl --lang en check …`: the subcommand's default must not win
    try:
        return int(args.handler(args))
    except BrokenPipeError:  # `tcdlcl parse … | head`
        return EXIT_OK
    except OSError as error:  # an output or cache folder that cannot be written, …
        from ..messages import os_error_message

        print(f"tcdlcl: {os_error_message(error, lang)}", file=sys.stderr)
        return EXIT_USAGE

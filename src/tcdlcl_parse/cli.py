"""The ``tcdlcl`` command. Help is in English; messages default to Vietnamese (``--lang en``).

Exit codes: 0 ok, 1 some report has errors (``check``), 2 usage error or unreadable input.
Heavy libraries are imported inside the commands so ``tcdlcl --version`` starts fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    parse_cmd.add_argument(
        "--fast",
        action="store_true",
        help="read PDFs with pypdfium2 (much faster, no bold/size cues)",
    )
    parse_cmd.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="language of messages (default: vi)"
    )
    parse_cmd.set_defaults(handler=_cmd_parse)
    return parser


def _cmd_parse(args: argparse.Namespace) -> int:
    from .errors import ReadError
    from .pipeline import parse
    from .render import render_parsed_text

    try:
        report = parse(args.file, layout=not args.fast, lang=args.lang)
    except ReadError as error:
        print(f"tcdlcl: {error.message(args.lang)}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(render_parsed_text(report, args.lang))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.handler(args))
    except BrokenPipeError:  # `tcdlcl parse … | head`
        return EXIT_OK

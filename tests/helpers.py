"""Build a SourceDocument from plain text lines, as a text file would give it."""

from tcdlcl_parse import read
from tcdlcl_parse.models import SourceDocument


def doc(text: str) -> SourceDocument:
    return read(text.strip("\n").encode("utf-8"))


def report_codes(document, family: str = "") -> list[str]:
    """Codes of the findings that need no profile, of one family ("F", "S", "C") or all."""
    from tcdlcl_parse.checking.checker import report_findings
    from tcdlcl_parse.parsing.report import parse

    return [f.code for f in report_findings(parse(document)) if f.code.startswith(family)]

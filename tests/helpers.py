"""Build a SourceDocument from plain text lines, as a text file would give it."""

from tcdlcl_parse import read
from tcdlcl_parse.models import SourceDocument


def doc(text: str) -> SourceDocument:
    return read(text.strip("\n").encode("utf-8"))

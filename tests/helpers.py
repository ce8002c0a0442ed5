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


def pdf_from_objects(objects: list[bytes], version: bytes = b"1.7") -> bytes:
    """A PDF of numbered object bodies (object 1 the catalog) with a correct xref table."""
    out = bytearray(b"%PDF-" + version + b"\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)

"""Readers: PDF, DOCX and text files in, one :class:`SourceDocument` out.

``read`` sniffs the kind from the bytes (never trusting the file name alone), hands the bytes
to the matching reader, and lays its raw lines out with :func:`tcdlcl_parse.reading.lines.assemble`.
"""

from __future__ import annotations

import hashlib
import zipfile
from io import BytesIO
from pathlib import Path

from ..errors import ReadError
from ..messages import phrase
from ..models import DocumentKind, SourceDocument
from .base import ZIP_ERRORS, ReaderMeta
from .lines import RawLine, assemble
from .options import ReadOptions

DEFAULT_MAX_BYTES = 100 * 1024 * 1024

# Signature → what the file is: a note of the catalogue ([read_note.*] in data/messages.toml).
_BINARY_SIGNATURES: dict[bytes, str] = {
    b"\xd0\xcf\x11\xe0": "legacy-office",
    b"\x89PNG": "png",
    b"\xff\xd8\xff": "jpeg",
    b"Rar!": "rar",
    b"\x1f\x8b": "gzip",
    b"7z\xbc\xaf": "7z",
}


def sniff_kind(data: bytes, source: str) -> DocumentKind:
    """Tell PDF, DOCX and text apart by content."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                names = set(archive.namelist())
        except ZIP_ERRORS as exc:
            raise ReadError("corrupt", source, str(exc), note="broken-zip") from exc
        if "word/document.xml" in names:
            return "docx"
        raise _unsupported(source, "xlsx" if "xl/workbook.xml" in names else "zip")
    for signature, what in _BINARY_SIGNATURES.items():
        if head.startswith(signature):
            raise _unsupported(source, what)
    return "text"


def read(
    source: str | Path | bytes,
    kind: DocumentKind | None = None,
    options: ReadOptions | None = None,
    *,
    password: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> SourceDocument:
    """Read a report from a path or bytes.

    ``kind`` forces "pdf", "docx" or "text" instead of sniffing. ``options``
    (:class:`ReadOptions`): ``fast`` reads PDFs with pypdfium2's text extraction (no fonts);
    image-only (scanned) PDF pages are read by OCR with Tesseract when it is installed, and
    ``ocr=False`` skips them (a wholly scanned PDF then raises ``ReadError("scanned")``); with a
    ``cache`` (:mod:`tcdlcl_parse.reading.cache`), a PDF or DOCX file read before with the same
    options comes from it. Raises :class:`ReadError` with a stable ``code`` for anything
    unreadable (errors are not cached).
    """
    options = options or ReadOptions()
    cache = options.cache
    data, name = _load(source, max_bytes)
    if not data or data.isspace():  # not data.strip(): that copies the whole file
        raise ReadError("empty", name)
    kind = kind or sniff_kind(data, name)
    sha256 = hashlib.sha256(data).hexdigest()
    key = None
    if cache is not None and cache.caches(kind) and password is None:
        key = cache.key(sha256, kind, fast=options.fast, ocr=options.ocr)
        if (cached := cache.get(key)) is not None:
            return cached.model_copy(update={"source": name})  # the same bytes under another name
    raw_lines, meta = _read_kind(kind, data, name, fast=options.fast, password=password, ocr=options.ocr)
    text, lines, removed, warnings = assemble(raw_lines)
    if not text.strip():
        raise ReadError("empty", name, "no text", note="no-text")
    document = SourceDocument(
        source=name,
        kind=kind,
        sha256=sha256,
        text=text,
        lines=lines,
        removed_lines=removed,
        warnings=[*meta.warnings, *warnings],
        extractor=meta.extractor,
        encoding=meta.encoding,
        page_count=meta.page_count,
    )
    if cache is not None and key is not None:
        cache.put(key, document)
    return document


def _load(source: str | Path | bytes, max_bytes: int) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray):
        data, name = bytes(source), "<bytes>"
    else:
        path = Path(source)
        name = str(source)
        if not path.is_file():
            raise ReadError("not-found", name)
        if path.stat().st_size > max_bytes:
            raise _too_large(name, max_bytes)
        data = path.read_bytes()
    if len(data) > max_bytes:
        raise _too_large(name, max_bytes)
    return data, name


def _unsupported(source: str, what: str) -> ReadError:
    return ReadError("unsupported", source, phrase("read_note", what, "en"), note=what)


def _too_large(name: str, max_bytes: int) -> ReadError:
    megabytes = max_bytes // (1024 * 1024)
    detail = f"> {megabytes} MB"
    return ReadError("too-large", name, detail, note="larger-than", megabytes=megabytes)


def _read_kind(
    kind: DocumentKind, data: bytes, name: str, *, fast: bool, password: str | None, ocr: bool
) -> tuple[list[RawLine], ReaderMeta]:
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, name, fast=fast, password=password, ocr=ocr)
    if kind == "docx":
        from .docx import read_docx

        return read_docx(data, name)
    from .text import read_text

    return read_text(data, name)

__all__ = ["DEFAULT_MAX_BYTES", "ReadOptions", "ReaderMeta", "read", "sniff_kind"]

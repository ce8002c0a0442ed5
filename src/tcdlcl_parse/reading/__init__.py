"""Readers: PDF, DOCX and text files in, one :class:`SourceDocument` out.

``read`` sniffs the kind from the bytes (never trusting the file name alone), hands the bytes
to the matching reader, and lays its raw lines out with :func:`tcdlcl_parse.reading.lines.assemble`.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import zipfile
from io import BytesIO
from pathlib import Path

from ..errors import ReadError
from ..messages import shown
from ..models import DocumentKind, SourceDocument
from .base import ZIP_ERRORS, ReaderMeta, gc_paused
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
# A web page saved under a report's name ("<!DOCTYPE html>", "<html", after a BOM and blanks).
_HTML_RE = re.compile(
    rb"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL
)
_MACRO_CONTENT_TYPE = b"macroEnabled"


def sniff_kind(data: bytes, source: str) -> DocumentKind:
    """Tell PDF, DOCX and text apart by content; refuse what is none of them (a web page saved
    as .pdf, a macro-enabled .docm renamed .docx, images, archives)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                names = set(archive.namelist())
                types = (
                    archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
                )
        except ZIP_ERRORS as exc:
            raise ReadError("corrupt", source, str(exc), note="broken-zip") from exc
        if "word/document.xml" in names:
            if _MACRO_CONTENT_TYPE in types:
                raise _unsupported(source, "docm")
            return "docx"
        raise _unsupported(source, "xlsx" if "xl/workbook.xml" in names else "zip")
    for signature, what in _BINARY_SIGNATURES.items():
        if head.startswith(signature):
            raise _unsupported(source, what)
    if _HTML_RE.match(head.removeprefix(b"\xef\xbb\xbf")):
        raise _unsupported(source, "html")
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
    raw_lines, meta = _read_kind(
        kind, data, name, fast=options.fast, password=password, ocr=options.ocr
    )
    with gc_paused():
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
        page_header=meta.page_header,
    )
    if cache is not None and key is not None:
        cache.put(key, document)
    return document


def _load(source: str | Path | bytes, max_bytes: int) -> tuple[bytes, str]:
    if isinstance(source, bytes | bytearray):
        data, name = bytes(source), "<bytes>"
    else:
        name = shown(source)  # the name results carry: any output can encode it
        data = read_regular_file(source, name, max_bytes)
    if len(data) > max_bytes:
        raise _too_large(name, max_bytes)
    return data, name


def _unsupported(source: str, what: str) -> ReadError:
    return ReadError.noted("unsupported", source, what)


def _too_large(name: str, max_bytes: int) -> ReadError:
    return ReadError.noted("too-large", name, "larger-than", megabytes=max_bytes // (1024 * 1024))


def open_regular_file(path: str | Path, name: str) -> int:
    """A descriptor open on the regular file at ``path``. Opened without blocking and checked
    with fstat before any read: a FIFO or a device would otherwise block or never end."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as exc:
        raise ReadError("not-found", name) from exc
    except PermissionError as exc:
        raise ReadError("permission", name) from exc
    except IsADirectoryError as exc:
        raise _unsupported(name, "folder") from exc
    except OSError as exc:
        raise ReadError("not-found", name, exc.strerror or "") from exc
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise _unsupported(name, _special_kind(mode))
        os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def read_regular_file(path: str | Path, name: str, max_bytes: int) -> bytes:
    descriptor = open_regular_file(path, name)
    with os.fdopen(descriptor, "rb") as stream:
        if os.fstat(stream.fileno()).st_size > max_bytes:
            raise _too_large(name, max_bytes)
        try:
            return stream.read(max_bytes + 1)  # a file grown since the check is cut, then refused
        except PermissionError as exc:
            raise ReadError("permission", name) from exc
        except OSError as exc:
            raise ReadError("corrupt", name, exc.strerror or str(exc)) from exc


def _special_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "special"


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

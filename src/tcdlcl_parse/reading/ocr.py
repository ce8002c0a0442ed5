"""OCR for PDF pages that are only images (reports printed, signed, stamped and scanned).

Each such page is rendered by pdfium and read by the Tesseract program (Debian packages
``tesseract-ocr`` and ``tesseract-ocr-vie``) in TSV mode, which gives every word with its box.
Words are grouped into visual rows and split into columns at wide gaps, as the PDF reader does
with glyphs, so the two-column header of Decree 30 comes out as it does from a text PDF.

Tesseract runs with ``OMP_THREAD_LIMIT=1``: about 1.2 s a page here against 5.7 s with its
default OpenMP threads on two cores, and a batch already runs one file per core. Nothing is
sent anywhere: Tesseract reads the image from a pipe and writes words to a pipe.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from itertools import pairwise
from statistics import median
from typing import Any

from ..errors import ReadError
from .lines import LIST_LABEL_RE, RawLine, is_centered

OCR_DPI = 300
LANGUAGE = "vie"
PAGE_SEGMENTATION = 3
# A scan costs about a second a page; beyond this many pages the file is refused, not read.
MAX_OCR_PAGES = 60
_PAGE_TIMEOUT_S = 120
# Words whose boxes are this many word heights apart belong to different columns.
_COLUMN_GAP_HEIGHTS = 2.5
# A word this short alone before a wide gap is a list label, however OCR read it.
_MAX_GARBLED_LABEL = 3
# Tesseract's confidence (0–100) below which a one-character "word" is paper noise.
_NOISE_CONFIDENCE = 40


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    left: int
    top: int
    right: int
    bottom: int
    line_id: tuple[int, int, int]


@lru_cache(maxsize=1)
def ocr_unavailable_reason() -> str | None:
    """None when Tesseract with Vietnamese can run here, else what to install."""
    program = shutil.which("tesseract")
    if program is None:
        return "no OCR: install tesseract-ocr and tesseract-ocr-vie"
    listed = subprocess.run(
        [program, "--list-langs"],
        capture_output=True,
        text=True,
        timeout=30,
        env=_environment(),
        check=False,
    )
    if LANGUAGE not in listed.stdout.split():
        return "no Vietnamese OCR data: install tesseract-ocr-vie"
    return None


def ocr_pages(document: Any, page_indexes: list[int], source: str) -> list[RawLine]:
    """Lines of the given pages (0-based) of an open ``pypdfium2.PdfDocument``."""
    # Too many pages is too large whether or not Tesseract is installed here.
    if len(page_indexes) > MAX_OCR_PAGES:
        pages = len(page_indexes)
        raise ReadError(
            "too-large", source, f"{pages} scanned pages; OCR reads at most {MAX_OCR_PAGES}",
            note="ocr-too-many", pages=pages, limit=MAX_OCR_PAGES,
        )  # fmt: skip
    reason = ocr_unavailable_reason()
    if reason is not None:  # "… install tesseract-ocr-vie": the packages are said in any language
        packages = reason.rsplit("install ", 1)[-1]
        raise ReadError("scanned", source, reason, note="ocr-install", packages=packages)
    import pypdfium2 as pdfium

    lines: list[RawLine] = []
    for index in page_indexes:
        page = document[index]
        try:
            image = page.render(scale=OCR_DPI / 72, grayscale=True).to_pil()
        except pdfium.PdfiumError as exc:
            raise ReadError(
                "corrupt", source, f"page {index + 1} cannot be rendered: {exc}"
            ) from exc
        finally:
            page.close()
        width = image.width
        png = BytesIO()
        image.save(png, format="PNG")
        words = _tesseract_words(png.getvalue(), source)
        lines.extend(_page_lines(words, index + 1, width))
    return lines


def _environment() -> dict[str, str]:
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def _tesseract_words(png: bytes, source: str) -> list[_Word]:
    program = shutil.which("tesseract") or "tesseract"
    try:
        done = subprocess.run(
            [
                program,
                "stdin",
                "stdout",
                "-l",
                LANGUAGE,
                "--dpi",
                str(OCR_DPI),
                "--psm",
                str(PAGE_SEGMENTATION),
                "tsv",
            ],
            input=png,
            capture_output=True,
            timeout=_PAGE_TIMEOUT_S,
            env=_environment(),
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ReadError(
            "scanned", source, f"OCR took longer than {_PAGE_TIMEOUT_S} s on a page",
            note="ocr-timeout", seconds=_PAGE_TIMEOUT_S,
        ) from exc  # fmt: skip
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
        raise ReadError("scanned", source, f"OCR failed: {message[0]}")
    return list(_parse_tsv(done.stdout.decode("utf-8", "replace")))


def _parse_tsv(tsv: str) -> Iterator[_Word]:
    rows = tsv.splitlines()
    for row in rows[1:]:
        cells = row.split("\t")
        if len(cells) != 12 or cells[0] != "5":
            continue
        text = cells[11].strip()
        confidence = float(cells[10])
        if not text or (len(text) == 1 and not text.isalnum() and confidence < _NOISE_CONFIDENCE):
            continue
        left, top, width, height = (int(v) for v in cells[6:10])
        yield _Word(
            text,
            left,
            top,
            left + width,
            top + height,
            (int(cells[2]), int(cells[3]), int(cells[4])),
        )


def _page_lines(words: list[_Word], page: int, page_width: int) -> list[RawLine]:
    """Tesseract's lines, split at wide gaps, ordered by rows top to bottom, then left to right."""
    by_line: dict[tuple[int, int, int], list[_Word]] = {}
    for word in words:
        by_line.setdefault(word.line_id, []).append(word)
    segments = [
        segment
        for line_words in by_line.values()
        for segment in _split_at_gaps(sorted(line_words, key=lambda w: w.left))
    ]
    if not segments:
        return []
    left_edge = min(segment[0].left for segment in segments)
    return [
        _raw_line(segment, page, page_width, left_edge)
        for row in _rows(segments)
        for segment in _with_labels_joined(sorted(row, key=lambda s: s[0].left))
    ]


def _with_labels_joined(row: list[list[_Word]]) -> list[list[_Word]]:
    """A lone list label ("2." before Word's tab, or what OCR made of it: "5ì") belongs to the
    segment after it; it is not a column."""
    joined: list[list[_Word]] = []
    for segment in row:
        if joined and len(joined[-1]) == 1 and _looks_like_label(joined[-1][0].text):
            joined[-1] = joined[-1] + segment
        else:
            joined.append(segment)
    return joined


def _split_at_gaps(words: list[_Word]) -> list[list[_Word]]:
    height = median(w.bottom - w.top for w in words)
    segments = [[words[0]]]
    for previous, word in pairwise(words):
        if word.left - previous.right > _COLUMN_GAP_HEIGHTS * height:
            segments.append([])
        segments[-1].append(word)
    return segments


def _rows(segments: list[list[_Word]]) -> list[list[list[_Word]]]:
    """Segments whose vertical middles fall inside one another's band share a row."""
    rows: list[list[list[_Word]]] = []
    band = (0, -1)
    for segment in sorted(segments, key=lambda s: min(w.top for w in s)):
        top = min(w.top for w in segment)
        bottom = max(w.bottom for w in segment)
        if rows and band[0] <= (top + bottom) / 2 <= band[1]:
            rows[-1].append(segment)
            band = (min(band[0], top), max(band[1], bottom))
        else:
            rows.append([segment])
            band = (top, bottom)
    return rows


def _looks_like_label(text: str) -> bool:
    return len(text) <= _MAX_GARBLED_LABEL or LIST_LABEL_RE.match(text) is not None


def _raw_line(words: list[_Word], page: int, page_width: int, left_edge: int) -> RawLine:
    x0, x1 = words[0].left, max(w.right for w in words)
    points = 72 / OCR_DPI
    return RawLine(
        text=" ".join(w.text for w in words),
        page=page,
        # A word box spans ascenders to descenders, about 1.2 font sizes.
        font_size=round(median(w.bottom - w.top for w in words) * points / 1.2, 1),
        x0=round(x0 * points, 1),
        centered=is_centered(x0, x1, page_width, left_edge),
    )

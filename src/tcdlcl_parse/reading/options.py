"""How to read a report: one frozen object instead of the same flags on every signature."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .cache import ReadCache


@dataclass(frozen=True)
class ReadOptions:
    """``fast``: read PDFs with pypdfium2 (text only, no bold or size cues) instead of the
    layout reader (pdfminer through pdfplumber). ``ocr``: read image-only pages with Tesseract
    when it is installed. ``cache``: keep and reuse what was read from PDF and DOCX files."""

    fast: bool = False
    ocr: bool = True
    cache: ReadCache | None = None

"""Errors a reader raises for one bad input; a batch records them and moves on."""

from __future__ import annotations

from typing import Literal

ReadErrorCode = Literal[
    "not-found",
    "empty",
    "corrupt",
    "encrypted",
    "scanned",
    "unsupported",
    "too-large",
    "encoding",
    "permission",
]


class ReadError(Exception):
    """A file could not be read. ``code`` is stable; ``detail`` names the cause."""

    def __init__(self, code: ReadErrorCode, source: str, detail: str = "") -> None:
        self.code: ReadErrorCode = code
        self.source = source
        self.detail = detail
        super().__init__(f"{source}: {code}{': ' + detail if detail else ''}")

    def message(self, lang: str = "vi") -> str:
        """One line for a person, in Vietnamese (default) or English."""
        from .messages import read_error_message

        return read_error_message(self.code, self.source, self.detail, lang)

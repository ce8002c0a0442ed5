"""Errors a reader raises for one bad input; a batch records them and moves on."""

from __future__ import annotations

from typing import Any, Literal

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
    """A file could not be read. ``code`` is stable; ``detail`` names the cause (in English, for
    developers); ``note`` is the catalogued cause (``[read_note.*]`` with ``params``) that
    :meth:`message` says in either language."""

    def __init__(
        self, code: ReadErrorCode, source: str, detail: str = "", *, note: str | None = None,
        **params: Any,
    ) -> None:  # fmt: skip
        self.code: ReadErrorCode = code
        self.source = source
        self.detail = detail
        self.note = note
        self.params = params
        super().__init__(f"{source}: {code}{': ' + detail if detail else ''}")

    @classmethod
    def noted(cls, code: ReadErrorCode, source: str, note: str, **params: Any) -> ReadError:
        """An error whose cause is catalogued: ``detail`` is the cause's English text."""
        from .messages import phrase

        return cls(code, source, phrase("read_note", note, "en", **params), note=note, **params)

    def message(self, lang: str = "vi") -> str:
        """One line for a person, in Vietnamese (default) or English."""
        from .messages import read_error_message

        return read_error_message(self.code, self.source, self.detail, lang, self.note, self.params)

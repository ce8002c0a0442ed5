"""How to check files: one frozen object that travels to every worker."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..reading.options import ReadOptions

DEFAULT_TIMEOUT = 120.0


@dataclass(frozen=True)
class CheckOptions:
    """``read``: how files are read. ``detail``: add the text, highlights and outline a report
    view needs (the HTML report). ``timeout``: seconds per file (None or 0: no limit).
    ``lang``: language of the messages in the results ("vi" or "en")."""

    read: ReadOptions = field(default_factory=ReadOptions)
    detail: bool = False
    timeout: float | None = DEFAULT_TIMEOUT
    lang: str = "vi"

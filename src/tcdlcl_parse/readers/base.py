"""What every reader returns besides its lines."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class ReaderMeta:
    extractor: str
    page_count: int | None = None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)

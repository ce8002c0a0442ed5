"""Vietnamese dates in running text: ``09/9/2025``, ``09-9-2025``, ``09.9.2025`` and
``ngày 25 tháng 11 năm 2025``. Impossible dates are kept and flagged, not dropped: a checker
must be able to report ``31/11/2025``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

# Numeric forms need a four-digit year so "2/2020" or a symbol's "30/2020" never read as dates.
_NUMERIC = r"(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})"
_SPELLED = r"ngày\s+(?P<sd>\d{1,2})\s*,?\s*tháng\s+(?P<sm>\d{1,2})\s*,?\s*năm\s+(?P<sy>\d{4})"
DATE_RE = re.compile(rf"(?<![\d/.\-]){_NUMERIC}(?![\d/]|\.\d)|{_SPELLED}", re.IGNORECASE)

EARLIEST_YEAR = 1945  # the state's first documents; anything before is a typo


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    text: str
    day: int
    month: int
    year: int
    spelled: bool

    @property
    def iso(self) -> str:
        """``YYYY-MM-DD`` even for an impossible date (so it can be shown and reported)."""
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def valid(self) -> bool:
        return to_date(self.day, self.month, self.year) is not None and self.year >= EARLIEST_YEAR

    @property
    def date(self) -> dt.date | None:
        return to_date(self.day, self.month, self.year)


def to_date(day: int, month: int, year: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> Iterator[DateMatch]:
    """Every date in ``text[start:end]``, with offsets into ``text``."""
    for match in DATE_RE.finditer(text, start, len(text) if end is None else end):
        if match.group("d") is not None:
            day, month, year = match.group("d", "m", "y")
            spelled = False
        else:
            day, month, year = match.group("sd", "sm", "sy")
            spelled = True
        yield DateMatch(
            start=match.start(),
            end=match.end(),
            text=match.group(0),
            day=int(day),
            month=int(month),
            year=int(year),
            spelled=spelled,
        )


def parse_date(text: str) -> DateMatch | None:
    """The first date in ``text``, or None."""
    return next(find_dates(text), None)

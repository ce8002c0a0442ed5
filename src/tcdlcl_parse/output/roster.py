"""The communes a department expects a report from, and which of them a report's issuer is.

A roster comes from a file (CSV with a ``commune`` column, or one name a line) or from the
``vietnam-provinces`` dataset (the units in force since 1 July 2025). Names are matched by unit
kind and name after folding case and tone placement: "xã Ba Tô", "Ba Tô", "UBND xã Ba Tô" are
one entry. Diacritics are kept, since "Ba Tô" and "Ba Tơ" are two communes of Quảng Ngãi; a
name typed without them matches only when it fits one entry alone.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..normalize import ascii_key, match_key
from ..vocabulary import word_list

_SPACES_RE = re.compile(r"\s+")
NEAREST = 3


class RosterError(Exception):
    """A roster file or province that cannot be used; the message says why."""


@cache
def _kinds() -> tuple[str, ...]:
    return tuple(match_key(kind) for kind in word_list("don-vi-hanh-chinh.txt"))


@cache
def _bodies() -> tuple[str, ...]:
    # Longest first, so "văn phòng hđnd và ubnd" is dropped whole, not just its "ubnd".
    return tuple(
        sorted((match_key(b) for b in word_list("co-quan-cap-xa.txt")), key=len, reverse=True)
    )


def unit_key(name: str) -> tuple[str | None, str]:
    """(kind or None, folded name): "UBND xã Ba Tô, tỉnh Quảng Ngãi" → ("xã", "ba tô")."""
    text = _SPACES_RE.sub(" ", match_key(name.split(",")[0])).strip(" .;:-")
    for body in _bodies():
        if text.startswith(body + " "):
            text = text[len(body) + 1 :]
            break
    for kind in _kinds():
        if text.startswith(kind + " "):
            return kind, text[len(kind) + 1 :].strip()
    return None, text


@dataclass
class Roster:
    """Entries as written (in roster order) and an index from folded names to them."""

    origin: str
    names: list[str]
    _exact: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _plain: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _kinds: list[str | None] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        for index, name in enumerate(self.names):
            kind, key = unit_key(name)
            self._kinds.append(kind)
            self._exact.setdefault(key, []).append(index)
            self._plain.setdefault(ascii_key(key), []).append(index)

    def resolve(self, issuer: str | None) -> int | None:
        """Index of the entry ``issuer`` names, or None when it names none or several."""
        if not issuer:
            return None
        kind, key = unit_key(issuer)
        for candidates in (self._exact.get(key, []), self._plain.get(ascii_key(key), [])):
            fitting = [i for i in candidates if kind is None or self._kinds[i] in (None, kind)]
            if len(fitting) == 1:
                return fitting[0]
            if fitting:
                return None  # two units of one name and no kind to choose: not a guess
        return None

    def nearest(self, issuer: str | None) -> list[str]:
        """The roster names closest to ``issuer`` (diacritics ignored), best first."""
        from rapidfuzz import fuzz, process

        if not issuer:
            return []
        query = ascii_key(unit_key(issuer)[1])
        choices = [ascii_key(unit_key(name)[1]) for name in self.names]
        found = process.extract(query, choices, scorer=fuzz.ratio, limit=NEAREST, score_cutoff=50)
        return [self.names[index] for _, _, index in found]


def load_roster(path: str | Path) -> Roster:
    """A CSV file with a ``commune`` column, or a text file with one name a line."""
    path = Path(path)
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise RosterError(f"{path}: {error}") from error
    lines = [line for line in text.splitlines() if line.strip()]
    header = next(csv.reader([lines[0]])) if lines else []
    column = next((i for i, cell in enumerate(header) if cell.strip().lower() == "commune"), None)
    if column is not None:
        rows = csv.reader(io.StringIO("\n".join(lines[1:])))
        names = [row[column].strip() for row in rows if len(row) > column and row[column].strip()]
    else:
        names = [line.strip() for line in lines if not line.lstrip().startswith("#")]
    if not names:
        raise RosterError(f"{path}: no commune names")
    return Roster(str(path), names)


def province_roster(province: str) -> Roster:
    """The communes, wards and special zones of ``province`` in the vietnam-provinces dataset."""
    try:
        import vietnam_provinces
        from vietnam_provinces import Province, Ward
    except ImportError as error:
        raise RosterError(
            "--province needs the vietnam-provinces package: pip install 'tcdlcl-parse[desk]'"
        ) from error
    wanted = ascii_key(_SPACES_RE.sub(" ", province)).strip()
    provinces = list(Province.iter_all())
    found = [
        p for p in provinces
        if wanted in (ascii_key(p.name), ascii_key(f"{p.division_type.value} {p.name}"))
    ]  # fmt: skip
    if len(found) != 1:
        known = ", ".join(sorted(p.name for p in provinces))
        raise RosterError(f"unknown province {province!r} (known: {known})")
    names = [ward.name for ward in Ward.iter_by_province(found[0].code)]
    origin = f"{found[0].name} (vietnam-provinces {vietnam_provinces.__version__})"
    return Roster(origin, names)

"""The package's reference tables (data/*.csv, sources in data/SOURCES.md), parsed once."""

from __future__ import annotations

from functools import lru_cache

from ..normalize import ascii_key
from ..vocabulary import table as _rows


@lru_cache(maxsize=1)
def type_codes_by_name() -> dict[str, frozenset[str]]:
    """ascii key of a type name → its abbreviations ('quyet dinh' → {'QĐ'}), legal types included."""
    codes: dict[str, set[str]] = {}
    for row in _rows("loai-van-ban.csv"):
        if row["viet_tat"]:
            codes.setdefault(ascii_key(row["ten_loai"].split(" (")[0]), set()).add(row["viet_tat"])
    # Legal-document types whose codes the table leaves implicit.
    for name, code in (("nghi dinh", "NĐ"), ("thong tu", "TT"), ("luat", "L"), ("phap lenh", "PL")):
        codes.setdefault(name, set()).add(code)
    return {name: frozenset(group) for name, group in codes.items()}


@lru_cache(maxsize=1)
def type_names() -> dict[str, str]:
    """ascii key of a type name → its display name ('bao cao' → 'Báo cáo')."""
    return {ascii_key(name): name for name in (row["ten_loai"].split(" (")[0] for row in _rows("loai-van-ban.csv"))}


@lru_cache(maxsize=1)
def issuer_names() -> dict[str, str]:
    """Issuer abbreviation → full name ('TTg' → 'Thủ tướng Chính phủ')."""
    return {row["viet_tat"]: row["ten_day_du"].split(" (")[0] for row in _rows("co-quan-viet-tat.csv")}

"""The package's reference tables (data/*.csv, sources in data/SOURCES.md), parsed once."""

from __future__ import annotations

from functools import lru_cache

from ..normalize import ascii_key
from ..vocabulary import table as _rows


@lru_cache(maxsize=1)
def type_codes_by_name() -> dict[str, frozenset[str]]:
    """ascii key of a type name → its abbreviations ('quyet dinh' → {'QĐ'}), legal types
    included."""
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
    return {
        ascii_key(name): name
        for name in (row["ten_loai"].split(" (")[0] for row in _rows("loai-van-ban.csv"))
    }


@lru_cache(maxsize=1)
def issuer_names() -> dict[str, str]:
    """Issuer abbreviation → full name ('TTg' → 'Thủ tướng Chính phủ')."""
    return {
        row["viet_tat"]: row["ten_day_du"].split(" (")[0] for row in _rows("co-quan-viet-tat.csv")
    }


@lru_cache(maxsize=1)
def cited_type_names() -> dict[str, str]:
    """A type name as written before a cited symbol, lower case → the type it names
    ('chương trình hành động' → 'Chương trình', 'văn bản' → 'Công văn'): the names of
    loai-van-ban.csv and the other names of ten-loai-trich-dan.csv."""
    names = {
        name.lower(): name
        for name in (row["ten_loai"].split(" (")[0] for row in _rows("loai-van-ban.csv"))
    }
    names.update((row["ten_viet"].lower(), row["loai"]) for row in _rows("ten-loai-trich-dan.csv"))
    return names


@lru_cache(maxsize=1)
def issuer_aliases() -> dict[str, tuple[str, ...]]:
    """Issuer code → words (ascii keys) an issuer named in the text must contain (C006)."""
    aliases: dict[str, list[str]] = {}
    for row in _rows("bi-danh-co-quan.csv"):
        aliases.setdefault(row["viet_tat"], []).append(row["tu_khoa"])
    return {code: tuple(words) for code, words in aliases.items()}


@lru_cache(maxsize=1)
def positions() -> tuple[str, ...]:
    """Positions and titles ('Chủ tịch', 'Bộ trưởng'), each also with 'Phó ' before it."""
    names = [row["chuc_danh"] for row in _rows("chuc-danh.csv")]
    return tuple(names + [f"Phó {name}" for name in names])


@lru_cache(maxsize=1)
def issuer_words(role: str) -> tuple[str, ...]:
    """Words of ten-co-quan.csv with ``role``: 'ket-thuc' (ends an issuer's name as written in
    any case), 'dong-tu' (ends it when written in lower case: verbs, prepositions), 'ban' (a
    committee whose name runs on through verbs), 'viet-tat' (an abbreviation with a dot)."""
    return tuple(row["tu"] for row in _rows("ten-co-quan.csv") if row["vai_tro"] == role)

"""Word lists and tables shipped in data/ (sources in data/SOURCES.md), read once.

Vocabulary is data: a parser or rule asks for a list by file name instead of writing the words
in code. A word list has one entry a line; blank lines and lines starting with ``#`` are
comments. A table is CSV with a header row.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


def data_text(name: str) -> str:
    return resources.files("tcdlcl_parse").joinpath("data", name).read_text("utf-8")


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of data/``name`` in file order."""
    lines = (line.strip() for line in data_text(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of data/``name`` (CSV with a header) as dicts."""
    lines = [line for line in data_text(name).splitlines() if not line.startswith("#")]
    return tuple(csv.DictReader(lines))

"""The HTML report: one self-contained page (jinja2) for a department.

A sortable summary table, the department's aggregates, and per report its findings, its
outline with the profile sections each heading satisfied, and its text with citations, dates
and quantities marked. Report fragments are written to a temporary file as results stream in,
so memory does not grow with the batch; the page is assembled at the end.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from functools import lru_cache
from typing import IO, Any

from markupsafe import Markup, escape

from ..checking.profile import Profile
from ..messages import labels, render
from ..models import CheckResult, Detail
from .aggregate import Aggregate
from .desk import summary_tables
from .rows import summary_row

_NUMERIC_COLUMNS = {6, 7}  # error and warning counts
_MARKER = "<!--REPORTS-->"
_SOURCES = "<!--SOURCES "  # then the report's index and "-->", alone on a line


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(
        loader=PackageLoader("tcdlcl_parse", "templates"),
        autoescape=select_autoescape(["j2", "html"]),
    )


def marked_text(detail: Detail) -> Markup:
    """The text, escaped, with non-overlapping highlights as <mark> elements."""
    out: list[str] = []
    position = 0
    for highlight in detail.highlights:
        if highlight.start < position:
            continue
        out.append(escape(detail.text[position : highlight.start]))
        title = f' title="{escape(highlight.label)}"' if highlight.label else ""
        marked = escape(detail.text[highlight.start : highlight.end])
        out.append(f'<mark class="{highlight.kind}"{title}>{marked}</mark>')
        position = highlight.end
    out.append(escape(detail.text[position:]))
    return Markup("".join(out))


def write_html(
    results: Iterable[CheckResult],
    stream: IO[str],
    lang: str,
    profile: Profile,
    aggregate: Aggregate | None = None,
) -> None:
    """The page; a report sent as several files is shown once, with all its files listed."""
    key = "en" if lang == "en" else "vi"
    text = labels("html", lang)
    desk = labels("desk", lang)
    environment = _environment()
    fragment = environment.get_template("report-fragment.html.j2")
    aggregate = aggregate or Aggregate(profile)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryFile("w+", encoding="utf-8") as fragments:
        for result in results:
            group, new = aggregate.add(result)
            if new:
                rows.append({"index": group.index, "cells": summary_row(result, lang)[:-1]})
                marked = marked_text(result.detail) if result.detail else Markup("")
                fragments.write(fragment.render(
                    index=group.index, result=result, marked=marked, t=text, profile=profile,
                ))  # fmt: skip
            # The text is in the fragment file now; drop it from the result we were handed.
            result.detail = None
        for row in rows:  # a file cell lists every file of its report
            row["cells"][0] = " + ".join(aggregate.groups[row["index"]].sources)
        summary = aggregate.summary()
        page = environment.get_template("report.html.j2").render(
            lang=key,
            t=text,
            d=desk,
            render=render,
            profile=profile,
            aggregate=aggregate,
            rows=rows,
            summary=summary,
            desk_rows=summary_tables(summary, lang),
            headers=labels("files", lang)["summary_columns"][:-1],
            numeric=_NUMERIC_COLUMNS,
        )
        head, tail = page.split(_MARKER)
        stream.write(head)
        fragments.seek(0)
        sources = environment.get_template("report-sources.html.j2")
        for line in fragments:
            # Fragments were written before later files of the same report arrived.
            if line.startswith(_SOURCES):
                group = aggregate.groups[int(line[len(_SOURCES) : line.index("-->")])]
                line = sources.render(group=group, d=desk) + "\n"
            stream.write(line)
        stream.write(tail)

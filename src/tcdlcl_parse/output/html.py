"""The HTML report: one self-contained page (jinja2) for a department.

A sortable summary table, the department's aggregates, and per report its findings, its
outline with the profile sections each heading satisfied, and its text with citations, dates
and quantities marked. Report fragments are written to a temporary file as results stream in,
so memory does not grow with the batch; the page is assembled at the end.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from typing import IO, Any

from markupsafe import Markup, escape

from ..checking.profile import Profile
from ..messages import labels, render
from ..models import CheckResult, Detail
from .aggregate import Aggregate
from .rows import summary_row

_NUMERIC_COLUMNS = {6, 7}  # error and warning counts
_MARKER = "<!--REPORTS-->"


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(
        loader=PackageLoader("tcdlcl_parse", "templates"), autoescape=select_autoescape(["j2", "html"])
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
        out.append(f'<mark class="{highlight.kind}"{title}>{escape(detail.text[highlight.start : highlight.end])}</mark>')
        position = highlight.end
    out.append(escape(detail.text[position:]))
    return Markup("".join(out))


def write_html(results: Iterable[CheckResult], stream: IO[str], lang: str, profile: Profile) -> None:
    key = "en" if lang == "en" else "vi"
    text = labels("html", lang)
    environment = _environment()
    fragment = environment.get_template("report-fragment.html.j2")
    aggregate = Aggregate(profile)
    rows = []
    with tempfile.TemporaryFile("w+", encoding="utf-8") as fragments:
        for index, result in enumerate(aggregate.tee(results)):
            rows.append({"index": index, "cells": summary_row(result, lang)[:-1]})
            marked = marked_text(result.detail) if result.detail else Markup("")
            fragments.write(fragment.render(index=index, result=result, marked=marked, t=text))
            # The text is in the fragment file now; drop it from the result we were handed.
            result.detail = None
        page = environment.get_template("report.html.j2").render(
            lang=key, t=text, render=render, profile=profile, aggregate=aggregate, rows=rows,
            headers=labels("files", lang)["summary_columns"][:-1], numeric=_NUMERIC_COLUMNS,
        )
        head, tail = page.split(_MARKER)
        stream.write(head)
        fragments.seek(0)
        shutil.copyfileobj(fragments, stream)
        stream.write(tail)

"""Every message a person reads, from one catalogue (data/messages.toml), in Vietnamese or English.

Reading, parsing and checking produce codes and parameters only; text is rendered here, when
results leave the library (check_file, check_batch, the command line).
"""

from __future__ import annotations

import os
import string
import tomllib
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from .models import CheckResult, Finding

Lang = Literal["vi", "en"]


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Any]:
    text = resources.files("tcdlcl_parse").joinpath("data", "messages.toml").read_text("utf-8")
    return tomllib.loads(text)


def shown(name: object) -> str:
    """A file name as a person can read it: bytes that are not UTF-8 (a zip made on Windows),
    which Python keeps as lone surrogates, become U+FFFD; every output can then encode it."""
    text = os.fsdecode(name) if isinstance(name, bytes | os.PathLike) else str(name)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _lang(lang: str) -> Lang:
    return "en" if lang == "en" else "vi"


class _Formatter(string.Formatter):
    """``str.format``, plus ``{n:report|reports}``: the number and its noun, singular for 1.

    Vietnamese nouns do not inflect; English ones say "1 report", "2 reports".
    """

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, many = format_spec.split("|", 1)
            return f"{value} {one if value == 1 else many}"
        return str(super().format_field(value, format_spec))


_FORMATTER = _Formatter()


def render(template: str, /, *args: Any, **params: Any) -> str:
    """A catalogue template filled in (``{n:report|reports}`` picks the noun's number)."""
    return _FORMATTER.vformat(template, args, params)


def phrase(area: str, key: str, lang: str = "vi", /, **params: Any) -> str:
    """The message ``[area.key]`` in ``lang``, filled in with ``params``."""
    return render(str(catalogue()[area][key][_lang(lang)]), **params)


def finding_codes() -> frozenset[str]:
    """Every finding code the catalogue has a message for."""
    return frozenset(catalogue()["finding"])


def finding_title(code: str, lang: str = "vi") -> str:
    return str(catalogue()["finding"][code]["title"][_lang(lang)])


def finding_message(code: str, params: dict[str, Any], lang: str = "vi") -> str:
    """The message of finding ``code`` rendered from ``params``."""
    entry = catalogue()["finding"][code]
    # A rule may pick another wording of its message ("blank" for F002's blank number).
    template = str(entry[params.get("variant") or "message"][_lang(lang)])
    if "hint" in entry and params.get("near"):
        template += entry["hint"][_lang(lang)]
    choices = entry.get("choices", {})
    words = {name: _choice(choices[name], value, _lang(lang), params) for name, value in
             params.items() if name in choices}  # fmt: skip
    return render(template, **{**params, **words})


def _choice(table: dict[str, Any], value: Any, lang: Lang, params: dict[str, Any]) -> str:
    """A param that names words of the catalogue ("done|ongoing") in the reader's language,
    the parts joined by the table's "_or"; a value the table does not know stays as it is."""
    parts = str(value).split("|")
    if not all(part in table for part in parts):
        return str(value)
    joiner = str(table.get("_or", {}).get(lang, ", "))
    return joiner.join(str(table[part][lang]).format(**params) for part in parts)


def read_error_message(
    code: str,
    source: str,
    detail: str = "",
    lang: str = "vi",
    note: str | None = None,
    params: Mapping[str, Any] | None = None,
) -> str:
    """One line for a file that could not be read: where, why, and the cause if known.

    ``note`` names a catalogued cause (``[read_note.*]``), said in either language; a bare
    ``detail`` comes from a library, in English, so only English output shows it.
    """
    reason = phrase("read_error", code, lang)
    if note is not None:
        detail = phrase("read_note", note, lang, **(params or {}))
    elif _lang(lang) != "en":
        detail = ""
    return _one_line(source, reason, detail)


def _one_line(where: str, reason: str, detail: str) -> str:
    """ "where: reason (detail)", the detail left out when there is none."""
    return f"{where}: {reason}{f' ({detail})' if detail else ''}"


def reading_note(warning: str, lang: str = "vi") -> str:
    """A reader's warning (``"ocr-pages:2-3"``: a code and its value) said in ``lang``."""
    code, _, value = warning.partition(":")
    entry = catalogue()["read_warning"].get(code)
    return render(str(entry[_lang(lang)]), value=value) if entry else warning


def output_error_message(code: str, path: str, detail: str = "", lang: str = "vi") -> str:
    """One line for an output file that cannot be written."""
    return _one_line(path, phrase("output_error", code, lang), detail)


def file_error_message(kind: str, lang: str = "vi", **params: Any) -> str:
    """Why a file got no result although it could be read (timeout, crash, a bug)."""
    return phrase("file_error", kind, lang, **params)


def profile_error_message(code: str, params: Mapping[str, Any], lang: str = "vi") -> str:
    """Why a profile cannot be used; ``invalid`` lists each problem pydantic found."""
    if code == "not-toml":  # tomllib knows the line and column, or that the text ended early
        where = "toml-place" if params.get("line") else "toml-end"
        place = phrase("profile_error", where, lang, **params)
        return phrase("profile_error", code, lang, path=params["path"], place=place)
    if code != "invalid":
        return phrase("profile_error", code, lang, **params)
    problems = "; ".join(
        # a check of the whole profile has no location
        f"{problem['loc'] + ': ' if problem['loc'] else ''}{_problem(problem, lang)}"
        for problem in params["problems"]
    )
    return phrase("profile_error", code, lang, origin=params["origin"], problems=problems)


def _problem(problem: Mapping[str, Any], lang: str) -> str:
    """One pydantic error in ``lang``: its type's template, or (English) pydantic's own words."""
    templates = catalogue()["validation"]
    entry = templates.get(problem["type"])
    if entry is None:
        return str(problem["msg"]) if _lang(lang) == "en" else str(templates["other"]["vi"])
    ctx = {key: _listed(value) for key, value in problem.get("ctx", {}).items()}
    try:
        return render(str(entry[_lang(lang)]), **ctx)
    except (KeyError, IndexError):  # a context this pydantic version does not give
        return str(templates["other"][_lang(lang)])


def _listed(value: Any) -> Any:
    if isinstance(value, Sequence) and not isinstance(value, str):
        return ", ".join(str(item) for item in value)
    return value


def os_error_message(error: OSError, lang: str = "vi") -> str:
    """An operating-system error on a file, from its errno (the OS says it in English)."""
    import errno

    name = errno.errorcode.get(error.errno or 0, "")
    entry = catalogue()["os_error"].get(name)
    path = error.filename2 or error.filename  # os.replace(temporary, output): the output
    if entry is None:
        strerror = error.strerror or str(error)
        reason = phrase("os_error", "other", lang, errno=error.errno, strerror=strerror)
    else:
        reason = str(entry[_lang(lang)])
    return f"{reason}: {path}" if path else reason


def labels(area: str, lang: str = "vi") -> dict[str, Any]:
    """The words of one output (``"check_text"``, ``"html"``, ``"files"`` …)."""
    return dict(catalogue()["labels"][area][_lang(lang)])


def severity_word(severity: str, lang: str = "vi") -> str:
    """ "error", "warning", "info" as the output's language says them."""
    return str(labels("check_text", lang)[severity])


def with_message(finding: Finding, lang: str = "vi") -> Finding:
    return finding.model_copy(
        update={"message": finding_message(finding.code, finding.params, lang)}
    )


def localize(result: CheckResult, lang: str = "vi") -> CheckResult:
    """``result`` with every finding's message rendered in ``lang``."""
    return result.model_copy(update={"findings": [with_message(f, lang) for f in result.findings]})

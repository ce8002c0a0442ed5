"""Every message a person reads, from one catalogue (data/messages.toml), in Vietnamese or English.

Reading, parsing and checking produce codes and parameters only; text is rendered here, when
results leave the library (check_file, check_batch, the command line).
"""

from __future__ import annotations

import os
import tomllib
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


def finding_codes() -> frozenset[str]:
    """Every finding code the catalogue has a message for."""
    return frozenset(catalogue()["finding"])


def finding_title(code: str, lang: str = "vi") -> str:
    return str(catalogue()["finding"][code]["title"][_lang(lang)])


def finding_message(code: str, params: dict[str, Any], lang: str = "vi") -> str:
    """The message of finding ``code`` rendered from ``params``."""
    entry = catalogue()["finding"][code]
    template = str(entry["message"][_lang(lang)])
    if "hint" in entry and params.get("near"):
        template += entry["hint"][_lang(lang)]
    return template.format(**params)


def read_error_message(code: str, source: str, detail: str = "", lang: str = "vi") -> str:
    """One line for a file that could not be read: where, why, and the cause if known."""
    reason = catalogue()["read_error"][code][_lang(lang)]
    # A detail that names a known cause ("fifo", "html" …) is said in the reader's language.
    named = catalogue()["read_error_detail"].get(detail)
    detail = str(named[_lang(lang)]) if named else detail
    return f"{source}: {reason}{f' ({detail})' if detail else ''}"


def profile_error_message(code: str, origin: str, detail: str = "", lang: str = "vi") -> str:
    """One line for a profile that cannot be used."""
    reason = catalogue()["profile_error"][code][_lang(lang)]
    return f"{origin}: {reason}{f' ({detail})' if detail else ''}"


def output_error_message(code: str, path: str, detail: str = "", lang: str = "vi") -> str:
    """One line for an output file that cannot be written."""
    reason = catalogue()["output_error"][code][_lang(lang)]
    return f"{path}: {reason}{f' ({detail})' if detail else ''}"


def file_error_message(kind: str, lang: str = "vi", **params: Any) -> str:
    """Why a file got no result although it could be read (timeout, crash, a bug)."""
    return str(catalogue()["file_error"][kind][_lang(lang)]).format(**params)


def labels(area: str, lang: str = "vi") -> dict[str, Any]:
    """The words of one output (``"check_text"``, ``"html"``, ``"files"`` …)."""
    return dict(catalogue()["labels"][area][_lang(lang)])


def with_message(finding: Finding, lang: str = "vi") -> Finding:
    return finding.model_copy(update={"message": finding_message(finding.code, finding.params, lang)})


def localize(result: CheckResult, lang: str = "vi") -> CheckResult:
    """``result`` with every finding's message rendered in ``lang``."""
    return result.model_copy(update={"findings": [with_message(f, lang) for f in result.findings]})

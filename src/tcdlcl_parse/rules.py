"""The rule catalogue (data/rules.toml) and the one way to create a :class:`Finding`."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

from .models import Finding, Severity


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str
    severity: Severity
    title_vi: str
    title_en: str
    message_vi: str
    message_en: str
    # Appended to the message when the finding has a non-empty ``near`` param.
    hint_vi: str | None = None
    hint_en: str | None = None
    # For docs/rules.md: why the rule exists, and a text that triggers it.
    explanation: str | None = None
    example: str | None = None


@lru_cache(maxsize=1)
def rules() -> dict[str, Rule]:
    """Every rule by code, validated."""
    raw = tomllib.loads(resources.files(__package__).joinpath("data/rules.toml").read_text("utf-8"))
    return {code: Rule(code=code, **fields) for code, fields in raw.items()}


def make_finding(
    code: str,
    /,
    *,
    lang: str = "vi",
    start: int | None = None,
    end: int | None = None,
    page: int | None = None,
    section: str | None = None,
    severity: Severity | None = None,
    **params: str | float | None,
) -> Finding:
    """Build a finding for ``code`` with its message rendered in ``lang``."""
    rule = rules()[code]
    template = rule.message_en if lang == "en" else rule.message_vi
    hint = rule.hint_en if lang == "en" else rule.hint_vi
    if hint and params.get("near"):
        template += hint
    return Finding(
        code=code,
        severity=severity or rule.severity,
        message=template.format(**params),
        section=section,
        start=start,
        end=end,
        page=page,
        params=params,
    )

"""Finding rules as units: one function per code, registered with :func:`rule`.

A rule reads what the parsers found (a :class:`Context`) and yields :class:`Hit`s; the checker
turns them into findings with the code, and the severity the profile gives it. A rule's docstring
is its explanation in docs/rules.md; its ``example`` must fire it and its ``counter_example``
must not (tests/test_rules.py runs both). Messages live in data/messages.toml, keyed by code.

Adding a code: write the unit in the family module, add its messages, that is all.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, Protocol

from ...models import Metadata, ParsedReport, Severity

if TYPE_CHECKING:
    from ..matching import Match
    from ..profile import Profile

Param = str | int | float | None
# What a rule needs beyond the parsed report; rules that need no profile run in `tcdlcl parse`.
Needs = Literal["report", "profile"]


@dataclass
class Context:
    """What one report's rules look at. ``matches`` (profile section id → heading) is worked
    out once, the first time a rule asks for it."""

    parsed: ParsedReport
    profile: Profile | None = None

    @property
    def metadata(self) -> Metadata:
        return self.parsed.metadata

    @cached_property
    def report_date(self) -> dt.date | None:
        date = self.parsed.metadata.date
        return dt.date.fromisoformat(date) if date else None

    @cached_property
    def matches(self) -> dict[str, Match]:
        from ..matching import match_outline

        assert self.profile is not None, "a profile rule ran without a profile"
        return match_outline(self.parsed.sections, self.profile, self.parsed.document.text)

    @property
    def required_profile(self) -> Profile:
        assert self.profile is not None, "a profile rule ran without a profile"
        return self.profile


class Located(Protocol):
    """Anything with a place in the text: a line, a mention, a section."""

    start: int
    end: int
    page: int | None


@dataclass(frozen=True)
class Hit:
    """One place a rule fired: where, for which profile section, and the message's params."""

    params: dict[str, Param] = field(default_factory=dict)
    span: Located | None = None
    section: str | None = None


def hit(span: Located | None = None, *, section: str | None = None, **params: Param) -> Hit:
    return Hit(params=params, span=span, section=section)


RuleFunction = Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    needs: Needs
    run: RuleFunction
    example: str | None = None
    counter_example: str | None = None
    # Changes to the cv3078 profile the example needs (a deadline, say).
    example_profile: dict[str, Any] = field(default_factory=dict)
    # The examples are read as OCR text of a scan (a rule about what a scan leaves unreadable).
    example_ocr: bool = False
    # The severity on a scan (OCR text), where the lines the rule reads are often under the
    # seal or the signature: what is missing there may only be unread.
    on_scan: Severity | None = None

    @property
    def explanation(self) -> str:
        return inspect.getdoc(self.run) or ""


_REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    severity: Severity,
    *,
    needs: Needs = "report",
    example: str | None = None,
    counter_example: str | None = None,
    example_profile: dict[str, Any] | None = None,
    example_ocr: bool = False,
    on_scan: Severity | None = None,
) -> Callable[[RuleFunction], RuleFunction]:
    """Register the decorated function as the rule for ``code``."""

    def register(function: RuleFunction) -> RuleFunction:
        if code in _REGISTRY:
            raise ValueError(f"rule {code} registered twice")
        _REGISTRY[code] = Rule(
            code, severity, needs, function, example, counter_example, example_profile or {},
            example_ocr, on_scan,
        )  # fmt: skip
        return function

    return register


def all_rules() -> dict[str, Rule]:
    """Every rule by code, in code order (importing the family modules registers them)."""
    from . import citations, claims, header, sections  # noqa: F401

    return dict(sorted(_REGISTRY.items()))


def run_rules(context: Context, rules: Iterable[Rule]) -> Iterator[tuple[Rule, Hit]]:
    for unit in rules:
        for found in unit.run(context):
            yield unit, found

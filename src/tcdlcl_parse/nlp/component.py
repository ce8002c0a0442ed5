"""The ``tcdlcl`` spaCy pipeline component.

After ``pip install 'tcdlcl-parse[spacy]'`` spaCy finds the factory through the
``spacy_factories`` entry point::

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    nlp.add_pipe("tcdlcl", config={"profile": "cv3078"})
    doc = nlp(text)

The Doc's text is read as a plain-text report and parsed; every span aligns to tokens
(``alignment_mode="expand"``) and its label is the value it stands for:

- ``doc.spans["citations"]``: each mention of a cited document, label the canonical symbol,
  ``span._.citation`` the :class:`~tcdlcl_parse.models.Citation`;
- ``doc.spans["sections"]``: each numbered section with its subsections, label the profile
  section id it satisfied (``"III.2+III.3"`` when it satisfied two) or, unmatched or without
  a profile, its number path as written (``"II.3"``); ``span._.section`` the
  :class:`~tcdlcl_parse.models.Section`, ``span._.profile_id`` the matched id or None;
- ``doc.spans["claims"]``: sentences asserting a result, label the status (``done``,
  ``planned`` …), ``span._.claim`` the :class:`~tcdlcl_parse.models.Claim`;
- ``doc.spans["dates"]``: every date, label its ISO form;
- ``doc._.report``: the :class:`~tcdlcl_parse.models.ParsedReport`; ``doc._.check``: the
  :class:`~tcdlcl_parse.models.CheckResult` (messages in ``lang``) when a profile is configured.
  Their offsets point into ``doc._.report.document.text``, the text as the reader laid it out;
  the spans are the Doc's own.

The models are kept in ``doc.user_data`` as plain data (what ``Doc.to_bytes``, ``DocBin`` and
``nlp.pipe(n_process=…)`` can carry) and made again on each access: keep one in a variable.
"""

# No `from __future__ import annotations`: spaCy validates the factory's config against its
# annotations at run time.

from collections.abc import Callable, Iterator
from typing import Any, TypeVar, cast

from pydantic import BaseModel
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..checking.checker import check
from ..checking.profile import Profile, load_profile
from ..errors import ReadError
from ..messages import Lang, localize
from ..models import CheckResult, Citation, Claim, ParsedReport, Section
from ..parsing.claims import numbered_sections
from ..parsing.dates import find_dates
from ..parsing.report import parse
from ..reading import read

SPAN_KEYS = ("citations", "sections", "claims", "dates")
_M = TypeVar("_M", bound=BaseModel)


def _place(item: Doc | Span, name: str) -> tuple[dict[Any, Any], tuple[Any, ...]]:
    """Where ``item._.name`` is kept: ``doc.user_data`` (spaCy keys it by tuples too, although
    its types say str) and the key."""
    if isinstance(item, Doc):
        return cast(dict[Any, Any], item.user_data), ("tcdlcl", name)
    key = ("tcdlcl", name, item.start_char, item.end_char)
    return cast(dict[Any, Any], item.doc.user_data), key


def _keep(item: Doc | Span, name: str, value: BaseModel) -> None:
    store, key = _place(item, name)
    store[key] = value.model_dump(mode="json")


def _getter(name: str, model: type[_M]) -> Callable[[Doc | Span], _M | None]:
    def getter(item: Doc | Span) -> _M | None:
        store, key = _place(item, name)
        return None if key not in store else model.model_validate(store[key])

    return getter


_MODELS: dict[str, type[BaseModel]] = {
    "report": ParsedReport, "check": CheckResult,
    "citation": Citation, "section": Section, "claim": Claim,
}  # fmt: skip
for _name, _model in _MODELS.items():
    _owner = Doc if _name in ("report", "check") else Span
    if not _owner.has_extension(_name):
        _owner.set_extension(_name, getter=_getter(_name, _model))
if not Span.has_extension("profile_id"):
    Span.set_extension("profile_id", default=None)


class OffsetMap:
    """Offsets in the display text the reader made → offsets in the Doc's own text.

    The reader strips lines, splits side-by-side columns, drops page numbers and repairs
    characters, so the texts differ a little: they are aligned in one pass, whitespace
    matching whitespace, and a difference skipped by finding the next shared stretch.
    """

    _RESYNC = 8  # characters that must agree to pick up the alignment after a difference
    _LOOKAHEAD = 4000  # how far to look for them (a dropped page header is short)

    def __init__(self, display: str, original: str) -> None:
        same = display == original
        self._to_original: list[int] | None = None if same else _align(display, original)
        self._length = len(original)

    def start(self, offset: int) -> int:
        """Where a span starting at ``offset`` starts: its first character that has a match."""
        if self._to_original is None:
            return offset
        for index in range(offset, len(self._to_original)):
            if self._to_original[index] >= 0:
                return self._to_original[index]
        return self._length

    def end(self, offset: int) -> int:
        """Where a span ending at ``offset`` (exclusive) ends: after its last matched character."""
        if self._to_original is None:
            return offset
        for index in range(min(offset, len(self._to_original)) - 1, -1, -1):
            if self._to_original[index] >= 0:
                return self._to_original[index] + 1
        return 0


def _align(display: str, original: str) -> list[int]:
    """For each display character, its offset in ``original`` (-1: none)."""
    out = [-1] * len(display)
    i = j = 0
    while i < len(display) and j < len(original):
        here, there = display[i], original[j]
        if here == there or (here.isspace() and there.isspace()):
            out[i] = j
            i += 1
            j += 1
        elif there.isspace():
            j += 1
        elif here.isspace():
            i += 1
        else:
            found = original.find(display[i : i + OffsetMap._RESYNC], j, j + OffsetMap._LOOKAHEAD)
            if found < 0:  # a repaired character: take it as a substitution
                i += 1
                j += 1
            else:
                j = found
    return out


class TcdlclComponent:
    """Parses each Doc as a report and checks it against ``profile`` when one is given."""

    def __init__(self, name: str, profile: Profile | None, lang: Lang) -> None:
        self.name = name
        self.profile = profile
        self.lang: Lang = lang

    def __call__(self, doc: Doc) -> Doc:
        for key in SPAN_KEYS:
            doc.spans[key] = []
        try:
            document = read(doc.text.encode("utf-8"), kind="text")
        except ReadError:  # an empty or blank Doc: nothing to find
            return doc
        report = parse(document)
        result = localize(check(report, self.profile), self.lang) if self.profile else None
        _keep(doc, "report", report)
        if result is not None:
            _keep(doc, "check", result)
        offsets = OffsetMap(document.text, doc.text)
        doc.spans["citations"] = list(_citation_spans(doc, report, offsets))
        doc.spans["sections"] = list(_section_spans(doc, report, result, offsets))
        doc.spans["claims"] = [
            span
            for claim in report.claims
            if (span := _span(doc, offsets, claim.start, claim.end, claim.status, claim=claim))
        ]
        doc.spans["dates"] = [
            span
            for date in find_dates(document.text)
            if (span := _span(doc, offsets, date.start, date.end, date.iso))
        ]
        return doc


def _span(
    doc: Doc, offsets: OffsetMap, start: int, end: int, label: str, **values: Any
) -> Span | None:
    """The token span over ``start:end`` of the display text; ``values`` go to its ``._``
    (models as plain data, read back by the extension's getter)."""
    start, end = offsets.start(start), offsets.end(end)
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None:  # nothing but whitespace in the Doc there
        return None
    for name, value in values.items():
        if isinstance(value, BaseModel):
            _keep(span, name, value)
        else:
            setattr(span._, name, value)
    return span


def _citation_spans(doc: Doc, report: ParsedReport, offsets: OffsetMap) -> Iterator[Span]:
    mentions = sorted(
        (
            (mention.start, mention.end, citation)
            for citation in report.citations
            for mention in citation.mentions
        ),
        key=lambda item: item[:2],
    )
    for start, end, citation in mentions:
        if span := _span(doc, offsets, start, end, citation.symbol, citation=citation):
            yield span


def _section_spans(
    doc: Doc, report: ParsedReport, result: CheckResult | None, offsets: OffsetMap
) -> Iterator[Span]:
    satisfied: dict[int, list[str]] = {}
    for spec_id, match in result.sections.items() if result else ():
        satisfied.setdefault(match.start, []).append(spec_id)
    for section, number, _ in numbered_sections(report.sections):
        ids = satisfied.get(section.start)
        profile_id = "+".join(sorted(ids)) if ids else None
        span = _span(
            doc,
            offsets,
            section.start,
            section.subtree_end(),
            profile_id or number,
            section=section,
            profile_id=profile_id,
        )
        if span is not None:
            yield span


@Language.factory(
    "tcdlcl",
    default_config={"profile": None, "lang": "vi"},
    assigns=["doc.spans", "doc._.report", "doc._.check"],
)
def make_component(nlp: Language, name: str, profile: str | None, lang: str) -> TcdlclComponent:
    """``profile``: a bundled profile id (``cv3078``) or a profile file's path; None: parse only.
    ``lang``: the language of the check's messages, ``vi`` or ``en``."""
    loaded = load_profile(profile) if profile else None
    return TcdlclComponent(name, loaded, "en" if lang == "en" else "vi")

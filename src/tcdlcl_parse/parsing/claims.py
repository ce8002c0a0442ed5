"""Claims: sentences of the section bodies that assert a result, an action or a plan.

Bodies are first cut into paragraphs by our own line structure (bullets, numbered items,
lines that end a sentence; a sentence broken by a blank line or a page break in a PDF is one
paragraph); each paragraph is then split into sentences by spaCy's sentencizer rules
(:mod:`.sentences`, applied directly: the same sentences as spaCy, without building a Doc).

Status comes from how clerks write results (issue 16; the label guide is
``corpora/claims/README.md``): in a results section, a sentence whose main verb is an action
("Tổ chức 03 lớp …", "Cử 02 công chức …") reports work done, with or without "đã", unless a
negation, a marker of work under way or of a plan comes first; a sentence that only asserts
attention or quality ("được quan tâm", "cơ bản đáp ứng") is ``vague``. Every cue phrase is data
(``data/claims-*.txt``), matched as whole words, longest first. The year a plan is for is not
in the library: a year after the report's own year marks a plan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import Literal, NamedTuple, cast

from pydantic import TypeAdapter

from ..models import Claim, Quantity, Section, SourceDocument
from ..normalize import lower_same_length
from ..vocabulary import table, word_list
from .dates import find_dates
from .sentences import sentence_spans

_URL_RE = re.compile(r"https?://\S+")
_BULLETS = "-+•▪➢"
# A list label that starts a line in lower case: "b) …", "c. …".
_LABEL_RE = re.compile(r"\w[).]\s")
# A table's header row ("TT | Nội dung | Kết quả") and caption ("Bảng 2. Kiểm tra …") state
# nothing: they end the paragraph before them and make none of their own.
_TABLE_FURNITURE_RE = re.compile(r"S?TT(?:\s|$)|(?:Bảng|Biểu)\s+(?:số\s+)?\d+\s*[.:]")


# ---- Status: what a sentence says about the work, read from how clerks write ----------------

Status = Literal["done", "not_done", "ongoing", "planned", "vague", "statement"]
SectionKind = Literal["results", "planned", "requests", "assessment"]

# Cue lists (data/claims-*.txt) by the class a match of theirs gets. A phrase found in two
# lists keeps the first class here.
_CUE_FILES = (
    ("neutral", "claims-neutral.txt"),
    ("statement", "claims-statement.txt"),
    ("vague", "claims-vague.txt"),
    ("plan", "claims-plan.txt"),
    ("ongoing", "claims-ongoing.txt"),
    ("practice", "claims-practice.txt"),
    ("negation", "claims-negation.txt"),
    ("done", "claims-done.txt"),
    ("nominal", "claims-nominal.txt"),
    ("action", "claims-actions.txt"),
)
_PASSIVE = ("được", "bị")
_LEAD = " -+•*▪➢–\t"


class _Cue(NamedTuple):
    start: int
    end: int
    kind: str
    passive: bool  # "được"/"bị" right before it
    nominal: bool  # "công tác", "việc" … right before it: a noun, not an action


def _phrase_re(phrases: Iterable[str], lead: str = r"(?<!\w)") -> re.Pattern[str]:
    """Whole-word alternation, longest phrase first (so "hội nghị" wins over "hội"), grouped
    by first letter ("đ(?:ang|ược|ã)"): at each place `re` then tries one group, not every
    phrase. ``lead`` is what must come before (a word boundary, or the start)."""
    groups: dict[str, list[str]] = {}
    for phrase in sorted(set(phrases), key=len, reverse=True):
        groups.setdefault(phrase[0], []).append(re.escape(phrase[1:]))
    alternatives = (f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())
    return re.compile(lead + "(?:" + "|".join(alternatives) + r")(?!\w)")


@cache
def _cues() -> tuple[re.Pattern[str], dict[str, str]]:
    kinds: dict[str, str] = {}
    for kind, name in _CUE_FILES:
        for phrase in word_list(name):
            kinds.setdefault(phrase, kind)
    kinds.update({word: "passive" for word in _PASSIVE})
    return _phrase_re(kinds), kinds


@cache
def _section_cues() -> tuple[tuple[re.Pattern[str], SectionKind], ...]:
    rows = table("section-kinds.csv")
    order = ("planned", "requests", "assessment")  # a plan title wins: "… và nhiệm vụ năm tới"
    return tuple(
        (_phrase_re(row["cue"] for row in rows if row["kind"] == kind), cast(SectionKind, kind))
        for kind in order
    )


_QUOTED_RE = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")
# A year; its look-behind (no digit, ".", "," or ":" before it) follows its first two digits,
# so `re` skips to them in C.
_YEAR_RE = re.compile(r"(?:19|20)(?<![\d.,:]\d\d)\d\d(?!\d)")
_SYMBOL_RE = re.compile(r"\d/[A-ZĐ]")


@lru_cache(maxsize=4096)  # a batch's headings repeat the same few templates
def section_kind(title: str, parent: SectionKind, reporting_year: int | None) -> SectionKind:
    """What a section's sentences are, from its title; a title without a cue keeps its
    parent's kind. A title naming a year after the report's is about plans."""
    lowered = title.lower()
    if reporting_year is not None and any(int(y) > reporting_year for y in _YEAR_RE.findall(title)):
        return "planned"
    for pattern, kind in _section_cues():
        if pattern.search(lowered):
            return kind
    return parent


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _lowered(text: str) -> str:
    """``text`` lower-cased for cue matching, same length: "tổ\nchức" wraps a line, and a
    quoted name ("Nói không với hàng giả") is blanked, as it holds no cue of the clerk's."""
    lowered = lower_same_length(text)
    if "“" in lowered or '"' in lowered:
        lowered = _QUOTED_RE.sub(_blank, lowered)
    return lowered.replace("\n", " ")


def _find_cues(lowered: str, start: int = 0, end: int | None = None) -> list[_Cue]:
    """The cues of lower-cased text (of ``lowered[start:end]``, offsets into ``lowered``), in
    order."""
    pattern, kinds = _cues()
    found: list[_Cue] = []
    previous_kind, previous_end = "", -2  # the cue before: "được"/"công tác" bind to the next
    for match in pattern.finditer(lowered, start, len(lowered) if end is None else end):
        cue_start, cue_end = match.span()
        kind = kinds[match[0]]
        if kind != "passive" and kind != "nominal":
            adjacent = cue_start == previous_end + 1  # one space between (line breaks: spaces)
            found.append(_Cue(cue_start, cue_end, kind, adjacent and previous_kind == "passive",
                              adjacent and previous_kind == "nominal"))  # fmt: skip
        previous_kind, previous_end = kind, cue_end
    return found


def classify(
    sentence: str, kind: SectionKind = "results", reporting_year: int | None = None
) -> Status:
    """The status of one sentence in a section of ``kind``; ``reporting_year`` is the year the
    report covers (a later year marks a plan)."""
    lowered = _lowered(sentence)
    digits = _DIGIT_RE.search(sentence) is not None
    quantities = [q.start for q in quantities_in(sentence, 0)] if digits else []
    dates = [d.start for d in find_dates(sentence) if d.valid] if digits else []
    cues = _find_cues(lowered)
    bounds = (0, len(sentence))
    return _status(sentence, lowered, bounds, cues, kind, reporting_year, quantities, dates)


def _status(
    text: str,
    lowered: str,
    bounds: tuple[int, int],
    cues: list[_Cue],
    kind: SectionKind,
    reporting_year: int | None,
    quantity_starts: list[int],
    date_starts: list[int],
) -> Status:
    """The status of the sentence at ``bounds`` of ``text`` (``lowered`` is its
    :func:`_lowered`, ``cues`` the cues inside, figures and real dates given by their starts)."""
    if kind == "planned":
        return "planned"
    if kind == "requests":
        return "statement"
    first: dict[str, _Cue] = {}
    for cue in cues:
        first.setdefault(cue.kind, cue)
    actions = [c for c in cues if c.kind == "action" and not c.nominal and not c.passive]
    if kind == "assessment":
        return _assessment(cues, first, actions, bool(quantity_starts))
    start, end = bounds
    while start < end and text[start] in _LEAD:
        start += 1
    # Where the sentence gets concrete: a figure, a real date, a cited document.
    concrete = [*quantity_starts, *date_starts]
    future = None
    if concrete or _DIGIT_RE.search(text, start, end):
        concrete += [m.start() for m in _SYMBOL_RE.finditer(text, start, end)]
        if reporting_year is not None:
            years = _YEAR_RE.finditer(text, start, end)
            future = next((m.start() for m in years if int(m.group()) > reporting_year), None)
    clause = _Clause(lowered, start, end, min(concrete, default=end), bool(date_starts), future)
    return _results(clause, cues, first, actions)


class _Clause(NamedTuple):
    """Where a sentence stands in its lower-cased text, and what ties it to facts."""

    lowered: str
    start: int
    end: int
    first_concrete: int  # a figure, a real date or a cited document; ``end`` if none
    dated: bool
    future: int | None  # the first year after the report's


def _negated(cue: _Cue, cues: list[_Cue]) -> bool:
    return any(c.kind == "negation" and c.end < cue.start <= c.end + 1 for c in cues)


def _assessment(
    cues: list[_Cue], first: dict[str, _Cue], actions: list[_Cue], figures: bool
) -> Status:
    """Under Ưu điểm / Hạn chế / Nguyên nhân: qualities and causes, unless a figure of work done
    or a task of the period not carried out ("xã chưa tổ chức được …")."""
    if figures and (actions or "done" in first):
        return "done"
    if any(c.kind == "action" and not c.passive and _negated(c, cues) for c in cues):
        return "not_done"
    if any(c.kind == "vague" and not _negated(c, cues) for c in cues):
        return "vague"
    return "statement"


@cache
def _openings_re() -> re.Pattern[str]:
    return _phrase_re(word_list("claims-openings.txt"), "")  # used with match(): at the start


def _results(
    clause: _Clause, cues: list[_Cue], first: dict[str, _Cue], actions: list[_Cue]
) -> Status:
    done = first.get("done")
    # The first verb of finished work: an action, or "đã", "hoàn thành" …
    verb_at = min(actions[0].start if actions else clause.end, done.start if done else clause.end)

    def done_before(position: int) -> bool:
        """A clause of finished work (an action or "đã", with a figure, date or document)
        before ``position`` carries the sentence (hard case 8 of the label guide)."""
        return verb_at < position and clause.first_concrete < position

    negation = first.get("negation")
    if negation is not None and not done_before(negation.start):
        return "not_done"
    length = clause.end
    future = clause.future
    plan = first.get("plan")
    opening = _openings_re().match(clause.lowered, clause.start)
    if opening and not (plan and plan.start < opening.end()):  # not "Xã có kế hoạch …"
        return "statement"
    ongoing = first.get("ongoing")
    if ongoing is not None and not done_before(ongoing.start):
        return "ongoing"
    plan_at = min(plan.start if plan else length, length if future is None else future)
    if plan_at < length and not done_before(plan_at):
        return "planned"
    vague = first.get("vague")
    practice = next((c for c in cues if c.kind == "practice" and not c.nominal), None)
    if (
        practice is not None
        and not clause.dated  # "duy trì …, công bố lại ngày 20/8/2025": a finished event
        and not done_before(practice.start)
        and (vague is None or practice.start < vague.start)
    ):
        return "ongoing"
    concrete = clause.first_concrete < length
    if clause.lowered[clause.start : clause.end].rstrip().endswith(":") and not actions:
        return "statement"  # a lead-in: "… được thực hiện như sau:"
    if vague is not None and not concrete:
        return "vague"
    statement = first.get("statement")
    if statement is not None and not any(c.start < statement.start for c in actions):
        return "statement"
    if actions:
        return "done"
    if concrete and any(c.kind in ("done", "action") for c in cues):
        return "done"
    return "statement"


_DIGIT_RE = re.compile(r"\d")
_FOUR_DIGITS_RE = re.compile(r"\d{4}")  # every date has a year of four digits
_SENTENCE_TITLE_SPACES = 5  # six words or more: a heading is rarely that long and ends in "."
# Claims are built as dicts and validated in one call (a constructor per claim costs more).
_CLAIMS = TypeAdapter(list[Claim])

# A number with its unit: "01 công chức", "1.200 tờ rơi", "101,2%", "12 cơ sở". The number's
# look-behind follows its first digit, so `re` skips to digits in C.
_QUANTITY_RE = re.compile(
    r"(?P<number>\d(?<![\w/.,-]\d)(?:\d{0,2}(?:\.\d{3})+|\d*))(?:,(?P<decimal>\d+))?"
    r"(?!\s*[/.-]\s*\d)(?!\w)\s*(?P<unit>%|[^\W\d_]+(?:(?:,?\s|/)[^\W\d_]+){0,3})?"
)


@cache
def _unit_re() -> re.Pattern[str]:
    """The units of data/units.txt as whole words, longest first: "hội nghị" is never "hộ"."""
    units = sorted(word_list("units.txt"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, units)) + r")(?!\w)")


def quantities_in(text: str, offset: int) -> list[Quantity]:
    """Numbers with their unit in ``text``; offsets are ``offset`` + the place in ``text``."""
    found = []
    unit_re = _unit_re()
    for match in _QUANTITY_RE.finditer(text):
        words = match.group("unit")
        if words is None:
            continue
        unit: str | None = "%"
        if words != "%":
            unit_match = unit_re.match(" ".join(words.split()).lower())  # "cơ\nsở" wraps a line
            unit = unit_match.group() if unit_match else None
        if unit is None:
            continue
        number, decimal = match.group("number", "decimal")
        value = float(number.replace(".", "") + ("." + decimal if decimal else ""))
        end = _unit_end(text, match.start("unit"), unit)
        found.append(
            Quantity(value=value, unit=unit, text=text[match.start() : end],
                     start=offset + match.start(), end=offset + end)
        )  # fmt: skip
    return found


def _unit_end(text: str, start: int, unit: str) -> int:
    """Where ``unit`` ends in ``text`` from ``start`` (a wrapped line keeps its line break)."""
    position = start
    for word in unit.split():
        position = text.index(word[0], position) + len(word)
    return position


def _paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of paragraphs in text[start:end], by line structure: a paragraph ends with
    a line that ends a sentence or is a URL, and before a blank, bulleted or URL line.

    A line ending in ";" and blank lines (a page break) end it only when the next line does not
    go on in lower case: a PDF wraps "…, 03 cửa hàng xăng dầu;" / "chưa phát hiện vi phạm." where
    the clerk wrote one sentence, and its status is read from the whole of it."""
    para_start = None
    pending: int | None = None  # where the open paragraph ends unless the next line goes on
    position = start
    for line in text[start:end].split("\n"):
        line_start = position
        position += len(line) + 1
        stripped = line.strip()
        if not stripped:
            if para_start is not None and pending is None:
                pending = line_start - 1
            continue
        # Plain string tests first: this runs for every line of every body.
        if stripped[0] in "STB" and _TABLE_FURNITURE_RE.match(stripped):
            if para_start is not None:
                yield para_start, line_start - 1 if pending is None else pending
            para_start = pending = None
            continue
        url = stripped[0] == "h" and _URL_RE.match(stripped) is not None
        if pending is not None and para_start is not None:
            if url or not stripped[0].islower() or _LABEL_RE.match(stripped):
                yield para_start, pending
                para_start = None
            pending = None
        if para_start is not None and (stripped[0] in _BULLETS or url):
            yield para_start, line_start - 1
            para_start = None
        if para_start is None:
            para_start = line_start + len(line) - len(line.lstrip())
        if url or stripped[-1] in ".!?":
            yield para_start, line_start + len(line)
            para_start = None
        elif stripped[-1] == ";":
            pending = line_start + len(line.rstrip())
    if para_start is not None:
        yield para_start, end if pending is None else pending


def _sentence_title(text: str, section: Section) -> tuple[int, int] | None:
    """The span of a heading's title when it is a sentence of results ("a) Tổ chức 01 hội
    nghị cho 90 hộ kinh doanh."): list items taken for headings keep their claims."""
    title = section.title
    if not title.endswith(".") or title.count(" ") < _SENTENCE_TITLE_SPACES:
        return None
    start = text.find(title, section.start, section.end)
    return None if start < 0 else (start, start + len(title))


def numbered_sections(
    sections: list[Section],
    reporting_year: int | None = None,
    path: str = "",
    parent: SectionKind = "results",
) -> Iterator[tuple[Section, str, SectionKind]]:
    """Every section, subsections after their parent, with its number path ("II.3") and what
    kind of section it is (results, planned …)."""
    for section in sections:
        number = f"{path}.{section.number}" if path else section.number
        kind = section_kind(section.title, parent, reporting_year)
        yield section, number, kind
        yield from numbered_sections(section.children, reporting_year, number, kind)


def parse_claims(
    document: SourceDocument, sections: list[Section], reporting_year: int | None = None
) -> list[Claim]:
    """Claims in every section body, in text order. ``reporting_year``: the year the report
    covers (its own date's year): a later year in a sentence or a title marks a plan."""
    text = document.text
    lowered = _lowered(text)
    claims: list[dict[str, object]] = []
    for section, number, kind in numbered_sections(sections, reporting_year):
        paragraphs = list(_paragraphs(text, section.body_start, section.body_end))
        if (title := _sentence_title(text, section)) is not None:
            paragraphs.insert(0, title)
        for para_start, para_end in paragraphs:
            paragraph = text[para_start:para_end]
            if "://" in paragraph:  # a URL's dots end no sentence: it is masked, keeping its length
                paragraph = _URL_RE.sub(lambda m: "x" * len(m.group(0)), paragraph)
            for sentence_start, sentence_end in sentence_spans(paragraph):
                start = para_start + sentence_start
                end = para_start + sentence_end
                sentence = text[start:end]
                sentence_text = sentence.strip(" -+•")
                if len(sentence_text) < 12:
                    continue
                has_digits = _DIGIT_RE.search(sentence) is not None  # else no quantity, no date
                # Only the status of results and assessments depends on cues.
                cued = kind == "results" or kind == "assessment"
                inside = _find_cues(lowered, start, end) if cued else []
                if not has_digits and not inside and kind != "planned":
                    continue  # a statement without a figure: no claim
                quantities = quantities_in(sentence, start) if has_digits else []
                dates = (
                    [d for d in find_dates(text, start, end) if d.valid]
                    if has_digits and _FOUR_DIGITS_RE.search(sentence)
                    else []
                )
                figures, dated = [q.start for q in quantities], [d.start for d in dates]
                status = _status(text, lowered, (start, end), inside, kind, reporting_year,
                                 figures, dated)  # fmt: skip
                if status == "statement" and not quantities:
                    continue  # neither a result, an action nor a plan
                claim = {"text": sentence_text, "start": start, "end": end, "section": number,
                         "status": status}  # fmt: skip
                # Only the fields that have values: the rest default, and validate faster.
                if document.page_count is not None:
                    claim["page"] = document.page_at(start)
                if quantities:
                    claim["quantities"] = quantities
                if dates:
                    claim["dates"] = [d.iso for d in dates]
                claims.append(claim)
    return _CLAIMS.validate_python(claims)

"""Match a report's outline to a profile's sections by meaning and position.

A commune's numbering says little ("Nhiệm vụ năm 2026" may be IV when Kiến nghị was skipped),
so headings are matched on their titles: each profile section's title and aliases are compared
with each heading, ignoring case, diacritics and tone placement and tolerating typos (rapidfuzz).
Top-level profile sections are matched among top-level headings; a subsection only among the
headings under its parent's match. Structure counts as well as words: a heading whose items
name several top-level sections ("PHẦN THỨ BA" over "1. Đánh giá", "2. Kiến nghị") is a
container and its items are matched in its place; a top-level heading worded unlike the profile
("TÌNH HÌNH TRIỂN KHAI") still counts for a section when its subsections match that section's
subsections. Last comes position: a report that follows the request's outline in its own
words ("Mục 2. Những việc làm được trong năm") has its unmatched headings in the places the
unmatched sections leave between matched neighbours; such a heading takes the section of its
place when the place holds as many headings as sections and the heading names no other
section. Every match keeps its score, the heading it used and what it rested on.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz

from ..models import MatchHow, Section
from ..normalize import ascii_key
from ..vocabulary import word_list
from .profile import Profile, SectionSpec


@dataclass(slots=True)
class Match:
    spec: SectionSpec
    node: Section
    score: float
    phrase: str
    merged_with: list[str] = field(default_factory=list)
    inferred_from: list[str] = field(default_factory=list)  # children's headings, when inferred
    by_position: bool = False  # its words named no section: its place in the outline did
    in_body: bool = False  # no heading of its own: its phrase stands in its parent's text

    @property
    def how(self) -> MatchHow:
        if self.inferred_from:
            return "inferred-from-children"
        if self.in_body:
            return "in-parent-text"
        return "position" if self.by_position else self.node.how

    @property
    def matched_on(self) -> list[str]:
        return self.inferred_from or ([] if self.by_position else [self.phrase])


def _words_key(text: str) -> str:
    """``text`` as words without case, diacritics, commas and hyphens."""
    return " ".join(ascii_key(text).replace(",", " ").replace("-", " ").split())


# Profile phrases and headings recur across a batch; section bodies do not (and are long).
_key = lru_cache(maxsize=8192)(_words_key)


@lru_cache(maxsize=65536)  # a batch's headings repeat the same few templates
def phrase_score(phrase: str, heading: str) -> float:
    """0–100: how well ``heading`` says ``phrase``.

    A phrase shorter than the heading may stand anywhere in it (partial match); a longer phrase
    must match the heading as a whole, so "Kiến nghị" does not score 100 against a long alias.
    """
    phrase_key, heading_key = _key(phrase), _key(heading)
    if not phrase_key or not heading_key:
        return 0.0
    if len(phrase_key) > len(heading_key):
        return float(fuzz.ratio(phrase_key, heading_key))
    found = fuzz.partial_ratio_alignment(phrase_key, heading_key)
    if found is None:  # only with a score cutoff, which is not given
        return 0.0
    start, end = found.dest_start, found.dest_end
    # Whole words only: "mặt được" is not in "Điều chưa làm được" by its "m được".
    while start > 0 and heading_key[start - 1] != " ":
        start -= 1
    while end < len(heading_key) and heading_key[end] != " ":
        end += 1
    if (start, end) == (found.dest_start, found.dest_end):
        return float(found.score)
    return min(float(found.score), float(fuzz.ratio(phrase_key, heading_key[start:end])))


@lru_cache(maxsize=65536)  # every heading of a report is scored against every spec
def _best_phrase(phrases: tuple[str, ...], heading: str) -> tuple[float, str]:
    """Best score over a spec's phrases (its title and aliases), with the phrase that gave it."""
    return max(((phrase_score(phrase, heading), phrase) for phrase in phrases), key=lambda x: x[0])


def descendants(nodes: Sequence[Section]) -> Iterator[Section]:
    for node in nodes:
        yield node
        yield from descendants(node.children)


def match_outline(outline: Sequence[Section], profile: Profile, text: str = "") -> dict[str, Match]:
    """Profile section id → its match, for every section that found a heading. ``text``: the
    document's text, where a section without subheadings may name its subsections."""
    matches: dict[str, Match] = {}
    threshold = profile.match_threshold
    top_specs = profile.children.get(None, [])
    tops = _top_candidates(outline, profile)
    _assign(top_specs, tops, threshold, matches)
    _infer_from_children(profile, tops, matches)
    _fill_by_position(top_specs, tops, matches)
    parents = list(top_specs)
    while parents:  # level by level: an outline may go deeper than two levels (I.2.a)
        spec = parents.pop(0)
        children = profile.children.get(spec.id, [])
        if spec.id not in matches or not children:
            continue
        node = matches[spec.id].node
        _assign(children, list(descendants(node.children)), threshold, matches)
        _fill_by_position(children, node.children, matches)
        if not node.children and text:
            _find_in_text(children, node, text[node.body_start : node.body_end], matches)
        parents += children
    return matches


def _top_candidates(outline: Sequence[Section], profile: Profile) -> list[Section]:
    """Top-level headings, a container replaced by its items (two or more of which name
    different top-level sections, each at least as well as any subsection)."""
    parts = tuple((s.id, (s.title, *s.aliases)) for s in profile.sections if s.parent is None)
    subs = tuple((s.title, *s.aliases) for s in profile.sections if s.parent is not None)
    tops: list[Section] = []
    for node in outline:
        named = {_names_part(child.title, parts, subs) for child in node.children} - {None}
        tops.extend(node.children if len(named) >= 2 else [node])
    return tops


# An item of a container names a top-level section only this clearly.
_CONTAINER_ITEM_SCORE = 95.0


@lru_cache(maxsize=65536)  # a batch's item headings repeat
def _names_part(
    heading: str, parts: tuple[tuple[str, tuple[str, ...]], ...], subs: tuple[tuple[str, ...], ...]
) -> str | None:
    score, spec_id = max((_best_phrase(phrases, heading)[0], spec_id) for spec_id, phrases in parts)
    sub = max((_best_phrase(phrases, heading)[0] for phrases in subs), default=0.0)
    return spec_id if score >= _CONTAINER_ITEM_SCORE and score >= sub else None


# A heading counts for a section by its children when this many of the section's
# subsections (or all, if fewer) match among its descendants.
_INFER_MIN_CHILDREN = 2


def _names_no_other_topic(heading: str, profile: Profile) -> bool:
    """The heading's words are the profile's own or topic-free ones ("TÌNH HÌNH TRIỂN KHAI"),
    so its children may decide what it is; "KẾT QUẢ SẢN XUẤT VỤ HÈ THU" names another topic."""
    phrases = tuple(phrase for spec in profile.sections for phrase in spec.phrases)
    return set(_key(heading).split()) <= _vocabulary(phrases)


@lru_cache(maxsize=16)  # one per profile
def _vocabulary(phrases: tuple[str, ...]) -> frozenset[str]:
    topic_free = word_list("tu-chung-tieu-de.txt")
    return frozenset(word for phrase in (*phrases, *topic_free) for word in _key(phrase).split())


def _infer_from_children(profile: Profile, tops: list[Section], matches: dict[str, Match]) -> None:
    used = {id(match.node) for match in matches.values()}
    for spec in profile.sections:
        if spec.parent is not None or spec.id in matches:
            continue
        children = profile.children.get(spec.id, [])
        if not children:
            continue
        best: tuple[int, float, Section, list[str]] | None = None
        for node in tops:
            if id(node) in used or not _names_no_other_topic(node.title, profile):
                continue
            trial: dict[str, Match] = {}
            _assign(children, list(descendants(node.children)), profile.match_threshold, trial)
            # A heading that satisfied two subsections counts once.
            direct = [
                m for m in trial.values() if not m.merged_with or m.spec.id < m.merged_with[0]
            ]
            if len(direct) < min(_INFER_MIN_CHILDREN, len(children)):
                continue
            score = sum(m.score for m in direct) / len(direct)
            if best is None or (len(direct), score) > best[:2]:
                best = (len(direct), score, node, [m.node.title for m in direct])
        if best is not None:
            _, score, node, titles = best
            matches[spec.id] = Match(spec, node, score, spec.title, inferred_from=titles)
            used.add(id(node))


def _assign(
    specs: list[SectionSpec], nodes: list[Section], threshold: float, matches: dict[str, Match]
) -> None:
    """Greedy one-to-one assignment by score; ties go to the heading nearest in order.

    A heading left claimed by one spec may also satisfy another when it names both
    ("Hạn chế và nguyên nhân"): recorded as merged rather than as a missing section.
    """
    candidates = []
    titles = [node.title for node in nodes]
    for spec_index, spec in enumerate(specs):
        phrases = tuple(spec.phrases)
        for node_index, title in enumerate(titles):
            score, phrase = _best_phrase(phrases, title)
            if score >= threshold:
                order_distance = abs(spec_index / len(specs) - node_index / len(nodes))
                candidates.append((-score, order_distance, spec_index, node_index, phrase))
    candidates.sort()
    used: dict[int, str] = {}
    for negative_score, _, spec_index, node_index, phrase in candidates:
        spec = specs[spec_index]
        if spec.id in matches:
            continue
        if node_index in used:
            continue
        matches[spec.id] = Match(spec, nodes[node_index], -negative_score, phrase)
        used[node_index] = spec.id
    for negative_score, _, spec_index, node_index, phrase in candidates:
        spec = specs[spec_index]
        if spec.id in matches or node_index not in used:
            continue
        owner = matches[used[node_index]]
        matches[spec.id] = Match(
            spec, owner.node, -negative_score, phrase, merged_with=[owner.spec.id]
        )
        owner.merged_with.append(spec.id)


def _fill_by_position(
    specs: list[SectionSpec], nodes: Sequence[Section], matches: dict[str, Match]
) -> None:
    """Unmatched sections take the unmatched headings of their place, in order.

    The places are the gaps between the sections matched in order (anchors), before the first
    and after the last. A gap with as many free headings as free sections (or as free required
    sections: optional ones may be absent) is filled one to one. A heading that names another
    section of the level (a moved or repeated one) and a heading such as "Phụ lục" or "Đặc
    điểm tình hình" hold no section's place: they are not counted. A match out of order
    whose words are only close ("Hỗ trợ doanh nghiệp" for "hợp tác với doanh nghiệp") is not
    an anchor: its heading is free again, and keeps the match if no gap takes it."""
    index_of = {id(node): i for i, node in enumerate(nodes)}
    anchors = [
        (spec_index, index_of[id(matches[spec.id].node)])
        for spec_index, spec in enumerate(specs)
        if spec.id in matches and id(matches[spec.id].node) in index_of
    ]
    chain = _in_order(anchors)
    loose = {
        specs[spec_index].id: matches.pop(specs[spec_index].id)
        for spec_index, node_index in anchors
        if (spec_index, node_index) not in chain
        and matches[specs[spec_index].id].score < _FIRM_SCORE
        and not matches[specs[spec_index].id].merged_with
    }
    used = {id(match.node) for match in matches.values()}
    bounds = [(-1, -1), *chain, (len(specs), len(nodes))]
    for (spec_from, node_from), (spec_to, node_to) in pairwise(bounds):
        free_specs = [s for s in specs[spec_from + 1 : spec_to] if s.id not in matches]
        free_nodes = [
            n
            for n in nodes[node_from + 1 : node_to]
            if id(n) not in used
            and not _outside_outline(n.title)
            and not _names_a_section(n.title, specs)
        ]
        if not free_specs or not free_nodes:
            continue
        if len(free_nodes) != len(free_specs):
            free_specs = [s for s in free_specs if s.required]
        if len(free_nodes) != len(free_specs):
            continue
        for spec, node in zip(free_specs, free_nodes, strict=True):
            matches[spec.id] = Match(spec, node, 0.0, "", by_position=True)
            used.add(id(node))
    for spec_id, match in loose.items():
        if spec_id not in matches and id(match.node) not in used:
            matches[spec_id] = match


# A heading says a section this clearly when its words are the section's, give or take a typo.
_FIRM_SCORE = 90.0


def _find_in_text(
    specs: list[SectionSpec], node: Section, body: str, matches: dict[str, Match]
) -> None:
    """A section written as one text without subheadings ("I. CÔNG TÁC TRIỂN KHAI" over one
    paragraph that tells of the plan and of who does what): a subsection is there when one of
    its phrases of two words or more stands in that text, as whole words."""
    words = f" {_words_key(body)} "
    for spec in specs:
        if spec.id in matches:
            continue
        found = next(
            (
                phrase
                for phrase in spec.phrases
                if len(_key(phrase).split()) >= 2 and f" {_key(phrase)} " in words
            ),
            None,
        )
        if found is not None:
            matches[spec.id] = Match(spec, node, 100.0, found, in_body=True)


def _in_order(anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of (spec index, heading index) pairs, in spec order, whose headings
    rise too (a heading two sections share counts once in each)."""
    kept = _longest_rising([node_index for _, node_index in anchors], strict=False)
    return [anchor for index, anchor in enumerate(anchors) if index in kept]


def _longest_rising(values: list[int], *, strict: bool) -> set[int]:
    """Indexes of a longest subsequence of ``values`` that rises (or never falls)."""
    if not values:
        return set()
    best = [1] * len(values)
    previous = [-1] * len(values)
    for i, value in enumerate(values):
        for j in range(i):
            rises = values[j] < value if strict else values[j] <= value
            if rises and best[j] + 1 > best[i]:
                best[i], previous[i] = best[j] + 1, j
    kept: set[int] = set()
    index = max(range(len(values)), key=lambda k: best[k])
    while index != -1:
        kept.add(index)
        index = previous[index]
    return kept


def _names_a_section(heading: str, specs: list[SectionSpec]) -> bool:
    return any(_best_phrase(tuple(spec.phrases), heading)[0] >= _FIRM_SCORE for spec in specs)


def _outside_outline(heading: str) -> bool:
    """A part no outline asks for ("Phụ lục"), or a topic of another field ("… vụ hè thu")."""
    key = f" {_key(heading)} "
    return any(
        key.startswith(f" {_key(words)} ") for words in word_list("tieu-de-ngoai-de-cuong.txt")
    ) or any(f" {_key(words)} " in key for words in word_list("chu-de-khac.txt"))


def out_of_order(ids_in_text_order: list[str], profile_order: list[str]) -> list[str]:
    """Ids that break the profile's order: those outside a longest in-order subsequence."""
    ranks = [profile_order.index(i) for i in ids_in_text_order]
    kept = _longest_rising(ranks, strict=True)
    return [spec_id for index, spec_id in enumerate(ids_in_text_order) if index not in kept]

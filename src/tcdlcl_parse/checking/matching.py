"""Match a report's outline to a profile's sections by meaning and position.

A commune's numbering says little ("Nhiệm vụ năm 2026" may be IV when Kiến nghị was skipped),
so headings are matched on their titles: each profile section's title and aliases are compared
with each heading, ignoring case, diacritics and tone placement and tolerating typos (rapidfuzz).
Top-level profile sections are matched among top-level headings; a subsection only among the
headings under its parent's match. Structure counts as well as words: a heading whose items
name several top-level sections ("PHẦN THỨ BA" over "1. Đánh giá", "2. Kiến nghị") is a
container and its items are matched in its place; a top-level heading worded unlike the profile
("TÌNH HÌNH TRIỂN KHAI") still counts for a section when its subsections match that section's
subsections. Every match keeps its score, the heading it used and what it rested on.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from ..models import Section
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


@lru_cache(maxsize=8192)  # profile phrases and headings recur across a batch
def _key(text: str) -> str:
    return " ".join(ascii_key(text).replace(",", " ").replace("-", " ").split())


@lru_cache(maxsize=65536)  # a batch's headings repeat the same few templates
def phrase_score(phrase: str, heading: str) -> float:
    """0–100: how well ``heading`` says ``phrase``.

    A phrase shorter than the heading may stand anywhere in it (partial match); a longer phrase
    must match the heading as a whole, so "Kiến nghị" does not score 100 against a long alias.
    """
    phrase_key, heading_key = _key(phrase), _key(heading)
    if not phrase_key or not heading_key:
        return 0.0
    if len(phrase_key) <= len(heading_key):
        return float(fuzz.partial_ratio(phrase_key, heading_key))
    return float(fuzz.ratio(phrase_key, heading_key))


@lru_cache(maxsize=65536)  # every heading of a report is scored against every spec
def _best_phrase(phrases: tuple[str, ...], heading: str) -> tuple[float, str]:
    """Best score over a spec's phrases (its title and aliases), with the phrase that gave it."""
    return max(((phrase_score(phrase, heading), phrase) for phrase in phrases), key=lambda x: x[0])


def descendants(nodes: Sequence[Section]) -> Iterator[Section]:
    for node in nodes:
        yield node
        yield from descendants(node.children)


def match_outline(outline: Sequence[Section], profile: Profile) -> dict[str, Match]:
    """Profile section id → its match, for every section that found a heading."""
    matches: dict[str, Match] = {}
    threshold = profile.match_threshold
    top_specs = profile.children.get(None, [])
    tops = _top_candidates(outline, profile)
    _assign(top_specs, tops, threshold, matches)
    _infer_from_children(profile, tops, matches)
    parents = list(top_specs)
    while parents:  # level by level: an outline may go deeper than two levels (I.2.a)
        spec = parents.pop(0)
        children = profile.children.get(spec.id, [])
        if spec.id not in matches or not children:
            continue
        below = list(descendants(matches[spec.id].node.children))
        _assign(children, below, threshold, matches)
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
        phrases = (spec.title, *spec.aliases)
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


def out_of_order(ids_in_text_order: list[str], profile_order: list[str]) -> list[str]:
    """Ids that break the profile's order: those outside a longest in-order subsequence."""
    ranks = [profile_order.index(i) for i in ids_in_text_order]
    if not ranks:
        return []
    best = [1] * len(ranks)
    previous = [-1] * len(ranks)
    for i in range(len(ranks)):
        for j in range(i):
            if ranks[j] < ranks[i] and best[j] + 1 > best[i]:
                best[i], previous[i] = best[j] + 1, j
    keep: set[int] = set()
    index = max(range(len(ranks)), key=lambda k: best[k])
    while index != -1:
        keep.add(index)
        index = previous[index]
    return [ids_in_text_order[i] for i in range(len(ranks)) if i not in keep]

"""Cited documents: number/symbol, type, date, issuer, summary — and their consistency.

One compiled regular expression finds symbol candidates in a single pass (state, legal with
a year, Party); each is then read in its context: the type name written before it, the date
and the issuer ("của …") after it. Mentions of one document are grouped by canonical symbol.
Symbols broken at a line end were already re-joined by the reader; spaces inside a symbol
("40/KH- UBND", "3078 / SKHCN-TĐC") are tolerated here.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter

from ..models import Citation, Span, StandardRef
from ..normalize import ascii_key, starts_word
from .dates import DATE_RE, parse_date
from .reference import (
    cited_type_names,
    issuer_names,
    issuer_words,
    positions,
    type_codes_by_name,
)

# Dash-like characters read as "-" inside a symbol: Word's autocorrect turns "3078/SKHCN-TĐC" into
# "3078/SKHCN–TĐC", PDFs carry U+2010/2011, U+2212 and full-width forms. The mention keeps them.
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_DASH = f"[{DASHES}]{{1,2}}"  # OCR reads an en dash as "-—"
_TO_HYPHEN: dict[int, str] = {ord(dash): "-" for dash in DASHES[1:]}
# "Ư": "13-NQ/TƯ" where a font maps TW's letters to Vietnamese ones.
_GROUP = r"[A-ZĐÐƯ][A-Za-zĐđÐƯư0-9&]*"
# At most eight groups: a real symbol has four or five, and an unbounded repeat makes `re`
# quadratic on a long run such as "12/AB - AB - AB …" (issue 18, item 6).
# Three shapes: Party "38-CT/TW", legal "30/2020/NĐ-CP" (a year), state "40/KH-UBND" (one group,
# "891/UBND", only after a type name or "số": see extract_citations). No look-behind: it would
# cost a check at every digit of the text; the caller checks once per match instead. The
# pattern opens with a single "\d" so that `re` skips to the next digit in C before trying.
SYMBOL_PATTERN = (
    rf"(?P<number>\d\d{{0,5}}+[a-z]?)"
    rf"(?:{_DASH}\s?(?P<party_type>{_GROUP})/(?P<party_issuer>{_GROUP}(?:{_DASH}{_GROUP}){{0,7}})"
    rf"|\s?/\s?(?:(?P<year>(?:19|20)\d\d)\s?/\s?(?P<legal>{_GROUP}(?:\s?{_DASH}\s?{_GROUP}){{0,7}})"
    rf"|(?P<groups>{_GROUP}(?:\s?{_DASH}\s?{_GROUP}){{0,7}})))"
    r"(?![\w/])"
)
_SYMBOL_RE = re.compile(SYMBOL_PATTERN)
# The groups after the number, as a "Số:      /KH-UBND" line with a blank number gives them.
SYMBOL_CODE_PATTERN = rf"{_GROUP}(?:\s?{_DASH}\s?{_GROUP}){{0,7}}"
_SEPARATOR_RE = re.compile(rf"\s?{_DASH}\s?")
# After a symbol, read by the same pass (case-insensitive only here: "[A-Z]" in the symbol must
# stay upper case): an optional date ("ngày 09/9/2025", ", ngày 30/7/2024", "ban hành ngày …").
_DATE_AFTER = r"\s*,?\s*(?:(?:ban hành\s+)?ngày\s*)?(?P<date>" + DATE_RE.pattern + ")"
_CITED_RE = re.compile(rf"(?P<symbol>{SYMBOL_PATTERN})(?i:{_DATE_AFTER})?")
_DATE_AFTER_RE = re.compile(_DATE_AFTER, re.IGNORECASE)
_OF_RE = re.compile(r"\s*,?\s*(?:của|do)\s+", re.IGNORECASE)
_TITLE_RE = re.compile(r"\s*,?\s*(?P<title>(?:về việc|về|V/v)\s+[^.;()]{3,200})", re.IGNORECASE)
# No leading \b: `re` then skips to the first letters in C; the word boundary is checked
# in Python.
_STANDARD_RE = re.compile(
    r"(?P<kind>TCVN|QCVN|ISO|IEC)\s*(?:ISO\s*)?(?P<code>\d{1,6}(?:[-.]\d+)*(?::\d{4})?(?:/[A-ZĐ]+)?)"
)
# Words and single punctuation marks of the text after "của", for reading an issuer's name.
_TOKEN_RE = re.compile(r"[^\s,.;:()\[\]\"“”!?]+|[,.;:()\[\]\"“”!?]")
_ISSUER_WINDOW = 160
_FIRST_LOOK = 72
_LOOKAHEAD = 8  # words a decision may look at after the current one
_UNDECIDED = -1
# A run of this many lower-case words is a clause, not a name ("Ủy ban nhân dân tỉnh" has 4).
_LOWER_RUN = 6
_LONG_LOWER_RUN_RE = re.compile(rf"(?:(?:^|\s)[a-zđà-ỹ]\S*){{{_LOWER_RUN}}}")
_OPENING = "([“\"'‘"
_TYPE_GAP = 10  # words of a name between a type and "số" ("Luật bảo hiểm y tế số …")
_LIST_MARK_RE = re.compile(r"^(?:[IVXLC]+\.?|\d+[.)]?|[a-zđ]\)|[-+•*–])$")


def hyphenated(text: str) -> str:
    """``text`` with every dash-like character written "-"."""
    return text.translate(_TO_HYPHEN)


@lru_cache(maxsize=1)
def _all_type_codes() -> frozenset[str]:
    return frozenset(code for codes in type_codes_by_name().values() for code in codes)


@lru_cache(maxsize=1)
def _type_names_by_last_word() -> dict[str, list[tuple[list[str], str]]]:
    """Cited type names by their last word, longest first ("chương trình hành động" before
    "chương trình"), so one lookup per word decides."""
    index: dict[str, list[tuple[list[str], str]]] = {}
    for key, name in sorted(cited_type_names().items(), key=lambda item: -len(item[0].split())):
        words = key.split()
        index.setdefault(words[-1], []).append((words, name))
    return index


@lru_cache(maxsize=4096)
def canonical_symbol(raw: str) -> tuple[str, dict[str, str | int | None]]:
    """The canonical symbol and its parts for the text of a :data:`_SYMBOL_RE` match: every
    dash reads "-", spaces go."""
    type_codes = _all_type_codes()
    match = _SYMBOL_RE.fullmatch(raw)
    assert match is not None
    number = match.group("number")
    if match.group("party_type"):
        type_code = match.group("party_type").replace("Ð", "Đ")
        issuer = match.group("party_issuer").replace("Ð", "Đ").translate(_TO_HYPHEN)
        return f"{number}-{type_code}/{issuer}", {
            "family": "party", "type_code": type_code, "issuer_code": issuer, "year": None,
            "number": number,
        }  # fmt: skip
    body = match.group("groups") or match.group("legal")
    groups = [g.replace("Ð", "Đ") for g in _SEPARATOR_RE.split(body)]
    if len(groups) == 1:
        groups = _split_lost_dash(groups[0])
    year = match.group("year")
    joined = "-".join(groups)
    symbol = f"{number}/{year}/{joined}" if year else f"{number}/{joined}"
    if groups[0] in type_codes and len(groups) > 1:
        type_code, issuer = groups[0], groups[1]
    else:
        type_code, issuer = None, groups[0]
    return symbol, {
        "family": "legal" if year else "state", "type_code": type_code, "issuer_code": issuer,
        "year": int(year) if year else None, "number": number,
    }  # fmt: skip


def _split_lost_dash(group: str) -> list[str]:
    """ "QĐUBND" → ["QĐ", "UBND"]: a PDF text layer that lost the dash (corpora/real/stress).
    Only a known type code followed by a known issuer code, and never a known issuer code
    itself ("TTCP" is Thanh tra Chính phủ, not TT-CP)."""
    issuers = issuer_names()
    if group in issuers:
        return [group]
    for size in (4, 3, 2, 1):
        head, tail = group[:size], group[size:]
        if head in _all_type_codes() and re.sub(r"\d+$", "", tail) in issuers:
            return [head, tail]
    return [group]


def _type_before(text: str, start: int) -> tuple[str | None, bool]:
    """The type name written before a symbol, and whether "số" stands right before it.

    The type is right before the symbol or "số" ("Quyết định số", "CHỈ THỊ SỐ"), or, with
    "số", a few words earlier with a name between ("Luật Hải quan số 29/2001/QH10"); a type
    found that far must be capitalised, so "theo quy định số …" is not a Quy định."""
    # Most types stand right before; a wider look only for a name between type and "số".
    # Both readings are pure functions of a slice of text: the same words before a symbol
    # recur throughout a document ("Kế hoạch số", "Quyết định số"), so each is read once.
    adjacent, numbered = _type_adjacent(text[max(0, start - 40) : start])
    if adjacent is not None or not numbered:
        return adjacent, numbered
    return _type_with_name_between(text[max(0, start - 120) : start]), numbered


@lru_cache(maxsize=4096)
def _type_adjacent(before: str) -> tuple[str | None, bool]:
    """The type name ending right before a symbol or "số", and whether "số" is there."""
    near = before.lower().rsplit(None, 5)
    numbered = bool(near) and near[-1].rstrip(":") in ("số", "sô")
    if numbered:
        near.pop()
    return _type_ending(near, len(near) - 1, adjacent=True), numbered


@lru_cache(maxsize=4096)
def _type_with_name_between(before: str) -> str | None:
    """The capitalised type name a few words before "số" with a name between."""
    words = before.split()[:-1]
    last = len(words) - 1
    for end in range(last, max(-1, last - _TYPE_GAP), -1):
        if end < last and (words[end][-1] in ',.;:()[]"“”' or "/" in words[end]):
            break  # the name between type and "số" stays inside one clause
        name = _type_ending(words, end, adjacent=end == last)
        if name is not None or words[end][0] in _OPENING:
            return name
    return None


def _type_ending(words: list[str], end: int, *, adjacent: bool) -> str | None:
    """The type name whose last word is ``words[end]``; capitalised unless ``adjacent``."""
    if end < 0:
        return None
    for name_words, name in _type_names_by_last_word().get(words[end].lower(), ()):
        size = len(name_words)
        if end - size + 1 < 0:
            continue
        written = words[end - size + 1 : end + 1]
        written[0] = written[0].lstrip(_OPENING)  # "(Quyết định số …)"
        if [w.lower() for w in written] == name_words and (adjacent or written[0][:1].isupper()):
            return name
    return None


Phrases = dict[str, tuple[tuple[str, ...], ...]]


def _at(words: list[str], index: int, phrases: Phrases) -> bool:
    """Whether one of ``phrases`` (indexed by first word) starts at ``words[index]``."""
    candidates = phrases.get(words[index], ()) if index < len(words) else ()
    return any(tuple(words[index : index + len(p)]) == p for p in candidates)


def _by_first_word(phrases: list[str]) -> Phrases:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(phrase.lower().split())
        index.setdefault(words[0], []).append(words)
    return {first: tuple(group) for first, group in index.items()}


@lru_cache(maxsize=1)
def _issuer_vocabulary() -> dict[str, Phrases]:
    """ten-co-quan.csv, the positions and the type names, by role."""
    roles = ("ket-thuc", "dong-tu", "ban", "viet-tat")
    vocabulary = {role: _by_first_word(list(issuer_words(role))) for role in roles}
    vocabulary["position"] = _by_first_word(list(positions()))
    vocabulary["type"] = _by_first_word(list(cited_type_names()))
    return vocabulary


def read_issuer(text: str, position: int) -> tuple[str | None, int]:
    """The organisation named at ``position`` (just after "của"/"do") and where it ends.

    A name starts with a capital letter and ends before "về"/"V/v"/"ngày", a verb or
    preposition written in lower case ("sửa đổi", "hướng dẫn", "tại"), "và" not followed by
    another capitalised name, a run of lower-case words (a clause), or punctuation; a comma
    between two positions ("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"), a parenthesis of
    capitalised words ("(PV GAS)", "(khóa XIV)") and "TP." stay inside. A committee ("Ban Chỉ
    đạo …", "Tổ công tác …") runs on through verbs."""
    if not text[position : position + 1].isupper():
        return None, position
    simple = _simple_issuer(text, position)
    if simple is not None:
        return simple
    # Most names end within a few words: look at a short window first, the long one only
    # when the short one cannot decide (a decision needs a few words after it).
    for size in (_FIRST_LOOK, _ISSUER_WINDOW):
        window = text[position : position + size]
        at_end = position + size >= len(text)
        end = _issuer_end(window, at_end, partial=size < _ISSUER_WINDOW and not at_end)
        if end != _UNDECIDED:
            break
    if not end:
        return None, position
    issuer = " ".join(window[:end].split()).rstrip(DASHES + " ")
    return (issuer or None), position + end


@lru_cache(maxsize=1)
def _simple_issuer_re() -> re.Pattern[str]:
    """The common case in one regular expression, word by word: a name on one line without
    "(", "/" or a quote inside, ended by a stop word, punctuation or the end of the text."""

    def alternation(role: str) -> str:
        phrases = (p for group in _issuer_vocabulary()[role].values() for p in group)
        return "|".join(r"\s+".join(map(re.escape, phrase)) for phrase in phrases)

    word = r"[^\s,.;:()\[\]\"“”/!?]"
    # A line break inside a name, unless the next line opens with a list mark ("II.", "2.", "-").
    space = rf"(?:[^\S\n]+|\s*\n\s*(?!(?:[IVXLC]+|\d+|[-+•*–])(?!{word})))"
    return re.compile(
        rf"(?P<issuer>[^\W\d_]{word}*(?:{space}{word}+){{0,20}}?)"
        rf"(?=[^\S\n]*(?P<mark>[,.;:)\]\"“”!?])|\s*$"
        rf"|\s+(?:(?i:{alternation('ket-thuc')})|{alternation('dong-tu')})\b)"
    )


def _simple_issuer(text: str, position: int) -> tuple[str | None, int] | None:
    """:func:`read_issuer`'s answer when the name is a simple one, else None (the word-by-word
    reading decides: "và", committees, long lower-case runs, "TP.", "Bộ trưởng, Chủ nhiệm")."""
    match = _simple_issuer_re().match(text, position)
    if match is None:
        return None
    written = match.group("issuer")
    after = match.end("issuer")
    # The word after the match matters only to a "và" ending the match.
    ends_with_and = written.endswith("và") and written[-3:-2].isspace()
    following = text[after : after + 30] if ends_with_and else ""
    reading = _simple_reading(written, match.group("mark"), following)
    return None if reading is None else (reading[0], position + reading[1])


@lru_cache(maxsize=4096)
def _simple_reading(
    written: str, mark: str | None, following_text: str
) -> tuple[str | None, int] | None:
    """:func:`_simple_issuer` for the matched name ``written``, its closing ``mark`` and the
    text after it: the name and its end in ``written``. Cached: the same issuers recur."""
    issuer = written
    words = issuer.split()
    vocabulary = _issuer_vocabulary()
    head = [w.lower() for w in words[:4]]
    if _at(head, 0, vocabulary["type"]) or _at(head, 0, vocabulary["ban"]):
        return None  # "của Luật …" or a committee: word by word
    # "và" ends the name unless another capitalised name follows ("Bộ Kế hoạch và Đầu tư").
    for index in (i for i, w in enumerate(words) if w == "và" and i) if " và" in issuer else ():
        if index + 1 < len(words):
            following = words[index + 1]
        else:
            following = next(iter(following_text.split()), "")
        if not following or following.lower() in vocabulary["type"]:
            return None  # at the text's end, or maybe a type name ("và Quyết định"): word by word
        if not following[0].isupper():
            words, mark = words[:index], None
            issuer = " ".join(words)
            break
    tail = [w.lower() for w in words[-4:]] if mark in (".", ",") else []
    if (
        not issuer[0].isupper()
        or (len(words) >= _LOWER_RUN and _LONG_LOWER_RUN_RE.search(issuer))
        or (mark == "." and _at(tail, len(tail) - 1, vocabulary["viet-tat"]))
        or (mark == "," and _ends_position(tail, vocabulary["position"]))
    ):
        return None
    name = " ".join(words).rstrip(DASHES + " ")
    if len(words) == len(written.split()):
        return (name or None), len(written)
    return (name or None), _nth_word_end(written, len(words))  # cut at "và": at its last word


def _nth_word_end(text: str, count: int) -> int:
    """The offset just after the ``count``-th whitespace-separated word of ``text``."""
    return list(re.finditer(r"\S+", text))[count - 1].end()


@lru_cache(maxsize=1024)
def _issuer_end(window: str, at_end: bool, *, partial: bool) -> int | None:
    """Where the name at the start of ``window`` ends (None: not a name); :data:`_UNDECIDED`
    when ``partial`` and the decision would need words past the window. Cached: a document
    names the same issuers in the same words again and again."""
    tokens = list(_TOKEN_RE.finditer(window))
    if not tokens or not tokens[0].group()[0].isupper():
        return None
    vocabulary = _issuer_vocabulary()
    words = [t.group().lower() for t in tokens]
    if _at(words, 0, vocabulary["type"]):
        return None  # "của Luật Hải quan": a document, not an issuer
    committee = _at(words, 0, vocabulary["ban"])
    end: int | None = None
    lower_run_start: int | None = None
    run = 0
    i = 0
    while i < len(tokens):
        token = tokens[i].group()
        word = words[i]
        gap = window[tokens[i - 1].end() : tokens[i].start()] if i else ""
        if i and "\n" in gap and _LIST_MARK_RE.match(token):
            end = tokens[i - 1].end()
            break
        if token in ("(", "["):
            close = next(
                (
                    j
                    for j in range(i + 1, min(i + _LOOKAHEAD, len(tokens)))
                    if words[j] in (")", "]")
                ),
                None,
            )
            inside = words[i + 1 : close] if close else []
            if (
                close
                and inside
                and all(
                    tokens[j].group()[0].isupper() or words[j] in ("khóa", "khoá")
                    for j in range(i + 1, close)
                )
            ):
                end = tokens[close].end()
            else:
                end = tokens[i - 1].end() if i else None
            break
        if token == ",":
            if _ends_position(words[:i], vocabulary["position"]) and _at(
                words, i + 1, vocabulary["position"]
            ):
                i += 1
                continue
            end = tokens[i - 1].end()
            break
        if token == ".":
            if _at(words, i - 1, vocabulary["viet-tat"]):
                i += 1
                continue
            end = tokens[i - 1].end()
            break
        if len(token) == 1 and token in ';:)]"“”!?' or ("/" in token and word != "v/v"):
            end = tokens[i - 1].end() if i else None
            break
        if i and (_at(words, i, vocabulary["ket-thuc"]) or (
            token[0].islower() and not committee and _at(words, i, vocabulary["dong-tu"])
        )):  # fmt: skip
            end = tokens[i - 1].end()
            break
        if word == "và" and i + 1 < len(tokens):
            following = tokens[i + 1].group()
            if not following[0].isupper() or _at(words, i + 1, vocabulary["type"]):
                end = tokens[i - 1].end()
                break
        if token[0].islower() and not token[0].isdigit():
            if run == 0:
                lower_run_start = i
            run += 1
            if run >= _LOWER_RUN and not committee:
                assert lower_run_start is not None
                end = tokens[lower_run_start - 1].end()
                break
        else:
            run = 0
        i += 1
    else:
        if partial:
            return _UNDECIDED
        return tokens[-1].end() if at_end else None
    if partial and i + _LOOKAHEAD >= len(tokens):
        return _UNDECIDED
    return end


def _ends_position(words: list[str], positions_: Phrases) -> bool:
    return any(
        tuple(words[-len(p) :]) == p
        for group in positions_.values()
        for p in group
        if len(words) >= len(p)
    )


@lru_cache(maxsize=4096)
def _valid_iso_date(date_text: str) -> str | None:
    """``YYYY-MM-DD`` for a possible date from 1945 on, else None (C004 reports it)."""
    date = parse_date(date_text)
    return date.iso if date is not None and date.valid else None


def _mention(
    text: str, match: re.Match[str], doc_type: str | None
) -> tuple[dict[str, object], int]:
    """One match of :data:`_CITED_RE` read in context, and where what was read ends."""
    start, end = match.span("symbol")
    mention: dict[str, object] = {
        "start": start,
        "end": end,
        "text": match.group("symbol"),
        "doc_type": doc_type,
    }
    date_text = match.group("date")
    position = match.end()
    of = _OF_RE.match(text, position)
    if of is not None:
        issuer, after = read_issuer(text, of.end())
        if issuer is not None:
            mention["issuer"] = issuer
            position = after
            if date_text is None and (late := _DATE_AFTER_RE.match(text, position)) is not None:
                date_text = late.group("date")  # "của Chính phủ ngày 24 tháng 6 năm 2023"
                position = late.end()
    if date_text is not None:
        mention["date_text"] = date_text
        mention["date"] = _valid_iso_date(date_text)
    return mention, position


# Citations are assembled as plain dicts in the hot loop and validated once, in bulk.
_CITATION_LIST = TypeAdapter(list[Citation])


def extract_citations(
    text: str, *, page_of: Callable[[int], int | None] | None = None
) -> list[Citation]:
    """Every distinct cited document in ``text`` (display text), in order of first mention.

    Mentions are grouped by canonical symbol regardless of case ("20/CT-TTG" in an upper-case
    title and "20/CT-TTg" in the body are one document, spelled as in the body)."""
    # The loop builds many small containers and no cycles: the collector's passes over the
    # growing mention lists would only cost time (issue 18, item 19).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _extract(text, page_of)
    finally:
        if collecting:
            gc.enable()


def _extract(text: str, page_of: Callable[[int], int | None] | None) -> list[Citation]:
    issuers = issuer_names()
    by_key: dict[str, dict[str, Any]] = {}
    for match in _CITED_RE.finditer(text):
        start = match.start()
        # A symbol does not continue a word, a number, a path or a URL ("abc12/KH-X", "1.5/…");
        # checked here once per match because a look-behind would run at every digit.
        if start and (text[start - 1].isalnum() or text[start - 1] in "/.-_"):
            continue
        groups = match.group("groups")
        doc_type, numbered = _type_before(text, start)
        if groups is not None and _SEPARATOR_RE.search(groups) is None and not (
            (doc_type or numbered) and len(groups) > 1 and groups.isupper()
        ):  # fmt: skip
            continue  # one group ("891/UBND") only where a document is named
        mention, position = _mention(text, match, doc_type)
        symbol, parts = canonical_symbol(match.group("symbol"))
        if page_of is not None:
            mention["page"] = page_of(start)
        key = symbol.casefold()
        citation = by_key.get(key)
        if citation is None:
            title = _TITLE_RE.match(text, position)
            citation = by_key[key] = {
                "symbol": symbol,
                "mentions": [],
                "doc_type": None,
                "date": None,
                "issuer": None,
                "title": " ".join(title.group("title").split()) if title else None,
                **parts,
            }
        elif citation["symbol"] != symbol and citation["symbol"].isupper() and not symbol.isupper():
            citation.update(parts, symbol=symbol)  # the body's "TTg" over the title's "TTG"
        citation["mentions"].append(mention)
        if citation["doc_type"] is None and doc_type and (
            doc_type != "Công văn" or citation["type_code"] in (None, *_codes_of("công văn"))
        ):  # fmt: skip
            citation["doc_type"] = doc_type  # "văn bản số 40/KH-UBND" does not make a công văn
        citation["date"] = citation["date"] or mention.get("date")
        citation["issuer"] = citation["issuer"] or mention.get("issuer")
    for citation in by_key.values():
        # Term-numbered codes: QH15 → QH, UBTVQH15 → UBTVQH.
        code = re.sub(r"\d+$", "", citation["issuer_code"] or "")
        if citation["issuer"] is None and code in issuers:
            citation["issuer"] = issuers[code]
    # Strict: every value was built here with its exact type, so nothing needs coercing.
    return _CITATION_LIST.validate_python(list(by_key.values()), strict=True)


@lru_cache(maxsize=8)
def _codes_of(type_name: str) -> frozenset[str]:
    return type_codes_by_name().get(ascii_key(type_name), frozenset())


def extract_standards(
    text: str, *, page_of: Callable[[int], int | None] | None = None
) -> list[StandardRef]:
    """TCVN/QCVN/ISO references, grouped by code."""
    found: dict[str, StandardRef] = {}
    position = 0
    while (match := _STANDARD_RE.search(text, position)) is not None:
        if not starts_word(text, match.start()):
            position = match.start() + 1  # inside a word; a later start may still be one
            continue
        position = match.end()
        prefix = match.group(0)[: match.start("code") - match.start()].strip()
        code = f"{' '.join(prefix.split())} {match.group('code')}"
        span = Span(
            start=match.start(), end=match.end(), page=page_of(match.start()) if page_of else None
        )
        found.setdefault(
            code, StandardRef(code=code, kind=match.group("kind"), mentions=[])
        ).mentions.append(span)
    return list(found.values())

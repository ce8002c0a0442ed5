"""Sentence boundaries inside one paragraph, by the rules of spaCy's sentencizer.

spaCy's blank pipeline splits a sentence after a token that is exactly ".", "!" or "?", at the
next token that is not punctuation; whether a "." is a token of its own comes from its
tokenizer's prefix, suffix and infix rules. This module applies the same rules directly to the
characters, which is much cheaper than building spaCy ``Doc`` objects and needs no spaCy at
run time. ``tests/test_sentences.py`` checks that both give the same sentences on
every paragraph of the corpora and of generated reports.

The rules, for one whitespace-separated word:

* leading brackets, quotes and other punctuation are tokens of their own (prefixes);
* trailing punctuation is split off from the end (suffixes); a final "." only after a digit,
  a lower-case letter, punctuation, a quote or two capitals ("2025.", "xã.", "UBND.", "(…).")
  — "A." or "a." stays one token (an abbreviation), "..." is an ellipsis, not a stop;
* inside the word, "." between a lower-case letter and a capital is a token ("xã.Tiếp").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_STOPS = frozenset("!.?")
_WORD_RE = re.compile(r"\S+")
# Lower-case letters of the Latin script (Vietnamese included). A stop after one of them or a
# digit, then a space, is a token of its own for certain ("xã. Tiếp", "2025. Hai") unless the
# letter is a lone ASCII one ("a. b", an abbreviation): the pattern settles that common case,
# and every other stop is tokenized by the rules below.
_LOWER = "".join(
    ch for ch in map(chr, [*range(0x250), *range(0x1E00, 0x1F00)]) if ch.isalpha() and ch.islower()
)
_STOP_RE = re.compile(
    r"[!.?](?P<plain>(?<=[0-9"
    + _LOWER
    + r"][!.?])(?<!\s[a-z][!.?])(?<!^[a-z][!.?])(?:\s+(?P<next>\S)|\s*\Z))?"
)
_WORD_TAIL_RE = re.compile(r"\S*\Z")
_QUOTES = frozenset("'\"”“`‘´’‚„»«「」『』（）〔〕【】《》〈〉")
_PREFIXES = frozenset("§%=—–…,:;!?¿¡()[]{}<>_#*&。？！，、；：～·") | _QUOTES
_SUFFIXES = frozenset("…,:;!?¿¡()[]{}<>_#*&。？！，、；：～·—–") | _QUOTES


def _is_punct(text: str) -> bool:
    return all(unicodedata.category(ch).startswith("P") for ch in text)


def _splits_final_dot(core: str) -> bool:
    """Whether a "." ending ``core`` (dot included) is a token of its own."""
    if len(core) < 2:
        return False
    before = core[-2]
    if len(core) == 2 and before.isascii() and before.isalpha():
        return False  # "a.", "A.": abbreviations
    return (
        before.isdigit() or before.islower() or before in _QUOTES
        or unicodedata.category(before).startswith("P")
        or (len(core) >= 3 and before.isupper() and core[-3].isupper())
    )  # fmt: skip


def _ellipsis_start(word: str, start: int, end: int) -> int:
    stop = end
    while stop > start and word[stop - 1] == ".":
        stop -= 1
    return stop


def _tokens(word: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the tokens of one whitespace-separated word."""
    start, end = 0, len(word)
    while start < end:
        if word[start] in _PREFIXES or (
            word[start] == "+" and not word[start + 1 : start + 2].isdigit()
        ):
            yield start, start + 1
            start += 1
        elif word.startswith("..", start):
            stop = start
            while stop < end and word[stop] == ".":
                stop += 1
            yield start, stop
            start = stop
        else:
            break
    suffixes: list[tuple[int, int]] = []
    while end > start:
        if word[start:end].endswith(".."):
            stop = _ellipsis_start(word, start, end)
            suffixes.append((stop, end))
            end = stop
        elif word[end - 1] in _SUFFIXES or (
            word[end - 1] == "." and _splits_final_dot(word[start:end])
        ):
            suffixes.append((end - 1, end))
            end -= 1
        else:
            break
    piece = start
    for i in range(start + 1, end - 1):
        if (
            word[i] == "."
            and (word[i - 1].islower() or word[i - 1] in _QUOTES)
            and (word[i + 1].isupper() or word[i + 1] in _QUOTES)
        ):
            yield piece, i
            yield i, i + 1
            piece = i + 1
    if end > piece:
        yield piece, end
    yield from reversed(suffixes)


def _breaks_from(text: str, position: int, at: int) -> tuple[list[tuple[int, int]], int]:
    """Sentence breaks (end of one sentence, start of the next) among the tokens of the word
    holding the stop at ``at`` and of the words after it, up to the first word token; and the
    offset to go on from. Other words cannot end or start a sentence, so they are never
    tokenized."""
    breaks: list[tuple[int, int]] = []
    # The word holding the stop, found from the stop backwards (a look-behind in the search
    # pattern would cost a check at every character of the text).
    tail = _WORD_TAIL_RE.search(text, position, at)
    assert tail is not None  # \S*\Z matches at the latest at ``at``
    word = _WORD_RE.match(text, tail.start())
    after_stop = pending = False
    last_end = at
    while word is not None:
        for start, end in _tokens(word.group()):
            token = word.group()[start:end]
            kind = "stop" if token in _STOPS else "punct" if _is_punct(token) else "word"
            if after_stop and kind == "word":
                breaks.append((last_end, word.start() + start))
                after_stop = False
            after_stop = after_stop or kind == "stop"
            last_end = word.start() + end
            pending = kind == "stop" or (pending and kind == "punct")
        position = word.end()
        word = _WORD_RE.search(text, position) if pending else None
    return breaks, position


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``: first to last token, no outer spaces."""
    first = _WORD_RE.search(text)
    if first is None:
        return []
    spans: list[tuple[int, int]] = []
    sentence_start = position = first.start()
    while (stop := _STOP_RE.search(text, position)) is not None:
        at = stop.start()
        if stop.group("plain") is not None:
            following = stop.start("next")
            if following < 0:
                break  # a stop, then only spaces: the last sentence
            if text[following].isalnum():
                spans.append((sentence_start, at + 1))
                sentence_start = position = following
                continue
        breaks, position = _breaks_from(text, position, at)
        for sentence_end, next_start in breaks:
            spans.append((sentence_start, sentence_end))
            sentence_start = next_start
    spans.append((sentence_start, len(text.rstrip())))
    return spans

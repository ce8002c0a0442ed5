"""Sentence boundaries inside one paragraph, by the rules of spaCy's sentencizer.

spaCy's blank pipeline splits a sentence after a token that is exactly ".", "!" or "?", at the
next token that is not punctuation; whether a "." is a token of its own comes from its
tokenizer's prefix, suffix and infix rules. This module applies the same rules directly to the
characters, which is about ten times faster than building spaCy ``Doc`` objects and needs no
spaCy at run time. ``tests/test_sentences.py`` checks that both give the same sentences on
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
_STOP_RE = re.compile(r"[!.?]")
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
        before.isdigit() or before.islower() or before in _QUOTES or unicodedata.category(before).startswith("P")
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
        if word[start] in _PREFIXES or (word[start] == "+" and not word[start + 1 : start + 2].isdigit()):
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
        elif word[end - 1] in _SUFFIXES or (word[end - 1] == "." and _splits_final_dot(word[start:end])):
            suffixes.append((end - 1, end))
            end -= 1
        else:
            break
    piece = start
    for i in range(start + 1, end - 1):
        if word[i] == "." and (word[i - 1].islower() or word[i - 1] in _QUOTES) and (
            word[i + 1].isupper() or word[i + 1] in _QUOTES
        ):
            yield piece, i
            yield i, i + 1
            piece = i + 1
    if end > piece:
        yield piece, end
    yield from reversed(suffixes)


def _tokens_near_stops(text: str) -> Iterator[tuple[str, int, int]]:
    """("stop" | "punct" | "word", start, end) of the tokens that can matter: those of every word
    holding a stop, and of the words after it up to the first word token. Other words cannot
    end or start a sentence, so they are never tokenized."""
    position = 0
    while (stop := _STOP_RE.search(text, position)) is not None:
        at = stop.start()
        if _is_plain_stop(text, at):
            # The usual case, "xã. Tiếp": a stop after a lower-case letter or a digit, then a
            # space and a word that starts with a letter or a digit.
            following = _WORD_RE.search(text, at + 1)
            if following is None or following.group()[0].isalnum():
                yield "stop", at, at + 1
                if following is None:
                    return
                yield "word", following.start(), following.end()
                position = following.start()
                continue
        # The word holding the stop, found from the stop backwards (a look-behind in the
        # search pattern would cost a check at every character of the text).
        word = _WORD_RE.match(text, _WORD_TAIL_RE.search(text, position, at).start())
        pending = False
        while word is not None:
            for start, end in _tokens(word.group()):
                token = word.group()[start:end]
                kind = "stop" if token in _STOPS else "punct" if _is_punct(token) else "word"
                yield kind, word.start() + start, word.start() + end
                pending = kind == "stop" or (pending and kind == "punct")
            position = word.end()
            word = _WORD_RE.search(text, position) if pending else None


def _is_plain_stop(text: str, at: int) -> bool:
    """A stop that is a token of its own for certain, with a space (or the end) after it."""
    if at == 0 or (at + 1 < len(text) and not text[at + 1].isspace()):
        return False
    before = text[at - 1]
    single_ascii_letter = before.isascii() and before.isalpha() and (at == 1 or text[at - 2].isspace())
    return (before.islower() or before.isdigit()) and not single_ascii_letter


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``: first to last token, no outer spaces."""
    first = _WORD_RE.search(text)
    if first is None:
        return []
    spans: list[tuple[int, int]] = []
    sentence_start, last_end, after_stop = first.start(), 0, False
    for kind, start, end in _tokens_near_stops(text):
        if after_stop and kind == "word":
            spans.append((sentence_start, last_end))
            sentence_start, after_stop = start, False
        after_stop = after_stop or kind == "stop"
        last_end = end
    spans.append((sentence_start, len(text.rstrip())))
    return spans

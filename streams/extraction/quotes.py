"""Quotation marks and the sentences around them, found on the surface text.

The parser's sentence splitter cuts multi-sentence quotations apart ("... planned.
We will answer ...," Lind told reporters), which separates a quotation from its
attribution. Statements are therefore read from *surface sentences*: text between
sentence-final punctuation outside quotation marks and paragraph breaks, so a
quotation, however many sentences it holds, sits in one unit with its cue.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from streams.extraction.lexicon import ABBREVIATIONS

OPENING = {"\u201c": "\u201d", '"': '"', "\u201e": "\u201d", "\u2018": "\u2019"}
CLOSING = {"\u201d", '"'}
# Single quotation marks (British and Asian house styles): the closing one is also the apostrophe, so it closes
# only at a word's end, and an opening one never left open runs on.
SINGLE_OPENING, SINGLE_CLOSING = "\u2018", "\u2019"
SENTENCE_END = ".!?"
TRIMMED = " \t,;:"
INITIALS = re.compile(r"(?:\b[A-Za-z]\.)+$")
# What can end a surface sentence: a line break, final punctuation, or a closing quotation mark.
ENDINGS = re.compile("[\n.!?\"\u201d\u2019]")
NOT_SPACE = re.compile("[^ ]")


@dataclass(frozen=True, slots=True)
class Quote:
    """Words between a pair of quotation marks; ``opening``/``closing`` index the marks themselves."""

    opening: int
    closing: int
    start: int
    end: int
    text: str

    def covers(self, index: int) -> bool:
        return self.opening <= index <= self.closing


@dataclass(frozen=True, slots=True)
class Unit:
    """A surface sentence: ``text[start:end]``, with the quotations inside it."""

    start: int
    end: int
    quotes: tuple[Quote, ...]


def find_quotes(text: str) -> list[Quote]:
    """Pairs of quotation marks within a paragraph; a quotation left open runs to the paragraph's end.

    Wire style opens every paragraph of a long quotation anew and closes only the last,
    so an unclosed mark at a paragraph break ends that paragraph's part of the quotation.
    """
    quotes: list[Quote] = []
    opened: int | None = None
    for index, char in enumerate(text):
        if char == "\n" and opened is not None:
            if text[opened] != SINGLE_OPENING:
                _add(quotes, text, opened, index)
            opened = None
        elif char == SINGLE_OPENING and (opened is None or text[opened] == SINGLE_OPENING):
            if text[index + 1: index + 2].isalpha() and (index == 0 or not text[index - 1].isalnum()):
                opened = index  # not the elided "‘90s"; a second opening one restarts
        elif opened is None and char in OPENING:
            opened = index
        elif opened is not None and _closes(text, opened, index):
            _add(quotes, text, opened, index)
            opened = None
    if opened is not None and text[opened] != SINGLE_OPENING:
        _add(quotes, text, opened, len(text))
    return quotes


def _closes(text: str, opened: int, index: int) -> bool:
    """Whether the mark at ``index`` closes the quotation opened at ``opened``: a double mark closes a double one; a
    single closing mark closes a single one where a word ends ("the pilots’ union" aside), not inside one
    ("Russia’s")."""
    char = text[index]
    if text[opened] != SINGLE_OPENING:
        return char in CLOSING
    following = text[index + 1: index + 2]
    return char == SINGLE_CLOSING and not following.isalpha()


def _add(quotes: list[Quote], text: str, opening: int, closing: int) -> None:
    inner = text[opening + 1:closing]
    lead = len(inner) - len(inner.lstrip())
    words = inner.strip().rstrip(TRIMMED + ".").rstrip(TRIMMED)
    if any(c.isalnum() for c in words):
        start = opening + 1 + lead
        quotes.append(Quote(opening, closing, start, start + len(words), words))


def units(text: str, quotes: list[Quote]) -> list[Unit]:
    """Surface sentences: ends at ``.!?`` outside quotation marks, at a closing mark after
    ``.!?`` that a capitalised word follows, and at every line break.

    Linear in the text: only the characters that can end a sentence are looked at, and the
    quotation around each is found by bisection (``quotes`` are in text order and do not overlap).
    """
    openings = [q.opening for q in quotes]
    bounds: list[tuple[int, int]] = []
    start = 0
    for candidate in ENDINGS.finditer(text):
        index = candidate.start()
        if _ends_sentence(text, index, _covering(quotes, openings, index)):
            bounds.append((start, index + 1))
            start = index + 1
    bounds.append((start, len(text)))
    found = []
    for begin, end in bounds:
        segment = text[begin:end]
        left = begin + len(segment) - len(segment.lstrip())
        right = begin + len(segment.rstrip())
        if right > left:
            inside = tuple(quotes[bisect_left(openings, left):bisect_left(openings, right)])
            found.append(Unit(left, right, inside))
    return found


def _covering(quotes: list[Quote], openings: list[int], index: int) -> Quote | None:
    """The quotation whose marks enclose ``index``, if any."""
    k = bisect_right(openings, index) - 1
    return quotes[k] if k >= 0 and quotes[k].covers(index) else None


def _ends_sentence(text: str, index: int, quote: Quote | None) -> bool:
    char = text[index]
    if char == "\n":
        return True
    if quote is not None:
        return index == quote.closing and text[index - 1:index] in tuple(SENTENCE_END) and _capital_follows(text, index)
    if char not in SENTENCE_END or char == "." and _abbreviation(text, index):
        return False
    following = text[index + 1:index + 2]
    return following in ("", " ", "\n") and (following != " " or _capital_follows(text, index))


def _capital_follows(text: str, index: int) -> bool:
    """Whether what follows ``index`` (past spaces) starts a sentence; looks no further than that."""
    at = NOT_SPACE.search(text, index + 1)
    if at is None:
        return True
    first = text[at.start()]
    return first == "\n" or first.isupper() or first in OPENING or first.isdigit()


def _abbreviation(text: str, index: int) -> bool:
    """A full stop that ends "U.S.", "Gen." or the initial in "John F. Kennedy" rather than a sentence
    (but "wrote on X." ends one). Reads back only over the last two words, never the whole text before."""
    begin = _word_start(text, index)
    word = text[begin:index + 1]
    if len(word) == 2 and word[0].isupper():
        before = begin
        while before > 0 and text[before - 1].isspace():
            before -= 1
        return before > 0 and text[_word_start(text, before - 1)].isupper()
    return bool(INITIALS.search(word)) or word[:-1].lower().lstrip("(") in ABBREVIATIONS


def _word_start(text: str, index: int) -> int:
    """Where the whitespace-delimited word that ends at ``index`` begins."""
    begin = index
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    return begin

"""Quotation marks and the sentences around them, found on the surface text.

The parser's sentence splitter cuts multi-sentence quotations apart ("... event.
It's too early ...," Rutte told reporters), which separates a quotation from its
attribution. Statements are therefore read from *surface sentences*: text between
sentence-final punctuation outside quotation marks and paragraph breaks, so a
quotation, however many sentences it holds, sits in one unit with its cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from streams.extraction.lexicon import ABBREVIATIONS

OPENING = {"\u201c": "\u201d", '"': '"', "\u201e": "\u201d"}
CLOSING = {"\u201d", '"'}
SENTENCE_END = ".!?"
TRIMMED = " \t,;:"
INITIALS = re.compile(r"(?:\b[A-Za-z]\.)+$")


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
            _add(quotes, text, opened, index)
            opened = None
        elif opened is None and char in OPENING:
            opened = index
        elif opened is not None and char in CLOSING:
            _add(quotes, text, opened, index)
            opened = None
    if opened is not None:
        _add(quotes, text, opened, len(text))
    return quotes


def _add(quotes: list[Quote], text: str, opening: int, closing: int) -> None:
    inner = text[opening + 1:closing]
    lead = len(inner) - len(inner.lstrip())
    words = inner.strip().rstrip(TRIMMED + ".").rstrip(TRIMMED)
    if any(c.isalnum() for c in words):
        start = opening + 1 + lead
        quotes.append(Quote(opening, closing, start, start + len(words), words))


def units(text: str, quotes: list[Quote]) -> list[Unit]:
    """Surface sentences: ends at ``.!?`` outside quotation marks, at a closing mark after
    ``.!?`` that a capitalised word follows, and at every line break."""
    bounds: list[tuple[int, int]] = []
    start = 0
    index = 0
    while index < len(text):
        if _ends_sentence(text, index, quotes):
            bounds.append((start, index + 1))
            start = index + 1
        index += 1
    bounds.append((start, len(text)))
    found = []
    for begin, end in bounds:
        segment = text[begin:end]
        left = begin + len(segment) - len(segment.lstrip())
        right = begin + len(segment.rstrip())
        if right > left:
            inside = tuple(q for q in quotes if left <= q.opening < right)
            found.append(Unit(left, right, inside))
    return found


def _ends_sentence(text: str, index: int, quotes: list[Quote]) -> bool:
    char = text[index]
    if char == "\n":
        return True
    quote = next((q for q in quotes if q.opening <= index <= q.closing), None)
    if quote is not None:
        return index == quote.closing and text[index - 1:index] in tuple(SENTENCE_END) and _capital_follows(text, index)
    if char not in SENTENCE_END or char == "." and _abbreviation(text, index):
        return False
    following = text[index + 1:index + 2]
    return following in ("", " ", "\n") and (following != " " or _capital_follows(text, index))


def _capital_follows(text: str, index: int) -> bool:
    rest = text[index + 1:].lstrip(" ")
    return not rest or rest[0] == "\n" or rest[0].isupper() or rest[0] in OPENING or rest[0].isdigit()


def _abbreviation(text: str, index: int) -> bool:
    """A full stop that ends "U.S.", "Gen." or the initial in "John F. Kennedy" rather than a sentence
    (but "wrote on X." ends one)."""
    words = text[:index + 1].rsplit(None, 2)
    word = words[-1]
    if len(word) == 2 and word[0].isupper():
        return len(words) > 1 and words[-2][:1].isupper()
    return bool(INITIALS.search(word)) or word[:-1].lower().lstrip("(") in ABBREVIATIONS

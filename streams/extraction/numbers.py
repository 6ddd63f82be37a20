"""Numbers and durations written as digits or words ("three", "12", "about 19", "eight minutes", "17 seconds")."""

from __future__ import annotations

import re

from spacy.tokens import Token

from streams.extraction.lexicon import (AMOUNT_HEDGES, COMPOUND_NUMBER_WORDS, DEPARTURE_FORMS, ENTRY_FORMS, ENTRY_GERUNDS,
                                        MEASURE_PHRASES, MINUTES_PER_UNIT, NUMBER_TENS, NUMBER_UNITS, NUMBER_WORDS,
                                        REPETITION_ADVERBS, RUN_PERIODS, STAY_LENGTH_WORDS, STAY_NOUNS,
                                        SUCCESSIVE_WORDS)


def alternation(phrases: tuple[str, ...]) -> str:
    """A regular expression matching any of the phrases, their words apart by any whitespace."""
    return "|".join(re.escape(phrase).replace("\\ ", r"\s+") for phrase in phrases)


TENS = alternation(NUMBER_TENS)
UNITS = alternation(NUMBER_UNITS)
NUMBER = (rf"(?:\d+(?:\.\d+)?|(?:{TENS})[- ](?:{UNITS})|half an?|"
          + "|".join(sorted((w for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True)) + "|an?)")
UNIT_WORD = "(" + alternation(tuple(MINUTES_PER_UNIT)) + ")"
UNIT = UNIT_WORD + "s?"
HEDGE = (rf"(?:(?:{alternation(MEASURE_PHRASES)})\s+of\s+|"
         + "|".join(alternation((hedge,)) + r"\s+" for hedge in AMOUNT_HEDGES) + ")*")
DEPARTED = alternation(DEPARTURE_FORMS)
# "for (a total of) eight minutes", "lasting 17 seconds", "left after about four minutes", "left four minutes
# later", "shot down 40 seconds after it crossed", "a 9-minute incursion".
DURATIONS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b(?:{alternation(STAY_LENGTH_WORDS)})\s+{HEDGE}(?P<n>{NUMBER})\s+{UNIT}\b", re.I),
    re.compile(rf"\b(?:{DEPARTED})\b[^.;]{{0,60}}?\b(?:after|within)\s+{HEDGE}(?P<n>{NUMBER})\s+{UNIT}\b", re.I),
    # "left it some four minutes later"
    re.compile(rf"\b(?:{DEPARTED})\b[^.;]{{0,40}}?\b{HEDGE}(?P<n>{NUMBER})\s+{UNIT}\s+later\b", re.I),
    # "downed the balloon about 40 seconds after it crossed into Latvian territory", "90 seconds after crossing"
    re.compile(rf"\b{HEDGE}(?P<n>{NUMBER})\s+{UNIT}\s+after\s+(?:(?:it|they|the\s+\w+)\s+"
               rf"(?:had\s+)?(?:{alternation(ENTRY_FORMS)})|{alternation(ENTRY_GERUNDS)})\b", re.I),
    re.compile(rf"\b(?P<n>\d+|{UNITS}|{TENS}|{alternation(COMPOUND_NUMBER_WORDS)})-{UNIT_WORD}\s+"
               rf"(?:{alternation(STAY_NOUNS)})", re.I),
)


def number(text: str) -> int | None:
    """An integer from digits ("20", "1,200") or English number words ("three", "twenty-one")."""
    cleaned = text.strip().lower().replace(",", "")
    if re.fullmatch(r"\d+", cleaned):
        return int(cleaned)
    parts = re.split(r"[- ]", cleaned)
    if parts and all(p in NUMBER_WORDS for p in parts):
        return sum(NUMBER_WORDS[p] for p in parts)
    return None


def _amount(text: str) -> float | None:
    if text.lower().startswith("half"):
        return 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    value = number(text)
    return None if value is None else float(value)


# "from 9:12 to 10:05 a.m.", "from 09:12-10:05", "between 10:05 and 10:32 pm": the clock times a stay began and ended.
CLOCK = r"(?P<{0}h>\d{{1,2}})[:.](?P<{0}m>\d{{2}})\s*(?P<{0}x>[ap]\.?m\.?)?"
CLOCK_SPAN = re.compile(rf"\b(?:from|between)\s+{CLOCK.format('a')}\s*(?:-|–|to|and|until)\s*{CLOCK.format('b')}", re.I)
DAY_MINUTES = 24 * 60


def duration_minutes(text: str) -> float | None:
    """How long something lasted, in minutes, from the first duration phrase of a text (None when there is none),
    else from the clock times it began and ended (:data:`CLOCK_SPAN`).

    Only phrases that measure a stay count: "called 6 times over three minutes" does not.
    """
    for pattern in DURATIONS:
        match = pattern.search(text)
        if match:
            amount = _amount(match["n"])
            if amount is not None:
                return round(amount * MINUTES_PER_UNIT[match[2].lower()], 4)
    span = CLOCK_SPAN.search(text)
    return _clock_span(span) if span else None


def _clock_span(span: re.Match[str]) -> float | None:
    """Minutes from one clock time to the next: "a.m."/"p.m." written once, after the second, holds for both where
    the first is not later; a second time before the first is past midnight."""
    marker = span["bx"] or ""
    start = _clock(span["ah"], span["am"], span["ax"] or (marker if int(span["ah"]) <= int(span["bh"]) else ""))
    end = _clock(span["bh"], span["bm"], marker)
    if start is None or end is None:
        return None
    minutes = (end - start) % DAY_MINUTES
    return float(minutes) if minutes else None


def _clock(hour: str, minute: str, marker: str) -> int | None:
    h, m = int(hour), int(minute)
    if h > 23 or m > 59 or (marker and not 1 <= h <= 12):
        return None
    if marker.lower().startswith("p") and h != 12:
        h += 12
    elif marker.lower().startswith("a") and h == 12:
        h = 0
    return h * 60 + m


MOST_REPETITIONS = 5  # "spotted twice", "seen three times"; more than this is a habit, not events to count


def repetitions(verb: Token) -> int:
    """How many times a clause says its event happened: "twice", "three times"; 1 when it does not say."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in REPETITION_ADVERBS:
            return REPETITION_ADVERBS[child.lower_]
        if child.dep_ == "npadvmod" and child.lower_ == "times":
            amount = next((number(c.text) for c in child.children if c.dep_ == "nummod"), None)
            if amount and 1 < amount <= MOST_REPETITIONS:
                return int(amount)
    return 1


def successive_periods(clause: Token) -> int:
    """How many nights (days, evenings) in a row the sentence of a clause says its event came on: "seen on three
    consecutive nights", "queues on two successive evenings when flights were halted"; 1 when it does not say. Each
    is an occasion of its own, as "twice" is ("for two consecutive days" is how long, not how often)."""
    for period in clause.sent:
        if period.lemma_.lower() not in RUN_PERIODS or period.dep_ != "pobj" or period.head.lower_ != "on" or not any(
                c.lower_ in SUCCESSIVE_WORDS for c in period.children):
            continue
        amount = next((number(c.text) for c in period.children if c.dep_ == "nummod"), None)
        if amount and 1 < amount <= MOST_REPETITIONS:
            return int(amount)
    return 1

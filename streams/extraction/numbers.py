"""Numbers and durations written as digits or words ("three", "12", "about 19", "twelve minutes")."""

from __future__ import annotations

import re

WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "single": 1, "lone": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12, "couple": 2, "pair": 2,
}
NUMBER = r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty)[- ](?:one|two|three|four|five|six|seven|eight|nine)|" + "|".join(
    sorted((w for w in WORDS if len(w) > 2), key=len, reverse=True)) + ")"
UNIT_MINUTES = {"second": 1 / 60, "minute": 1.0, "hour": 60.0}
DURATION = re.compile(
    r"\bfor\s+(?:a\s+(?:total|combined\s+total|period)\s+of\s+|about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+"
    r"|approximately\s+|just\s+(?:over|under)\s+|more\s+than\s+|less\s+than\s+|up\s+to\s+|over\s+)?"
    rf"({NUMBER}|an?|one)\s+(second|minute|hour)s?\b", re.I)


def number(text: str) -> int | None:
    """An integer from digits ("20", "1,200") or English number words ("three", "twenty-one")."""
    cleaned = text.strip().lower().replace(",", "")
    if re.fullmatch(r"\d+", cleaned):
        return int(cleaned)
    parts = re.split(r"[- ]", cleaned)
    if parts and all(p in WORDS for p in parts):
        return sum(WORDS[p] for p in parts)
    return None


def duration_minutes(text: str) -> tuple[float, int, int] | None:
    """The first "for N minutes/seconds/hours" in a text as minutes, with the match's span."""
    match = DURATION.search(text)
    if not match:
        return None
    amount = float(match.group(1)) if re.fullmatch(r"\d+(?:\.\d+)?", match.group(1)) else number(match.group(1))
    if amount is None:
        return None
    return round(amount * UNIT_MINUTES[match.group(2).lower()], 4), match.start(), match.end()

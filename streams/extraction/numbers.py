"""Numbers and durations written as digits or words ("three", "12", "about 19", "twelve minutes", "17 seconds")."""

from __future__ import annotations

import re

from streams.extraction.lexicon import NUMBER_WORDS

TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
UNITS = "one|two|three|four|five|six|seven|eight|nine"
NUMBER = (rf"(?:\d+(?:\.\d+)?|(?:{TENS})[- ](?:{UNITS})|half an?|"
          + "|".join(sorted((w for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True)) + "|an?)")
UNIT_MINUTES: dict[str, float] = {"second": 1 / 60, "minute": 1.0, "hour": 60.0}
UNIT_WORD = r"(second|minute|hour)"
UNIT = UNIT_WORD + "s?"
HEDGE = (r"(?:(?:a\s+(?:combined\s+)?total|a\s+period|the\s+space)\s+of\s+|about\s+|around\s+|roughly\s+|nearly\s+|"
         r"almost\s+|some\s+|approximately\s+|approx\.\s+|just\s+(?:over|under)\s+|more\s+than\s+|less\s+than\s+|"
         r"up\s+to\s+|over\s+|at\s+least\s+|an\s+estimated\s+)*")
# "for (a total of) twelve minutes", "lasting 17 seconds", "left after about three minutes", "left three minutes
# later", "shot down 90 seconds after it crossed", "a 12-minute incursion".
DURATIONS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b(?:for|lasting|lasted|lasts|spent|spending|spends?)\s+{HEDGE}(?P<n>{NUMBER})\s+{UNIT}\b", re.I),
    re.compile(rf"\b(?:left|exited|departed|returned|turned\s+back|flew\s+back|headed\s+back)\b[^.;]{{0,60}}?"
               rf"\b(?:after|within)\s+{HEDGE}(?P<n>{NUMBER})\s+{UNIT}\b", re.I),
    # "left it about three minutes later"
    re.compile(rf"\b(?:left|exited|departed|returned|turned\s+back|flew\s+back|headed\s+back)\b[^.;]{{0,40}}?"
               rf"\b{HEDGE}(?P<n>{NUMBER})\s+{UNIT}\s+later\b", re.I),
    # "intercepted the drone about 90 seconds after it crossed into Israeli territory"
    re.compile(rf"\b{HEDGE}(?P<n>{NUMBER})\s+{UNIT}\s+after\s+(?:it|they|the\s+\w+)\s+"
               r"(?:had\s+)?(?:crossed|entered|violated|strayed|flew)\b", re.I),
    re.compile(rf"\b(?P<n>\d+|{UNITS}|{TENS}|ten|eleven|twelve|fifteen)-{UNIT_WORD}\s+"
               r"(?:incursion|violation|intrusion|breach|flight|overflight)", re.I),
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


def duration_minutes(text: str) -> float | None:
    """How long something lasted, in minutes, from the first duration phrase of a text (None when there is none).

    Only phrases that measure a stay count: "warned 10 times over five minutes" does not.
    """
    for pattern in DURATIONS:
        match = pattern.search(text)
        if match:
            amount = _amount(match["n"])
            if amount is not None:
                return round(amount * UNIT_MINUTES[match[2].lower()], 4)
    return None

"""Date expressions of news text resolved against the publication time, with their precision.

dateparser resolves calendar phrases ("September 12", "last month", "March 2024");
what it gets wrong for news is handled first: a weekday names the most recent such
day on or before publication ("on Tuesday" in a Tuesday story is that day),
"overnight"/"today" is the publication day, and "earlier in September" is a month.
Phrases that date nothing ("this year", "since 2019", "for decades") give None.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateparser.date import DateDataParser

from streams.extraction.model import FuzzyDate

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SAME_DAY = re.compile(r"\b(overnight|today|tonight|this (morning|afternoon|evening)|earlier today)\b", re.I)
YESTERDAY = re.compile(r"\b(yesterday|last night)\b", re.I)
WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
NOT_A_DATE = re.compile(r"^(this|next|every|each|recent|past|coming|previous)\b|\b(years?|decades?|weeks|days|months|since|ago)\b|^(the )?(same|first|second)\b", re.I)
QUALIFIERS = re.compile(r"\b(earlier|later|early|late|mid|in|on|at|around|during|the|of|evening|morning|afternoon|night|beginning|end)\b|-", re.I)
RANGE = re.compile(r"(\d{1,2})\s*[-–]\s*\d{1,2}\b")
YEAR_ONLY = re.compile(r"^(?:in\s+)?(\d{4})$", re.I)


def _weekday(name: str, published: dt.date) -> dt.date:
    back = (published.weekday() - WEEKDAYS.index(name.lower())) % 7
    return published - dt.timedelta(days=back)


def _clean(text: str) -> str:
    text = RANGE.sub(r"\1", text)  # "Sept. 24-25": the first day
    text = QUALIFIERS.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip(" ,.")


@lru_cache(maxsize=4096)
def resolve(text: str, published: dt.date) -> FuzzyDate | None:
    """The date a phrase names, relative to the publication date, or None when it names none."""
    phrase = text.strip()
    if not phrase or NOT_A_DATE.search(phrase):
        return None
    if SAME_DAY.search(phrase):
        return FuzzyDate(published.isoformat(), "day")
    if YESTERDAY.search(phrase):
        return FuzzyDate((published - dt.timedelta(days=1)).isoformat(), "day")
    weekday = WEEKDAY.search(phrase)
    if weekday:
        return FuzzyDate(_weekday(weekday.group(1), published).isoformat(), "day")
    year = YEAR_ONLY.match(phrase)
    if year:
        return FuzzyDate(year.group(1), "year") if int(year.group(1)) <= published.year else None
    if phrase.lower().startswith("last month"):
        first = published.replace(day=1) - dt.timedelta(days=1)
        return FuzzyDate(first.strftime("%Y-%m"), "month")
    cleaned = _clean(phrase)
    if not cleaned or not re.search(r"[A-Za-z]{3}|\d{4}", cleaned):
        return None
    return _parse(cleaned, dt.datetime.combine(published, dt.time(23, 59)))


def _parse(cleaned: str, base: dt.datetime) -> FuzzyDate | None:
    """dateparser with the publication time as "now"; a date after publication is not a report of the past."""
    data = DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past", "RELATIVE_BASE": base}).get_date_data(cleaned)
    if data.date_obj is None:
        return None
    value = data.date_obj.date()
    if value > base.date():
        return None
    if data.period == "month":
        return FuzzyDate(value.strftime("%Y-%m"), "month")
    if data.period == "year":
        return FuzzyDate(str(value.year), "year")
    if data.period == "day":
        return FuzzyDate(value.isoformat(), "day")
    return None

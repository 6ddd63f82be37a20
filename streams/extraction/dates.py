"""Date expressions of news text resolved against the publication date, with their precision.

News dates are relative: "on Friday" is the latest Friday on or before publication
(the publication day itself in a Friday story), "last month" is the month before,
"January 28" in a February story is this year's, but "December 30" in an October
story is last year's. Calendar phrases are read by the rules below, which are exact
and fast; dateparser reads the numeric forms they do not know. Phrases that date
no single event ("this year", "since 2019", "for decades", "next month", "shortly
before noon") give None.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Literal

from dateparser.date import DateDataParser
from spacy.tokens import Span, Token

from streams.extraction.clauses import without_other_clauses
from streams.extraction.lexicon import (AGAIN_WORDS, COMPARISON_WORDS, SERIES_ORDINALS, SPAN_OPENERS, DISTRIBUTIVE_DETERMINERS,
                                        LIKE_WORDS, OCCASION_NOUNS, DAY_BEFORE_PHRASES, FIXED_HOLIDAY, FIXED_HOLIDAYS,
                                        LAG_UNITS, LATER_DAY,
                                        LATER_DAY_UNITS, MODALS, MONTHS, NIGHT_OF_DATE_WORDS, NUMBER_WORDS, PERIOD_BOUNDS,
                                        SAME_DAY_PHRASES, SAME_DAY_WORDS, SPELL_THEN_DATE, UNDATED_PHRASES, WEEKDAYS)
from streams.extraction.model import FuzzyDate
from streams.extraction.nlp import entities, text_of
from streams.extraction.places import is_state_name
from streams.extraction.numbers import number


CANDIDATES = "newsroom.date_candidates"  # the key of a doc's date phrases, by span, in its user_data
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))  # longest first: "Sept" before "Sep"
MONTH = r"(?P<month>" + _MONTH_NAMES + r")\.?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
RANGE_END = r"(?:\s*(?:-|–|—|to|and)\s*\d{1,2}(?:st|nd|rd|th)?)?"  # "24-25": the first day counts
YEAR = r"(?P<year>(?:19|20)\d\d)"
MONTH_DAY = re.compile(rf"\b{MONTH}\s+{DAY}{RANGE_END}(?:\s*,?\s*{YEAR})?\b")
DAY_MONTH = re.compile(rf"\b{DAY}{RANGE_END}\s+(?:of\s+)?{MONTH}(?:\s*,?\s*{YEAR})?\b")
MONTH_YEAR = re.compile(rf"\b{MONTH}(?:\s+of)?\s*,?\s+{YEAR}\b")
MONTH_ONLY = re.compile(rf"\b{MONTH}(?!\s*\d)")
MONTH_OF_YEAR = re.compile(rf"\b{MONTH}(?:\s+of)?\s+(?P<which>last|this|the\s+previous)\s+year\b")
YEAR_ONLY = re.compile(rf"^(?:in\s+)?(?:early\s+|late\s+|mid-?)?{YEAR}$")
NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b")

WEEKDAY = re.compile(r"\b(?P<last>last\s+)?(?P<day>" + "|".join(WEEKDAYS) + r")\b")
WEEKEND = re.compile(r"\bweekend\b")
# "three days ago", "a week ago", "a couple of days ago": a number of units, "of" after a collective ("couple")
DAYS_AGO = re.compile(r"\b(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r")\s+(?:of\s+)?(?P<unit>days?|week)\s+ago\b")
LAST_WEEK = re.compile(r"\blast week\b")
PERIODS_AGO = re.compile(r"\b(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r")\s+(?:of\s+)?(?P<unit>months?|years?)\s+ago\b")
LAST_MONTH = re.compile(r"\blast month\b")
THIS_MONTH = re.compile(r"\bthis month\b")
LAST_YEAR = re.compile(r"\blast year\b")

PREVIOUS_DAY = re.compile(r"\b(?:the|a) (?:(?:previous|prior) (?:day|night)|(?:day|night) (?:before|earlier))\b", re.I)

# A date or time heading a line of a timeline, roundup or live blog: "MAY 13 - ", "* JUNE 2012 - ", "Sept. 13: ",
# "Tuesday - ", "23:55 - ", "- Sept. 25: " (a dash for a bullet). It dates the line it heads and is no part of the
# line's sentence.
_MONTH_WORD = "(?:" + _MONTH_NAMES + r")\.?"
_HEADING_DATE = (rf"(?:{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:[-\u2013]\d{{1,2}})?(?:,?\s+(?:19|20)\d\d)?|\d{{1,2}}\s+{_MONTH_WORD}"
                 rf"(?:\s+(?:19|20)\d\d)?|{_MONTH_WORD}\s+(?:19|20)\d\d|(?:19|20)\d\d|"
                 + "|".join(WEEKDAYS) + r"|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)")
HEADING = re.compile(rf"^[ \t]*(?:[*\u2022\u00b7][ \t]*|[-\u2013\u2014][ \t]+)?(?P<date>{_HEADING_DATE})[ \t]*[-\u2013\u2014:][ \t]+(?=\S)", re.I)

Reading = FuzzyDate | None | Literal[False]
DAY_LIST = re.compile(rf"{MONTH}\s+(?P<days>\d{{1,2}}(?:\s*,\s*\d{{1,2}})*\s*,?\s+(?:and|&)\s+\d{{1,2}})\b(?!\s*,?\s*(?:19|20)\d\d)",
                      re.I)
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)?"
DAY_FIRST_LIST = re.compile(rf"\b(?P<items>{_ORDINAL}(?:\s*,\s*{_ORDINAL})*\s*,?\s+(?:and|&)\s+{_ORDINAL})\s+(?:of\s+)?"
                            rf"(?P<month>{_MONTH_NAMES})\b(?!\s*\d)", re.I)
_MONTH_DAY = rf"(?:(?:{_MONTH_NAMES})\.?\s+{_ORDINAL}|{_ORDINAL}\s+(?:of\s+)?(?:{_MONTH_NAMES}))"
# "on May 2, May 9 and May 14", "on 2 May, 9 May and 14 June": each day with its month
MONTH_DAY_LIST = re.compile(rf"\b(?P<items>{_MONTH_DAY}(?:\s*,\s*{_MONTH_DAY})*\s*,?\s+(?:and|&)\s+{_MONTH_DAY})\b"
                            rf"(?:\s*,?\s*(?P<year>(?:19|20)\d\d)\b)?", re.I)
_LISTED_DATE = rf"(?:(?:{_MONTH_NAMES})\.?\s+)?(?:19|20)\d\d"
DATE_LIST = re.compile(rf"\b(?:in|during)\s+(?P<items>{_LISTED_DATE}(?:\s*,\s*{_LISTED_DATE})*\s*,?\s+and\s+{_LISTED_DATE})\b",
                       re.I)
FEW_DAYS = 3  # how many days "days later" is taken to count on, to find the month it falls in
NEAR_FUTURE = dt.timedelta(days=62)  # a day this close after the reference date is announced, not last year's  # False: not a phrase this reader knows


def _on_or_before(weekday: str, published: dt.date, strictly: bool) -> dt.date:
    back = (published.weekday() - WEEKDAYS.index(weekday)) % 7
    return published - dt.timedelta(days=7 if strictly and back == 0 else back)


def _month_before(published: dt.date) -> dt.date:
    return published.replace(day=1) - dt.timedelta(days=1)


def _latest_month(month: int, published: dt.date) -> int:
    """The year of the latest such month that is not after publication."""
    return published.year if month <= published.month else published.year - 1


def _day(day: int, month: int, year: str | None, published: dt.date) -> FuzzyDate | None:
    """A day of a month; without a year, the latest such day not after publication, unless it lies just ahead:
    "December 30" in a January story is last year's, but "Feb. 19" in a line about Feb. 17 is a day to come."""
    try:
        value = dt.date(int(year) if year else published.year, month, day)
        if not year and published < value <= published + NEAR_FUTURE:
            return None
        if not year and value > published:
            value = value.replace(year=published.year - 1)
    except ValueError:
        return None
    return FuzzyDate(value.isoformat(), "day") if value <= published else None


def _calendar(phrase: str, published: dt.date) -> Reading:
    """ "September 12", "12 Sept 2024", "Oct. 6-7", "March 2023", "2021", "earlier in May"."""
    for pattern in (MONTH_DAY, DAY_MONTH):
        match = pattern.search(phrase)
        if match:
            return _day(int(match["day"]), MONTHS[match["month"]], match["year"], published)
    match = MONTH_YEAR.search(phrase)
    if match:
        value = dt.date(int(match["year"]), MONTHS[match["month"]], 1)
        return FuzzyDate(value.strftime("%Y-%m"), "month") if value <= published else None
    match = YEAR_ONLY.match(phrase)
    if match:
        return FuzzyDate(match["year"], "year") if int(match["year"]) <= published.year else None
    match = MONTH_ONLY.search(phrase)
    if match:
        month = MONTHS[match["month"]]
        year = _latest_month(month, published)
        if month == published.month and re.search(rf"\blast\s+{match['month']}", phrase):
            year -= 1  # "last October" in an October story: a year ago
        return FuzzyDate(f"{year:04d}-{month:02d}", "month")
    return False


def _relative(phrase: str, published: dt.date) -> Reading:
    """Days relative to publication: "overnight", "yesterday", "on Friday", "last Friday", "three days ago"."""
    if SAME_DAY_PHRASES.search(phrase):
        return FuzzyDate(published.isoformat(), "day")
    if DAY_BEFORE_PHRASES.search(phrase):
        return FuzzyDate((published - dt.timedelta(days=1)).isoformat(), "day")
    match = WEEKDAY.search(phrase)
    if match:
        return FuzzyDate(_on_or_before(match["day"], published, bool(match["last"])).isoformat(), "day")
    if WEEKEND.search(phrase):
        return FuzzyDate(_on_or_before("saturday", published, False).isoformat(), "day")
    match = DAYS_AGO.search(phrase)
    if match:
        amount = int(match["n"]) if match["n"].isdigit() else NUMBER_WORDS[match["n"]]
        days = amount * (7 if match["unit"] == "week" else 1)
        return FuzzyDate((published - dt.timedelta(days=days)).isoformat(), "day")
    return _relative_period(phrase, published)


def _relative_period(phrase: str, published: dt.date) -> Reading:
    """Months and years relative to publication: "last month", "earlier this month", "last week", "last year"."""
    if LAST_MONTH.search(phrase):
        return FuzzyDate(_month_before(published).strftime("%Y-%m"), "month")
    if THIS_MONTH.search(phrase):
        return FuzzyDate(published.strftime("%Y-%m"), "month")
    if LAST_WEEK.search(phrase):
        # A month only when the whole previous week lies in one.
        monday = published - dt.timedelta(days=published.weekday() + 7)
        sunday = monday + dt.timedelta(days=6)
        return FuzzyDate(monday.strftime("%Y-%m"), "month") if monday.month == sunday.month else None
    if LAST_YEAR.search(phrase):
        return FuzzyDate(str(published.year - 1), "year")
    match = PERIODS_AGO.search(phrase)  # "two years ago": that year; "three months ago": that month
    if match:
        amount = int(match["n"]) if match["n"].isdigit() else NUMBER_WORDS[match["n"]]
        if match["unit"].startswith("year"):
            return FuzzyDate(str(published.year - amount), "year")
        months = published.year * 12 + published.month - 1 - amount
        return FuzzyDate(f"{months // 12:04d}-{months % 12 + 1:02d}", "month")
    return False


@lru_cache(maxsize=4096)
def resolve(text: str, published: dt.date) -> FuzzyDate | None:
    """The date a phrase names, relative to the publication date, or None when it names none."""
    phrase = re.sub(r"\s+", " ", text.strip().lower().replace("\u2019", "'"))
    month = MONTH_OF_YEAR.search(phrase)
    if month:  # "in September last year", "March of this year": the month of a year named relative to now
        year = published.year - (month["which"] != "this")
        return FuzzyDate(f"{year:04d}-{MONTHS[month['month']]:02d}", "month")
    spell = SPELL_THEN_DATE.match(phrase)
    if spell:  # "several weeks last December": the weeks went on then, so the date part dates what happened
        return resolve(spell["date"], published)
    if not phrase or UNDATED_PHRASES.search(phrase):
        return None
    holiday = FIXED_HOLIDAY.search(phrase)
    if holiday:
        return _last_holiday(holiday["name"], phrase, published)
    for reader in (_relative, _calendar):
        found = reader(phrase, published)
        if found is not False:
            return found
    if not NUMERIC_DATE.search(phrase):
        return None  # "shortly before noon", "18 seconds": a time of day or a duration dates nothing
    return _dateparser(phrase, published)


def _last_holiday(name: str, phrase: str, published: dt.date) -> FuzzyDate:
    """ "On Christmas Day", "on New Year's Eve 2023": a holiday on a fixed day is that day of the year it names, else
    of the last year in which it is not after publication (news tells of the past)."""
    month, day = FIXED_HOLIDAYS[name]
    year = re.search(r"\b(19|20)\d\d\b", phrase)
    date = dt.date(int(year.group()) if year else published.year, month, day)
    if year is None and date > published:
        date = date.replace(year=published.year - 1)
    return FuzzyDate(date.isoformat(), "day")


@lru_cache(maxsize=256)
def _parser(published: dt.date) -> DateDataParser:
    base = dt.datetime.combine(published, dt.time(23, 59))
    return DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past", "RELATIVE_BASE": base})


def _dateparser(phrase: str, published: dt.date) -> FuzzyDate | None:
    """dateparser for numeric dates; a date after publication is not a report of the past."""
    data = _parser(published).get_date_data(phrase)
    formats = {"day": ("%Y-%m-%d", "day"), "month": ("%Y-%m", "month"), "year": ("%Y", "year")}
    if data.date_obj is None or data.date_obj.date() > published or data.period not in formats:
        return None
    pattern, precision = formats[data.period]
    return FuzzyDate(data.date_obj.strftime(pattern), precision)


def date_candidates(span: Span) -> list[tuple[Token, str]]:
    """Date phrases of a span with a token to measure distance from: DATE/TIME entities and "overnight".

    A date after "since", "until", "before" or "by", or in a clause so opened, bounds a period rather than
    dating an event. Read once per span of a doc: each mention and clause of a sentence asks again.
    """
    cache: dict[tuple[int, int], list[tuple[Token, str]]] = span.doc.user_data.setdefault(CANDIDATES, {})
    key = (span.start, span.end)
    if key not in cache:
        cache[key] = _date_candidates(span)
    return list(cache[key])


def _date_candidates(span: Span) -> list[tuple[Token, str]]:
    found = []
    for ent in entities(span):
        bounded = ent.start > 0 and ent.doc[ent.start - 1].lower_ in PERIOD_BOUNDS
        if ent.label_ in {"DATE", "TIME"} and not (bounded or _in_bounding_clause(ent.root) or _night_of_date(ent)
                                                   or _counting_period(ent) or _compared_with(ent.root)):
            found.append((ent.root, ent.text))
    found += [(t, t.text) for t in span if t.lower_ in SAME_DAY_WORDS and not t.ent_type_]
    found += _holidays(span, {token.i for token, _ in found})
    return found


def _holidays(span: Span, taken: set[int]) -> list[tuple[Token, str]]:
    """Holidays on a fixed day the entity recogniser leaves out of any date ("in the early hours of Christmas Day",
    of which it makes a time of "the early hours of")."""
    found = []
    for holiday in FIXED_HOLIDAY.finditer(text_of(span).lower().replace("\u2019", "'")):
        chars = span.char_span(holiday.start(), holiday.end(), alignment_mode="expand")
        if chars is not None and not any(t.ent_type_ == "DATE" or t.i in taken for t in chars):
            found.append((chars.root, chars.text))
    return found


def _counting_period(ent: Span) -> bool:
    """ "the third such incident this month", "the second violation this year": a period an ordinal counts
    incidents over says how many it held, not the day this one happened."""
    counted = ent.root.head
    if ent.root.dep_ == "pobj" and counted.lower_ == "in":
        counted = counted.head  # "the third such incident in 2025"
    elif ent.root.dep_ != "npadvmod":
        return False
    return counted.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in SERIES_ORDINALS for c in counted.children)


def _night_of_date(ent: Span) -> bool:
    """ "overnight on Sept. 9-10", "overnight on Tuesday": a time of night followed by the date it falls on is the
    time of that date, not the night before publication."""
    doc = ent.doc
    return (SAME_DAY_PHRASES.search(ent.text.lower()) is not None and ent.end + 1 < len(doc)
            and doc[ent.end].lower_ in NIGHT_OF_DATE_WORDS and doc[ent.end + 1].ent_type_ == "DATE")


def _compared_with(token: Token) -> bool:
    """ "came back at the same point as the evening before", "more flights than last year": a date a comparison
    measures against is the standard, not the day of what the clause reports."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in COMPARISON_WORDS:
        return False
    return prep.lower_ == "than" or any(t.lower_ in LIKE_WORDS for t in prep.head.subtree if t.i < prep.i)


def _in_bounding_clause(token: Token) -> bool:
    """ "the first violation since Japan began keeping records in 1958": a date in a clause that opens with
    "since", "until" or "before" bounds a period too."""
    return any(a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in PERIOD_BOUNDS for c in a.children)
               for a in token.ancestors)


def date_near(span: Span, anchor: Token, published: dt.date, scope: list[Token] | None = None,
              scope_only: bool = False) -> FuzzyDate | None:
    """The resolvable date phrase closest to the anchor, preferring one inside the anchor's clause (scope)."""
    inside = {t.i for t in scope} if scope else set()
    candidates = [c for c in date_candidates(span) if not scope_only or c[0].i in inside]
    ranked = sorted(candidates, key=lambda c: (c[0].i not in inside, abs(c[0].i - anchor.i)))
    for _, text in ranked:
        resolved = resolve(text, published)
        if resolved is not None:
            return resolved
    return None


def _days_after(clause: Token) -> int | None | Literal[False]:
    """ "a day after it entered", "two days after": how many days the clause precedes the one it hangs from.

    None when the text does not say ("days after"); False when the clause is not so placed.
    """
    after = next((c for c in clause.children if c.dep_ in {"mark", "prep"} and c.lower_ == "after"), None)
    if after is None:
        return False
    span = next((c for c in [*clause.children, *after.children]
                 if c.dep_ == "npadvmod" and c.lemma_.lower() in LAG_UNITS and c.i < after.i), None)
    if span is None:
        return False
    amount = next((number(c.text) for c in span.children if c.dep_ in {"nummod", "det"} and number(c.text)), None)
    if amount is None:
        return None
    return amount * (7 if span.lemma_.lower() == "week" else 1)


def _before_main(span: Span, clause: Token, days: int, published: dt.date, default: dt.date | None) -> FuzzyDate | None:
    """The day of the clause a clause hangs from ("said on Tuesday, a day after ..."), moved back by some days."""
    inside = {t.i for t in clause.subtree}
    outside = [t for t in clause.head.subtree if t.i not in inside and not _prospective(t)]
    reference = date_near(span, clause.head, published, outside, scope_only=True)
    if reference is None and default is not None:
        reference = FuzzyDate(default.isoformat(), "day")
    if reference is None or reference.precision != "day":
        return None
    return FuzzyDate((dt.date.fromisoformat(reference.value) - dt.timedelta(days=days)).isoformat(), "day")


def _prospective(token: Token) -> bool:
    """Whether a word is in a clause of what is yet to come ("the airport could stay shut into Saturday"): its day
    is a coming one, no day to count a past event from ("may have entered on Monday" looks back)."""
    verb = next((t for t in [token, *token.ancestors] if t.pos_ in {"VERB", "AUX"}), None)
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"} if verb is not None else set()
    return bool(auxiliaries & MODALS) and "have" not in auxiliaries


def _described_subject_verb(anchor: Token) -> Token | None:
    """The verb whose subject a clause describes ("a drone that entered X was tracked", "a drone found there after
    it flew in was carrying explosives"): what the subject did there and then, the parser's home for the day."""
    node = anchor
    while node.dep_ in {"relcl", "acl", "advcl"}:
        if node.dep_ in {"relcl", "acl"} and node.head.dep_ in {"nsubj", "nsubjpass"}:
            return node.head.head
        node = node.head
    return None


def clause_date(span: Span, clause: Token, anchor: Token, published: dt.date) -> tuple[FuzzyDate | None, bool]:
    """The date of what a clause reports, and whether the clause itself gives it.

    "a day after it entered" and "the previous day" count back from the date of the main clause (when it gives
    none, the clause's own day counts, or none), and an
    "overnight" in a clause reported "on Monday" is that Monday's (both from publication when the sentence
    has no other date); a date elsewhere in the sentence is a weaker guess, often the day someone "said on
    Saturday".
    """
    lag = _days_after(clause)
    counted = None if lag is None or lag is False else _before_main(span, clause, lag, published, None)
    if counted is not None:
        return counted, True  # else "two days after drones forced the airport to shut on Monday night": Monday
    inside = list(anchor.subtree)
    scope = {t.i for t in inside}
    own_phrases = [text for token, text in date_candidates(span) if token.i in scope]
    if any(PREVIOUS_DAY.search(text) for text in own_phrases):
        return _before_main(span, clause, 1, published, published), True
    if own_phrases and all(SAME_DAY_PHRASES.search(text.lower()) for text in own_phrases):
        # "said on Monday that drones had been seen overnight": dated that Monday
        return _before_main(span, clause, 0, published, published), True
    own = date_near(span, anchor, published, without_other_clauses(anchor), scope_only=True)
    if own is not None:
        return own, True
    main = _described_subject_verb(anchor)
    if main is not None:  # "On July 10, a drone that entered its airspace was tracked ...": one event's day
        own = date_near(span, main, published, without_other_clauses(main), scope_only=True)
        if own is not None:
            return own, True
    if lag is not False:
        return None, True
    for verb in (c for c in anchor.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        # "violated the airspace and flew over the village at 6pm on May 9": one flight, dated at its end; not
        # "crossed into X and flew back into Y on Jan. 14", a leg into another state
        words = without_other_clauses(verb)
        another_state = any(t.ent_type_ == "GPE" and is_state_name(t.text) for t in words)
        own = None if another_state else date_near(span, verb, published, words, scope_only=True)
        if own is not None:
            return own, True
    return date_near(span, anchor, published, inside), False


def later_phrase(text: str) -> re.Match[str] | None:
    """A phrase counting on from a day ("two days later", "the next day") in a text, if it has one."""
    return LATER_DAY.search(text)


def later_day(found: re.Match[str], last: dt.date) -> FuzzyDate:
    """The day a phrase of :func:`later_phrase` names by counting on from the day the text named before ("A day
    later, ...", "the following night", "returned for a second night"): a narrative goes forward from its last
    date, so such a phrase dates by that day, never by publication. "Days later", with no number, dates it only to
    the month a few days on."""
    if found["vague"]:  # "days later": some day a few days on, known only to its month
        return FuzzyDate((last + dt.timedelta(days=FEW_DAYS)).isoformat()[:7], "month")
    count = found["count"]
    amount = 1 if count is None else int(count) if count.isdigit() else NUMBER_WORDS[count.lower()]
    unit = LATER_DAY_UNITS[found["unit"].lower().rstrip("s")] if found["unit"] else 1
    return FuzzyDate((last + dt.timedelta(days=amount * unit)).isoformat(), "day")


def heading(line: str) -> re.Match[str] | None:
    """The date or time heading a line starts with ("SEPTEMBER 13 - ", "* MARCH 2014 - ", "23:55 - "), if any."""
    return HEADING.match(line)


def heading_date(line: str, published: dt.date) -> FuzzyDate | None:
    """The date a line's heading gives ("MAY 13 - ..." is this year's May 13); None for a time or no heading."""
    found = heading(line)
    return resolve(found["date"], published) if found else None


CLOCK = re.compile(r"^(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:\s*(?P<half>[ap])\.?m\.?)?$", re.I)


def timestamp_day(line: str, published_at: dt.datetime) -> FuzzyDate | None:
    """The day of a live-blog entry headed by a time of day ("23:55 - ..."): the day of publication, or the day
    before when the time is later in the day than publication (the blog ran past midnight)."""
    found = heading(line)
    clock = CLOCK.match(found["date"].strip()) if found else None
    if clock is None:
        return None
    hour = int(clock["hour"])
    if clock["half"]:  # "11:40 p.m."
        hour = hour % 12 + (12 if clock["half"].lower() == "p" else 0)
    if hour > 23 or int(clock["minute"]) > 59:
        return None
    day = published_at.date()
    if dt.time(hour, int(clock["minute"])) > published_at.time():
        day -= dt.timedelta(days=1)
    return FuzzyDate(day.isoformat(), "day")


def listed_days(tokens: list[Token], published: dt.date) -> list[FuzzyDate]:
    """The dates of a list: "on October 3, 9 and 10", "on 5, 21 and 26 October", "in 2014 and 2017", "in November
    2019, June 2020 and September 2021" report one event a date. Two dates "between" which something happened
    bound one period ("flown over between 5 and 20 May"): no list."""
    for token in tokens:
        if token.lower_.rstrip(".") not in MONTHS:
            continue
        found = DAY_LIST.match(text_of(token.doc[token.i:]))
        if found and not (token.i and token.doc[token.i - 1].lower_ in SPAN_OPENERS):
            month = MONTHS[found["month"].lower()]
            days = sorted({int(day) for day in re.findall(r"\d{1,2}", found["days"])})
            dated = [_day(day, month, None, published) for day in days]
            return _and_holidays([d for d in dated if d is not None], tokens, published)
    if not tokens:
        return []
    text = tokens[0].doc[min(t.i for t in tokens): max(t.i for t in tokens) + 1].text
    for pattern in (MONTH_DAY_LIST, DAY_FIRST_LIST, DATE_LIST):
        found = pattern.search(text)
        if found and not _bounds_a_period(text[:found.start()]):
            month = f" {found['month']}" if "month" in found.groupdict() else ""
            month += f", {found['year']}" if found.groupdict().get("year") else ""  # "May 2 and May 9, 2024"
            items = re.split(r"\s*(?:,\s*(?:and\s+)?|\band\b|&)\s*", found["items"])
            dated = [resolve(item + month, published) for item in items if item]
            return _and_holidays(list(dict.fromkeys(d for d in dated if d is not None)), tokens, published)
    return []


def _bounds_a_period(before: str) -> bool:
    """Whether the words before two dates make them the ends of one period: "between 5 and 20 May"."""
    words = before.split()
    return bool(words) and words[-1].lower() in SPAN_OPENERS


def _each_time_verb(word: Token) -> Token | None:
    """The verb up the clause chain that says it happened "each time" ("each time", "every time", "on each
    occasion"), the one whose dates a cause hung on it shares."""
    node = word
    for _ in range(4):
        if node.pos_ in {"VERB", "AUX"} and any(
                t.lemma_.lower() in OCCASION_NOUNS and any(d.lower_ in DISTRIBUTIVE_DETERMINERS for d in t.children)
                for c in node.children for t in [c, *c.children]):  # "each time due to ...": on the verb or its cause
            return node
        if node.head is node:
            return None
        node = node.head
    return None


def each_time_days(word: Token, published: dt.date) -> list[FuzzyDate]:
    """ "The airport shut on Monday and Thursday, as well as on 9 September, each time because of balloons entering
    its airspace": a clause that lists days and says its cause came each time tells one event a day; the cause,
    told once, is on every day the verb lists."""
    verb = _each_time_verb(word)
    if verb is None:
        return []
    # the days may hang on the clause it is the cause of, on a verb it completes or on its object: "had to halt
    # flights on X and Y, each time due to ...", "suspended flights on X and Y, each time after drones were seen"
    clauses = [verb, verb.head] if verb.dep_ in {"advcl", "pcomp"} else [verb]
    verbs = [*clauses, *(c for v in clauses for c in v.children if c.dep_ in {"xcomp", "dobj"})]
    items = [o for v in dict.fromkeys(verbs) for prep in v.children if prep.dep_ == "prep" and prep.lower_ == "on"
             for pobj in prep.children if pobj.dep_ == "pobj"
             for o in [pobj, *(c for c in pobj.subtree if c.dep_ in {"conj", "appos"} and c.ent_type_ == "DATE")]]
    dated = [resolve(" ".join(t.text for t in sorted([item, *(c for c in item.children if c.dep_ in {"nummod", "compound"})],
                                                     key=lambda t: t.i)), published) for item in items]
    days = list(dict.fromkeys(d for d in dated if d is not None))
    return days if len(days) > 1 else []


def _and_holidays(dated: list[FuzzyDate], tokens: list[Token], published: dt.date) -> list[FuzzyDate]:
    """A list of days that goes on to a holiday ("on Dec. 16 and 18, as well as on Christmas Day"): its day too."""
    if not dated:
        return dated
    text = tokens[0].doc[min(t.i for t in tokens): max(t.i for t in tokens) + 1].text.lower().replace("\u2019", "'")
    extra = [_last_holiday(h["name"], text, published) for h in FIXED_HOLIDAY.finditer(text)]
    return list(dict.fromkeys(dated + extra))


def days_told(scope: list[Token], anchor: Token, published: dt.date) -> list[FuzzyDate]:
    """The days a clause tells its event on, one event a day: a list ("on May 4, 9 and 12"), "and again" ("on May 4
    and again on June 2"), or days listed with "each time" on the clause's word (:func:`each_time_days`)."""
    return listed_days(scope, published) or dated_again(scope, published) or each_time_days(anchor, published)


def dated_again(tokens: list[Token], published: dt.date) -> list[FuzzyDate]:
    """ "closed on Thursday night and again on Friday night", "violated it on May 4 and again on June 2": a date
    phrase, "and again", and another: the thing happened on each, whichever of them the parser hangs the other on."""
    inside = {t.i for t in tokens}
    for word in tokens:
        before = word.doc[word.i - 1] if word.i > 0 else None
        if word.lower_ not in AGAIN_WORDS or before is None or before.lower_ != "and":
            continue
        dates = [_prepositional_date(prep, published) for prep in (_date_phrase(word, inside, -1),
                                                                   _date_phrase(word, inside, 1))]
        found = [d for d in dates if d is not None]
        if len(found) == 2 and found[0] != found[1]:
            return found
    return []


def _date_phrase(word: Token, inside: set[int], step: int) -> Token | None:
    """The nearest "on"/"in" before (step -1) or after (step 1) a word, within the tokens, that takes a date."""
    i = word.i + step
    while i in inside:
        token = word.doc[i]
        if token.lower_ in {"on", "in"} and any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"}
                                                for c in token.children):
            return token
        i += step
    return None


def _prepositional_date(prep: Token | None, published: dt.date) -> FuzzyDate | None:
    if prep is None:
        return None
    obj = next(c for c in prep.children if c.dep_ == "pobj")
    words = [t for t in obj.subtree if t.ent_type_ in {"DATE", "TIME"}] or [obj]
    return resolve(obj.doc[min(t.i for t in words): max(t.i for t in words) + 1].text, published)

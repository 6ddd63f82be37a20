"""Date phrases resolved against the publication date, with precision."""

from __future__ import annotations

import datetime as dt

import pytest

from streams.extraction.dates import heading_date, resolve
from streams.extraction.model import FuzzyDate

WEDNESDAY = dt.date(2025, 10, 8)


@pytest.mark.parametrize("phrase, value, precision", [
    ("on Monday", "2025-10-06", "day"),
    ("Wednesday", "2025-10-08", "day"),  # the publication weekday is that day
    ("Thursday night", "2025-10-02", "day"),
    ("overnight", "2025-10-08", "day"),
    ("yesterday", "2025-10-07", "day"),
    ("last month", "2025-09", "month"),
    ("earlier in September", "2025-09", "month"),
    ("late August", "2025-08", "month"),
    ("October 3", "2025-10-03", "day"),
    ("Sept. 24-25", "2025-09-24", "day"),
    ("December 30", "2024-12-30", "day"),  # not yet this year: last year's
    ("March 2023", "2023-03", "month"),
    ("in 2021", "2021", "year"),
    ("last Wednesday", "2025-10-01", "day"),  # "last" and the publication weekday: a week before
    ("Monday evening", "2025-10-06", "day"),
    ("early on Saturday", "2025-10-04", "day"),
    ("the weekend", "2025-10-04", "day"),
    ("three days ago", "2025-10-05", "day"),
    ("a couple of days ago", "2025-10-06", "day"),  # a collective number word takes "of"
    ("in the last hour", "2025-10-08", "day"),  # the hour before the story: its own day
    ("within the past hour", "2025-10-08", "day"),
    ("a couple of months ago", "2025-08", "month"),
    ("the night of Sept. 9-10", "2025-09-09", "day"),
    ("24 September", "2025-09-24", "day"),
    ("the 12th of September", "2025-09-12", "day"),
    ("August 23", "2025-08-23", "day"),
    ("earlier this month", "2025-10", "month"),
    ("mid-July", "2025-07", "month"),
    ("last year", "2024", "year"),
    ("in November last year", "2024-11", "month"),  # a month of a year named relative to now
    ("February of this year", "2025-02", "month"),
])
def test_phrases_resolve_relative_to_publication(phrase, value, precision):
    resolved = resolve(phrase, WEDNESDAY)
    assert resolved is not None and (resolved.value, resolved.precision) == (value, precision)


@pytest.mark.parametrize("phrase", ["this year", "since 2019", "for decades", "recent weeks", "next month", "two days",
                                    "shortly before noon", "about 18 seconds", "the previous day", "the first time",
                                    "last week"])
def test_phrases_that_date_nothing_give_none(phrase):
    assert resolve(phrase, WEDNESDAY) is None  # "last week" straddles two months here


def test_last_week_within_one_month_is_that_month():
    assert resolve("last week", dt.date(2025, 9, 24)) == FuzzyDate("2025-09", "month")


def test_a_date_after_publication_is_no_report_of_the_past():
    assert resolve("2031", WEDNESDAY) is None and resolve("March 2031", WEDNESDAY) is None


def test_a_day_just_ahead_of_the_reference_is_to_come_not_last_year():
    assert resolve("Oct. 23", WEDNESDAY) is None  # a meeting announced for later this month
    assert resolve("December 30", WEDNESDAY) == FuzzyDate("2024-12-30", "day")  # too far ahead: last year's


@pytest.mark.parametrize("line, value, precision", [
    ("APRIL 4 - A patrol plane strays over the lake.", "2025-04-04", "day"),
    ("* NOVEMBER 2019 - Lisbon asked for talks.", "2019-11", "month"),
    ("Sept. 30: Two balloons drift across.", "2025-09-30", "day"),
    ("2017 - The first reported overflight.", "2017", "year"),
    ("Monday - Radar picks up a drone.", "2025-10-06", "day"),
])
def test_a_line_heading_dates_the_line(line, value, precision):
    assert heading_date(line, WEDNESDAY) == FuzzyDate(value, precision)


@pytest.mark.parametrize("line", ["May the drones stay away.", "March 3 was a quiet day.", "14:20 - Police close the road.",
                                  "In 2017 the first overflight was reported."])
def test_a_line_without_a_date_heading_has_no_heading_date(line):
    assert heading_date(line, WEDNESDAY) is None


def test_years_and_months_ago_resolve_to_that_year_and_month():
    from datetime import date

    from streams.extraction.dates import resolve
    assert resolve("two years ago", date(2014, 3, 3)).value == "2012"
    assert resolve("three months ago", date(2014, 3, 3)).value == "2013-12"
    assert resolve("for years", date(2014, 3, 3)) is None

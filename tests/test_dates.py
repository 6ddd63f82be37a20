"""Date phrases resolved against the publication date, with precision."""

from __future__ import annotations

import datetime as dt

import pytest

from streams.extraction.dates import resolve

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
])
def test_phrases_resolve_relative_to_publication(phrase, value, precision):
    resolved = resolve(phrase, WEDNESDAY)
    assert resolved is not None and (resolved.value, resolved.precision) == (value, precision)


@pytest.mark.parametrize("phrase", ["this year", "since 2019", "for decades", "recent weeks", "next month", "two days"])
def test_phrases_that_date_nothing_give_none(phrase):
    assert resolve(phrase, WEDNESDAY) is None

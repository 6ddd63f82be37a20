"""Query checks of the analysis endpoints (drill-down, counts over time, as-of), free of faust and aiohttp.

Like :mod:`streams.view.api`, a bad value raises :class:`~streams.view.api.BadRequest` naming the
parameter, which the web layer answers with a 400; the checks of kind, country and
year are :mod:`streams.view.api`'s own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from streams.view.api import BadRequest, _single, check_known, parse_incident_filter

SERIES_PARAMS = frozenset({"kind", "country"})


@dataclass(frozen=True, slots=True)
class Cell:
    kind: str
    country: str
    year: str

    @property
    def name(self) -> str:
        return f"{self.kind}/{self.country}/{self.year}"


def parse_cell(kind: str, country: str, year: str) -> Cell:
    """A count cell named by path segments (``airspace_violation/EE/2025``)."""
    checked = parse_incident_filter({"kind": kind, "country": country, "year": year})
    if not (checked.kind and checked.country and checked.year):
        raise BadRequest("cell", "kind, country and year are all needed")
    return Cell(checked.kind, checked.country, checked.year)


def parse_cell_path(text: str) -> Cell:
    """``KIND/CC/YYYY`` as the command line takes it."""
    parts = text.strip().strip("/").split("/")
    if len(parts) != 3:
        raise BadRequest("cell", f"{text!r} is not KIND/CC/YYYY such as airspace_violation/EE/2025")
    return parse_cell(*parts)


def parse_series_filter(query: Mapping[str, str]) -> tuple[str | None, str | None]:
    check_known(query, SERIES_PARAMS)
    checked = parse_incident_filter(query)
    return checked.kind, checked.country


def parse_as_of(query: Mapping[str, str]) -> dt.datetime | None:
    """``?as_of=TIME`` of the count table, when given."""
    raw = _single(query, "as_of")
    return None if raw is None else parse_timestamp(raw)


def parse_timestamp(text: str, parameter: str = "as_of") -> dt.datetime:
    """An ISO 8601 time (a date alone means its midnight), in UTC when no offset is given."""
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise BadRequest(parameter, f"{text!r} is not an ISO 8601 time such as 2025-09-20T12:00:00Z") from None
    try:
        return (value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)).astimezone(dt.timezone.utc)
    except OverflowError:  # "0001-01-01T01:00:00+17:00" is a time before the first one UTC can hold
        raise BadRequest(parameter, f"{text!r} is out of the range of times in UTC") from None

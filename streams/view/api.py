"""The HTTP API's query logic, kept free of faust and aiohttp so it can be tested on plain data.

Every handler in :mod:`streams.view.web` is "validate the query, then compute from the
live view": a bad parameter raises :class:`BadRequest`, which the web layer turns
into a 400 naming the parameter, rather than silently ignoring a typo such as
``?contry=EE`` and answering with everything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from streams.model.events import IncidentEvent, StatementEvent, Upsert, event_to_json
from streams.model.keys import INCIDENT_KINDS, IncidentKey

U = TypeVar("U", bound=Upsert)

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_OFFSET = 2**31 - 1  # any page past the data is empty; a bound keeps the echoed offset a JSON-safe integer
RECENT = 10  # items of each list in a dashboard snapshot

COUNT_PARAMS = frozenset({"kind", "country", "year", "as_of"})
INCIDENT_PARAMS = frozenset({"kind", "country", "year", "limit", "offset"})
STATEMENT_PARAMS = frozenset({"speaker", "organization", "limit", "offset"})

# While a worker recovers its tables, every /api/ path but these answers 503 (see streams.view.web.recovery_guard):
# they answer from progress counters or fixed text, not from the tables (the probes answer for themselves).
NOT_TABLE_BACKED = frozenset({"/api/status", "/api/openapi.json", "/api/events", "/api/live", "/api/ready"})
RETRY_AFTER_SECONDS = 2  # what a 503 asks clients to wait while the tables recover (Retry-After)

_COUNTRY = re.compile(r"[A-Za-z]{2}")
_YEAR = re.compile(r"[0-9]{4}")
_INTEGER = re.compile(r"-?[0-9]+")  # ASCII digits only: int() would also take " 5", "+5", "1_0" and other scripts' digits


def recovering_body() -> dict[str, Any]:
    """The 503 body while the tables recover; the wait is also in the ``Retry-After`` header."""
    return {"error": "the worker is recovering its tables; retry later", "retry_after": RETRY_AFTER_SECONDS}


class BadRequest(ValueError):
    """A query parameter the API cannot honour; ``parameter`` names it for the client."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message

    def body(self) -> dict[str, str]:
        return {"error": self.message, "parameter": self.parameter}


@dataclass(frozen=True, slots=True)
class Page:
    limit: int = DEFAULT_LIMIT
    offset: int = 0


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    kind: str | None = None
    country: str | None = None
    year: str | None = None


@dataclass(frozen=True, slots=True)
class StatementFilter:
    speaker: str | None = None
    organization: str | None = None


def _single(query: Mapping[str, str], name: str) -> str | None:
    """One value as given, or None when the parameter is absent."""
    getall = getattr(query, "getall", None)
    values = list(getall(name, [])) if getall is not None else ([query[name]] if name in query else [])
    if len(values) > 1:
        raise BadRequest(name, "given more than once")
    return values[0] if values else None


def _text(query: Mapping[str, str], name: str) -> str | None:
    """A free-text filter: surrounding blanks dropped, and an empty one is no filter (an emptied form field)."""
    raw = _single(query, name)
    return (raw.strip() or None) if raw is not None else None


def check_known(query: Mapping[str, str], allowed: frozenset[str]) -> None:
    unknown = sorted(set(query) - allowed)
    if unknown:
        raise BadRequest(unknown[0], f"unknown parameter; this endpoint takes {', '.join(sorted(allowed))}")


def _int(query: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = _single(query, name)
    if raw is None:
        return default
    if not _INTEGER.fullmatch(raw):
        raise BadRequest(name, f"{raw!r} is not an integer")
    value = int(raw) if len(raw) <= 20 else high + 1  # int() refuses thousands of digits; such a number is out of range anyway
    if not low <= value <= high:
        raise BadRequest(name, f"must be between {low} and {high}")
    return value


def parse_page(query: Mapping[str, str]) -> Page:
    return Page(limit=_int(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT), offset=_int(query, "offset", 0, 0, MAX_OFFSET))


def parse_incident_filter(query: Mapping[str, str]) -> IncidentFilter:
    kind, country, year = _single(query, "kind"), _single(query, "country"), _single(query, "year")
    if kind is not None and kind not in INCIDENT_KINDS:
        raise BadRequest("kind", f"{kind!r} is not one of {', '.join(INCIDENT_KINDS)}")
    if country is not None and not _COUNTRY.fullmatch(country):
        raise BadRequest("country", f"{country!r} is not an ISO 3166-1 alpha-2 code such as EE")
    if year is not None and not _YEAR.fullmatch(year):
        raise BadRequest("year", f"{year!r} is not a four-digit year")
    return IncidentFilter(kind, country.upper() if country else None, year)


def parse_statement_filter(query: Mapping[str, str]) -> StatementFilter:
    return StatementFilter(_text(query, "speaker"), _text(query, "organization"))


def count_table(counts: dict[str, dict[str, int]], query: Mapping[str, str]) -> dict[str, dict[str, int]]:
    """The contract's count table narrowed by ``?kind=&country=&year=``; absent filters keep everything."""
    check_known(query, COUNT_PARAMS)
    wanted = parse_incident_filter(query)
    result: dict[str, dict[str, int]] = {}
    for kind, cells in counts.items():
        if wanted.kind and kind != wanted.kind:
            continue
        result[kind] = {cell: n for cell, n in cells.items() if _cell_matches(cell, wanted)}
    return result


def _cell_matches(cell: str, wanted: IncidentFilter) -> bool:
    country, _, year = cell.partition("/")
    return (not wanted.country or country == wanted.country) and (not wanted.year or year == wanted.year)


def incident_when(event: IncidentEvent) -> str:
    """The date an incident is counted under: the incident key's (publication month when the text has none)."""
    try:
        when = IncidentKey.parse(event.incident_key).when
    except ValueError:
        when = ""
    if when:
        return when
    return event.occurred_on.value if event.occurred_on else ""


def statement_when(event: StatementEvent) -> str:
    return event.said_on.value if event.said_on else ""


def _latest_first(events: Iterable[U], when: Callable[[U], str]) -> list[U]:
    """Newest date first, then the newest article version; the id makes ties deterministic."""
    return sorted(events, key=lambda e: (when(e), e.article_version, e.event_id), reverse=True)


def _paginate(events: list[U], page: Page) -> dict[str, Any]:
    """The page of the list, each event as the JSON object the contract writes."""
    return {"total": len(events), "limit": page.limit, "offset": page.offset,
            "items": [event_to_json(e) for e in events[page.offset: page.offset + page.limit]]}


def incident_listing(events: Iterable[IncidentEvent], query: Mapping[str, str]) -> dict[str, Any]:
    check_known(query, INCIDENT_PARAMS)
    wanted, page = parse_incident_filter(query), parse_page(query)
    chosen = [e for e in events
              if (not wanted.kind or e.kind == wanted.kind)
              and (not wanted.country or e.country == wanted.country)
              and (not wanted.year or incident_when(e)[:4] == wanted.year)]
    return _paginate(_latest_first(chosen, incident_when), page)


def _same(value: str | None, wanted: str | None) -> bool:
    return wanted is None or (value or "").casefold() == wanted.casefold()


def statement_listing(events: Iterable[StatementEvent], query: Mapping[str, str]) -> dict[str, Any]:
    check_known(query, STATEMENT_PARAMS)
    wanted, page = parse_statement_filter(query), parse_page(query)
    chosen = [e for e in events
              if _same(e.speaker.name, wanted.speaker) and _same(e.speaker.organization, wanted.organization)]
    return _paginate(_latest_first(chosen, statement_when), page)


def snapshot(counts: dict[str, dict[str, int]], statement_counts: dict[str, dict[str, int]],
             incidents: Iterable[IncidentEvent], statements: Iterable[StatementEvent]) -> dict[str, Any]:
    """Everything the dashboard draws, in one document: what /api/events pushes and /api/snapshot returns."""
    return {
        "counts": counts,
        "statement_counts": statement_counts,
        "incidents": incident_listing(incidents, {"limit": str(RECENT)}),
        "statements": statement_listing(statements, {"limit": str(RECENT)}),
    }

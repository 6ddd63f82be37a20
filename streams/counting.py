"""Counts: the materialised tables, as pure functions of the set of live events.

A count cell is a key ("incidents/airspace_violation/EE/2025", "speaker/Mark Rutte",
"organization/NATO") whose members are the live events that fall in it,
``{member_id: value}``. Cells are rebuilt from the live events (the latest upsert
per id, retractions removed, as :mod:`streams.view` folds the derived topics), so
a member is always in the cell its latest version says, however often and in
whichever order records arrive: an incident whose corrected date moves it to
another year leaves the old year's cell.

An incident cell counts distinct real-world incidents, not members: two articles
may report one incident with dates of different precision ("earlier in September"
and "on September 10"), so members are clustered by violator and date before they
are counted. The count depends only on the set of members, never on their order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from streams.events import Event

Cell = dict[str, str]  # member_id -> value (an incident key, or the statement id)
INCIDENT_KINDS = ("airspace_violation", "drone_sighting", "article4_request")


def incident_cell_key(event: Event) -> str:
    kind, country, _violator, when = event["incident_key"].split(":", 3)
    return f"incidents/{kind}/{country}/{when[:4]}"


def statement_cell_keys(event: Event) -> list[str]:
    speaker = event.get("speaker") or {}
    keys = [f"speaker/{speaker['name']}"] if speaker.get("name") else []
    if speaker.get("organization"):
        keys.append(f"organization/{speaker['organization']}")
    return keys


def cell_members(event: Event) -> list[tuple[str, str, str]]:
    """The cells one live event is a member of: (cell key, member id, value)."""
    if event["type"] == "incident":
        return [(incident_cell_key(event), event["incident_id"], event["incident_key"])]
    return [(key, event["statement_id"], event["statement_id"]) for key in statement_cell_keys(event)]


def cells(live: Iterable[Event]) -> dict[str, Cell]:
    """Every non-empty cell of a set of live events (no retractions in it: they are not live)."""
    found: dict[str, Cell] = {}
    for event in live:
        for key, member, value in cell_members(event):
            found.setdefault(key, {})[member] = value
    return found


def _parse_key(incident_key: str) -> tuple[str, str]:
    _kind, _country, violator, when = incident_key.split(":", 3)
    return violator, when


def distinct_incidents(incident_keys: Iterable[str]) -> int:
    """Real-world incidents among keys of one kind, country and year.

    Day-precise dates of one violator a day apart or less are one incident (an
    "overnight" attack is dated either day). A month-precise report is absorbed by a
    day-precise one of that month, a year-precise one by anything of that year; an
    unknown violator ("-") matches any.
    """
    parsed = {_parse_key(k) for k in incident_keys}
    days = sorted((v, dt.date.fromisoformat(w)) for v, w in parsed if len(w) == 10)
    months = {(v, w) for v, w in parsed if len(w) == 7}
    years = {(v, w) for v, w in parsed if len(w) == 4}
    count, last = 0, {}
    for violator, day in days:
        if violator not in last or (day - last[violator]).days > 1:
            count += 1
        last[violator] = day

    def same(a: str, b: str) -> bool:
        return a == b or "-" in (a, b)

    covered_months = {(v, d.strftime("%Y-%m")) for v, d in days}
    count += sum(1 for v, m in months if not any(same(v, cv) and m == cm for cv, cm in covered_months))
    finer = [v for v, _ in days] + [v for v, _ in months]
    count += sum(1 for v, _ in years if not any(same(v, f) for f in finer))
    return count


def cell_count(key: str, cell: Cell) -> int:
    if key.startswith("incidents/"):
        return distinct_incidents(cell.values())
    return len(cell)


def incident_counts(cells: Iterable[tuple[str, Cell]]) -> dict[str, dict[str, int]]:
    """The contract's count table: ``{kind: {"CC/YYYY": n}}``, empty cells left out."""
    counts: dict[str, dict[str, int]] = {kind: {} for kind in INCIDENT_KINDS}
    for key, cell in cells:
        if not key.startswith("incidents/"):
            continue
        _, kind, country, year = key.split("/")
        n = cell_count(key, cell)
        if n:
            counts.setdefault(kind, {})[f"{country}/{year}"] = n
    return {kind: dict(sorted(cells.items())) for kind, cells in counts.items()}


def statement_counts(cells: Iterable[tuple[str, Cell]]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {"speaker": {}, "organization": {}}
    for key, cell in cells:
        group, _, name = key.partition("/")
        if group in counts and cell:
            counts[group][name] = len(cell)
    return {group: dict(sorted(cells.items())) for group, cells in counts.items()}

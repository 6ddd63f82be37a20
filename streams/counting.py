"""Tallies: the materialised counts, as pure functions of the set of live events.

A tally is a key ("incidents/airspace_violation/EE/2025", "speaker/Mark Rutte",
"organization/NATO") holding its live members ``{member_id: value}``. Upserts add
or replace a member, retractions remove one; both are idempotent, so a record
delivered twice changes nothing, and each member remembers the offset of the
record that last changed it, so an older record re-read after a crash cannot undo
a newer one.

An incident tally counts distinct real-world incidents, not members: two articles
may report one incident with dates of different precision ("earlier in September"
and "on September 10"), so members are clustered by violator and date before they
are counted. The count depends only on the set of members, never on their order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from streams.article import Article
from streams.events import Event
from streams.reports import incident_report, timestamp

Tally = dict[str, list[Any]]  # member_id -> [value, offset] or, for an incident report, [value, offset, report]
INCIDENT_KINDS = ("airspace_violation", "drone_sighting", "article4_request")


def incident_tally_key(event: Event) -> str:
    kind, country, _violator, when = event["incident_key"].split(":", 3)
    return f"incidents/{kind}/{country}/{when[:4]}"


def statement_tally_keys(event: Event) -> list[str]:
    speaker = event.get("speaker") or {}
    keys = [f"speaker/{speaker['name']}"] if speaker.get("name") else []
    if speaker.get("organization"):
        keys.append(f"organization/{speaker['organization']}")
    return keys


def tally_updates(event: Event, article: Article | None = None) -> list[tuple[str, dict[str, Any]]]:
    """The tally records one derived event turns into: (tally key, {op, member, value, ...}).

    With the article version that caused the event, incident updates also carry its
    publication time and version (the as-of history, :mod:`streams.asof`) and, for an
    upsert, the report itself (:mod:`streams.drilldown`).
    """
    if event["type"] == "incident":
        member, value, keys = event["incident_id"], event["incident_key"], [incident_tally_key(event)]
    else:
        member, value, keys = event["statement_id"], event["statement_id"], statement_tally_keys(event)
    update: dict[str, Any] = {"op": event["op"], "member": member, "value": value}
    if article is not None and event["type"] == "incident":
        update.update(published_at=timestamp(article), version=article.version)
        if event["op"] != "retract":
            update["report"] = incident_report(event, article)
    return [(key, update) for key in keys]


def moved_out_of_cells(previous_live: dict[str, Event] | None, events: list[Event],
                       article: Article | None = None) -> list[tuple[str, dict[str, Any]]]:
    """Tally retractions for incidents whose new version is counted under another cell than before.

    An incident keeps its id when a correction changes only its date, so no retraction
    reaches the derived topic; but a date moved to another year moves it to another
    count cell, and the old cell must let go of it. ``previous_live`` is the article's
    ledger state before (id -> retraction template, which keeps the incident key).
    """
    moved = []
    for event in events:
        before = (previous_live or {}).get(event.get("incident_id", ""))
        if (event["type"] == "incident" and event["op"] != "retract" and before and before.get("incident_key")
                and incident_tally_key(before) != incident_tally_key(event)):
            moved.extend(tally_updates({**before, "op": "retract"}, article))
    return moved


def apply_update(tally: Tally | None, update: dict[str, Any], offset: int) -> Tally:
    """The cell after ``update``, ``tally`` left as it was (the tally agent compares the two for alerts)."""
    members: Tally = dict(tally or {})
    update_in_place(members, update, offset)
    return members


def update_in_place(members: Tally, update: dict[str, Any], offset: int) -> None:
    """Apply ``update`` to the cell itself: the whole view folds every update of a cell, and copying
    the cell each time made that fold quadratic in the size of the cell."""
    known = members.get(update["member"])
    if known is not None and known[1] > offset >= 0:
        return
    if update["op"] == "retract":
        members.pop(update["member"], None)
    elif update.get("report") is not None:
        members[update["member"]] = [update["value"], offset, update["report"]]
    else:
        members[update["member"]] = [update["value"], offset]


def _parse_key(incident_key: str) -> tuple[str, str]:
    _kind, _country, violator, when = incident_key.split(":", 3)
    return violator, when


def _same_violator(a: str, b: str) -> bool:
    return a == b or "-" in (a, b)


def incident_clusters(incident_keys: Iterable[str]) -> list[list[str]]:
    """The distinct real-world incidents among keys of one kind, country and year, each as its sorted keys.

    Day-precise dates of one violator a day apart or less are one incident (an
    "overnight" attack is dated either day). A month-precise report is absorbed by a
    day-precise one of that month, a year-precise one by anything of that year; an
    unknown violator ("-") matches any. Clusters come in key order, so the result
    depends only on the set of keys.
    """
    keys = sorted(set(incident_keys))
    parsed = {key: _parse_key(key) for key in keys}
    days = sorted((v, dt.date.fromisoformat(w), key) for key, (v, w) in parsed.items() if len(w) == 10)
    clusters: list[list[str]] = []
    last: dict[str, tuple[dt.date, int]] = {}  # violator -> its latest day and that day's cluster
    owner: dict[str, int] = {}  # key -> its cluster
    for violator, day, key in days:
        previous = last.get(violator)
        if previous is None or (day - previous[0]).days > 1:
            clusters.append([])
            previous = (day, len(clusters) - 1)
        clusters[previous[1]].append(key)
        owner[key] = previous[1]
        last[violator] = (day, previous[1])
    day_keys = [(parsed[k][0], parsed[k][1][:7], owner[k]) for k in owner]
    for key in (k for k in keys if len(parsed[k][1]) == 7):
        violator, month = parsed[key]
        home = next((i for v, m, i in day_keys if m == month and _same_violator(violator, v)), None)
        if home is None:
            clusters.append([key])
            home = len(clusters) - 1
        else:
            clusters[home].append(key)
        owner[key] = home
    for key in (k for k in keys if len(parsed[k][1]) == 4):
        violator, _ = parsed[key]
        home = next((owner[k] for k in keys if k in owner and len(parsed[k][1]) > 4
                     and _same_violator(violator, parsed[k][0])), None)
        if home is None:
            clusters.append([key])
        else:
            clusters[home].append(key)
    return [sorted(cluster) for cluster in clusters]


def distinct_incidents(incident_keys: Iterable[str]) -> int:
    """How many real-world incidents the keys of one cell stand for (see :func:`incident_clusters`)."""
    return len(incident_clusters(incident_keys))


def tally_count(key: str, tally: Tally) -> int:
    if key.startswith("incidents/"):
        return distinct_incidents(member[0] for member in tally.values())
    return len(tally)


def cell_counts(tallies: Iterable[tuple[str, Tally]]) -> list[tuple[str, str, str, int]]:
    """(kind, country, year, count) of every incident cell that has held a report, emptied ones at 0 (gauges)."""
    found = []
    for key, tally in tallies:
        if key.startswith("incidents/"):
            _, kind, country, year = key.split("/")
            found.append((kind, country, year, tally_count(key, tally)))
    return sorted(found)


def incident_counts(tallies: Iterable[tuple[str, Tally]]) -> dict[str, dict[str, int]]:
    """The contract's count table: ``{kind: {"CC/YYYY": n}}``, empty cells left out."""
    counts: dict[str, dict[str, int]] = {kind: {} for kind in INCIDENT_KINDS}
    for key, tally in tallies:
        if not key.startswith("incidents/"):
            continue
        _, kind, country, year = key.split("/")
        n = tally_count(key, tally)
        if n:
            counts.setdefault(kind, {})[f"{country}/{year}"] = n
    return {kind: dict(sorted(cells.items())) for kind, cells in counts.items()}


def statement_counts(tallies: Iterable[tuple[str, Tally]]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {"speaker": {}, "organization": {}}
    for key, tally in tallies:
        group, _, name = key.partition("/")
        if group in counts and tally:
            counts[group][name] = len(tally)
    return {group: dict(sorted(cells.items())) for group, cells in counts.items()}

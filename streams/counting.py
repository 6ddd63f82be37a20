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

from streams.events import Event

Tally = dict[str, list[Any]]  # member_id -> [value, offset]
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


def tally_updates(event: Event) -> list[tuple[str, dict[str, Any]]]:
    """The tally records one derived event turns into: (tally key, {op, member, value})."""
    if event["type"] == "incident":
        member, value, keys = event["incident_id"], event["incident_key"], [incident_tally_key(event)]
    else:
        member, value, keys = event["statement_id"], event["statement_id"], statement_tally_keys(event)
    return [(key, {"op": event["op"], "member": member, "value": value}) for key in keys]


def apply_update(tally: Tally | None, update: dict[str, Any], offset: int) -> Tally:
    members: Tally = dict(tally or {})
    known = members.get(update["member"])
    if known is not None and known[1] > offset >= 0:
        return members
    if update["op"] == "retract":
        members.pop(update["member"], None)
    else:
        members[update["member"]] = [update["value"], offset]
    return members


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


def tally_count(key: str, tally: Tally) -> int:
    if key.startswith("incidents/"):
        return distinct_incidents(value for value, _ in tally.values())
    return len(tally)


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

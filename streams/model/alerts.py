"""Alerts: an event on ``newsroom.alerts.v1`` whenever a count cell changes, and the cells as Prometheus gauges.

A service that must tell people "a new airspace violation over PL in 2025" should not
poll the count table: the tally agent compares a cell's count before and after each
update and, when it moved, emits an alert. The alert id is the tally record's
partition and offset, so a record re-processed after a crash yields the same alert
again, which a subscriber drops as a duplicate.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, TypeVar

import msgspec
import orjson

from streams.model.keys import incident_cell
from streams.model.tallies import TallyUpdate

SCHEMA_VERSION = 1
T = TypeVar("T")
RECENT_ALERTS = 20  # alerts a worker keeps for its dashboard


class Alert(msgspec.Struct, frozen=True, kw_only=True):
    """A count cell that moved (``streams/schemas/alert.schema.json``); fields in the order they are written."""

    type: Literal["alert"] = "alert"
    schema_version: int = SCHEMA_VERSION
    alert_id: str  # the tally record's cell, partition and offset: a re-processed record gives the same id
    change: Literal["new_incident", "retraction"]
    kind: str
    country: str
    year: str
    previous: int
    count: int
    incident_key: str
    incident_id: str
    article_id: str
    article_version: int | None
    headline: str | None
    published_at: str | None
    at: str

    def to_json(self) -> dict[str, Any]:
        """The alert as the alerts topic and the API carry it."""
        fields: dict[str, Any] = msgspec.to_builtins(self)
        return fields

    def encode(self) -> bytes:
        return orjson.dumps(self.to_json())


def cell_alert(tally_key: str, before: int, after: int, update: TallyUpdate, partition: int, offset: int,
               at: dt.datetime) -> Alert | None:
    """The alert for one tally update of an incident cell, or None when the count did not move."""
    cell = incident_cell(tally_key)
    if before == after or cell is None:
        return None
    report = update.stored_report()
    member = update.member
    return Alert(
        alert_id=f"{cell.kind}/{cell.country}/{cell.year}@{partition}:{offset}",
        change="new_incident" if after > before else "retraction",
        kind=cell.kind, country=cell.country, year=cell.year, previous=before, count=after,
        incident_key=update.value, incident_id=member,
        article_id=report.get("article_id") or member.split(":", 1)[0],
        article_version=_known(update.version), headline=report.get("headline"),
        published_at=_known(update.published_at),
        at=at.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z"),
    )


def _known(value: T | msgspec.UnsetType) -> T | None:
    """A field the update may not carry, as the alert's JSON writes it: null when absent."""
    return None if isinstance(value, msgspec.UnsetType) else value

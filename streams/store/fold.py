"""The fold of the derived topics into the store: each record applied to the tables it changes, and a count cell
settled (counted, its drill-down and monthly buckets kept) once its members changed.

Every function here runs inside a transaction of the caller's (:func:`transaction`), so what a batch applied and
the offsets it came from are written together.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import NamedTuple

import orjson
import structlog

from streams.model.asof import Step, count_steps
from streams.model.drilldown import cell_incidents, month_buckets
from streams.model.events import IncidentEvent, IncidentRetraction, NotAnEvent, StatementRetraction, read_event
from streams.model.tallies import Member, Tally
from streams.model.tally_records import BadTally, decode_tally
from streams.view import api

log = structlog.get_logger(__name__)

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
MICROSECOND = dt.timedelta(microseconds=1)


class Record(NamedTuple):
    """One record of a followed topic, as the fold needs it."""

    topic: str
    partition: int
    offset: int
    value: bytes | None
    key: bytes | None = None
    timestamp: int = 0  # the broker's, in ms

    def fingerprint(self) -> tuple[int, int]:
        """What tells this record from another at its offset (another broker's topic of the same name)."""
        return self.timestamp, zlib.crc32(self.value or b"", zlib.crc32(self.key or b""))


def micros(stamp: str | dt.datetime) -> int:
    """A publication time as whole microseconds since the epoch: exact, and ordered as the times are."""
    when = stamp if isinstance(stamp, dt.datetime) else dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return (when - EPOCH) // MICROSECOND




@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One transaction on ``db``: what a batch applied and the offsets it came from are written together or not at all."""
    db.execute("BEGIN")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def apply_event(db: sqlite3.Connection, record: Record) -> None:
    event = read_event(record.value)
    if isinstance(event, NotAnEvent):
        log.warning("skipped a record that is no derived event", topic=record.topic, partition=record.partition,
                    offset=record.offset, reason=event.reason)
        return
    incident = isinstance(event, IncidentEvent | IncidentRetraction)
    table = "incidents" if incident else "statements"
    if isinstance(event, IncidentRetraction | StatementRetraction):
        db.execute(f"DELETE FROM {table} WHERE id = ?", (event.event_id,))
        return
    if isinstance(event, IncidentEvent):
        columns, filters, when = ("kind", "country"), (event.kind, event.country), api.incident_when(event)
    else:
        speaker = event.speaker
        columns = ("speaker", "organization")
        filters = (speaker.name.casefold(), (speaker.organization or "").casefold())
        when = api.statement_when(event)
    db.execute(f"INSERT INTO {table} VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
               f" {columns[0]} = excluded.{columns[0]}, {columns[1]} = excluded.{columns[1]},"
               " sort_when = excluded.sort_when, version = excluded.version, body = excluded.body",
               (event.event_id, *filters, when, event.article_version, record.value))


def apply_tally(db: sqlite3.Connection, record: Record) -> None:
    """A checked tally update folded into its cell (:func:`streams.model.counting.update_in_place`) and, for an incident
    cell, its history (:func:`streams.model.asof.record`); any other record skipped, as the in-memory view does."""
    decoded = decode_tally(record.key, record.value)
    if isinstance(decoded, BadTally):
        log.warning("skipped a record that is no tally update", topic=record.topic, partition=record.partition,
                    offset=record.offset, reason=decoded.reason)
        return
    cell, update, offset = decoded.cell, decoded.update, record.offset
    group, _, rest = cell.partition("/")
    kind, country, year = rest.split("/") if group == "incidents" else (None, None, None)
    db.execute("INSERT INTO cells (cell, grp, kind, country, year) VALUES (?, ?, ?, ?, ?)"
               " ON CONFLICT (cell) DO UPDATE SET dirty = 1", (cell, group, kind, country, year))
    known = db.execute("SELECT offset FROM members WHERE cell = ? AND member = ?", (cell, update.member)).fetchone()
    if not (known is not None and known[0] > offset >= 0):
        if update.op == "retract":
            db.execute("DELETE FROM members WHERE cell = ? AND member = ?", (cell, update.member))
        else:
            report = update.kept_report
            db.execute("INSERT OR REPLACE INTO members VALUES (?, ?, ?, ?, ?)",
                       (cell, update.member, update.value, offset, orjson.dumps(report) if report is not None else None))
    if group == "incidents" and isinstance(update.published_at, str) and update.published_at \
            and isinstance(update.version, int):
        place = update.stored_report()
        db.execute("INSERT INTO history VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (cell, member, version)"
                   " DO UPDATE SET offset = excluded.offset, at_us = excluded.at_us, op = excluded.op,"
                   " value = excluded.value, article_id = excluded.article_id, location = excluded.location"
                   " WHERE excluded.offset >= history.offset",
                   (cell, update.member, update.version, offset, micros(update.published_at), update.op,
                    update.value, place.get("article_id"), place.get("location")))


def settle_timeline(db: sqlite3.Connection, cell: str) -> None:
    """The cell's as-of timeline counted again from the earliest publication time its history's changes since touched
    (``asof_from``, kept by the store's triggers on ``history``; :func:`streams.model.asof.count_steps`):
    its entries from then on replaced, keeping only those where the count changes. The whole history of the cell
    is read (the members' state before then is in it), once however many of its changes the fold applied since."""
    row = db.execute("SELECT asof_from FROM cells WHERE cell = ?", (cell,)).fetchone()
    if row is None or row[0] is None:
        return
    since = row[0]
    db.execute("DELETE FROM asof_counts WHERE cell = ? AND at_us >= ?", (cell, since))
    before = db.execute("SELECT n FROM asof_counts WHERE cell = ? ORDER BY at_us DESC LIMIT 1", (cell,)).fetchone()
    previous = before[0] if before is not None else 0
    entries = [Step(*entry) for entry in db.execute(
        "SELECT at_us, member, version, op, value, offset, article_id, location FROM history WHERE cell = ?", (cell,))]
    steps = []
    for at, n in count_steps(entries, since):
        if n != previous:
            steps.append((cell, at, n))
            previous = n
    db.executemany("INSERT INTO asof_counts VALUES (?, ?, ?)", steps)
    db.execute("UPDATE cells SET asof_from = NULL WHERE cell = ?", (cell,))


def cell_tally(db: sqlite3.Connection, cell: str) -> Tally:
    """The live members of one cell as :mod:`streams.model.counting` holds them."""
    return {member: Member(value, offset, orjson.loads(report) if report is not None else None)
            for member, value, offset, report in
            db.execute("SELECT member, value, offset, report FROM members WHERE cell = ?", (cell,))}


def settle_cell(db: sqlite3.Connection, cell: str, group: str) -> None:
    """A cell's count and, for an incident cell, its monthly buckets and drill-down
    (:func:`streams.model.drilldown.month_buckets`, :func:`~streams.model.drilldown.cell_incidents`)."""
    if group != "incidents":
        count = db.execute("SELECT count(*) FROM members WHERE cell = ?", (cell,)).fetchone()[0]
        db.execute("UPDATE cells SET count = ?, dirty = 0 WHERE cell = ?", (count, cell))
        return
    incidents = cell_incidents(cell_tally(db, cell))
    buckets = month_buckets(incidents)
    db.execute("UPDATE cells SET count = ?, series = ?, incidents = ?, dirty = 0 WHERE cell = ?",
               (len(incidents), orjson.dumps({"o": buckets.occurred, "r": buckets.reported, "y": buckets.year_only}),
                orjson.dumps([asdict(incident) for incident in incidents]), cell))

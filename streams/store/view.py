"""The whole view kept in the store: the fold of the derived topics, and the API's queries answered from indexes.

It folds exactly what :class:`streams.view.WholeView` folds (latest upsert per id,
retracted ids removed; tally members that remember the offset that last changed them;
the as-of history of incident cells) and answers the same queries with the same
results, but keeps nothing that grows with history in memory: each batch of records is
one transaction together with the offsets it came from, so a restart resumes after them.

A count cell's count and monthly buckets are computed again only when one of its
members changed (the cell is marked dirty in the fold's transaction and settled before
the next count query, or when the fold is idle), so a count query reads one row per
cell, whatever the history behind it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
import time
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any, NamedTuple

import msgspec
import orjson
import structlog

from streams.config import Settings
from streams.model.counting import distinct_incidents, incident_member
from streams.model.drilldown import Buckets, Series, cell_incidents, month_buckets, series_of
from streams.model.events import IncidentEvent, IncidentRetraction, StatementRetraction, decode_event
from streams.model.keys import INCIDENT_KINDS
from streams.model.tallies import Member, Tally
from streams.model.tally_records import BadTally, decode_tally
from streams.store.db import Identity, lock, open_store, reset
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


def _year_range(year: str) -> tuple[str, str]:
    """The sort keys of a four-digit year: from "2025" up to, not including, "202:" (the character after its last digit)."""
    return year, year[:3] + chr(ord(year[3]) + 1)


@dataclass(frozen=True, slots=True)
class StoredDrilldown:
    """A cell's drill-down as the store keeps it: its incidents already encoded, as the API answers them."""

    kind: str
    country: str
    year: str
    count: int
    incidents: bytes

    def to_json(self) -> dict[str, Any]:
        """The same object as :meth:`streams.model.drilldown.CellDrilldown.to_json`."""
        return {"kind": self.kind, "country": self.country, "year": self.year, "count": self.count,
                "incidents": orjson.loads(self.incidents)}


def for_worker(settings: Settings) -> StoredView:
    """The worker's own store (:meth:`streams.config.Settings.view_store_path`) of its derived topics."""
    names = settings.topics
    return StoredView(settings.view_store_path(), Identity((names.incidents, names.statements, names.tallies)),
                      names.tallies)


class StoredView:
    """The whole view in a SQLite store at ``path``: ``read``, ``ready`` and ``changes`` as :class:`WholeView` has them."""

    def __init__(self, path: Path, identity: Identity, tally_topic: str) -> None:
        self.path = path
        self.identity = identity
        self.tally_topic = tally_topic
        self._lock: IO[str] = lock(path.parent)
        self.db = open_store(path, identity)
        self.read: dict[str, dict[int, int]] = self._stored_offsets()
        self.changes = 0
        self.starting_ends: dict[str, dict[int, int]] | None = None
        # Partitions whose last applied record is still to be compared with the topic's (streams.store.follow):
        # until then the store may hold another topic's records, and is not ready.
        self.unchecked: set[tuple[str, int]] = set()

    def close(self) -> None:
        self.db.close()
        self._lock.close()

    @property
    def ready(self) -> bool:
        if self.starting_ends is None or self.unchecked:
            return False
        return all(self.read.get(topic, {}).get(partition, -1) >= end - 1
                   for topic, ends in self.starting_ends.items() for partition, end in ends.items())

    def _stored_offsets(self) -> dict[str, dict[int, int]]:
        read: dict[str, dict[int, int]] = {}
        for topic, partition, applied in self.db.execute("SELECT topic, part, applied FROM offsets"):
            read.setdefault(topic, {})[partition] = applied
        return read

    def rebuild(self, reason: str) -> None:
        """Start again from an empty store (the old one is kept aside): the caller reads the topics from the beginning."""
        self.db = reset(self.db, self.path, self.identity, reason)
        self.read = {}
        self.unchecked = set()
        self.changes += 1

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # --- the fold ---------------------------------------------------------------------------------------------

    def apply(self, topic: str, partition: int, offset: int, value: bytes | None, key: bytes | None = None) -> None:
        self.apply_batch([Record(topic, partition, offset, value, key)])

    def apply_batch(self, records: Iterable[Record]) -> None:
        """Fold records (in partition order) and store the offsets they came from, in one transaction."""
        last: dict[tuple[str, int], Record] = {}
        applied = 0
        with self._transaction() as db:
            for record in records:
                if record.topic == self.tally_topic:
                    self._apply_tally(db, record)
                elif record.value is not None:
                    self._apply_event(db, record)
                last[(record.topic, record.partition)] = record
                applied += 1
            db.executemany("INSERT OR REPLACE INTO offsets VALUES (?, ?, ?, ?, ?)",
                           [(r.topic, r.partition, r.offset, *r.fingerprint()) for r in last.values()])
        for record in last.values():
            self.read.setdefault(record.topic, {})[record.partition] = record.offset
        self.changes += applied

    def fingerprint(self, topic: str, partition: int) -> tuple[int, int] | None:
        """The fingerprint of the last record applied from a partition (None: none applied)."""
        row = self.db.execute("SELECT stamp, crc FROM offsets WHERE topic = ? AND part = ?", (topic, partition)).fetchone()
        return (row[0], row[1]) if row else None

    def _apply_event(self, db: sqlite3.Connection, record: Record) -> None:
        try:
            event = decode_event(record.value or b"")
        except msgspec.DecodeError:
            log.warning("skipped a record that is no derived event", topic=record.topic, partition=record.partition,
                        offset=record.offset)
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

    def _apply_tally(self, db: sqlite3.Connection, record: Record) -> None:
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

    # --- count cells --------------------------------------------------------------------------------------------

    def _tally(self, cell: str) -> Tally:
        """The live members of one cell as :mod:`streams.model.counting` holds them."""
        return {member: Member(value, offset, orjson.loads(report) if report is not None else None)
                for member, value, offset, report in
                self.db.execute("SELECT member, value, offset, report FROM members WHERE cell = ?", (cell,))}

    def settle(self, budget: float | None = None) -> bool:
        """Count again the cells whose members changed since they were last counted: all of them, or (the fold's
        idle time) as many as ``budget`` seconds allow, so that the event loop is never held for long. Whether
        any are left."""
        began = time.perf_counter()
        dirty = self.db.execute("SELECT cell, grp FROM cells WHERE dirty").fetchall()
        with self._transaction() as db:
            for cell, group in dirty:
                if budget is not None and time.perf_counter() - began > budget:
                    return True
                self._settle_cell(db, cell, group)
        return False

    def _settle_cell(self, db: sqlite3.Connection, cell: str, group: str) -> None:
        """A cell's count and, for an incident cell, its monthly buckets and drill-down
        (:func:`streams.model.drilldown.month_buckets`, :func:`~streams.model.drilldown.cell_incidents`)."""
        if group != "incidents":
            count = db.execute("SELECT count(*) FROM members WHERE cell = ?", (cell,)).fetchone()[0]
            db.execute("UPDATE cells SET count = ?, dirty = 0 WHERE cell = ?", (count, cell))
            return
        incidents = cell_incidents(self._tally(cell))
        buckets = month_buckets(incidents)
        db.execute("UPDATE cells SET count = ?, series = ?, incidents = ?, dirty = 0 WHERE cell = ?",
                   (len(incidents), orjson.dumps({"o": buckets.occurred, "r": buckets.reported, "y": buckets.year_only}),
                    orjson.dumps([asdict(incident) for incident in incidents]), cell))

    # --- queries --------------------------------------------------------------------------------------------------

    def counts(self) -> dict[str, dict[str, int]]:
        """The contract's count table (:func:`streams.model.counting.incident_counts`)."""
        self.settle()
        counts: dict[str, dict[str, int]] = {kind: {} for kind in INCIDENT_KINDS}
        for kind, country, year, n in self.db.execute(
                "SELECT kind, country, year, count FROM cells WHERE grp = 'incidents' AND count > 0"):
            counts.setdefault(kind, {})[f"{country}/{year}"] = n
        return {kind: dict(sorted(cells.items())) for kind, cells in counts.items()}

    def statement_counts(self) -> dict[str, dict[str, int]]:
        self.settle()
        counts: dict[str, dict[str, int]] = {"speaker": {}, "organization": {}}
        for group, cell, n in self.db.execute(
                "SELECT grp, cell, count FROM cells WHERE grp IN ('speaker', 'organization') AND count > 0"):
            counts[group][cell[len(group) + 1:]] = n
        return {group: dict(sorted(cells.items())) for group, cells in counts.items()}

    def cell_counts(self) -> list[tuple[str, str, str, int]]:
        """Every incident cell that has held a report, emptied ones at 0 (:func:`streams.model.counting.cell_counts`)."""
        self.settle()
        return sorted(self.db.execute("SELECT kind, country, year, count FROM cells WHERE grp = 'incidents'"))

    def counts_as_of(self, as_of: dt.datetime) -> dict[str, dict[str, int]]:
        """The count table as of ``as_of`` (:func:`streams.model.asof.counts_as_of`): per member, its latest change by
        article version among those published by then. The history is read in its primary key's order, one cell at
        a time, so memory holds one cell; time grows with the history published before ``as_of``, as the
        in-memory fold's does."""
        counts: dict[str, dict[str, int]] = {kind: {} for kind in INCIDENT_KINDS}
        rows = self.db.execute("SELECT cell, member, op, value, offset, article_id, location FROM history"
                               " WHERE at_us <= ? ORDER BY cell, member, version", (micros(as_of),))
        for cell, entries in itertools.groupby(rows, key=lambda row: row[0]):
            latest = {member: (op, value, offset, article_id, location)  # by version: the last one wins
                      for _, member, op, value, offset, article_id, location in entries}
            n = distinct_incidents(incident_member(member, Member(value, offset, {"article_id": article, "location": place}))
                                   for member, (op, value, offset, article, place) in latest.items() if op != "retract")
            if n:
                _, kind, country, year = cell.split("/")
                counts.setdefault(kind, {})[f"{country}/{year}"] = n
        return {kind: dict(sorted(table.items())) for kind, table in counts.items()}

    def drill_down(self, kind: str, country: str, year: str) -> StoredDrilldown:
        """The incidents behind a count (:func:`streams.model.drilldown.drill_down`), as the cell was last settled
        (settled first if it changed since): one row read, whatever the cell's size."""
        cell = f"incidents/{kind}/{country}/{year}"
        row = self.db.execute("SELECT grp, dirty FROM cells WHERE cell = ?", (cell,)).fetchone()
        if row is not None and row[1]:
            with self._transaction() as db:
                self._settle_cell(db, cell, row[0])
        found = self.db.execute("SELECT count, incidents FROM cells WHERE cell = ?", (cell,)).fetchone()
        count, incidents = found if found is not None and found[1] is not None else (0, b"[]")
        return StoredDrilldown(kind, country, year, count, incidents)

    def series(self, kind: str | None = None, country: str | None = None) -> list[Series]:
        """Distinct incidents per month by kind and country (:func:`streams.model.drilldown.monthly_series`), summed from
        each cell's buckets."""
        self.settle()
        where, args = ["grp = 'incidents'"], []
        for column, wanted in (("kind", kind), ("country", country)):
            if wanted:
                where.append(f"{column} = ?")
                args.append(wanted)
        grouped: dict[tuple[str, str], Buckets] = {}
        for cell_kind, cell_country, stored in self.db.execute(
                f"SELECT kind, country, series FROM cells WHERE {' AND '.join(where)}", args):
            parts = orjson.loads(stored) if stored else {}
            grouped.setdefault((cell_kind, cell_country), Buckets()).add(
                Buckets(Counter(parts.get("o", {})), Counter(parts.get("r", {})), Counter(parts.get("y", {}))))
        return series_of(grouped)

    def incident_listing(self, query: Mapping[str, str]) -> dict[str, Any]:
        """``/api/incidents`` (:func:`streams.view.api.incident_listing`): the total from the per-cell totals, the page
        from the index that matches the filters, newest first."""
        api.check_known(query, api.INCIDENT_PARAMS)
        wanted, page = api.parse_incident_filter(query), api.parse_page(query)
        where, args, total_where, total_args = ["1"], [], ["1"], []
        for column, value in (("kind", wanted.kind), ("country", wanted.country)):
            if value:
                where.append(f"{column} = ?")
                args.append(value)
                total_where.append(f"{column} = ?")
                total_args.append(value)
        if wanted.year:
            where.append("sort_when >= ? AND sort_when < ?")
            args.extend(_year_range(wanted.year))
            total_where.append("year = ?")
            total_args.append(wanted.year)
        total = self.db.execute(f"SELECT coalesce(sum(n), 0) FROM incident_totals WHERE {' AND '.join(total_where)}",
                                total_args).fetchone()[0]
        return self._page("incidents", where, args, total, page)

    def statement_listing(self, query: Mapping[str, str]) -> dict[str, Any]:
        """``/api/statements`` (:func:`streams.view.api.statement_listing`): speaker and organisation matched case-folded."""
        api.check_known(query, api.STATEMENT_PARAMS)
        wanted, page = api.parse_statement_filter(query), api.parse_page(query)
        where, args = ["1"], []
        for column, value in (("speaker", wanted.speaker), ("organization", wanted.organization)):
            if value:
                where.append(f"{column} = ?")
                args.append(value.casefold())
        total = self.db.execute(f"SELECT coalesce(sum(n), 0) FROM statement_totals WHERE {' AND '.join(where)}",
                                args).fetchone()[0]
        return self._page("statements", where, args, total, page)

    def _page(self, table: str, where: list[str], args: list[Any], total: int, page: api.Page) -> dict[str, Any]:
        rows = self.db.execute(f"SELECT body FROM {table} WHERE {' AND '.join(where)}"
                               " ORDER BY sort_when DESC, version DESC, id DESC LIMIT ? OFFSET ?",
                               [*args, page.limit, page.offset])
        return {"total": total, "limit": page.limit, "offset": page.offset, "items": [orjson.loads(r[0]) for r in rows]}

    def snapshot(self, counts: dict[str, dict[str, int]]) -> dict[str, Any]:
        """What the dashboard draws (:func:`streams.view.api.snapshot`), ``counts`` being :meth:`counts`' cached answer."""
        recent = {"limit": str(api.RECENT)}
        return {"counts": counts, "statement_counts": self.statement_counts(),
                "incidents": self.incident_listing(recent), "statements": self.statement_listing(recent)}

    def held(self) -> dict[str, int]:
        """How much the view holds, read from the totals (not by counting the rows)."""
        incidents = self.db.execute("SELECT coalesce(sum(n), 0) FROM incident_totals").fetchone()[0]
        statements = self.db.execute("SELECT coalesce(sum(n), 0) FROM statement_totals").fetchone()[0]
        cells = self.db.execute("SELECT count(*) FROM cells").fetchone()[0]
        return {"incidents": incidents, "statements": statements, "cells": cells}

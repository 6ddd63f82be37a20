"""The whole view kept in the store: the fold of the derived topics, and the API's queries answered from indexes.

It folds exactly what :class:`streams.view.WholeView` folds (latest upsert per id,
retracted ids removed; tally members that remember the offset that last changed them;
the as-of history of incident cells) and answers the same queries with the same
results, but keeps nothing that grows with history in memory: each batch of records is
one transaction together with the offsets it came from, so a restart resumes after them.

A count cell's count and monthly buckets are computed again only when one of its
members changed (the cell is marked dirty in the fold's transaction and settled before
the next count query, or when the fold is idle), so a count query reads one row per
cell, whatever the history behind it. So is a cell's as-of timeline, from the earliest
publication time its history's changes touched (settled before the next as-of query),
so a count as of a time reads one timeline entry per cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO

import structlog

from streams.config import Settings
from streams.store.db import Identity, lock, open_store, reset
from streams.store.fold import Record, apply_event, apply_tally, transaction
from streams.store.queries import StoreQueries

log = structlog.get_logger(__name__)


def for_worker(settings: Settings) -> StoredView:
    """The worker's own store (:meth:`streams.config.Settings.view_store_path`) of its derived topics."""
    names = settings.topics
    return StoredView(settings.view_store_path(), Identity((names.incidents, names.statements, names.tallies)),
                      names.tallies)


class StoredView(StoreQueries):
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
        # Whether the fold has been idle with nothing left to settle since it started: until then a large catch-up's
        # cells and as-of timelines are still being counted, and every query would wait behind that work.
        self.settled = False

    def close(self) -> None:
        self.db.close()
        self._lock.close()

    @property
    def ready(self) -> bool:
        if self.starting_ends is None or self.unchecked or not self.settled:
            return False
        return all(self.read.get(topic, {}).get(partition, -1) >= end - 1
                   for topic, ends in self.starting_ends.items() for partition, end in ends.items())

    def settle_when_idle(self, budget: float) -> bool:
        """One slice of settling (:meth:`settle`), when the fold has nothing to read; whether any is left. The first
        time nothing is left, the view is settled: ready once caught up too."""
        left = self.settle(budget)
        self.settled = self.settled or not left
        return left

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
        self.settled = False
        self.changes += 1

    # --- the fold ---------------------------------------------------------------------------------------------

    def apply(self, topic: str, partition: int, offset: int, value: bytes | None, key: bytes | None = None) -> None:
        self.apply_batch([Record(topic, partition, offset, value, key)])

    def apply_batch(self, records: Iterable[Record]) -> None:
        """Fold records (in partition order) and store the offsets they came from, in one transaction."""
        last: dict[tuple[str, int], Record] = {}
        applied = 0
        with transaction(self.db) as db:
            for record in records:
                if record.topic == self.tally_topic:
                    apply_tally(db, record)
                elif record.value is not None:
                    apply_event(db, record)
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

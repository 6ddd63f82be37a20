"""The tables' local state: each changelog partition of the ledger and of the owned count cells in a RocksDB store
under this worker's data directory (faust's ``rocksdb://`` store), checked before faust opens it.

faust keeps, in each partition's store, the offset of the last changelog record the store holds (written when the
broker acknowledges a table write, and by recovery with each batch it applies). At a start it reads the changelog
only from there: a restart reads the tail, not the history, and memory holds the stores' caches, not the tables.

faust trusts what it finds. Each partition store found on disk is checked here first, and one that cannot be trusted
is moved aside (kept for inspection as ``<store>.unusable-<time>``) with a warning, so that faust builds it again from
its changelog, instead of failing at every start or answering from another broker's state:

* unreadable (not a RocksDB store, damaged files), or holding entries without the offset they came to;
* ahead of its changelog (a broker started afresh, or the topic deleted and made again; the embedded broker keeps
  nothing across its restart): faust would refuse to start;
* holding another value than the changelog's record at the offset it says it holds last: folded from another
  topic of the same name (or that record could not be read to compare).

Memory: faust opens each partition store with its own block cache and write buffers, bounded here
(:func:`table_options`), so a worker's stores hold at most :data:`PER_STORE_BYTES` for each changelog partition it
owns (2 tables x its partitions), whatever the size of the history; only RocksDB's index and filter blocks grow
with the data (about 1% of it).
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Iterable
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import faust
import structlog
from aiokafka import AIOKafkaConsumer, TopicPartition
from prometheus_client import Counter

from streams.agents.internals import refresh_metadata
from streams.agents.metrics import REGISTRY
from streams.config import Settings
from streams.errors import StoreBusy

log = structlog.get_logger(__name__)

ROCKSDB = "rocksdb://"
BLOCK_CACHE_BYTES = 4 * 1024 * 1024  # per partition store: reads of recent keys (faust's default is 2 GiB)
WRITE_BUFFER_BYTES = 2 * 1024 * 1024  # per memtable (faust's default: 64 MiB, three of them)
WRITE_BUFFERS = 2
PER_STORE_BYTES = BLOCK_CACHE_BYTES + WRITE_BUFFER_BYTES * WRITE_BUFFERS
CHECK_SECONDS = 15.0  # reading the few records the check compares: a store whose record is not read by then is rebuilt


def table_options(settings: Settings) -> dict[str, int] | None:
    """The options of a table's faust store (None for the in-memory store, which takes none)."""
    if settings.store != ROCKSDB:
        return None
    return {"block_cache_size": BLOCK_CACHE_BYTES, "write_buffer_size": WRITE_BUFFER_BYTES,
            "max_write_buffer_number": WRITE_BUFFERS}


@dataclass(slots=True)
class PartitionStore:
    """One changelog partition's store on disk, opened for the check."""

    changelog: str
    partition: int
    path: Path
    offset_key: bytes
    db: Any = None  # rocksdict.Rdict while open
    offset: int | None = None  # the last changelog offset it holds (None: none recorded)
    problem: str | None = None  # why it cannot be used as it is

    @property
    def tp(self) -> TopicPartition:
        return TopicPartition(self.changelog, self.partition)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


@dataclass(slots=True)
class Checked:
    """What the check found: the changelog offset each kept store resumes after, and the stores moved aside."""

    resumed: dict[str, dict[int, int]] = field(default_factory=dict)
    set_aside: list[str] = field(default_factory=list)


def _found(tables: Iterable[Any]) -> list[PartitionStore]:
    """The partition stores on disk of these faust tables (faust's store names their paths)."""
    found = []
    for table in tables:
        store = table.data  # faust.stores.rocksdb.Store
        changelog = table.changelog_topic.get_topic_name()
        for partition in range(table.partitions):
            path = store.partition_path(partition)
            if path.exists():
                found.append(PartitionStore(changelog, partition, path, store.offset_key))
    return found


def _open(part: PartitionStore, table: Any) -> None:
    """Open a store as faust will and read its offset; a store that cannot be is marked as a problem."""
    try:
        part.db = table.data.rocksdb_options.open(part.path)
        raw = part.db.get(part.offset_key)
        part.offset = int(raw) if raw is not None else None
        if part.offset is None and next(iter(part.db.keys()), None) is not None:
            part.problem = "holds entries but no changelog offset: what they came from is unknown"
    except Exception as error:  # rocksdict raises plain Exception, its message says what
        part.close()
        if "lock" in str(error).lower():
            raise StoreBusy(f"the table store {part.path} is locked by another process: {error}") from None
        part.problem = f"unreadable: {error}"


async def _records_at(settings: Settings, wanted: dict[TopicPartition, int]) -> tuple[dict[TopicPartition, int],
                                                                                      dict[TopicPartition, Any]]:
    """Each changelog partition's end offset, and the first record at or after the wanted offset where there is one."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        await refresh_metadata(consumer)
        known = [tp for tp in wanted if consumer.partitions_for_topic(tp.topic)]
        ends: dict[TopicPartition, int] = {tp: 0 for tp in wanted}
        if not known:
            return ends, {}
        consumer.assign(known)
        ends.update(await consumer.end_offsets(known))
        pending = {tp for tp in known if wanted[tp] < ends[tp]}
        for tp in pending:
            consumer.seek(tp, wanted[tp])
        found: dict[TopicPartition, Any] = {}
        deadline = time.monotonic() + CHECK_SECONDS
        while pending and time.monotonic() < deadline:
            batch = await consumer.getmany(*pending, timeout_ms=500, max_records=len(pending) * 10)
            for tp, messages in batch.items():
                if tp in pending and messages:
                    found[tp] = messages[0]
                    pending.discard(tp)
        return ends, found
    finally:
        await consumer.stop()


def _compare(part: PartitionStore, end: int, record: Any) -> None:
    """Mark the store as a problem unless the changelog still holds what it says it holds last."""
    if part.offset is None:
        return
    if part.offset >= end:
        part.problem = f"ahead of its changelog: holds offset {part.offset}, the changelog ends at {end}"
    elif record is None:
        part.problem = f"the changelog's record at offset {part.offset} could not be read within {CHECK_SECONDS:.0f} s"
    elif record.offset == part.offset and part.db.get(record.key) != record.value:
        part.problem = f"holds another value than the changelog's record at offset {part.offset}"
    # a record found past the offset: the one there was compacted away, nothing to compare with


def _set_aside(part: PartitionStore) -> None:
    """Keep the store for inspection in place of one kept before (a store set aside at each start, as with a broker
    that keeps nothing across its restart, takes no more disk than two)."""
    for older in part.path.parent.glob(f"{part.path.name}.unusable-*"):
        shutil.rmtree(older, ignore_errors=True)
    aside = part.path.with_name(f"{part.path.name}.unusable-{int(time.time())}")
    part.path.replace(aside)
    log.warning("a table store cannot be used: it is set aside and rebuilt from its changelog",
                changelog=part.changelog, partition=part.partition, reason=part.problem, kept_as=str(aside))


async def check_local_state(settings: Settings, tables: Iterable[Any]) -> Checked:
    """Check the partition stores on disk of faust ``tables`` (before faust opens them), setting aside those that
    cannot be trusted; :class:`StoreBusy` when another process holds one."""
    tables = list(tables)
    checked = Checked()
    by_changelog = {table.changelog_topic.get_topic_name(): table for table in tables}
    parts = _found(tables)
    async with AsyncExitStack() as stack:
        for part in parts:
            stack.callback(part.close)
            _open(part, by_changelog[part.changelog])
        wanted = {part.tp: part.offset for part in parts if part.problem is None and part.offset is not None}
        ends, records = await _records_at(settings, wanted) if wanted else ({}, {})
        for part in parts:
            if part.problem is None and part.offset is not None:
                _compare(part, ends[part.tp], records.get(part.tp))
    for part in parts:
        if part.problem is not None:
            _set_aside(part)
            checked.set_aside.append(f"{part.changelog}:{part.partition}")
        elif part.offset is not None:
            checked.resumed.setdefault(part.changelog, {})[part.partition] = part.offset
    log.info("table stores checked", path=str(settings.table_store_path()), resumed=checked.resumed,
             set_aside=checked.set_aside)
    return checked


def run_check(settings: Settings, app: faust.App, tables: Iterable[Any]) -> Checked:
    """:func:`check_local_state` from synchronous start-up code, on the app's loop before faust runs it."""
    checked: Checked = app.loop.run_until_complete(check_local_state(settings, tables))
    return checked


RESTORED = Counter("newsroom_changelog_records_restored",
                   "Changelog records a table applied at recovery (a restart over intact local state reads only the tail)",
                   ["table"], registry=REGISTRY)


class RestoreCountingTable(faust.Table[Any, Any]):
    """faust's table, counting the changelog records recovery applies to it (:data:`RESTORED`): how a restart shows
    that it read the changelogs' tail, not their history."""

    # mode names a service's logger after the module defining it: keep faust's start/stop chatter under faust's name,
    # filtered with faust's (streams.logs), not shown as this app's.
    logger = logging.getLogger("faust.tables.table.newsroom")

    def apply_changelog_batch(self, batch: Iterable[Any]) -> None:
        batch = list(batch)
        RESTORED.labels(self.name).inc(len(batch))
        super().apply_changelog_batch(batch)

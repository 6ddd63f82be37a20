"""Following the derived topics into the view store: resume after what it applied, or rebuild it from the beginning.

Each partition resumes at the record the store applied last: that record is read again
and compared with the fingerprint stored with it, then passed over. A store that is ahead
of a partition's end, or whose record at that offset is another one, was folded from
another topic of the same name (a broker started afresh, a topic deleted and made again):
it is rebuilt and every partition read from the beginning. So is a store found damaged
while folding. The count cells and as-of timelines the fold marked are settled whenever the fold is idle, in
slices short enough that the API goes on answering meanwhile, so that queries rarely wait for it.
"""

from __future__ import annotations

import asyncio
import sqlite3
from typing import Any

import structlog
from aiokafka import AIOKafkaConsumer, TopicPartition

from streams.config import Settings
from streams.store.fold import Record
from streams.store.view import StoredView
from streams.view.whole import FETCH_TIMEOUT_MS, assigned_consumer

log = structlog.get_logger(__name__)

# Records folded in one transaction, on the event loop: a large fetch (a first start over a long history) is taken
# in batches this small, so that the API and the probes answer between them.
FOLD_BATCH = 500
SETTLE_SLICE_SECONDS = 0.02  # the longest the idle fold counts cells before it lets the event loop run


class Foreign(Exception):
    """The store holds another topic's records than the one followed now: it must be rebuilt."""


async def _resume(consumer: AIOKafkaConsumer, view: StoredView, tps: list[TopicPartition]) -> dict[TopicPartition, int]:
    """Seek each partition to the last record the store applied (to check it) or to the beginning; the offsets
    whose records are to be checked, by partition. :class:`Foreign` when the store is ahead of a partition."""
    ends = await consumer.end_offsets(tps)
    beginnings = await consumer.beginning_offsets(tps)
    checks: dict[TopicPartition, int] = {}
    for tp in tps:
        applied = view.read.get(tp.topic, {}).get(tp.partition)
        if applied is None:
            consumer.seek(tp, beginnings[tp])
        elif applied >= ends[tp]:
            raise Foreign(f"{tp.topic}:{tp.partition} ends at {ends[tp]}, the store has applied up to {applied}")
        else:
            consumer.seek(tp, max(applied, beginnings[tp]))
            checks[tp] = applied
    view.unchecked = {(tp.topic, tp.partition) for tp in checks}
    view.starting_ends = {topic: {tp.partition: ends[tp] for tp in tps if tp.topic == topic}
                          for topic in dict.fromkeys(tp.topic for tp in tps)}
    return checks


def _checked(view: StoredView, tp: TopicPartition, records: list[Record], checks: dict[TopicPartition, int]) -> list[Record]:
    """The records after the one the store applied last, once that one is found to be the same record."""
    applied = checks.pop(tp, None)
    view.unchecked.discard((tp.topic, tp.partition))
    if applied is None or not records or records[0].offset != applied:
        return records  # nothing to check, or the record was compacted or deleted away: nothing to compare with
    if view.fingerprint(tp.topic, tp.partition) != records[0].fingerprint():
        raise Foreign(f"{tp.topic}:{tp.partition} holds another record at offset {applied} than the store applied")
    return records[1:]


async def follow_store(settings: Settings, view: StoredView, topics: list[str]) -> None:
    """Fold every new record of ``topics`` into ``view``, until cancelled."""
    consumer, tps = await assigned_consumer(settings, topics)
    try:
        while True:
            try:
                await _fold(consumer, view, tps)
            except Foreign as error:
                view.rebuild(str(error))
            except sqlite3.DatabaseError as error:
                log.exception("the view store failed while folding")
                view.rebuild(f"failed while folding: {error}")
    finally:
        await consumer.stop()


async def _fold(consumer: AIOKafkaConsumer, view: StoredView, tps: list[TopicPartition]) -> None:
    checks = await _resume(consumer, view, tps)
    log.info("reading the whole view into its store", path=str(view.path), partitions=len(tps),
             resumed=len(checks), records=sum(ends for parts in (view.starting_ends or {}).values()
                                              for ends in parts.values()))
    while True:
        batch: dict[TopicPartition, list[Any]] = await consumer.getmany(timeout_ms=FETCH_TIMEOUT_MS,
                                                                        max_records=FOLD_BATCH)
        records = [record for tp, messages in batch.items() for record in _checked(view, tp, [
            Record(tp.topic, tp.partition, m.offset, m.value, m.key, m.timestamp) for m in messages], checks)]
        if records:
            view.apply_batch(records)
            continue
        while view.settle_when_idle(SETTLE_SLICE_SECONDS):
            await asyncio.sleep(0)  # the API answers between slices

"""The whole live table on every worker: a fold of the derived topics, read from every partition.

Each worker reads every partition of the incident and statement topics from the
beginning with its own consumer, outside the consumer group, and keeps the latest
upsert per id with retracted ids removed: exactly what a downstream subscriber
holds. It folds the internal tally topic the same way, into the count cells with
their members' reports and change history (:mod:`streams.model.counting`,
:mod:`streams.model.asof`). The HTTP API, the dashboard and ``newsroom counts`` answer
from it, so any worker answers for the whole table, and two workers that have read
the same offsets give the same answer.

Why this and not faust's tables (README, "HTTP API"): group membership never
touches it, so a rebalance cannot hide, duplicate or move part of it; and a fold
of "latest per id" is idempotent, so the duplicates that at-least-once delivery
writes to the derived topics (an article re-derived after a crash) change nothing.
Tally members are set-like and remember the offset that last changed them, so
the counts are as idempotent as the lists.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import structlog
from aiokafka import AIOKafkaConsumer, TopicPartition

from streams.agents.internals import refresh_metadata
from streams.config import Settings
from streams.model import asof, drilldown
from streams.model.counting import cell_counts, incident_counts, statement_counts, update_in_place
from streams.model.events import IncidentEvent, IncidentRetraction, NotAnEvent, StatementEvent, read_event
from streams.model.tallies import Tally
from streams.model.tally_records import BadTally, decode_tally
from streams.view import api

log = structlog.get_logger(__name__)

TOPIC_WAIT_SECONDS = 1.0
FETCH_TIMEOUT_MS = 1000


@dataclass(slots=True)
class WholeView:
    """Live incidents and statements by id, count cells by key, and the last offset read per topic partition."""

    tally_topic: str = ""  # the internal topic whose records are tally updates, keyed by count cell
    incidents: dict[str, IncidentEvent] = field(default_factory=dict)
    statements: dict[str, StatementEvent] = field(default_factory=dict)
    tallies: dict[str, Tally] = field(default_factory=dict)
    histories: dict[str, asof.History] = field(default_factory=dict)
    read: dict[str, dict[int, int]] = field(default_factory=dict)
    changes: int = 0  # records applied so far: the event stream's cheap "has anything changed?"
    starting_ends: dict[str, dict[int, int]] | None = None  # end offsets when reading began; None: not begun

    @property
    def ready(self) -> bool:
        """Whether everything written before the worker started has been read: until then the table is partial."""
        if self.starting_ends is None:
            return False
        return all(self.read.get(topic, {}).get(partition, -1) >= end - 1
                   for topic, ends in self.starting_ends.items() for partition, end in ends.items())

    def apply(self, topic: str, partition: int, offset: int, value: bytes | None, key: bytes | None = None) -> None:
        """One record of a derived topic, in partition order.

        A record that is no event (no value, not JSON, not of the contract's shape: not written by
        newsroom) is passed over with a warning: one stray record must not stop the view.
        """
        if topic == self.tally_topic:
            self._apply_tally(topic, partition, offset, value, key)
        else:
            event = read_event(value)
            if isinstance(event, NotAnEvent):
                log.warning("skipped a record that is no derived event", topic=topic, partition=partition, offset=offset,
                            reason=event.reason)
            elif isinstance(event, IncidentEvent):
                self.incidents[event.incident_id] = event
            elif isinstance(event, StatementEvent):
                self.statements[event.statement_id] = event
            elif isinstance(event, IncidentRetraction):
                self.incidents.pop(event.incident_id, None)
            else:
                self.statements.pop(event.statement_id, None)
        self.read.setdefault(topic, {})[partition] = offset
        self.changes += 1

    def _apply_tally(self, topic: str, partition: int, offset: int, value: bytes | None, key: bytes | None) -> None:
        """A checked tally update folded into its cell; any other record skipped (the tally agent dead-letters it):
        one folded forged record would fail every count the view answers."""
        record = decode_tally(key, value)
        if isinstance(record, BadTally):
            log.warning("skipped a record that is no tally update", topic=topic, partition=partition, offset=offset,
                        reason=record.reason)
            return
        members = self.tallies.setdefault(record.cell, {})
        update_in_place(members, record.update, offset)
        if record.cell.startswith("incidents/"):
            self.histories[record.cell] = asof.record(self.histories.get(record.cell), record.update, offset)

    def counts(self) -> dict[str, dict[str, int]]:
        """The contract's count table of distinct incidents."""
        return incident_counts(self.tallies.items())

    def statement_counts(self) -> dict[str, dict[str, int]]:
        return statement_counts(self.tallies.items())

    # The queries of the HTTP API, as :class:`streams.store.view.StoredView` answers them from its store: this
    # in-memory fold is the yardstick it is measured and tested against.

    def cell_counts(self) -> list[tuple[str, str, str, int]]:
        return cell_counts(self.tallies.items())

    def counts_as_of(self, as_of: dt.datetime) -> dict[str, dict[str, int]]:
        return asof.counts_as_of(self.histories.items(), as_of)

    def drill_down(self, kind: str, country: str, year: str) -> drilldown.CellDrilldown:
        return drilldown.drill_down(kind, country, year, self.tallies.items())

    def series(self, kind: str | None = None, country: str | None = None) -> list[drilldown.Series]:
        return drilldown.monthly_series(self.tallies.items(), kind, country)

    def incident_listing(self, query: Mapping[str, str]) -> dict[str, Any]:
        return api.incident_listing(self.incidents.values(), query)

    def statement_listing(self, query: Mapping[str, str]) -> dict[str, Any]:
        return api.statement_listing(self.statements.values(), query)

    def snapshot(self, counts: dict[str, dict[str, int]]) -> dict[str, Any]:
        return api.snapshot(counts, self.statement_counts(), self.incidents.values(), self.statements.values())

    def held(self) -> dict[str, int]:
        return {"incidents": len(self.incidents), "statements": len(self.statements), "cells": len(self.tallies)}


async def topic_partitions(consumer: AIOKafkaConsumer, topic: str) -> list[TopicPartition]:
    """The topic's partitions, waiting for the topic to exist (a reader may start before its writer)."""
    announced = False
    while True:
        await refresh_metadata(consumer)
        partitions = consumer.partitions_for_topic(topic)
        if partitions:
            return [TopicPartition(topic, p) for p in sorted(partitions)]
        if not announced:
            log.info("waiting for the topic to be created", topic=topic)
            announced = True
        await asyncio.sleep(TOPIC_WAIT_SECONDS)


async def assigned_consumer(settings: Settings, topics: list[str]) -> tuple[AIOKafkaConsumer, list[TopicPartition]]:
    """A started consumer outside any group, assigned every partition of ``topics``: every worker reads the whole
    view, whatever the group gave it."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap, group_id=None, enable_auto_commit=False,
                                auto_offset_reset="earliest", fetch_max_wait_ms=settings.fetch_max_wait_ms,
                                fetch_min_bytes=settings.view_fetch_min_bytes)
    await consumer.start()
    try:
        tps = [tp for topic in topics for tp in await topic_partitions(consumer, topic)]
    except BaseException:
        await consumer.stop()
        raise
    consumer.assign(tps)
    return consumer, tps


async def follow(settings: Settings, view: WholeView, topics: list[str]) -> None:
    """Fold every record of ``topics`` into ``view``, from the beginning, until cancelled."""
    consumer, tps = await assigned_consumer(settings, topics)
    try:
        await consumer.seek_to_beginning(*tps)
        ends = await consumer.end_offsets(tps)
        view.starting_ends = {topic: {tp.partition: ends[tp] for tp in tps if tp.topic == topic} for topic in topics}
        log.info("reading the whole view", topics=topics, partitions=len(tps), records=sum(ends.values()))
        while True:
            batch: dict[TopicPartition, list[Any]] = await consumer.getmany(timeout_ms=FETCH_TIMEOUT_MS)
            for tp, messages in batch.items():
                for message in messages:
                    view.apply(tp.topic, tp.partition, message.offset, message.value, message.key)
    finally:
        await consumer.stop()

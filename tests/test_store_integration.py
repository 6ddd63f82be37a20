"""The view store on a real broker: it answers as the in-memory fold of the same topics, a restart reads only what
is new, and a lost, corrupt or foreign store is rebuilt from the topics."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaProducer

from newsroom_dev.history import derived_records
from streams.config import Settings
from streams.kafka.broker import profile_for
from streams.kafka.client import ensure_topics
from streams.store.db import Identity
from streams.store.follow import follow_store
from streams.store.view import StoredView
from streams.view.whole import WholeView, follow

pytestmark = pytest.mark.integration

WAIT_SECONDS = 120.0  # an upper bound for reading a few hundred records, not a latency assertion
FIRST, MORE = 120, 200  # derived events written before the first fold, and in all


class Counted(StoredView):
    """A store that counts the records it is given to fold."""

    applied = 0

    def apply_batch(self, records: Any) -> None:
        records = list(records)
        Counted.applied += len(records)
        super().apply_batch(records)


def _topics(settings: Settings) -> list[str]:
    names = settings.topics
    return [names.incidents, names.statements, names.tallies]


def _open(settings: Settings, path: Path) -> Counted:
    return Counted(path, Identity(tuple(_topics(settings))), settings.topics.tallies)


async def _write(settings: Settings, records: list[tuple[str, bytes, bytes]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap,
                                max_batch_size=profile_for(settings).producer_max_batch_size or 16384)
    await producer.start()
    try:
        await asyncio.gather(*[await producer.send(topic, key=key, value=value) for topic, key, value in records])
    finally:
        await producer.stop()


async def _until_ready(view: WholeView | StoredView, fold: Callable[[], Any]) -> None:
    task = asyncio.ensure_future(fold())
    try:
        async with asyncio.timeout(WAIT_SECONDS):
            while not view.ready:
                await asyncio.sleep(0.05)
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def _answers(view: WholeView | StoredView) -> dict[str, Any]:
    counts = view.counts()
    cells = [(kind, *cell.split("/")) for kind, table in counts.items() for cell in table][:20]
    return {"counts": counts, "statement_counts": view.statement_counts(), "cells": view.cell_counts(),
            "as_of": [view.counts_as_of(dt.datetime(2006, 1, day, tzinfo=dt.timezone.utc)) for day in (1, 2, 3)],
            "drill": [view.drill_down(*cell).to_json() for cell in cells], "series": view.series(),
            "incidents": [view.incident_listing(q) for q in ({}, {"kind": "drone_sighting", "limit": "5"})],
            "statements": [view.statement_listing(q) for q in ({}, {"organization": "nato", "offset": "3"})],
            "held": view.held()}


async def _in_memory(settings: Settings) -> dict[str, Any]:
    view = WholeView(tally_topic=settings.topics.tallies)
    await _until_ready(view, lambda: follow(settings, view, _topics(settings)))
    return _answers(view)


async def _stored(settings: Settings, path: Path) -> tuple[dict[str, Any], dict[str, dict[int, int]]]:
    view = _open(settings, path)
    try:
        await _until_ready(view, lambda: follow_store(settings, view, _topics(settings)))
        return _answers(view), dict(view.read)
    finally:
        view.close()


def test_the_store_resumes_after_what_it_applied_and_rebuilds_what_is_lost_or_damaged(
        settings: Settings, run, tmp_path: Path) -> None:
    records = list(derived_records(MORE, settings))
    first = len(list(derived_records(FIRST, settings)))
    path = tmp_path / "view.sqlite3"
    run(ensure_topics(settings))
    run(_write(settings, records[:first]))

    Counted.applied = 0
    stored, read = run(_stored(settings, path))
    assert stored == run(_in_memory(settings))
    assert Counted.applied == first

    run(_write(settings, records[first:]))
    Counted.applied = 0
    stored, read = run(_stored(settings, path))
    expected = run(_in_memory(settings))
    assert stored == expected
    assert Counted.applied == len(records) - first  # a restart reads only what is new

    for damage in ("deleted", "garbage", "foreign"):
        if damage == "deleted":
            path.unlink()
        elif damage == "garbage":
            path.write_bytes(b"\x00garbage, not a database\xff" * 1000)
        else:  # the topic holds another record where the store's last one was: another broker's topic of that name
            with sqlite3.connect(path) as db:
                db.execute("UPDATE offsets SET crc = crc + 1")
        Counted.applied = 0
        assert run(_stored(settings, path))[0] == expected, damage
        assert Counted.applied == len(records), damage  # rebuilt: everything read again

"""Replays and rebalances: where the raw partitions are read from after an assignment.

The worker moves its own offsets rather than an outside client committing them for the group: that needs an
empty group, which Tansu never reports (BROKER.md).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import faust
import structlog
from aiokafka import AIOKafkaConsumer, TopicPartition

from streams.agents.internals import committed_offsets
from streams.agents.progress import Progress
from streams.config import Settings

log = structlog.get_logger(__name__)


@dataclass(slots=True)
class ReplayPlan:
    """What ``newsroom replay`` asked of this worker: rewind the raw partitions (to ``since``, or the beginning),
    and keep what an earlier extractor derived for articles published before ``keep_before``."""

    replaying: bool = False
    since: dt.datetime | None = None
    keep_before: dt.datetime | None = None
    rewound: set[int] = field(default_factory=set)  # raw partitions already sought back, each once


async def replay_offsets(settings: Settings, tps: list[Any], since: dt.datetime | None) -> dict[Any, int]:
    """The first offset at or after ``since`` per partition (the beginning when None; the end when nothing is that new)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        plain = [TopicPartition(tp.topic, tp.partition) for tp in tps]
        if since is None:
            found = await consumer.beginning_offsets(plain)
        else:
            ends = await consumer.end_offsets(plain)
            stamps = await consumer.offsets_for_times({tp: int(since.timestamp() * 1000) for tp in plain})
            found = {tp: stamps[tp].offset if stamps.get(tp) else ends[tp] for tp in plain}
        return {tp: found[TopicPartition(tp.topic, tp.partition)] for tp in tps}
    finally:
        await consumer.stop()


def recovery_completed(app: faust.App) -> asyncio.Event:
    """Set once the tables have recovered from their changelogs (faust types its table manager by an
    interface that leaves the recovery out)."""
    completed: asyncio.Event = app.tables.recovery.completed  # type: ignore[attr-defined]
    return completed


class AfterRebalance:
    """The work after each rebalance: progress from the committed offsets, then a pending replay's rewind."""

    def __init__(self, app: faust.App, settings: Settings, raw_topic: Any, progress: Progress,
                 plan: ReplayPlan) -> None:
        self.app, self.settings, self.raw_topic, self.progress, self.plan = app, settings, raw_topic, progress, plan
        self._task: asyncio.Future[None] | None = None
        app.on_rebalance_complete.connect(self._on_rebalanced)

    @property
    def settling(self) -> bool:
        """Whether the work after a rebalance is pending: until the progress starts at the committed offsets and a
        replay has rewound the raw partitions, the offsets reported say "done" for records about to be re-read."""
        return self._task is not None and not self._task.done()

    async def _on_rebalanced(self, *_: Any, **__: Any) -> None:
        """Faust seeks to the committed offsets only after this signal: wait for that in the background."""
        self._task = asyncio.ensure_future(self._after_recovery())

    async def _after_recovery(self) -> None:
        """Progress starts at the committed offsets; then a pending replay rewinds the raw partitions."""
        await recovery_completed(self.app).wait()
        assigned = list(self.app.consumer.assignment())
        committed = committed_offsets(self.app.consumer)
        for tp in assigned:
            if offset := committed.get(tp):
                self.progress.baseline(tp.topic, tp.partition, offset - 1)
        name = self.raw_topic.get_topic_name()
        tps = [tp for tp in assigned if tp.topic == name and tp.partition not in self.plan.rewound]
        if not self.plan.replaying or not tps:
            return
        for tp, offset in (await replay_offsets(self.settings, tps, self.plan.since)).items():
            await self.app.consumer.seek(tp, offset)
            self.plan.rewound.add(tp.partition)
            self.progress.mark(tp.topic, tp.partition, offset - 1)
            log.info("replaying raw partition", partition=tp.partition, offset=offset)

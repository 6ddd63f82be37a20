"""Sending records until the broker has them, and dead-lettering the input an agent cannot handle.

An agent never dies of its input (GUIDE): whatever one record does, it is applied or dead-lettered, and a
broker that fails delays records but never turns a valid one into a dead letter.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

import structlog
from aiokafka.errors import KafkaError
from faust.exceptions import ProducerSendError

from streams.agents import metrics
from streams.agents.progress import Progress
from streams.model.deadletter import DeadLetter, too_large

log = structlog.get_logger(__name__)
T = TypeVar("T")

SEND_RETRY_FIRST = 0.5  # seconds before the first retry of a failed send; doubled each time
SEND_RETRY_MAX = 30.0


class RecordTooLarge(Exception):
    """A send the broker or the producer refuses for its size: retrying cannot succeed."""


async def until_acknowledged(what: str, send: Callable[[], Awaitable[None]]) -> None:
    """Run ``send`` until the broker acknowledges it, backing off between failed attempts.

    A broker outage (every broker down, too few in-sync replicas, a leader moving)
    delays a record; it never turns a valid article into a dead letter. Re-sending is
    safe: derived events have deterministic ids and consumers keep the latest per id.
    A record too large for the topic or the producer raises :class:`RecordTooLarge` at once.
    """
    delay = SEND_RETRY_FIRST
    while True:
        try:
            await send()
            return
        except (KafkaError, ProducerSendError) as error:
            if too_large(error):
                raise RecordTooLarge(f"{what}: {error!r}") from error  # no retry makes a record smaller
            metrics.SEND_RETRIES.labels(what).inc()
            log.warning("send not acknowledged; retrying", what=what, error=repr(error), retry_in=delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, SEND_RETRY_MAX)


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One record to send: to a derived topic, the tally topic or the alerts topic."""

    topic: Any  # a faust topic
    key: bytes
    value: bytes


async def send_all(records: list[Outgoing]) -> None:
    """Send the records and wait until the broker has them all."""
    pending = [await record.topic.send(key=record.key, value=record.value) for record in records]
    await asyncio.gather(*pending)


class DeadLetters:
    """The dead-letter topic, and the guard that sends a record there when handling it raises."""

    def __init__(self, topic: Any, progress: Progress) -> None:
        self.topic = topic
        self.progress = progress

    async def dead_letter(self, key: bytes | None, value: bytes | None, reason: str, stage: str) -> None:
        """The record to the dead-letter topic with why, retried until acknowledged; a record too large for the
        topic goes with its value cut (:meth:`streams.model.deadletter.DeadLetter.smaller`)."""
        for letter in DeadLetter.of(key, value, reason, stage).smaller():
            try:
                await until_acknowledged("dead letter", partial(self._send, letter))
                break
            except RecordTooLarge as error:
                log.warning("dead letter too large to send; cutting its value", error=str(error),
                            size=len(letter.value or b""))
        else:  # not even its key and headers were taken: nothing more can be sent of it
            log.error("a record could not be dead-lettered, even cut to its key and headers", stage=stage)
        self.progress.count("deadlettered")
        metrics.DEADLETTERED.labels(stage).inc()
        log.warning("dead-lettered", reason=letter.reason[:1000], stage=stage, key=key and key[:200])

    async def _send(self, letter: DeadLetter) -> None:
        await (await self.topic.send(key=letter.key, value=letter.value, headers=letter.headers))

    async def guarded(self, message: Any, stage: str, work: Callable[[], Awaitable[T]]) -> T | None:
        """``work`` on one record; when it raises, the record is dead-lettered (``stage`` and the error) and
        None returned: whatever one record does, the others go on (GUIDE: an agent never dies of its input)."""
        try:
            return await work()
        except Exception as error:
            log.exception("a record could not be handled; dead-lettering it", stage=stage, topic=message.topic,
                          partition=message.partition, offset=message.offset)
            await self.dead_letter(message.key, message.value, f"{type(error).__name__}: {error}"[:2000], stage)
            return None

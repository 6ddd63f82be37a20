"""Plain aiokafka clients for the commands: create topics, publish articles, read derived state back.

These are what a downstream service does too; they share nothing with the
faust worker but the topic names.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import orjson
import structlog
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka import errors
from aiokafka.errors import KafkaConnectionError, MessageSizeTooLargeError, TopicAlreadyExistsError

from streams.agents.internals import refresh_metadata
from streams.config import Settings
from streams.errors import BrokerUnavailable
from streams.model.screening import MAX_MESSAGE_BYTES, Accepted, Refusal, record_size

log = structlog.get_logger(__name__)

BROKER_CHECK_SECONDS = 5.0  # per connection attempt: a firewalled address must not hang a command for aiokafka's 40 s


@contextlib.contextmanager
def _quiet_aiokafka() -> Iterator[None]:
    """aiokafka logs each failed connection at ERROR before raising: the caller reports the failure once, itself."""
    logger = logging.getLogger("aiokafka")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


async def check_broker(settings: Settings, timeout: float = BROKER_CHECK_SECONDS) -> None:
    """Raise :class:`BrokerUnavailable` unless a broker at ``settings.bootstrap`` answers a metadata request.

    Commands call it before they start clients or a faust worker, whose own failure is a
    traceback (faust's after several seconds of start-up).
    """
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap, request_timeout_ms=int(timeout * 1000))
    with _quiet_aiokafka():
        try:
            await admin.start()
        except (KafkaConnectionError, OSError, asyncio.TimeoutError):
            raise BrokerUnavailable(f"no Kafka broker answers at {settings.bootstrap}") from None
        finally:
            await admin.close()


class TopicNotCreated(RuntimeError):
    """The broker refused to create a topic (too few brokers for the replication factor, a bad config...)."""


async def ensure_topics(settings: Settings) -> None:
    """Declare the contract's topics with the configured partitions and replication (existing ones are kept)."""
    names = settings.topics
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        # The internal tally topic too: a worker's tally agent subscribes at start-up, and a topic created only
        # later (by the first tally update) was ignored by the group's assignment until a metadata refresh.
        wanted = [names.raw, names.incidents, names.statements, names.deadletter, names.alerts, names.tallies]
        configs = {t: settings.deadletter_config() if t == names.deadletter else settings.topic_config() for t in wanted}
        new = [NewTopic(t, num_partitions=settings.partitions, replication_factor=settings.replication_factor,
                        topic_configs=configs[t]) for t in wanted if t not in existing]
        if new:
            try:
                response = await admin.create_topics(new)
            except TopicAlreadyExistsError:
                return
            for topic, code, *message in response.topic_errors:
                if code not in (0, TopicAlreadyExistsError.errno):  # e.g. more replicas than brokers
                    raise TopicNotCreated(f"{topic}: {errors.for_code(code).__name__} {message[0] if message else ''}".strip())
    finally:
        await admin.close()


async def publish_records(settings: Settings, records: Iterable[tuple[bytes | None, bytes | None]],
                          on_sent: Callable[[], None] | None = None, topic: str | None = None) -> int:
    """Publish (key, value) records to ``topic`` (the raw topic by default), one at a time and acknowledged, in order."""
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap, acks="all")
    await producer.start()
    sent = 0
    try:
        for key, value in records:
            await producer.send_and_wait(topic or settings.topics.raw, value=value, key=key)
            sent += 1
            if on_sent:
                on_sent()
    finally:
        await producer.stop()
    return sent


async def publish(settings: Settings, documents: Iterable[dict[str, Any]], on_sent: Callable[[], None] | None = None) -> int:
    """Publish raw article events keyed by article_id."""
    records = ((str(d["article_id"]).encode(), orjson.dumps(d)) for d in documents)
    return await publish_records(settings, records, on_sent)


async def publish_accepted(settings: Settings, accepted: list[Accepted]) -> tuple[int, list[Refusal]]:
    """Publish screened records (:func:`streams.model.screening.screen`) one at a time, acknowledged, in order;
    one the broker refuses as too large (a raw topic with a lower max.message.bytes) is reported, the rest still sent."""
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap, acks="all", max_request_size=MAX_MESSAGE_BYTES)
    await producer.start()
    sent, refused = 0, []
    try:
        for record in accepted:
            try:
                await producer.send_and_wait(settings.topics.raw, value=record.value, key=record.key)
                sent += 1
            except MessageSizeTooLargeError:
                refused.append(Refusal(
                    record.origin, record.article.article_id,
                    f"the broker refused the record of {record_size(record.key, record.value)} bytes as too large: "
                    f"the max.message.bytes of topic {settings.topics.raw} is lower",
                    f"shorten its body, or raise max.message.bytes of {settings.topics.raw} on the broker"))
    finally:
        await producer.stop()
    return sent, refused


async def end_offsets(settings: Settings, topic: str) -> dict[int, int]:
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = consumer.partitions_for_topic(topic) or set()
        if not partitions:
            await refresh_metadata(consumer)  # a fresh client may not know the topic yet
            partitions = consumer.partitions_for_topic(topic) or set()
        tps = [TopicPartition(topic, p) for p in sorted(partitions)]
        ends = await consumer.end_offsets(tps) if tps else {}
        return {tp.partition: offset for tp, offset in ends.items()}
    finally:
        await consumer.stop()


async def read_topic(settings: Settings, topic: str, timeout: float = 30.0) -> list[tuple[bytes | None, bytes | None, list]]:
    """Every record of a topic from the beginning to its current end: (key, value, headers)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap, enable_auto_commit=False)
    await consumer.start()
    records: list[tuple[bytes | None, bytes | None, list]] = []
    try:
        await refresh_metadata(consumer)
        tps = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or set())]
        if not tps:
            return records
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        ends = await consumer.end_offsets(tps)
        remaining = {tp for tp in tps if ends[tp] > 0}
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while remaining and loop.time() < deadline:
            batch = await consumer.getmany(timeout_ms=500)
            for tp, messages in batch.items():
                records.extend((m.key, m.value, list(m.headers or [])) for m in messages)
            for tp in list(remaining):
                if await consumer.position(tp) >= ends[tp]:
                    remaining.discard(tp)
        if remaining:
            raise TimeoutError(f"could not read {topic} to its end within {timeout}s")
        return records
    finally:
        await consumer.stop()


def live_state(records: Iterable[tuple[bytes | None, bytes | None, list]]) -> list[dict[str, Any]]:
    """Latest upsert per id, retracted ones left out: what a subscriber holds after reading the topic."""
    latest: dict[str, dict[str, Any]] = {}
    for key, value, _ in records:
        if value is None or key is None:
            continue
        event = orjson.loads(value)
        if event.get("op") == "retract":
            latest.pop(key.decode(), None)
        else:
            latest[key.decode()] = event
    return list(latest.values())

"""A record too large to dead-letter whole, and a stop while the broker is gone (issue 20, case 3)."""

from __future__ import annotations

import asyncio
import dataclasses
import signal
import subprocess
import time

import orjson
import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from newsroom_dev.generator import generate
from streams.config import MAX_RECORD_BYTES, Settings, Topics
from streams.kafka.broker import EmbeddedBroker, free_port
from streams.kafka.client import ensure_topics, publish, read_topic
from streams.kafka.monitor import wait_until_assigned, wait_until_idle
from streams.model.events import IncidentEvent, upserts_of_each
from streams.model.validation import parse_document

pytestmark = pytest.mark.integration

HUGE = MAX_RECORD_BYTES + 1024 * 1024  # more than the worker's producer sends (and its dead-letter topic accepts)


async def _publish_huge(settings: Settings, value: bytes) -> None:
    """The raw topic made to accept it (Kafka enforces a topic's max.message.bytes; Tansu none), then the record."""
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(settings.topics.raw, num_partitions=settings.partitions, replication_factor=1,
                                            topic_configs={"max.message.bytes": str(2 * HUGE)})])
    finally:
        await admin.close()
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap, acks="all", max_request_size=2 * HUGE)
    await producer.start()
    try:
        await producer.send_and_wait(settings.topics.raw, key=b"huge", value=value)
    finally:
        await producer.stop()


async def _run_huge(settings: Settings, value: bytes, after: list[dict], alive) -> tuple[list, set[str]]:
    await _publish_huge(settings, value)
    await ensure_topics(settings)
    await wait_until_assigned(settings, [settings.web_port], alive)
    await publish(settings, after)
    await wait_until_idle(settings, timeout=240, alive=alive)
    dead = await read_topic(settings, settings.topics.deadletter, timeout=60)
    incidents = {orjson.loads(v)["incident_id"] for _, v, _ in await read_topic(settings, settings.topics.incidents)}
    return dead, incidents


def test_a_record_too_large_to_dead_letter_whole_goes_cut_with_its_size_and_its_partition_goes_on(
        settings, workers, run):
    settings = dataclasses.replace(settings, partitions=1)  # the valid articles queue behind the huge record
    value = b"{" + b"x" * (HUGE - 1)  # not JSON: dead-lettered at validation
    after = [{**d, "article_id": f"after-{i}"} for i, d in enumerate(generate(6, seed=8, relevant_share=1.0))]
    worker = workers.start(settings)
    dead, incidents = run(_run_huge(settings, value, after, alive=lambda: worker.poll() is None))
    assert worker.poll() is None
    [(key, kept, headers)] = dead
    headers = dict(headers)
    reason = headers["error.reason"].decode()
    assert key == b"huge" and headers["error.stage"] == b"validate"
    assert reason.startswith("not JSON") and f"the record ({HUGE} bytes" in reason, reason
    assert kept and len(kept) < MAX_RECORD_BYTES and value.startswith(kept)
    assert incidents == {e.incident_id for events in upserts_of_each([parse_document(d) for d in after])
                         for e in events if isinstance(e, IncidentEvent)}


async def _start(settings: Settings, worker: subprocess.Popen[bytes]) -> None:
    alive = lambda: worker.poll() is None  # noqa: E731
    await ensure_topics(settings)
    await wait_until_assigned(settings, [settings.web_port], alive)
    await publish(settings, generate(300, seed=4, relevant_share=1.0))


def test_sigterm_stops_a_worker_within_10_s_while_the_broker_it_retries_is_down(workers, run):
    with EmbeddedBroker() as broker:  # its own broker: this test stops it
        settings = Settings(bootstrap=broker.bootstrap, app_id="newsroom-stop", topics=Topics("stop."), partitions=2,
                            web_port=free_port())
        worker = workers.start(settings)
        run(_start(settings, worker))
        broker.stop()  # mid-run: sends, commits and fetches now fail and are retried
        time.sleep(5)
        assert worker.poll() is None, "the worker outlives a broker outage"
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=10)  # raises TimeoutExpired if it is still there

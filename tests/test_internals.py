"""What streams/internals.py relies on in faust and aiokafka still behaves so: fails when a release changes it."""

from __future__ import annotations

import asyncio
import inspect
import uuid
from types import SimpleNamespace

import faust
import faust.streams
import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread
from faust.transport.drivers.aiokafka import Transport as AIOKafkaTransport
from faust.types import TP

from streams import internals


class Event:
    """Stands in for a faust event: write_as keeps a weak reference, a table reads its message."""

    def __init__(self, partition: int) -> None:
        self.message = SimpleNamespace(topic="raw", partition=partition)


async def test_write_as_picks_the_changelog_partition_of_the_next_table_write() -> None:
    app = faust.App(f"internals-{uuid.uuid4().hex[:6]}", broker="kafka://127.0.0.1:9", web_enabled=False)
    table = app.Table("t", default=None, partitions=4)
    first, second = Event(1), Event(3)
    internals.write_as(first)
    assert faust.streams.current_event() is first
    internals.write_as(second)
    assert table.partition_for_key("any key") == 3


def test_the_consumer_methods_overridden_keep_their_signatures() -> None:
    assert list(inspect.signature(AIOKafkaConsumerThread._create_worker_consumer).parameters) == ["self", "transport"]
    assert list(inspect.signature(AIOKafkaTransport.Consumer._new_consumer_thread).parameters) == ["self"]
    # aiokafka hands the attribute set after construction to its fetcher when the consumer starts.
    assert "fetch_max_wait_ms=self._fetch_max_wait_ms" in inspect.getsource(AIOKafkaConsumer.start)


async def test_the_consumer_class_builds_an_aiokafka_consumer_with_the_fetch_wait() -> None:
    app = faust.App(f"internals-{uuid.uuid4().hex[:6]}", broker="kafka://127.0.0.1:9", web_enabled=False)
    app.transport.Consumer = internals.consumer_class(123)
    thread = app.consumer._new_consumer_thread()  # built the way faust's own method builds it
    assert isinstance(thread, AIOKafkaConsumerThread)
    consumer = thread._create_worker_consumer(app.transport)
    assert isinstance(consumer, AIOKafkaConsumer)
    assert consumer._fetch_max_wait_ms == 123
    assert AIOKafkaConsumer()._fetch_max_wait_ms == 500  # the attribute is aiokafka's own setting, not a new one


async def test_committed_offsets_are_what_faust_recorded_when_it_sought_to_them(monkeypatch) -> None:
    app = faust.App(f"internals-{uuid.uuid4().hex[:6]}", broker="kafka://127.0.0.1:9", web_enabled=False)
    consumer = app.consumer
    tp = TP("some-topic", 2)

    async def seek_to_committed() -> dict[TP, int]:
        return {tp: 41}

    monkeypatch.setattr(consumer, "seek_to_committed", seek_to_committed)
    await consumer.perform_seek()
    assert internals.committed_offsets(consumer)[tp] == 41


@pytest.mark.integration
async def test_refresh_metadata_lets_a_running_client_see_a_topic_created_after_it_started(bootstrap: str) -> None:
    topic = f"internals-{uuid.uuid4().hex[:8]}"
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        assert not consumer.partitions_for_topic(topic)
        await admin.create_topics([NewTopic(topic, num_partitions=3, replication_factor=1)])
        for _ in range(50):  # the controller may take a moment to make the topic known to every broker
            await internals.refresh_metadata(consumer)
            if consumer.partitions_for_topic(topic):
                break
            await asyncio.sleep(0.1)
        assert consumer.partitions_for_topic(topic) == {0, 1, 2}
    finally:
        await admin.close()
        await consumer.stop()

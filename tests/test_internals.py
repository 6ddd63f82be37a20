"""What streams/agents/internals.py relies on in faust and aiokafka still behaves so: fails when a release changes it."""

from __future__ import annotations

import asyncio
import inspect
import uuid
from types import SimpleNamespace
from typing import Any

import faust
import faust.streams
import pytest
from aiohttp import web as aioweb
from aiohttp.test_utils import TestServer
from aiohttp.web_protocol import RequestHandler
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread
from faust.transport.drivers.aiokafka import Transport as AIOKafkaTransport
from faust.types import TP

from streams.agents import internals


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


def _app_with_our_consumer() -> faust.App:
    app = faust.App(f"internals-{uuid.uuid4().hex[:6]}", broker="kafka://127.0.0.1:9", web_enabled=False)
    app.transport.Consumer = internals.consumer_class(50)
    return app


def test_faust_pauses_and_resumes_partitions_in_the_very_set_it_hands_the_consumer_thread() -> None:
    consumer = _app_with_our_consumer().consumer
    active = consumer._get_active_partitions()  # what _wait_next_records passes on to the thread's getmany
    raw = TP("raw", 0)
    consumer.resume_partitions({raw})
    assert raw in active
    consumer.pause_partitions({raw})
    assert raw not in active and not active  # emptied in place: aiokafka's "every partition"
    assert "self._get_active_partitions()" in inspect.getsource(type(consumer)._wait_next_records)


async def test_aiokafka_is_asked_at_drain_time_which_partitions_faust_will_take(monkeypatch) -> None:
    consumer = _app_with_our_consumer().consumer
    thread = consumer._new_consumer_thread()
    handed: list[tuple[Any, ...]] = []

    async def call_thread(fun: Any, *args: Any, **kwargs: Any) -> dict:
        handed.append(args)
        return {}

    monkeypatch.setattr(thread, "call_thread", call_thread)
    monkeypatch.setattr(thread, "_ensure_consumer", lambda: SimpleNamespace(_max_poll_records=None))
    active: set[TP] = set()
    raw = TP("raw", 0)
    await thread.getmany(active, 1.0)
    ((_, partitions),) = handed  # faust's _fetch_records(aiokafka consumer, partitions)
    assert partitions, "an empty selection would drain every partition"
    assert raw not in partitions
    active.add(raw)  # resumed while aiokafka waits for records
    assert raw in partitions
    consumer.stop_flow()  # a rebalance began: faust would discard the records
    assert raw not in partitions


async def _flow_when_the_app_hears_of_the_assignment(consumer: Any, monkeypatch: Any) -> tuple[bool, set[TP]]:
    raw = TP("raw", 0)
    seen: list[tuple[bool, set[TP]]] = []

    async def app_on_partitions_assigned(assigned: set[TP], generation_id: int) -> None:
        seen.append((consumer.flow_active, set(consumer._active_partitions)))

    monkeypatch.setattr(consumer, "_on_partitions_assigned", app_on_partitions_assigned)
    monkeypatch.setattr(consumer.app, "on_rebalance_return", lambda: None)
    await consumer.on_partitions_assigned({raw}, 1)
    (found,) = seen
    return found


async def test_a_new_faust_consumer_makes_its_first_assignment_active_with_the_flow_running(monkeypatch) -> None:
    app = faust.App(f"internals-{uuid.uuid4().hex[:6]}", broker="kafka://127.0.0.1:9", web_enabled=False)
    assert await _flow_when_the_app_hears_of_the_assignment(app.consumer, monkeypatch) == (True, {TP("raw", 0)})


async def test_our_consumer_takes_an_assignment_with_the_flow_stopped_until_recovery_resumes_it(monkeypatch) -> None:
    consumer = _app_with_our_consumer().consumer
    assert await _flow_when_the_app_hears_of_the_assignment(consumer, monkeypatch) == (False, {TP("raw", 0)})
    assert not consumer.flow_active


async def test_faust_empties_the_stream_queues_after_seeking_and_before_resuming_the_flow_when_recovery_ends() -> None:
    from faust.tables.recovery import Recovery

    app = faust.App(f"internals-{uuid.uuid4().hex[:6]}", broker="kafka://127.0.0.1:9", web_enabled=False)
    queue = app.FlowControlQueue(maxsize=10, clear_on_resume=True)  # how a stream's channel builds its queue
    queue.put_nowait("a record delivered while faust sought")
    app.flow_control.resume()
    assert queue.empty()
    steps = inspect.getsource(Recovery.on_recovery_completed)
    order = ["consumer.resume_partitions(", "consumer.perform_seek()", "self.app.flow_control.resume()",
             "consumer.resume_flow()"]
    assert [steps.index(step) for step in order] == sorted(steps.index(step) for step in order)


def test_our_consumer_stops_the_flow_when_stream_partitions_are_resumed_not_changelogs() -> None:
    app = _app_with_our_consumer()
    table = app.Table("t", default=None, partitions=1)
    consumer = app.consumer
    consumer.resume_flow()
    consumer.resume_partitions({TP(table.changelog_topic.get_topic_name(), 0)})
    assert consumer.flow_active  # recovery reads changelogs with the flow on
    consumer.resume_partitions({TP("raw", 0), TP(table.changelog_topic.get_topic_name(), 0)})
    assert not consumer.flow_active
    assert TP("raw", 0) in consumer._get_active_partitions()


@pytest.mark.integration
async def test_aiokafka_drains_every_partition_for_an_empty_selection_and_none_for_fetchable_now(bootstrap: str) -> None:
    """Why FetchableNow exists: an empty selection drains (moves past) the records of every partition."""
    topic = f"internals-{uuid.uuid4().hex[:8]}"
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    await admin.create_topics([NewTopic(topic, num_partitions=2, replication_factor=1)])
    await admin.close()
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    for partition in (0, 1):
        await producer.send_and_wait(topic, b"record", partition=partition)
    await producer.stop()
    tps = [TopicPartition(topic, 0), TopicPartition(topic, 1)]
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, auto_offset_reset="earliest")
    await consumer.start()
    try:
        consumer.assign(tps)
        for _ in range(100):  # until the records of both partitions wait in the fetcher
            if all(consumer.highwater(tp) for tp in tps):
                break
            await asyncio.sleep(0.05)
        flowing = SimpleNamespace(flow_active=True)
        assert await consumer._fetcher.fetched_records(internals.FetchableNow(flowing, set()), timeout=0.2) == {}
        assert [await consumer.position(tp) for tp in tps] == [0, 0]
        drained = await consumer._fetcher.fetched_records(set(), timeout=5)
        assert set(drained) == set(tps)
        assert [await consumer.position(tp) for tp in tps] == [1, 1]
    finally:
        await consumer.stop()


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


def test_the_consumer_thread_stops_its_consumer_in_on_thread_stop_which_mode_awaits_when_the_thread_ends() -> None:
    """consumer_class overrides on_thread_stop to finish a stop that aiokafka's Fetcher.close interrupts
    with a fetch's cancellation: the override only helps while faust stops the consumer there and mode
    awaits it before reporting the thread stopped, and while Fetcher.close still awaits its cancelled fetches."""
    from aiokafka.consumer.fetcher import Fetcher
    from mode.threads import ServiceThread

    assert "self._consumer.stop()" in inspect.getsource(AIOKafkaConsumerThread.on_thread_stop)
    shutdown = inspect.getsource(ServiceThread._shutdown_thread)
    assert shutdown.index("on_thread_stop") < shutdown.index("set_shutdown")
    close = inspect.getsource(Fetcher.close)
    assert "x.cancel()" in close and "await x" in close  # no suppression of the cancellation it causes


async def test_aiohttp_answers_a_request_it_cannot_parse_outside_the_app_and_stamp_error_responses_reaches_it() -> None:
    prepared: list[int] = []

    async def seen(request: aioweb.BaseRequest, response: aioweb.StreamResponse) -> None:
        prepared.append(response.status)

    app = aioweb.Application()
    app.on_response_prepare.append(seen)
    internals.stamp_error_responses({"X-Stamped": "yes"})
    async with TestServer(app) as server:
        reader, writer = await asyncio.open_connection(server.host, server.port)
        writer.write(b"NOT A\x00REQUEST\r\n\r\n")
        answer = await asyncio.wait_for(reader.read(), 30)
        writer.close()
    assert answer.split(b"\r\n")[0].endswith(b"400 Bad Request")
    assert prepared == []  # no app signal for it: the reason stamp_error_responses exists
    assert b"\r\nX-Stamped: yes\r\n" in answer
    assert list(inspect.signature(RequestHandler.handle_error).parameters)[:2] == ["self", "request"]


class ChangelogEvent:
    """Stands in for a changelog record as faust's recovery hands it to a store."""

    def __init__(self, partition: int, offset: int, key: bytes, value: bytes) -> None:
        self.message = SimpleNamespace(tp=TP("t-changelog", partition), partition=partition, offset=offset,
                                       key=key, value=value)


def test_stored_keys_counts_a_rocksdb_tables_keys_exactly_while_few_else_by_estimate(tmp_path, monkeypatch) -> None:
    app = faust.App(f"internals-{uuid.uuid4().hex[:6]}", broker="kafka://127.0.0.1:9", web_enabled=False,
                    store="rocksdb://", datadir=str(tmp_path))
    table = app.Table("t", default=None, partitions=2)
    events = [ChangelogEvent(0, 0, b'"a"', b"1"), ChangelogEvent(0, 1, b'"b"', b"2"), ChangelogEvent(1, 0, b'"c"', b"3")]
    table.data.apply_changelog_batch(events, to_key=lambda k: k, to_value=lambda v: v)
    monkeypatch.setattr(internals, "EXACT_KEYS_BELOW", 0)
    assert internals.stored_keys(table) == 3  # RocksDB's estimate, less faust's two offset keys
    monkeypatch.undo()
    again = [ChangelogEvent(0, 2, b'"a"', b"4"), ChangelogEvent(1, 1, b'"c"', b"5")]  # new versions of two keys
    table.data.apply_changelog_batch(again, to_key=lambda k: k, to_value=lambda v: v)
    assert internals.stored_keys(table) == 3  # counted: the estimate would count each version until compaction
    memory = faust.App(f"internals-{uuid.uuid4().hex[:6]}", broker="kafka://127.0.0.1:9", web_enabled=False)
    assert internals.stored_keys(memory.Table("m", default=None, partitions=2)) == 0

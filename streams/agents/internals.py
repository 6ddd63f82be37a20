"""Every reliance of newsroom on a private attribute of faust or aiokafka, in one place, each with why.

Neither library offers a public way to do these things. Keeping them here (and
nowhere else in ``streams/``) means an upgrade of either library has one module
to re-read, and ``tests/test_internals.py`` fails when a release changes one of
them under us instead of the worker misbehaving quietly.

| function | private thing used | library |
| --- | --- | --- |
| :func:`write_as` | ``faust.streams._current_event`` (the ContextVar behind ``current_event()``) | faust |
| :func:`consumer_class` | ``AIOKafkaConsumerThread._create_worker_consumer``, ``Consumer._new_consumer_thread``, ``AIOKafkaConsumer._fetch_max_wait_ms`` | faust, aiokafka |
| :class:`FetchableNow` (handed to aiokafka by :func:`consumer_class`) | the live ``Consumer._active_partitions`` set faust hands ``AIOKafkaConsumerThread.getmany``; ``Fetcher.fetched_records`` reading an empty one as "every partition" | faust, aiokafka |
| :func:`consumer_class` ``on_partitions_assigned`` | faust making every assigned partition active (``Consumer._set_active_tps``) with a new consumer's flow running, before the app pauses them | faust |
| :func:`consumer_class` ``resume_partitions`` | ``Recovery.on_recovery_completed`` resuming the stream partitions, seeking, then clearing the streams' queues (``FlowControlEvent.resume``) before it resumes the flow | faust, mode |
| :func:`committed_offsets` | ``faust Consumer._committed_offset`` | faust |
| :func:`refresh_metadata` | ``AIOKafkaConsumer._client.force_metadata_update`` | aiokafka |
| :func:`consumer_class` ``on_thread_stop`` | ``Fetcher.close`` awaiting its cancelled fetch tasks (a fetch cancelled in its retry backoff raises ``CancelledError`` out of ``AIOKafkaConsumer.stop``) | aiokafka, mode |
| :func:`stored_keys` | ``faust.stores.rocksdb.Store._dbs`` (the open partition stores), for RocksDB's key estimate | faust |
| :func:`stamp_error_responses` | ``aiohttp.web_protocol.RequestHandler.handle_error`` building the response to a request it could not parse (no app signal runs for it) | aiohttp |
"""

from __future__ import annotations

import asyncio
import functools
import logging
import weakref
from collections.abc import Iterable, Mapping, Set
from typing import Any

import faust.streams as faust_streams
from aiohttp.web_protocol import RequestHandler
from aiokafka import AIOKafkaConsumer
from faust.stores.rocksdb import Store as RocksDBStore
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread
from faust.transport.drivers.aiokafka import Consumer as AIOKafkaTransportConsumer
from faust.types import TP


def write_as(event: Any) -> None:
    """Make table writes take their changelog partition from ``event``.

    faust picks a table write's changelog partition from its current-event context
    variable, which ``take_events`` leaves at the batch's last record: point it at the
    record being applied. Only the context variable: ``Stream.current_event`` is what
    take_events' background buffering pairs with the next record, and overwriting it
    there duplicated one record and lost the next whenever records arrived while a
    batch was being applied.
    """
    faust_streams._current_event.set(weakref.ref(event))  # noqa: SLF001 - faust has no public setter


class FetchableNow:
    """The partitions faust accepts records of, asked at the moment aiokafka's consumer thread hands records out.

    faust's fetcher passes its live set of active partitions to the consumer thread,
    where aiokafka waits up to a second for records and then drains (advances past)
    those of every partition in the set, or of *every* partition when the set is
    empty. Meanwhile a rebalance on the event loop stops the flow and empties the
    set; faust then discards the records it gets back. Records of a changelog just
    sought for recovery were drained that way: the position stood at the end, so
    recovery waited forever for them. Asked per partition at drain time, this never
    counts as empty and holds nothing while the flow is stopped, so aiokafka keeps
    what faust would discard.
    """

    __slots__ = ("_consumer", "_active")

    def __init__(self, consumer: Any, active: Set[TP]) -> None:
        self._consumer = consumer
        self._active = active  # faust's own set, still changed by the event loop

    def __bool__(self) -> bool:
        return True  # aiokafka reads an empty (false) selection as every partition

    def __contains__(self, tp: object) -> bool:
        return bool(self._consumer.flow_active) and tp in self._active


def consumer_class(fetch_max_wait_ms: int) -> type[Any]:
    """faust's consumer with a configurable fetch wait (faust hard-codes 1500 ms), which drains
    only records faust will take (:class:`FetchableNow`) and delivers none to the streams until
    recovery of a new assignment is over and faust has cleared their queues.

    A broker that does not answer a fetch early when data arrives (the embedded Tansu
    serves the full wait) adds up to that wait to every hop of the pipeline; a short
    wait trades a few empty fetches a second for latency. faust builds its aiokafka
    consumer in a private method and passes no such setting, so the value is set on
    the consumer after it is built and before it starts (aiokafka reads it in start()).
    """

    # mode names a service's logger after the module defining it: keep these under faust's name, so
    # their start/stop chatter is filtered with faust's (streams.logs), not shown as this app's.
    library_logger = logging.getLogger("faust.transport.drivers.aiokafka.newsroom")

    class ConsumerThread(AIOKafkaConsumerThread):
        logger = library_logger

        def _create_worker_consumer(self, transport: Any) -> AIOKafkaConsumer:
            consumer = super()._create_worker_consumer(transport)
            consumer._fetch_max_wait_ms = fetch_max_wait_ms  # noqa: SLF001 - read when the consumer starts
            return consumer

        async def on_thread_stop(self) -> None:
            """Stop the consumer even when aiokafka's fetcher re-raises a fetch's cancellation.

            With the broker gone, a fetch waits out its retry backoff after each failure;
            ``Fetcher.close`` cancels it and awaits it, and the cancellation escapes from the
            backoff sleep. Raised through here it ended the consumer thread with a
            ``CancelledError`` traceback, before the thread told faust it had stopped, and faust
            waited 60 s for it. A cancellation of this task itself still propagates.
            """
            try:
                await super().on_thread_stop()
            except asyncio.CancelledError:
                current = asyncio.current_task()
                if current is not None and current.cancelling():
                    raise
                library_logger.info("a fetch was cancelled while the consumer stopped")

        async def getmany(self, active_partitions: Set[TP] | None, timeout: float) -> Mapping[TP, list[Any]]:
            """Records of the partitions active when aiokafka hands them out (None: a client-only app, all)."""
            if active_partitions is None:
                return await super().getmany(active_partitions, timeout)
            # aiokafka only tests the selection's truth and membership.
            return await super().getmany(FetchableNow(self.consumer, active_partitions), timeout)  # type: ignore[arg-type]

    class Consumer(AIOKafkaTransportConsumer):
        logger = library_logger

        def _new_consumer_thread(self) -> ConsumerThread:
            return ConsumerThread(self, loop=self.loop, beacon=self.beacon)

        async def on_partitions_assigned(self, assigned: set[TP], generation_id: int = 0) -> None:
            """Take a new assignment with the flow stopped, as a revocation leaves it; recovery resumes it.

            faust first makes every assigned partition active, then the app pauses them
            until recovery. A consumer that never had an assignment still has its flow
            running (faust stops it only when revoking partitions), so records fetched
            in between could be drained and then discarded; where the group had
            committed nothing, nothing sought back to them and they were never processed.
            """
            self.stop_flow()
            await super().on_partitions_assigned(assigned, generation_id)

        def resume_partitions(self, tps: Iterable[TP]) -> None:
            """Resume partitions; stream (not changelog) partitions with the flow stopped until faust resumes it.

            After recovery faust resumes the stream partitions, seeks them to the committed
            offsets, then resumes the app's flow control, which empties every stream's
            queue, and only then the consumer's flow. Records delivered while it sought
            were emptied with the queues (seen: a raw record and 156 tally updates), and
            nothing fetched them again where the group had committed nothing: a version
            of an article never applied, a raw partition never done. Stopped here, the
            flow delivers nothing until faust resumes it after emptying the queues.
            """
            tps = set(tps)
            changelogs = self.app.tables.changelog_topics
            if any(tp.topic not in changelogs for tp in tps):
                self.stop_flow()
            super().resume_partitions(tps)

    return Consumer


def committed_offsets(consumer: Any) -> Mapping[Any, int | None]:
    """The offsets faust committed (or found committed) per assigned partition, after its seek.

    Progress reporting starts from them; faust keeps them only in this private mapping.
    """
    committed: Mapping[Any, int | None] = consumer._committed_offset  # noqa: SLF001 - faust's own view after its seek
    return committed


async def refresh_metadata(consumer: AIOKafkaConsumer) -> None:
    """Ask the broker for fresh metadata now: a new client may not know a topic created a moment ago."""
    await consumer._client.force_metadata_update()  # noqa: SLF001 - aiokafka has no public refresh


EXACT_KEYS_BELOW = 10_000  # up to about this many keys a table's stores are counted key by key (milliseconds)


def stored_keys(table: Any) -> int:
    """How many keys a faust table holds: counted in its open partition stores when they are small, RocksDB's
    estimate past that, or the in-memory table's size.

    ``len()`` of a table on disk counts by reading every key of every partition store (faust's ``Store._size``):
    the status page would cost as much as the whole history. faust keeps the open stores in a private mapping.
    """
    store = table.data
    if not isinstance(store, RocksDBStore):
        return len(table)
    databases = list(store._dbs.values())  # noqa: SLF001 - faust's open partition stores
    estimate = sum(int(db.property_int_value("rocksdb.estimate-num-keys") or 0) for db in databases)
    if estimate <= EXACT_KEYS_BELOW:  # the estimate counts a key written twice twice until compaction: small, count
        return sum(1 for db in databases for key in db.keys() if key != store.offset_key)
    return max(0, estimate - sum(db.get(store.offset_key) is not None for db in databases))  # less faust's offset keys


def stamp_error_responses(headers: Mapping[str, str]) -> None:
    """Put ``headers`` on the responses aiohttp builds itself: to a request it could not parse (400), and to a
    handler that raised (500) or timed out.

    Every other response gets them through the application's public ``on_response_prepare``
    signal (:mod:`streams.view.web_policy`), which aiohttp does not send for a request it could
    not route; without this, such an answer named aiohttp's and Python's versions in its
    ``Server`` header. Applies to every aiohttp server of the process (a worker runs one);
    calling it again replaces the headers.
    """
    original = getattr(RequestHandler.handle_error, "__wrapped__", RequestHandler.handle_error)

    @functools.wraps(original)
    def handle_error(self: RequestHandler, *args: Any, **kwargs: Any) -> Any:
        response = original(self, *args, **kwargs)
        response.headers.update(headers)
        return response

    RequestHandler.handle_error = handle_error  # type: ignore[method-assign]

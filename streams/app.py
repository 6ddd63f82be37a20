"""The faust application: topics, tables and the two agents.

The agents are thin plumbing around pure functions: :mod:`streams.validation`,
:mod:`streams.extraction`, :mod:`streams.ledger` and :mod:`streams.counting`.

Delivery is at-least-once and every step is idempotent, so the result is exact
on any broker, including one without transactions (the embedded Tansu):

* raw -> derived: the article table remembers the version each article is at;
  a version at or below it changes nothing. Derived events are awaited before the
  table moves on, so a crash in between re-derives the same events (same ids).
* derived -> tallies: tally members are set-like (upsert/retract by id) and carry
  the offset of the record that last changed them.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import tempfile
import time
import weakref
from collections import deque
from pathlib import Path
from typing import Any

import faust
import faust.streams as faust_streams
import orjson
import structlog
from aiokafka import AIOKafkaConsumer, TopicPartition
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread
from faust.transport.drivers.aiokafka import Transport as AIOKafkaTransport

from streams import asof, metrics
from streams.alerts import RECENT_ALERTS, cell_alert
from streams.article import Article
from streams.config import Settings
from streams.counting import Tally, apply_update, moved_out_of_cells, tally_count, tally_updates
from streams.events import Event, derive, derive_many, event_id
from streams.extraction import extractor_version
from streams.ledger import advance, is_stale
from streams.validation import Rejected, parse_raw

log = structlog.get_logger(__name__)


class Progress:
    """The last offset each agent finished, per topic partition: how the demo and /api/status know the worker is idle."""

    def __init__(self) -> None:
        self.done: dict[str, dict[int, int]] = {}
        self.counters: dict[str, int] = {}

    def mark(self, topic: str, partition: int, offset: int) -> None:
        self.done.setdefault(topic, {})[partition] = offset

    def baseline(self, topic: str, partition: int, offset: int) -> None:
        """What was done before this process started (committed), unless it has already gone further."""
        parts = self.done.setdefault(topic, {})
        parts[partition] = max(parts.get(partition, -1), offset)

    def count(self, name: str, n: int = 1) -> None:
        self.counters[name] = self.counters.get(name, 0) + n


def _write_as(event: Any) -> None:
    """Table writes take their changelog partition from faust's current-event context
    variable, which ``take_events`` leaves at the batch's last record: point it at the
    record being applied.

    Only the context variable: ``Stream.current_event`` is what take_events' background
    buffering pairs with the next record, and overwriting it there duplicated one record
    and lost the next whenever records arrived while a batch was being applied.
    """
    faust_streams._current_event.set(weakref.ref(event))  # noqa: SLF001 - faust has no public setter


def _consumer_class(fetch_max_wait_ms: int) -> type[Any]:
    """faust's consumer with a configurable fetch wait (faust hard-codes 1500 ms).

    A broker that does not answer a fetch early when data arrives (the embedded Tansu
    serves the full wait) adds up to that wait to every hop of the pipeline; a short
    wait trades a few empty fetches a second for latency.
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

    class Consumer(AIOKafkaTransport.Consumer):
        logger = library_logger

        def _new_consumer_thread(self) -> ConsumerThread:
            return ConsumerThread(self, loop=self.loop, beacon=self.beacon)

    return Consumer


def _app(settings: Settings) -> faust.App:
    datadir = settings.data_dir or str(Path(tempfile.gettempdir()) / f"newsroom-{settings.app_id}")
    return faust.App(
        settings.app_id,
        broker=f"kafka://{settings.bootstrap}",
        store=settings.store,  # memory:// on one machine; rocksdb:// (faust-streaming[rocksdict]) for large tables
        datadir=datadir,
        topic_partitions=settings.partitions,
        topic_replication_factor=1,
        producer_max_batch_size=1,  # BROKER.md: batched writes break Tansu's latest offsets and changelog recovery
        broker_session_timeout=settings.session_timeout,
        broker_heartbeat_interval=min(3.0, settings.session_timeout / 4),
        consumer_auto_offset_reset="earliest",
        key_serializer="raw",
        value_serializer="raw",
        web_host=settings.web_host,
        web_bind=settings.web_host,  # faust binds every interface unless told: listen only where configured
        web_port=settings.web_port,
        web_in_thread=False,
        table_standby_replicas=0,
    )


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


class Newsroom:
    """The app with its topics, tables and agents, built from one :class:`Settings`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.app = _app(settings)
        self.app.transport.Consumer = _consumer_class(settings.fetch_max_wait_ms)
        self.progress = Progress()
        names, n = settings.topics, settings.partitions
        self.raw = self.app.topic(names.raw, partitions=n)
        self.incidents = self.app.topic(names.incidents, partitions=n)
        self.statements = self.app.topic(names.statements, partitions=n)
        self.deadletter = self.app.topic(names.deadletter, partitions=n)
        self.tallies_topic = self.app.topic(names.tallies, partitions=n, internal=True)
        self.alerts_topic = self.app.topic(names.alerts, partitions=n)
        self.recent_alerts: deque[dict[str, Any]] = deque(maxlen=RECENT_ALERTS)
        json_schema = faust.Schema(key_serializer="json", value_serializer="json")
        self.articles = self.app.Table("articles", default=None, partitions=n, schema=json_schema)
        self.tallies = self.app.Table("tallies", default=None, partitions=n, schema=json_schema)
        # Views of the derived topics, as a subscriber sees them: latest upsert per id, retractions removed.
        self.incident_view = self.app.Table("incident-view", default=None, partitions=n, schema=json_schema)
        self.statement_view = self.app.Table("statement-view", default=None, partitions=n, schema=json_schema)
        self._derived: dict[int, list[Event]] = {}
        self._replay: tuple[bool, dt.datetime | None] = (False, None)
        self._keep_before: dt.datetime | None = None
        self._rewound: set[int] = set()
        self._after_recovery_task: asyncio.Future[None] | None = None
        self.app.on_rebalance_complete.connect(self._on_rebalanced)
        self.app.agent(self.raw, name="extract")(self._extract_agent)
        self.app.agent(self.tallies_topic, name="tally")(self._tally_agent)
        self.app.task(self._declare_alerts)
        self.app.agent(self.incidents, name="incident-view")(self._view_agent(self.incident_view))
        self.app.agent(self.statements, name="statement-view")(self._view_agent(self.statement_view))

    async def _extract_agent(self, stream: Any) -> None:
        """Raw records in batches: one ``nlp.pipe`` over a batch is much cheaper than one parse per article."""
        async for events in stream.take_events(self.settings.batch_size, within=self.settings.batch_seconds):
            prepared = await self.prepare([event.message for event in events])
            for event, article in zip(events, prepared):
                _write_as(event)
                await self.process(event.message, article)

    async def process(self, message: Any, article: Article | None) -> None:
        """One raw record, in partition order; no input may stop the agent: failures are dead-lettered."""
        try:
            if article is not None:
                await self.apply_article(article, message.offset)
        except Exception as error:
            log.exception("processing failed", topic=message.topic, offset=message.offset)
            await self.dead_letter(message.key, message.value, f"{type(error).__name__}: {error}", "extract")
        self.progress.mark(message.topic, message.partition, message.offset)
        self.progress.count("articles_processed")
        metrics.ARTICLES.inc()

    async def _tally_agent(self, stream: Any) -> None:
        async for event in stream.events():
            message = event.message
            key = message.key.decode()
            update = orjson.loads(message.value)
            cell = self.tallies.get(key) or {}
            # The partition is kept so a worker reports only the cells it owns after a rebalance.
            value = {"partition": message.partition,
                     "members": apply_update(cell.get("members"), update, message.offset)}
            if key.startswith("incidents/"):
                value["history"] = asof.record(cell.get("history"), update, message.offset)
                await self._alert(key, cell.get("members") or {}, value["members"], update, message)
            self.tallies[key] = value
            self.progress.mark(message.topic, message.partition, message.offset)

    async def _declare_alerts(self) -> None:
        """The alerts topic has no consumer here, so faust would not create it: a cluster without
        topic auto-creation would refuse the first alert."""
        await self.alerts_topic.maybe_declare()

    async def _alert(self, key: str, before: Tally, after: Tally, update: dict[str, Any], message: Any) -> None:
        """Tell subscribers of the alerts topic that a count moved (sent before the cell is stored: at-least-once)."""
        alert = cell_alert(key, tally_count(key, before), tally_count(key, after), update, message.partition,
                           message.offset, dt.datetime.now(dt.timezone.utc))
        if alert is None:
            return
        await (await self.alerts_topic.send(key=key.removeprefix("incidents/").encode(), value=orjson.dumps(alert)))
        self.recent_alerts.appendleft(alert)
        log.info("count changed", cell=alert["alert_id"], previous=alert["previous"], count=alert["count"])

    def replay_from(self, since: dt.datetime | None, published_since: dt.datetime | None = None) -> None:
        """Seek each raw partition back once when assigned: to the beginning, or to the first record
        that reached the broker at or after ``since``. With ``published_since``, articles published
        before it that are already derived keep their events (see :func:`streams.ledger.is_stale`).

        The worker moves its own offsets rather than an outside client committing them
        for the group: that needs an empty group, which Tansu never reports (BROKER.md).
        """
        self._replay = (True, since)
        self._keep_before = published_since

    def consumed_topics(self) -> set[str]:
        """The topics the agents read: the only ones where consumer lag means work waiting (changelogs are only written)."""
        return {topic.get_topic_name() for topic in (self.raw, self.tallies_topic, self.incidents, self.statements)}

    def recovering(self) -> bool:
        """Whether the tables may be incomplete: before the first recovery, and while a rebalance recovers them again.

        Not ``app.rebalancing``: faust resets it only when a rebalance needed no recovery, so
        after one that read a changelog it stays set.
        """
        return not self.app.tables.recovery.completed.is_set() or self.app.in_recovery

    async def _on_rebalanced(self, *_: Any, **__: Any) -> None:
        """Faust seeks to the committed offsets only after this signal: wait for that in the background."""
        self._after_recovery_task = asyncio.ensure_future(self._after_recovery())

    async def _after_recovery(self) -> None:
        """Progress starts at the committed offsets; then a pending replay rewinds the raw partitions."""
        await self.app.tables.recovery.completed.wait()
        assigned = list(self.app.consumer.assignment())
        committed = self.app.consumer._committed_offset  # noqa: SLF001 - faust's own view after its seek
        for tp in assigned:
            if committed.get(tp):
                self.progress.baseline(tp.topic, tp.partition, committed[tp] - 1)
        replaying, since = self._replay
        name = self.raw.get_topic_name()
        tps = [tp for tp in assigned if tp.topic == name and tp.partition not in self._rewound]
        if not replaying or not tps:
            return
        for tp, offset in (await replay_offsets(self.settings, tps, since)).items():
            await self.app.consumer.seek(tp, offset)
            self._rewound.add(tp.partition)
            self.progress.mark(tp.topic, tp.partition, offset - 1)
            log.info("replaying raw partition", partition=tp.partition, offset=offset)

    def _view_agent(self, table: Any) -> Any:
        async def view(stream: Any) -> None:
            async for event in stream.events():
                message = event.message
                key, value = message.key.decode(), orjson.loads(message.value)
                if value.get("op") == "retract":
                    table.pop(key, None)
                else:
                    table[key] = {"partition": message.partition, "event": value}
                self.progress.mark(message.topic, message.partition, message.offset)
        return view

    def owned_view(self, table: Any, topic: Any) -> list[Event]:
        """Live derived events of the partitions this worker owns now."""
        owned = {tp.partition for tp in self.app.consumer.assignment() if tp.topic == topic.get_topic_name()}
        return [value["event"] for value in table.values() if value["partition"] in owned]

    def owned_tallies(self) -> list[tuple[str, Any]]:
        """The tally cells of the partitions this worker is assigned now (a memory store keeps revoked ones)."""
        owned = {tp.partition for tp in self.app.consumer.assignment() if tp.topic == self.tallies_topic.get_topic_name()}
        return [(key, value["members"]) for key, value in self.tallies.items() if value["partition"] in owned]

    def owned_histories(self) -> list[tuple[str, asof.History]]:
        """The change history of each incident cell this worker owns now (counts as of a time)."""
        owned = {tp.partition for tp in self.app.consumer.assignment() if tp.topic == self.tallies_topic.get_topic_name()}
        return [(key, value.get("history") or {}) for key, value in self.tallies.items() if value["partition"] in owned]

    async def dead_letter(self, key: bytes | None, value: bytes | None, reason: str, stage: str) -> None:
        headers = {
            "error.reason": reason.encode(),
            "error.stage": stage.encode(),
            "error.at": dt.datetime.now(dt.timezone.utc).isoformat().encode(),
        }
        await (await self.deadletter.send(key=key, value=value, headers=headers))
        self.progress.count("deadlettered")
        metrics.DEADLETTERED.labels(stage).inc()
        log.warning("dead-lettered", reason=reason, stage=stage, key=key)

    async def prepare(self, messages: list[Any]) -> list[Article | None]:
        """Validate a batch and derive, in one pass, every article version that will not be stale.

        Returns the article to apply for each record (None: dead-lettered or re-keyed).
        Extraction results wait in ``self._derived`` for :meth:`apply_article`.
        """
        prepared: list[Article | None] = []
        for message in messages:
            parsed = parse_raw(message.value, self.settings.max_body_bytes)
            if isinstance(parsed, Rejected):
                await self.dead_letter(message.key, message.value, parsed.reason, parsed.stage)
                prepared.append(None)
            elif message.key != parsed.article_id.encode():
                # Versions of an article must meet in one partition to be ordered: re-key, don't guess.
                await (await self.raw.send(key=parsed.article_id.encode(), value=message.value))
                log.info("re-keyed raw article", article_id=parsed.article_id, key=message.key)
                prepared.append(None)
            else:
                prepared.append(parsed)
        version = extractor_version()
        wanted = [a for a in prepared if a is not None and a.action != "kill"
                  and not is_stale(self.articles.get(a.article_id), a, version, self._keep_before)]
        try:
            with metrics.EXTRACTION.time():
                self._derived = dict(zip(map(id, wanted), derive_many(wanted)))
        except Exception:  # one bad article must not fail the batch: apply_article derives them one by one
            log.exception("batch extraction failed; deriving one by one", size=len(wanted))
            self._derived = {}
        return prepared

    def _derive(self, article: Article) -> list[Event]:
        found = self._derived.pop(id(article), None)
        return found if found is not None else derive(article)

    async def apply_article(self, article: Article, offset: int) -> None:
        state = self.articles.get(article.article_id)
        started = time.perf_counter()
        transition = advance(state, article, self._derive, offset, extractor_version(), self._keep_before)
        if transition is None:
            log.info("stale or duplicate version", article_id=article.article_id, version=article.version,
                     current=state["version"])
            return
        await self.emit(transition.events, article, moved_out_of_cells(state and state["live"], transition.events, article))
        self.articles[article.article_id] = transition.state
        log.info("article processed", article_id=article.article_id, version=article.version, action=article.action,
                 events=len(transition.events), ms=round((time.perf_counter() - started) * 1000, 1))

    async def emit(self, events: list[Event], article: Article | None = None,
                   moved: list[tuple[str, dict[str, Any]]] | None = None) -> None:
        """Send derived events and their tally updates, and wait until the broker has them all.

        ``article`` is the version that caused the events: its headline and time go into the tally updates;
        ``moved`` retracts incidents from the cells they left (:func:`streams.counting.moved_out_of_cells`).
        """
        pending = []
        for tally_key, update in moved or []:
            pending.append(await self.tallies_topic.send(key=tally_key.encode(), value=orjson.dumps(update)))
        for event in events:
            topic = self.incidents if event["type"] == "incident" else self.statements
            pending.append(await topic.send(key=event_id(event).encode(), value=orjson.dumps(event)))
            for tally_key, update in tally_updates(event, article):
                pending.append(await self.tallies_topic.send(key=tally_key.encode(), value=orjson.dumps(update)))
        for future in pending:
            await future
        self.progress.count("events_emitted", len(events))
        for event in events:
            metrics.EVENTS.labels(event["type"], event["op"]).inc()

"""The faust application: topics, tables and the two agents.

The agents are thin plumbing around pure functions: :mod:`streams.validation`,
:mod:`streams.extraction`, :mod:`streams.ledger` and :mod:`streams.counting`.

Delivery is at-least-once and every step is idempotent, so the result is exact
on any broker, including one without transactions (the embedded Tansu):

* raw -> derived: the article table remembers the version each article is at;
  a version at or below it changes nothing. Derived events are awaited before the
  table moves on, so a crash in between re-derives the same events (same ids).
* derived -> views: every worker folds the derived topics, all partitions, into
  one whole view (:mod:`streams.view`): latest upsert per id, so duplicates change nothing.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import math
import time
from collections import deque
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

import faust
import orjson
import structlog
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import KafkaError
from faust.exceptions import ProducerSendError

from streams import metrics
from streams.alerts import RECENT_ALERTS, cell_alert
from streams.article import Article
from streams.broker import profile_for
from streams.config import MAX_RECORD_BYTES, BrokerProfile, Settings
from streams.counting import Tally, apply_update, moved_out_of_cells, tally_count, tally_updates
from streams.events import Event, event_id
from streams.extraction import extractor_version
from streams.internals import committed_offsets, consumer_class, write_as
from streams.ledger import Transition, advance, is_stale
from streams.offload import Derived, Extraction, ExtractionFailed, Failed, chunks
from streams.outage import Outage, watch
from streams.validation import Rejected, parse_raw
from streams.view import WholeView, follow
from streams.web_policy import faust_web_options

log = structlog.get_logger(__name__)


class Progress:
    """The last offset each agent finished, per topic partition: how the demo and /api/status know the worker is idle."""

    def __init__(self) -> None:
        self.done: dict[str, dict[int, int]] = {}
        self.counters: dict[str, int] = {}
        # Wall-clock times (s) the first raw batch began and the latest one ended: how fast this process
        # worked through what it was given, start-up and idle waits before the first record left out.
        self.first_batch_at: float | None = None
        self.last_batch_at: float | None = None

    def batch_began(self) -> None:
        if self.first_batch_at is None:
            self.first_batch_at = time.time()

    def batch_ended(self) -> None:
        self.last_batch_at = time.time()

    def mark(self, topic: str, partition: int, offset: int) -> None:
        self.done.setdefault(topic, {})[partition] = offset

    def baseline(self, topic: str, partition: int, offset: int) -> None:
        """What was done before this process started (committed), unless it has already gone further."""
        parts = self.done.setdefault(topic, {})
        parts[partition] = max(parts.get(partition, -1), offset)

    def count(self, name: str, n: int = 1) -> None:
        self.counters[name] = self.counters.get(name, 0) + n


def faust_app(settings: Settings, profile: BrokerProfile) -> faust.App:
    """The faust app, tuned for the broker's profile and replicated as configured (every topic faust creates too),
    its consumer with the configured fetch wait (:func:`streams.internals.consumer_class`)."""
    datadir = settings.data_path(f"faust-{settings.app_id}")  # the app's local state, one folder per consumer group
    tuning: dict[str, Any] = {}
    if profile.producer_max_batch_size is not None:
        tuning["producer_max_batch_size"] = profile.producer_max_batch_size
    session_timeout = settings.session_timeout or profile.session_timeout
    if session_timeout is not None:
        tuning.update(broker_session_timeout=session_timeout, broker_heartbeat_interval=min(3.0, session_timeout / 4))
    log.info("faust tuned for the broker", profile=profile.name, replication_factor=settings.replication_factor,
             min_insync_replicas=settings.min_insync_replicas, **tuning)
    app = faust.App(
        settings.app_id,
        broker=f"kafka://{settings.bootstrap}",
        store=settings.store,  # memory:// on one machine; rocksdb:// (faust-streaming[rocksdict]) for large tables
        datadir=datadir,
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        producer_max_request_size=MAX_RECORD_BYTES,  # a dead letter is as large as the raw record, plus headers
        consumer_auto_offset_reset="earliest",
        key_serializer="raw",
        value_serializer="raw",
        web_host=settings.web_host,
        web_bind=settings.web_host,  # faust binds every interface unless told: listen only where configured
        web_port=settings.web_port,
        web_in_thread=False,
        table_standby_replicas=0,
        **tuning,
        **faust_web_options(settings),  # faust's own web routes off, the request-head timeout (streams.web_policy)
    )
    app.transport.Consumer = consumer_class(settings.fetch_max_wait_ms)
    return app


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


SEND_RETRY_FIRST = 0.5  # seconds before the first retry of a failed send; doubled each time
SEND_RETRY_MAX = 30.0


async def until_acknowledged(what: str, send: Callable[[], Awaitable[None]]) -> None:
    """Run ``send`` until the broker acknowledges it, backing off between failed attempts.

    A broker outage (every broker down, too few in-sync replicas, a leader moving)
    delays a record; it never turns a valid article into a dead letter. Re-sending is
    safe: derived events have deterministic ids and consumers keep the latest per id.
    """
    delay = SEND_RETRY_FIRST
    while True:
        try:
            await send()
            return
        except (KafkaError, ProducerSendError) as error:
            metrics.SEND_RETRIES.labels(what).inc()
            log.warning("send not acknowledged; retrying", what=what, error=repr(error), retry_in=delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, SEND_RETRY_MAX)


class Newsroom:
    """The app with its topics, tables and agents, built from one :class:`Settings`."""

    def __init__(self, settings: Settings, extraction: Extraction) -> None:
        self.settings = settings
        self.extraction = extraction
        self.app = faust_app(settings, profile_for(settings))
        self.progress = Progress()
        names, n = settings.topics, settings.partitions
        config = settings.topic_config()  # changelogs too, through extra_topic_configs
        self.raw = self.app.topic(names.raw, partitions=n, config=config)
        self.incidents = self.app.topic(names.incidents, partitions=n, config=config)
        self.statements = self.app.topic(names.statements, partitions=n, config=config)
        self.deadletter = self.app.topic(names.deadletter, partitions=n, config=settings.deadletter_config())
        self.tallies_topic = self.app.topic(names.tallies, partitions=n, internal=True, config=config)
        self.alerts_topic = self.app.topic(names.alerts, partitions=n, config=config)
        self.recent_alerts: deque[dict[str, Any]] = deque(maxlen=RECENT_ALERTS)
        json_schema = faust.Schema(key_serializer="json", value_serializer="json")
        self.articles = self.app.Table("articles", default=None, partitions=n, schema=json_schema,
                                       extra_topic_configs=config)
        # The members of the count cells this worker owns, to tell when a count moves (alerts).
        self.tallies = self.app.Table("tallies", default=None, partitions=n, schema=json_schema,
                                      extra_topic_configs=config)
        self.view = WholeView(tally_topic=names.tallies)
        self._replay: tuple[bool, dt.datetime | None] = (False, None)
        self._keep_before: dt.datetime | None = None
        self._rewound: set[int] = set()
        self._after_recovery_task: asyncio.Future[None] | None = None
        self.app.on_rebalance_complete.connect(self._on_rebalanced)
        self.app.agent(self.raw, name="extract")(self._extract_agent)
        self.app.agent(self.tallies_topic, name="tally")(self._tally_agent)
        self.app.task(self._declare_alerts)
        # The model loads (in the extraction processes) beside faust's start-up and rebalance; the first
        # batch waits for it, not for a load started by that batch.
        self.app.task(self.extraction.start)
        self.app.task(self._follow_view)
        self.outage = Outage(settings.bootstrap)
        self.app.task(self._watch_broker)

    async def _extract_agent(self, stream: Any) -> None:
        """Raw records in batches: one ``nlp.pipe`` over a batch is much cheaper than one parse per article,
        and one wait for the broker's acknowledgements of the whole batch cheaper than one per article."""
        async for events in stream.take_events(self.settings.batch_size, within=self.settings.batch_seconds):
            self.progress.batch_began()
            await self.process_events(events)
            self.progress.batch_ended()

    async def process_events(self, events: list[Any]) -> None:
        """A batch taken from the raw topic, in runs of ``extract_batch_size`` records, all handed to the
        extraction processes at once: while one run is applied (its events sent and acknowledged, its
        ledger moved), they derive the next ones, so neither side waits for the other. Every run is done
        before the batch's offsets are acknowledged to faust."""
        prepared = await self.validate([event.message for event in events])
        runs = chunks(list(zip(events, prepared)), math.ceil(len(events) / self.settings.extract_batch_size))
        extracting = [asyncio.ensure_future(self.derive([article for _, article in run])) for run in runs]
        try:
            for run, derived in zip(runs, extracting):
                await self.process_batch([event for event, _ in run], [article for _, article in run], await derived)
        finally:
            for pending in extracting:
                pending.cancel()  # the agent stopped mid-batch (a rebalance): the later runs are not wanted

    async def process_batch(self, events: list[Any], prepared: list[Article | None],
                            derived: dict[int, Derived]) -> None:
        """A run of raw records, in partition order, done only once the broker has everything it derived.

        ``derived`` holds what :meth:`derive` found for the run's articles (by ``id``).
        Each article's transition starts from the state the one before it in the batch left
        (two versions of one article may share a batch). All derived events and tally updates
        of the batch are sent, then awaited together; only then does the ledger table move, so
        a crash in between re-derives the same events (same ids), as with one article at a time.

        An article extraction cannot handle is dead-lettered (no event of it was sent); a
        send the broker does not acknowledge is retried until it does, never dead-lettered:
        the article is valid, the broker is what failed.
        """
        started = time.perf_counter()
        states: dict[str, Any] = {}  # the batch's own ledger writes, not yet in the table
        applied: list[tuple[Any, Article, Transition, list[tuple[str, dict[str, Any]]]]] = []
        for event, article in zip(events, prepared):
            if article is None:
                continue
            state = states[article.article_id] if article.article_id in states else self.articles.get(article.article_id)
            transition = await self._transition(event.message, article, state, derived)
            if transition is not None:
                states[article.article_id] = transition.state
                applied.append((event, article, transition, moved_out_of_cells(state and state["live"],
                                                                                transition.events, article)))
        if applied:
            await until_acknowledged("derived events", lambda: self.emit_many(
                [(transition.events, article, moved) for _, article, transition, moved in applied]))
        for event, article, transition, _ in applied:
            write_as(event)
            self.articles[article.article_id] = transition.state
        if applied:
            log.info("batch processed", articles=len(applied), events=sum(len(t.events) for _, _, t, _ in applied),
                     ms=round((time.perf_counter() - started) * 1000, 1))
        for event in events:
            message = event.message
            self.progress.mark(message.topic, message.partition, message.offset)
        self.progress.count("articles_processed", len(events))
        metrics.ARTICLES.inc(len(events))

    async def _tally_agent(self, stream: Any) -> None:
        """Each count cell has one owner (the tally topic's partition): it alone tells the alerts topic
        when the cell's count moves. What the API shows is the whole view's fold of the same topic."""
        async for event in stream.events():
            message = event.message
            key = message.key.decode()
            update = orjson.loads(message.value)
            before = self.tallies.get(key) or {}
            after = apply_update(before, update, message.offset)
            if key.startswith("incidents/"):
                await self._alert(key, before, after, update, message)
            self.tallies[key] = after
            self.progress.mark(message.topic, message.partition, message.offset)

    async def _transition(self, message: Any, article: Article, state: Any,
                          derived: dict[int, Derived]) -> Transition | None:
        """Where the article moves its derived ``state``; None when it is stale, or when extraction failed (dead-lettered)."""
        version = extractor_version()
        if (article.action != "kill" and id(article) not in derived
                and not is_stale(state, article, version, self._keep_before)):
            # derive() takes what the ledger table says is new; the batch's own earlier versions can only
            # make more of it stale, never less, so this is for safety, not for speed.
            derived.update(await self.derive([article]))

        def found(article: Article) -> list[Event]:
            result = derived[id(article)]
            if isinstance(result, Failed):
                raise ExtractionFailed(result.reason)
            return result

        try:
            transition = advance(state, article, found, message.offset, version, self._keep_before)
        except ExtractionFailed as failed:  # logged where it raised, in the extraction process
            await self.dead_letter(message.key, message.value, str(failed), "extract")
            return None
        except Exception as error:
            log.exception("deriving the article's new state failed", topic=message.topic, offset=message.offset)
            await self.dead_letter(message.key, message.value, f"{type(error).__name__}: {error}", "extract")
            return None
        if transition is None:
            log.info("stale or duplicate version", article_id=article.article_id, version=article.version,
                     current=state["version"])
        return transition

    async def _follow_view(self) -> None:
        """The whole view of the derived topics (declared first: no agent of this app subscribes to the first two)."""
        followed = (self.incidents, self.statements, self.tallies_topic)
        for topic in followed:
            await topic.maybe_declare()
        await follow(self.settings, self.view, [topic.get_topic_name() for topic in followed])

    async def _watch_broker(self) -> None:
        await watch(self.outage)

    def unready_reason(self) -> str | None:
        """Why ``/api/ready`` answers 503, or None when it answers 200: no broker answers, a part of
        :meth:`recovering` is not done, or an agent crashed (faust restarts one whose actor crashed;
        a crashed agent service processes nothing)."""
        if (gone := self.outage.reason(time.monotonic())) is not None:
            return gone
        waiting = self._recovering_parts() + sorted(f"agent {a.name} crashed" for a in self.app.agents.values()
                                                    if a.crashed)
        return "; ".join(waiting) or None

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

    def held(self) -> dict[str, int]:
        """How much this worker holds in memory: ledger entries, owned count cells, and the whole view
        (what its peak memory is reported beside)."""
        return {"articles": len(self.articles), "owned_cells": len(self.tallies), "incidents": len(self.view.incidents),
                "statements": len(self.view.statements), "cells": len(self.view.tallies)}

    def consumed_topics(self) -> set[str]:
        """The topics the agents read: the only ones where consumer lag means work waiting (changelogs are only written;
        the whole view reads the derived topics with a consumer of its own, outside the group)."""
        return {topic.get_topic_name() for topic in (self.raw, self.tallies_topic)}

    def recovering(self) -> bool:
        """Whether the tables may be incomplete: before the first recovery, while a rebalance recovers
        them again, and until the whole view has read what was written before the worker started.

        Not ``app.rebalancing``: faust resets it only when a rebalance needed no recovery, so
        after one that read a changelog it stays set. A replay's rewind counts as recovery: a
        replay that asked for the offsets in between would find the raw topic already done. Until the
        extraction processes have loaded their model, the first records would wait for it: not ready either.
        """
        return bool(self._recovering_parts())

    def _recovering_parts(self) -> list[str]:
        """What :meth:`recovering` waits for, one phrase each (``/api/ready`` gives them as its reason)."""
        done = {"recovering the tables from their changelogs":
                    self.app.tables.recovery.completed.is_set() and not self.app.in_recovery,
                "reading the derived topics: answers would be partial": self.view.ready,
                "settling after a rebalance": not self._settling(),
                "loading the extraction model": self.extraction.ready}
        return [part for part, finished in done.items() if not finished]

    def _settling(self) -> bool:
        """Whether the work after a rebalance is pending: until the progress starts at the committed offsets and a
        replay has rewound the raw partitions, the offsets reported say "done" for records about to be re-read."""
        return self._after_recovery_task is not None and not self._after_recovery_task.done()

    async def _on_rebalanced(self, *_: Any, **__: Any) -> None:
        """Faust seeks to the committed offsets only after this signal: wait for that in the background."""
        self._after_recovery_task = asyncio.ensure_future(self._after_recovery())

    async def _after_recovery(self) -> None:
        """Progress starts at the committed offsets; then a pending replay rewinds the raw partitions."""
        await self.app.tables.recovery.completed.wait()
        assigned = list(self.app.consumer.assignment())
        committed = committed_offsets(self.app.consumer)
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

    async def dead_letter(self, key: bytes | None, value: bytes | None, reason: str, stage: str) -> None:
        headers = {
            "error.reason": reason.encode(),
            "error.stage": stage.encode(),
            "error.at": dt.datetime.now(dt.timezone.utc).isoformat().encode(),
        }
        async def send() -> None:
            await (await self.deadletter.send(key=key, value=value, headers=headers))

        await until_acknowledged("dead letter", send)
        self.progress.count("deadlettered")
        metrics.DEADLETTERED.labels(stage).inc()
        log.warning("dead-lettered", reason=reason, stage=stage, key=key)

    async def validate(self, messages: list[Any]) -> list[Article | None]:
        """The article to apply for each raw record; None for one dead-lettered or re-keyed."""
        prepared: list[Article | None] = []
        for message in messages:
            parsed = parse_raw(message.value, self.settings.max_body_bytes)
            if isinstance(parsed, Rejected):
                await self.dead_letter(message.key, message.value, parsed.reason, parsed.stage)
                prepared.append(None)
            elif message.key != parsed.article_id.encode():
                # Versions of an article must meet in one partition to be ordered: re-key, don't guess.
                await until_acknowledged("re-keyed article", partial(self._send_raw, parsed.article_id, message.value))
                log.info("re-keyed raw article", article_id=parsed.article_id, key=message.key)
                prepared.append(None)
            else:
                prepared.append(parsed)
        return prepared

    async def derive(self, articles: list[Article | None]) -> dict[int, Derived]:
        """What each article version that the ledger table does not call stale derives, by ``id(article)``."""
        version = extractor_version()
        wanted = [a for a in articles if a is not None and a.action != "kill"
                  and not is_stale(self.articles.get(a.article_id), a, version, self._keep_before)]
        with metrics.EXTRACTION.time():
            return dict(zip(map(id, wanted), await self.extraction.derive(wanted)))

    async def _send_raw(self, article_id: str, value: bytes) -> None:
        await (await self.raw.send(key=article_id.encode(), value=value))

    async def emit_many(self, derived: list[tuple[list[Event], Article | None, list[tuple[str, dict[str, Any]]]]]) -> None:
        """Send the derived events and tally updates of several articles, and wait until the broker has them all.

        Each entry is (events, the article version that caused them, tally retractions of incidents that
        moved cell, :func:`streams.counting.moved_out_of_cells`): the article's headline and time go into
        the tally updates. Each record is encoded once, however many cells it updates.
        """
        pending = []
        for events, article, moved in derived:
            for tally_key, update in moved:
                pending.append(await self.tallies_topic.send(key=tally_key.encode(), value=orjson.dumps(update)))
            for event in events:
                topic = self.incidents if event["type"] == "incident" else self.statements
                pending.append(await topic.send(key=event_id(event).encode(), value=orjson.dumps(event)))
                updates = tally_updates(event, article)
                encoded = orjson.dumps(updates[0][1]) if updates else b""  # one update, one or more cells
                for tally_key, _ in updates:
                    pending.append(await self.tallies_topic.send(key=tally_key.encode(), value=encoded))
        await asyncio.gather(*pending)
        for events, _, _ in derived:
            self.progress.count("events_emitted", len(events))
            for event in events:
                metrics.EVENTS.labels(event["type"], event["op"]).inc()

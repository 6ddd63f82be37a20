"""The faust application: topics, tables and the two agents.

The agents are thin plumbing around pure functions: :mod:`streams.model.validation`,
:mod:`streams.extraction`, :mod:`streams.model.ledger` and :mod:`streams.model.counting`.

Delivery is at-least-once and every step is idempotent, so the result is exact
on any broker, including one without transactions (the embedded Tansu):

* raw -> derived: the article table remembers the version each article is at;
  a version at or below it changes nothing. Derived events are awaited before the
  table moves on, so a crash in between re-derives the same events (same ids).
* derived -> views: every worker folds the derived topics, all partitions, into
  one whole view (:mod:`streams.view.whole`): latest upsert per id, so duplicates change nothing.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import math
import time
from collections import deque
from dataclasses import dataclass
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, TypeVar

import faust
import orjson
import structlog
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import KafkaError
from faust.exceptions import ProducerSendError

from streams.agents import metrics
from streams.agents.internals import committed_offsets, consumer_class, write_as
from streams.agents.offload import Derived, Extraction, ExtractionFailed, Failed, chunks
from streams.agents.outage import Outage, watch
from streams.config import MAX_RECORD_BYTES, BrokerProfile, Settings
from streams.extraction import extractor_version
from streams.kafka.broker import profile_for
from streams.model.alerts import RECENT_ALERTS, Alert, cell_alert
from streams.model.article import Article
from streams.model.counting import apply_update, moved_out_of_cells, tally_count, tally_updates
from streams.model.deadletter import DeadLetter, too_large
from streams.model.events import Event, event_id
from streams.model.ledger import ArticleState, Transition, advance, is_stale
from streams.model.tallies import Tally, TallyUpdate, tally_from_json, tally_to_json
from streams.model.tally_records import BadTally, decode_tally
from streams.model.validation import Rejected, parse_raw
from streams.view.web_policy import faust_web_options
from streams.view.whole import WholeView, follow

log = structlog.get_logger(__name__)
T = TypeVar("T")


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
    its consumer with the configured fetch wait (:func:`streams.agents.internals.consumer_class`)."""
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
        **faust_web_options(settings),  # faust's own web routes off, the request-head timeout (streams.view.web_policy)
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


class RecordTooLarge(Exception):
    """A send the broker or the producer refuses for its size: retrying cannot succeed."""


SEND_RETRY_FIRST = 0.5  # seconds before the first retry of a failed send; doubled each time
SEND_RETRY_MAX = 30.0


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
        self.recent_alerts: deque[Alert] = deque(maxlen=RECENT_ALERTS)
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
        states: dict[str, ArticleState | None] = {}  # the batch's own ledger writes, not yet in the table
        applied: list[Applied] = []
        for event, article in zip(events, prepared):
            if article is not None:
                step = await self.guarded(event.message, "extract",
                                          partial(self._apply_step, event, article, states, derived))
                if step is not None:
                    applied.append(step)
        applied = await self._send_applied(applied)
        self.count_emitted(applied)
        for step in applied:
            write_as(step.event)
            self.articles[step.article.article_id] = step.transition.state.to_json()
        if applied:
            log.info("batch processed", articles=len(applied), events=sum(len(s.transition.events) for s in applied),
                     ms=round((time.perf_counter() - started) * 1000, 1))
        for event in events:
            message = event.message
            self.progress.mark(message.topic, message.partition, message.offset)
        self.progress.count("articles_processed", len(events))
        metrics.ARTICLES.inc(len(events))

    async def _apply_step(self, event: Any, article: Article, states: dict[str, ArticleState | None],
                          derived: dict[int, Derived]) -> Applied | None:
        """One article's transition and the records it sends; None when stale or dead-lettered."""
        state = states[article.article_id] if article.article_id in states else self._ledger(article.article_id)
        transition = await self._transition(event.message, article, state, derived)
        if transition is None:
            return None
        moved = moved_out_of_cells(state and state.live, transition.events, article)
        step = Applied(event, article, transition, self.outgoing(transition.events, article, moved))
        states[article.article_id] = transition.state
        return step

    async def _send_applied(self, applied: list[Applied]) -> list[Applied]:
        """Send every record of the batch and wait for all acknowledgements; the steps whose records are in.

        When the broker or producer refuses a record for its size, the articles are sent one by one and the one
        whose records cannot be sent is dead-lettered (some of its events may be live: their ids are its own).
        """
        if not applied:
            return applied
        try:
            await until_acknowledged("derived events", partial(self.send_all, [r for s in applied for r in s.records]))
            return applied
        except RecordTooLarge:
            log.warning("a derived record is too large to send; sending the batch article by article")
        sent = []
        for step in applied:
            try:
                await until_acknowledged("derived events", partial(self.send_all, step.records))
                sent.append(step)
            except RecordTooLarge as error:
                message = step.event.message
                await self.dead_letter(message.key, message.value, f"a derived record is too large to send: {error}",
                                       "emit")
        return sent

    async def _tally_agent(self, stream: Any) -> None:
        """Each count cell has one owner (the tally topic's partition): it alone tells the alerts topic
        when the cell's count moves. What the API shows is the whole view's fold of the same topic.
        A record that is no tally update (:mod:`streams.model.tally_records`) is dead-lettered, never folded."""
        async for event in stream.events():
            message = event.message
            await self.guarded(message, "tally", partial(self._tally_one, message))
            self.progress.mark(message.topic, message.partition, message.offset)

    async def _tally_one(self, message: Any) -> None:
        record = decode_tally(message.key, message.value)
        if isinstance(record, BadTally):
            await self.dead_letter(message.key, message.value, record.reason, "tally")
            return
        before = tally_from_json(self.tallies.get(record.cell))
        after = apply_update(before, record.update, message.offset)
        if record.cell.startswith("incidents/"):
            await self._alert(record.cell, before, after, record.update, message)
        self.tallies[record.cell] = tally_to_json(after)

    async def _transition(self, message: Any, article: Article, state: ArticleState | None,
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
                     current=state and state.version)
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

    async def _alert(self, key: str, before: Tally, after: Tally, update: TallyUpdate, message: Any) -> None:
        """Tell subscribers of the alerts topic that a count moved (sent before the cell is stored: at-least-once)."""
        alert = cell_alert(key, tally_count(key, before), tally_count(key, after), update, message.partition,
                           message.offset, dt.datetime.now(dt.timezone.utc))
        if alert is None:
            return
        await until_acknowledged("alert", partial(self.send_all, [
            Outgoing(self.alerts_topic, key.removeprefix("incidents/").encode(), alert.encode())]))
        self.recent_alerts.appendleft(alert)
        log.info("count changed", cell=alert.alert_id, previous=alert.previous, count=alert.count)

    def replay_from(self, since: dt.datetime | None, published_since: dt.datetime | None = None) -> None:
        """Seek each raw partition back once when assigned: to the beginning, or to the first record
        that reached the broker at or after ``since``. With ``published_since``, articles published
        before it that are already derived keep their events (see :func:`streams.model.ledger.is_stale`).

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
        """The record to the dead-letter topic with why, retried until acknowledged; a record too large for the
        topic goes with its value cut (:meth:`streams.model.deadletter.DeadLetter.smaller`)."""
        for letter in DeadLetter.of(key, value, reason, stage).smaller():
            try:
                await until_acknowledged("dead letter", partial(self._send_dead_letter, letter))
                break
            except RecordTooLarge as error:
                log.warning("dead letter too large to send; cutting its value", error=str(error),
                            size=len(letter.value or b""))
        else:  # not even its key and headers were taken: nothing more can be sent of it
            log.error("a record could not be dead-lettered, even cut to its key and headers", stage=stage)
        self.progress.count("deadlettered")
        metrics.DEADLETTERED.labels(stage).inc()
        log.warning("dead-lettered", reason=letter.reason[:1000], stage=stage, key=key and key[:200])

    async def _send_dead_letter(self, letter: DeadLetter) -> None:
        await (await self.deadletter.send(key=letter.key, value=letter.value, headers=letter.headers))

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

    async def validate(self, messages: list[Any]) -> list[Article | None]:
        """The article to apply for each raw record; None for one dead-lettered or re-keyed."""
        return [await self.guarded(message, "validate", partial(self._validate_one, message)) for message in messages]

    async def _validate_one(self, message: Any) -> Article | None:
        parsed = parse_raw(message.value, self.settings.limits)
        if isinstance(parsed, Rejected):
            await self.dead_letter(message.key, message.value, parsed.reason, parsed.stage)
            return None
        if message.key != parsed.article_id.encode():
            # Versions of an article must meet in one partition to be ordered: re-key, don't guess.
            await until_acknowledged("re-keyed article", partial(self._send_raw, parsed.article_id, message.value))
            log.info("re-keyed raw article", article_id=parsed.article_id, key=message.key)
            return None
        return parsed

    async def derive(self, articles: list[Article | None]) -> dict[int, Derived]:
        """What each article version that the ledger table does not call stale derives, by ``id(article)``.

        Should the extraction of the run raise (not an article's own failure, which comes back as
        :class:`Failed`), each article is derived alone, so one article's trouble fails only that article.
        """
        version = extractor_version()
        wanted = [a for a in articles if a is not None and a.action != "kill" and not self._stale(a, version)]
        with metrics.EXTRACTION.time():
            try:
                found = await self.extraction.derive(wanted)
            except Exception:
                log.exception("extraction of a run failed; deriving its articles one by one", size=len(wanted))
                found = [await self._derive_alone(article) for article in wanted]
        return dict(zip(map(id, wanted), found))

    def _stale(self, article: Article, version: str) -> bool:
        try:
            return is_stale(self._ledger(article.article_id), article, version, self._keep_before)
        except Exception:  # derived anyway: applying it meets the same trouble and dead-letters it
            log.exception("the ledger state of an article could not be read", article_id=article.article_id)
            return False

    def _ledger(self, article_id: str) -> ArticleState | None:
        """The article's state in the ledger table, decoded from the table's JSON."""
        return ArticleState.from_json(self.articles.get(article_id))

    async def _derive_alone(self, article: Article) -> Derived:
        try:
            (found,) = await self.extraction.derive([article])
            return found
        except Exception as error:
            log.exception("extraction failed", article_id=article.article_id, version=article.version)
            return Failed(f"{type(error).__name__}: {error}"[:2000])

    async def _send_raw(self, article_id: str, value: bytes) -> None:
        await (await self.raw.send(key=article_id.encode(), value=value))

    def outgoing(self, events: list[Event], article: Article | None,
                 moved: list[tuple[str, TallyUpdate]]) -> list[Outgoing]:
        """The records one article version sends: its derived events and their tally updates.

        ``moved`` holds tally retractions of incidents that moved cell (:func:`streams.model.counting.moved_out_of_cells`);
        the article's headline and time go into the tally updates. Each record is encoded once, however many cells
        it updates.
        """
        records = [Outgoing(self.tallies_topic, tally_key.encode(), update.encode())
                   for tally_key, update in moved]
        for event in events:
            topic = self.incidents if event["type"] == "incident" else self.statements
            records.append(Outgoing(topic, event_id(event).encode(), orjson.dumps(event)))
            updates = tally_updates(event, article)
            encoded = updates[0][1].encode() if updates else b""  # one update, one or more cells
            records.extend(Outgoing(self.tallies_topic, tally_key.encode(), encoded) for tally_key, _ in updates)
        return records

    async def send_all(self, records: list[Outgoing]) -> None:
        """Send the records and wait until the broker has them all."""
        pending = [await record.topic.send(key=record.key, value=record.value) for record in records]
        await asyncio.gather(*pending)

    def count_emitted(self, applied: list[Applied]) -> None:
        for step in applied:
            self.progress.count("events_emitted", len(step.transition.events))
            for event in step.transition.events:
                metrics.EVENTS.labels(event["type"], event["op"]).inc()


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One record a batch sends: to a derived topic or the tally topic."""

    topic: Any  # a faust topic
    key: bytes
    value: bytes


@dataclass(frozen=True, slots=True)
class Applied:
    """An article version of a batch that moves its ledger state, with the records that move it."""

    event: Any  # the faust event of its raw record
    article: Article
    transition: Transition
    records: list[Outgoing]

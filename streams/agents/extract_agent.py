"""The extract agent: raw records in batches, their derived events and tally updates out, the ledger moved.

One ``nlp.pipe`` over a batch is much cheaper than one parse per article, and one wait for the broker's
acknowledgements of the whole batch cheaper than one per article.
"""

from __future__ import annotations

import asyncio
import math
import time
from dataclasses import dataclass
from functools import partial
from typing import Any

import structlog

from streams.agents import metrics
from streams.agents.declarations import Declarations
from streams.agents.internals import write_as
from streams.agents.intake import Intake
from streams.agents.ledger_table import LedgerTable
from streams.agents.offload import ExtractionFailed, Failed, chunks
from streams.agents.progress import Progress
from streams.agents.run_extraction import RawRecord, RunExtraction
from streams.agents.sending import DeadLetters, Outgoing, RecordTooLarge, send_all, until_acknowledged
from streams.config import Settings
from streams.extraction import extractor_version
from streams.model.article import Article
from streams.model.counting import moved_out_of_cells, tally_updates
from streams.model.events import Event, Upsert, encode_event, event_type
from streams.model.ledger import ArticleState, Transition, advance
from streams.model.tallies import TallyUpdate

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class Applied:
    """An article version of a batch that moves its ledger state, with the records that move it."""

    event: Any  # the faust event of its raw record
    article: Article
    transition: Transition
    records: list[Outgoing]


class ExtractAgent:
    """Applies runs of raw records in partition order; a run is done only once the broker has all it derived."""

    def __init__(self, settings: Settings, declared: Declarations, ledger: LedgerTable, intake: Intake,
                 runs: RunExtraction, letters: DeadLetters, progress: Progress) -> None:
        self.settings, self.declared, self.ledger, self.intake = settings, declared, ledger, intake
        self.runs, self.letters, self.progress = runs, letters, progress

    async def run(self, stream: Any) -> None:
        """The agent: the raw topic in batches of up to ``batch_size`` records or ``batch_seconds``."""
        async for events in stream.take_events(self.settings.batch_size, within=self.settings.batch_seconds):
            self.progress.batch_began()
            await self.process_events(events)
            self.progress.batch_ended()

    async def process_events(self, events: list[Any]) -> None:
        """A batch, in runs of ``extract_batch_size`` records, all handed to the extraction processes at once:
        while one run is applied (its events sent and acknowledged, its ledger moved), they extract the next
        ones, so neither side waits for the other. Every run is done before the batch's offsets are
        acknowledged to faust."""
        prepared = await self.intake.validate([event.message for event in events])
        runs = chunks(list(zip(events, prepared)), math.ceil(len(events) / self.settings.extract_batch_size))
        extracting = [asyncio.ensure_future(self.runs.pair(run)) for run in runs]
        try:
            for pairing in extracting:
                await self.process_run(await pairing)
        finally:
            for pending in extracting:
                pending.cancel()  # the agent stopped mid-batch (a rebalance): the later runs are not wanted

    async def process_run(self, records: list[RawRecord]) -> None:
        """A run of raw records, each with what extraction found for it.

        Each article's transition starts from the state the one before it in the run left (two versions of one
        article may share a run). All derived events and tally updates of the run are sent, then awaited
        together; only then does the ledger table move, so a crash in between re-derives the same events (same
        ids), as with one article at a time.

        An article extraction cannot handle is dead-lettered (no event of it was sent); a send the broker does
        not acknowledge is retried until it does, never dead-lettered: the article is valid, the broker is what
        failed.
        """
        started = time.perf_counter()
        states: dict[str, ArticleState | None] = {}  # the run's own ledger writes, not yet in the table
        applied: list[Applied] = []
        for record in records:
            if record.article is not None:
                step = await self.letters.guarded(record.event.message, "extract",
                                                  partial(self.apply_step, record, record.article, states))
                if step is not None:
                    applied.append(step)
        applied = await self._send_applied(applied)
        self._count_emitted(applied)
        for step in applied:
            write_as(step.event)
            self.ledger.put(step.article.article_id, step.transition.state)
        if applied:
            log.info("batch processed", articles=len(applied), events=sum(len(s.transition.events) for s in applied),
                     ms=round((time.perf_counter() - started) * 1000, 1))
        for record in records:
            message = record.event.message
            self.progress.mark(message.topic, message.partition, message.offset)
        self.progress.count("articles_processed", len(records))
        metrics.ARTICLES.inc(len(records))

    async def apply_step(self, record: RawRecord, article: Article,
                         states: dict[str, ArticleState | None]) -> Applied | None:
        """One article's transition and the records it sends; None when stale or dead-lettered."""
        state = states[article.article_id] if article.article_id in states else self.ledger.get(record.event, article.article_id)
        transition = await self._transition(record, article, state)
        if transition is None:
            return None
        moved = moved_out_of_cells(state.live if state else None, transition.events, article)
        step = Applied(record.event, article, transition, outgoing(self.declared, transition.events, article, moved))
        states[article.article_id] = transition.state
        return step

    async def _transition(self, record: RawRecord, article: Article, state: ArticleState | None) -> Transition | None:
        """Where the article moves its ``state``; None when it is stale, or when extraction failed (dead-lettered)."""
        message, version, derived = record.event.message, extractor_version(), record.derived
        if article.action != "kill" and derived is None and not self.ledger.is_stale(state, article, version):
            # The run extracted what the ledger table called new; the run's own earlier versions can only
            # make more of it stale, never less, so this is for safety, not for speed.
            (derived,) = await self.runs.extract([article])

        def extracted(_: Article) -> list[Upsert]:
            if isinstance(derived, Failed):
                raise ExtractionFailed(derived.reason)
            if derived is None:
                raise RuntimeError("no extraction for a version the ledger calls new")
            return derived

        try:
            transition = advance(state, article, extracted, message.offset, version, self.ledger.plan.keep_before)
        except ExtractionFailed as failed:  # logged where it raised, in the extraction process
            await self.letters.dead_letter(message.key, message.value, str(failed), "extract")
            return None
        except Exception as error:
            log.exception("deriving the article's new state failed", topic=message.topic, offset=message.offset)
            await self.letters.dead_letter(message.key, message.value, f"{type(error).__name__}: {error}", "extract")
            return None
        if transition is None:
            log.info("stale or duplicate version", article_id=article.article_id, version=article.version,
                     current=state and state.version)
        return transition

    async def _send_applied(self, applied: list[Applied]) -> list[Applied]:
        """Send every record of the run and wait for all acknowledgements; the steps whose records are in.

        When the broker or producer refuses a record for its size, the articles are sent one by one and the one
        whose records cannot be sent is dead-lettered (some of its events may be live: their ids are its own).
        """
        if not applied:
            return applied
        try:
            await until_acknowledged("derived events", partial(send_all, [r for s in applied for r in s.records]))
            return applied
        except RecordTooLarge:
            log.warning("a derived record is too large to send; sending the batch article by article")
        sent = []
        for step in applied:
            try:
                await until_acknowledged("derived events", partial(send_all, step.records))
                sent.append(step)
            except RecordTooLarge as error:
                message = step.event.message
                await self.letters.dead_letter(message.key, message.value,
                                               f"a derived record is too large to send: {error}", "emit")
        return sent

    def _count_emitted(self, applied: list[Applied]) -> None:
        for step in applied:
            self.progress.count("events_emitted", len(step.transition.events))
            for event in step.transition.events:
                metrics.EVENTS.labels(event_type(event), event.op).inc()


def outgoing(declared: Declarations, events: list[Event], article: Article | None,
             moved: list[tuple[str, TallyUpdate]]) -> list[Outgoing]:
    """The records one article version sends: its derived events and their tally updates.

    ``moved`` holds tally retractions of incidents that moved cell
    (:func:`streams.model.counting.moved_out_of_cells`); the article's headline and time go into the tally
    updates. Each record is encoded once, however many cells it updates.
    """
    tallies = declared.tallies_topic
    records = [Outgoing(tallies, tally_key.encode(), update.encode()) for tally_key, update in moved]
    for event in events:
        topic = declared.incidents if event_type(event) == "incident" else declared.statements
        records.append(Outgoing(topic, event.event_id.encode(), encode_event(event)))
        updates = tally_updates(event, article)
        encoded = updates[0][1].encode() if updates else b""  # one update, one or more cells
        records.extend(Outgoing(tallies, tally_key.encode(), encoded) for tally_key, _ in updates)
    return records

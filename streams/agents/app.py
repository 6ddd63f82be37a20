"""The worker's faust app: its declarations, the two agents and what runs beside them, wired together.

The agents are thin plumbing around pure functions: :mod:`streams.model.validation`,
:mod:`streams.extraction`, :mod:`streams.model.ledger` and :mod:`streams.model.counting`.

Delivery is at-least-once and every step is idempotent, so the result is exact
on any broker, including one without transactions (the embedded Tansu):

* raw -> derived (:mod:`streams.agents.extract_agent`): the ledger table remembers the version each article
  is at; a version at or below it changes nothing. Derived events are awaited before the table moves on, so a
  crash in between re-derives the same events (same ids).
* derived -> tallies (:mod:`streams.agents.tally_agent`): the owner of each count cell folds its updates and
  sends an alert when the count moves.
* derived -> views: every worker folds the derived topics, all partitions, into one whole view
  (:mod:`streams.view.whole`): latest upsert per id, so duplicates change nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import deque

from streams.agents.declarations import Declarations, faust_app
from streams.agents.extract_agent import ExtractAgent
from streams.agents.intake import Intake
from streams.agents.internals import stored_keys
from streams.agents.ledger_table import LedgerTable
from streams.agents.offload import ExtractionPool
from streams.agents.outage import Outage, watch
from streams.agents.progress import Progress
from streams.agents.readiness import Readiness
from streams.agents.replay_seek import AfterRebalance, ReplayPlan
from streams.agents.run_extraction import RunExtraction
from streams.agents.sending import DeadLetters
from streams.agents.tally_agent import TallyAgent
from streams.config import Settings
from streams.kafka.broker import profile_for
from streams.model.alerts import Alert
from streams.store.follow import follow_store
from streams.store.view import StoredView
from streams.view.whole import WholeView, follow


class Newsroom:
    """The app with its topics, tables and agents, built from one :class:`Settings`."""

    def __init__(self, settings: Settings, extraction: ExtractionPool, view: StoredView | None = None) -> None:
        """``view``: the worker's view store (:func:`streams.store.view.for_worker`); without one, the whole view is
        folded in memory from the beginning (``NEWSROOM_VIEW_STORE=memory``, and apps built only to be inspected)."""
        self.settings = settings
        self.extraction = extraction
        self.app = faust_app(settings, profile_for(settings))
        self.progress = Progress()
        self.declared = Declarations.declare(self.app, settings)
        self.view: WholeView | StoredView = view if view is not None else WholeView(tally_topic=settings.topics.tallies)
        self.outage = Outage(settings.bootstrap)
        self.plan = ReplayPlan()
        self.letters = DeadLetters(self.declared.deadletter, self.progress)
        self.ledger = LedgerTable(self.declared.articles, self.plan)
        self.intake = Intake(settings, self.declared.raw, self.letters)
        self.extract = ExtractAgent(settings, self.declared, self.ledger, self.intake,
                                    RunExtraction(extraction, self.ledger), self.letters, self.progress)
        self.tally = TallyAgent(self.declared, self.letters, self.progress)
        self.rebalance = AfterRebalance(self.app, settings, self.declared.raw, self.progress, self.plan)
        self.readiness = Readiness(self.app, self.view, extraction, self.outage, self.rebalance)
        self.app.agent(self.declared.raw, name="extract")(self.extract.run)
        self.app.agent(self.declared.tallies_topic, name="tally")(self.tally.run)
        self.app.task(self.tally.declare_alerts)
        # The model loads (in the extraction processes) beside faust's start-up and rebalance; the first
        # batch waits for it, not for a load started by that batch.
        self.app.task(self.extraction.start)
        self.app.task(self._follow_view)
        self.app.task(self._watch_broker)

    @property
    def recent_alerts(self) -> deque[Alert]:
        return self.tally.recent_alerts

    def recovering(self) -> bool:
        return self.readiness.recovering()

    def unready_reason(self) -> str | None:
        return self.readiness.unready_reason()

    def replay_from(self, since: dt.datetime | None, published_since: dt.datetime | None = None) -> None:
        """Seek each raw partition back once when assigned: to the beginning, or to the first record
        that reached the broker at or after ``since``. With ``published_since``, articles published
        before it that are already derived keep their events (see :func:`streams.model.ledger.is_stale`)."""
        self.plan.replaying, self.plan.since, self.plan.keep_before = True, since, published_since

    def held(self) -> dict[str, int]:
        """How much this worker holds: ledger entries, owned count cells (RocksDB's estimate where they are on disk),
        and the whole view (what its peak memory is reported beside)."""
        return {"articles": len(self.ledger), "owned_cells": stored_keys(self.declared.tallies), **self.view.held()}

    def consumed_topics(self) -> set[str]:
        """The topics the agents read: the only ones where consumer lag means work waiting (changelogs are only
        written; the whole view reads the derived topics with a consumer of its own, outside the group)."""
        return {topic.get_topic_name() for topic in (self.declared.raw, self.declared.tallies_topic)}

    async def _follow_view(self) -> None:
        """The whole view of the derived topics (declared first: no agent of this app subscribes to the first two)."""
        followed = (self.declared.incidents, self.declared.statements, self.declared.tallies_topic)
        for topic in followed:
            await topic.maybe_declare()
        names = [topic.get_topic_name() for topic in followed]
        if isinstance(self.view, StoredView):
            await follow_store(self.settings, self.view, names)
        else:
            await follow(self.settings, self.view, names)

    async def _watch_broker(self) -> None:
        await watch(self.outage)

"""Whether a worker's answers are whole: ``/api/ready`` answers 503 with the reason until they are."""

from __future__ import annotations

import time

import faust

from streams.agents.offload import ExtractionPool
from streams.agents.outage import Outage
from streams.agents.replay_seek import AfterRebalance, recovery_completed
from streams.store.view import StoredView
from streams.view.whole import WholeView


class Readiness:
    """What a worker waits for before it is ready, one phrase each."""

    def __init__(self, app: faust.App, view: WholeView | StoredView, extraction: ExtractionPool, outage: Outage,
                 rebalance: AfterRebalance) -> None:
        self.app, self.view, self.extraction, self.outage, self.rebalance = app, view, extraction, outage, rebalance

    def unready_reason(self) -> str | None:
        """Why ``/api/ready`` answers 503, or None when it answers 200: no broker answers, a part of
        :meth:`recovering` is not done, or an agent crashed (faust restarts one whose actor crashed;
        a crashed agent service processes nothing)."""
        if (gone := self.outage.reason(time.monotonic())) is not None:
            return gone
        waiting = self._recovering_parts() + sorted(f"agent {a.name} crashed" for a in self.app.agents.values()
                                                    if a.crashed)
        return "; ".join(waiting) or None

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
                    recovery_completed(self.app).is_set() and not self.app.in_recovery,
                "reading the derived topics: answers would be partial": self.view.ready,
                "settling after a rebalance": not self.rebalance.settling,
                "loading the extraction model": self.extraction.ready}
        return [part for part, finished in done.items() if not finished]

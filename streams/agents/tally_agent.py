"""The tally agent: each count cell has one owner (the tally topic's partition), which alone tells the alerts
topic when the cell's count moves. What the API shows is the whole view's fold of the same topic."""

from __future__ import annotations

import datetime as dt
from collections import deque
from functools import partial
from typing import Any

import structlog

from streams.agents.declarations import Declarations
from streams.agents.progress import Progress
from streams.agents.sending import DeadLetters, Outgoing, send_all, until_acknowledged
from streams.model.alerts import RECENT_ALERTS, Alert, cell_alert
from streams.model.counting import apply_update, tally_count
from streams.model.keys import incident_cell
from streams.model.tallies import Tally, TallyUpdate, tally_from_json, tally_to_json
from streams.model.tally_records import BadTally, decode_tally

log = structlog.get_logger(__name__)


class TallyAgent:
    """Folds the tally records of the cells this worker owns, and sends an alert when a count moves."""

    def __init__(self, declared: Declarations, letters: DeadLetters, progress: Progress) -> None:
        self.declared, self.letters, self.progress = declared, letters, progress
        self.recent_alerts: deque[Alert] = deque(maxlen=RECENT_ALERTS)

    async def run(self, stream: Any) -> None:
        """The agent: a record that is no tally update (:mod:`streams.model.tally_records`) is dead-lettered,
        never folded."""
        async for event in stream.events():
            message = event.message
            await self.letters.guarded(message, "tally", partial(self._fold, message))
            self.progress.mark(message.topic, message.partition, message.offset)

    async def declare_alerts(self) -> None:
        """The alerts topic has no consumer here, so faust would not create it: a cluster without
        topic auto-creation would refuse the first alert."""
        await self.declared.alerts_topic.maybe_declare()

    async def _fold(self, message: Any) -> None:
        record = decode_tally(message.key, message.value)
        if isinstance(record, BadTally):
            await self.letters.dead_letter(message.key, message.value, record.reason, "tally")
            return
        before = tally_from_json(self.declared.tallies.get(record.cell))
        after = apply_update(before, record.update, message.offset)
        if incident_cell(record.cell) is not None:
            await self._alert(record.cell, before, after, record.update, message)
        self.declared.tallies[record.cell] = tally_to_json(after)

    async def _alert(self, key: str, before: Tally, after: Tally, update: TallyUpdate, message: Any) -> None:
        """Tell subscribers of the alerts topic that a count moved (sent before the cell is stored: at-least-once)."""
        alert = cell_alert(key, tally_count(key, before), tally_count(key, after), update, message.partition,
                           message.offset, dt.datetime.now(dt.timezone.utc))
        if alert is None:
            return
        record = Outgoing(self.declared.alerts_topic, key.removeprefix("incidents/").encode(), alert.encode())
        await until_acknowledged("alert", partial(send_all, [record]))
        self.recent_alerts.appendleft(alert)
        log.info("count changed", cell=alert.alert_id, previous=alert.previous, count=alert.count)

"""Whether a worker's broker answers, said in a few lines an operator can read.

When every broker is gone, aiokafka logs each failed connection, metadata update and
fetch (thousands of lines a minute); :mod:`streams.logs` throttles those. This watch
says the one thing that matters instead: the broker is gone (once), still gone (at most
every :data:`REPEAT_SECONDS`, with for how long), back; and ``/api/ready`` answers 503
with that reason meanwhile, so a load balancer stops sending readers to a worker whose
tables no longer move.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import structlog

from streams.config import bootstrap_addresses
from streams.kafka.broker import answers_metadata

log = structlog.get_logger(__name__)

PROBE_SECONDS = 2.0  # how often the bootstrap brokers are asked for metadata
PROBE_TIMEOUT = 1.0
REPEAT_SECONDS = 30.0  # at most this often "still unreachable"


@dataclass(frozen=True, slots=True)
class Said:
    """A log line the watch decided on."""

    level: str
    event: str
    down_seconds: float


@dataclass(slots=True)
class Outage:
    """The state of one broker connection over time, and what to say when it changes (pure: the clock is passed in)."""

    bootstrap: str
    repeat_seconds: float = REPEAT_SECONDS
    down_since: float | None = None
    said_at: float = 0.0

    def observe(self, reachable: bool, now: float) -> Said | None:
        if reachable:
            if self.down_since is None:
                return None
            down = now - self.down_since
            self.down_since = None
            return Said("info", f"the Kafka broker at {self.bootstrap} answers again", round(down, 1))
        if self.down_since is None:
            self.down_since = self.said_at = now
            return Said("error", f"no Kafka broker answers at {self.bootstrap}: processing waits until one does", 0.0)
        if now - self.said_at >= self.repeat_seconds:
            self.said_at = now
            return Said("warning", f"no Kafka broker answers at {self.bootstrap} yet", round(now - self.down_since, 1))
        return None

    def reason(self, now: float) -> str | None:
        """Why the worker is not ready because of its broker, or None while the broker answers."""
        if self.down_since is None:
            return None
        return f"no Kafka broker has answered at {self.bootstrap} for {now - self.down_since:.0f} s"


def reachable(bootstrap: str) -> bool:
    """Whether any bootstrap broker answers a metadata request (blocking: run it in a thread)."""
    return any(answers_metadata(host, port, timeout=PROBE_TIMEOUT) for host, port in bootstrap_addresses(bootstrap))


async def watch(outage: Outage) -> None:
    """Probe the broker every :data:`PROBE_SECONDS` and log what :meth:`Outage.observe` decides, until cancelled."""
    while True:
        said = outage.observe(await asyncio.to_thread(reachable, outage.bootstrap), time.monotonic())
        if said is not None:
            getattr(log, said.level)(said.event, down_seconds=said.down_seconds)
        await asyncio.sleep(PROBE_SECONDS)

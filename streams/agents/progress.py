"""How far the agents have got: what the demo, ``/api/status`` and the bench read to know a worker is idle."""

from __future__ import annotations

import time


class Progress:
    """The last offset each agent finished, per topic partition, and counters of what it did."""

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

"""wait_until_idle's timeout names what the last poll saw, not an error an earlier poll met."""

from __future__ import annotations

import asyncio

import pytest

from streams.config import Settings
from streams.kafka import monitor
from streams.kafka.monitor import WorkerUnavailable


def test_the_timeout_names_the_last_state_seen_not_an_earlier_error(monkeypatch):
    answers = iter([WorkerUnavailable("the worker is still recovering its tables")])

    async def processed(settings, ports=None):
        error = next(answers, None)
        if error is not None:
            raise error
        return {}

    async def caught_up(settings, topic, done):
        return False

    monkeypatch.setattr(monitor, "processed", processed)
    monkeypatch.setattr(monitor, "_caught_up", caught_up)
    with pytest.raises(TimeoutError) as raised:
        asyncio.run(monitor.wait_until_idle(Settings(), timeout=0.3, poll=0.05))
    assert "raw records not all processed" in str(raised.value)
    assert "recovering" not in str(raised.value)


def test_the_timeout_names_the_error_when_the_worker_never_answered(monkeypatch):
    async def processed(settings, ports=None):
        raise WorkerUnavailable("no worker answers on 127.0.0.1:6066")

    monkeypatch.setattr(monitor, "processed", processed)
    with pytest.raises(TimeoutError, match="no worker answers"):
        asyncio.run(monitor.wait_until_idle(Settings(), timeout=0.2, poll=0.05))

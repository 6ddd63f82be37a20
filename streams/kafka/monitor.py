"""Talking to a running worker over HTTP: status, counts, and waiting until it is idle."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import aiohttp

from streams.config import Settings
from streams.errors import OperatorError
from streams.kafka.client import end_offsets


class WorkerUnavailable(OperatorError):
    """No worker answers on the configured web port."""

    fix = "start one with `newsroom worker`, or pass --port with the web port of the running one"


class WorkerRecovering(WorkerUnavailable):
    """The worker answers but is still recovering its tables (HTTP 503): its counts would be incomplete."""


async def get_json(settings: Settings, path: str, timeout: float = 5.0, port: int | None = None) -> Any:
    url = f"http://{settings.web_host}:{port or settings.web_port}{path}"
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as session:
            async with session.get(url) as response:
                if response.status == 503:
                    retry = response.headers.get("Retry-After", "a few")
                    raise WorkerRecovering(f"the worker at {url} is still recovering its tables",
                                           fix=f"retry in {retry} seconds")
                response.raise_for_status()
                return await response.json(content_type=None)
    except (aiohttp.ClientError, asyncio.TimeoutError) as error:
        raise WorkerUnavailable(f"no worker answers at {url}: {error}") from error


async def _caught_up(settings: Settings, topic: str, processed: dict[str, dict[str, int]]) -> bool:
    done = processed.get(topic, {})
    for partition, end in (await end_offsets(settings, topic)).items():
        if end > 0 and done.get(str(partition), -1) < end - 1:
            return False
    return True


async def processed(settings: Settings, ports: list[int] | None = None) -> dict[str, dict[str, int]]:
    """Offsets finished per topic partition, merged over the workers on ``ports`` (default: the configured one).

    Raises :class:`WorkerRecovering` while a worker recovers its tables: its offsets say
    nothing yet (with empty topics it would look idle before its tables answer).
    """
    merged: dict[str, dict[str, int]] = {}
    for port in ports or [settings.web_port]:
        status = await get_json(settings, "/api/status", port=port)
        if status["recovering"]:
            raise WorkerRecovering(f"the worker on port {port} is still recovering its tables", fix="wait for it")
        for topic, parts in status["processed"].items():
            for partition, offset in parts.items():
                mine = merged.setdefault(topic, {})
                mine[partition] = max(offset, mine.get(partition, -1))
    return merged


async def wait_until_idle(settings: Settings, timeout: float = 300.0, poll: float = 0.3,
                          alive: Callable[[], bool] = lambda: True, ports: list[int] | None = None) -> None:
    """Until the workers have processed every raw record, and each has read every derived event written so far.

    Raw first (the workers share its partitions, so their progress is merged), then
    the derived topics, which every worker reads whole (:mod:`streams.view.whole`): each
    must have caught up. Derived events are written before their raw record counts
    as processed, so once all are caught up in that order nothing is in flight.
    """
    names = settings.topics
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    behind = "no answer yet"  # what the last poll saw: the timeout names it
    while loop.time() < deadline:
        if not alive():
            raise WorkerUnavailable("the worker process exited")
        try:
            behind = "raw records not all processed"
            if await _caught_up(settings, names.raw, await processed(settings, ports)):
                behind = "a worker's view of the derived topics is behind"
                views = [await processed(settings, [port]) for port in ports or [settings.web_port]]
                if all([await _caught_up(settings, topic, done) for done in views
                        for topic in (names.incidents, names.statements)]):
                    return
        except WorkerUnavailable as error:
            behind = str(error)
        await asyncio.sleep(poll)
    raise TimeoutError(f"worker not idle after {timeout}s ({behind})")


async def wait_until_assigned(settings: Settings, ports: list[int], alive: Callable[[], bool], timeout: float = 120.0) -> None:
    """Until the workers together own every raw partition: what is published from then on is consumed as it arrives."""
    wanted = {f"{settings.topics.raw}:{p}" for p in range(settings.partitions)}
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        if not alive():
            raise WorkerUnavailable("a worker exited while the group formed")
        try:
            owned = [set((await get_json(settings, "/api/status", port=p))["assigned"]) & wanted for p in ports]
            if set().union(*owned) == wanted and all(owned):
                return
        except WorkerUnavailable:
            pass
        await asyncio.sleep(0.2)
    raise TimeoutError("workers did not settle on the raw partitions")

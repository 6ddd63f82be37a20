"""Talking to a running worker over HTTP: status, counts, and waiting until it is idle."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import aiohttp

from streams.client import end_offsets
from streams.config import Settings


class WorkerUnavailable(RuntimeError):
    """No worker answers on the configured web port."""


async def get_json(settings: Settings, path: str, timeout: float = 5.0) -> Any:
    url = f"http://{settings.web_host}:{settings.web_port}{path}"
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as session:
            async with session.get(url) as response:
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


async def wait_until_idle(settings: Settings, timeout: float = 300.0, poll: float = 0.3,
                          alive: Callable[[], bool] = lambda: True) -> None:
    """Until the worker has processed every raw record and every tally update written so far.

    Raw first, then tallies: tally updates are written while raw records are processed,
    so once both are caught up in that order nothing is in flight.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    last_error: Exception | None = None
    while loop.time() < deadline:
        if not alive():
            raise WorkerUnavailable("the worker process exited")
        try:
            status = await get_json(settings, "/api/status")
            if await _caught_up(settings, settings.topics.raw, status["processed"]):
                status = await get_json(settings, "/api/status")
                if await _caught_up(settings, settings.topics.tallies, status["processed"]):
                    return
        except WorkerUnavailable as error:
            last_error = error
        await asyncio.sleep(poll)
    raise TimeoutError(f"worker not idle after {timeout}s" + (f" ({last_error})" if last_error else ""))

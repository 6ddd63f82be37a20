"""``newsroom replay``: re-derive everything from the raw topic, e.g. after an extractor release.

A worker of the group starts with ``NEWSROOM_REPLAY_FROM`` set: once its tables are
recovered it seeks the raw partitions back (to the beginning, or to the first record
at or after a time) and runs until it has caught up; then it stops. Article versions
already derived are re-derived only when the extractor version differs (see
:func:`streams.ledger.is_stale`); changed items are upserted under their ids and
vanished ones retracted, so the derived topics and count tables end as if the new
extractor had run from the start.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import subprocess

import structlog
from tqdm import tqdm

from streams.client import end_offsets
from streams.config import Settings
from streams.monitor import WorkerUnavailable, get_json, wait_until_idle
from streams.worker import ENV_REPLAY_FROM, spawn_worker, stop_workers

log = structlog.get_logger(__name__)


class GroupBusy(RuntimeError):
    """Other workers of the group hold raw partitions: the replay would cover only part of the topic."""


async def _owns_all_raw(settings: Settings, alive: object, settle: float) -> None:
    """Wait until the replay worker owns every raw partition; other live workers make that impossible."""
    ends = await end_offsets(settings, settings.topics.raw)
    wanted = {f"{settings.topics.raw}:{p}" for p in ends}
    loop = asyncio.get_running_loop()
    deadline = loop.time() + settle
    while loop.time() < deadline:
        if not alive():  # type: ignore[operator]
            raise WorkerUnavailable("the replay worker exited")
        try:
            if wanted <= set((await get_json(settings, "/api/status"))["assigned"]):
                return
        except WorkerUnavailable:
            pass
        await asyncio.sleep(0.5)
    raise GroupBusy(f"the replay worker was not given every raw partition within {settle:.0f}s: "
                    f"stop the other workers of group {settings.app_id!r} first")


async def _follow(settings: Settings, worker: subprocess.Popen[bytes], settle: float) -> None:
    alive = lambda: worker.poll() is None  # noqa: E731
    await _owns_all_raw(settings, alive, settle)
    ends = await end_offsets(settings, settings.topics.raw)
    with tqdm(total=sum(ends.values()), unit="record", desc="replay", dynamic_ncols=True) as bar:
        idle = asyncio.ensure_future(wait_until_idle(settings, timeout=24 * 3600, alive=alive))
        while not idle.done():
            try:
                done = (await get_json(settings, "/api/status"))["processed"].get(settings.topics.raw, {})
                bar.n = min(bar.total, sum(int(o) + 1 for o in done.values()))
                bar.refresh()
            except WorkerUnavailable:
                pass
            await asyncio.wait([idle], timeout=0.5)
        idle.result()
        bar.n = bar.total
        bar.refresh()


def run_replay(settings: Settings, since: dt.datetime | None, settle: float = 120.0) -> int:
    worker = spawn_worker(settings, {ENV_REPLAY_FROM: since.isoformat() if since else "beginning"})
    try:
        asyncio.run(_follow(settings, worker, settle))
    finally:
        stop_workers([worker])
    log.info("replay complete", group=settings.app_id, since=since.isoformat() if since else "beginning")
    return 0

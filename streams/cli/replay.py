"""``newsroom replay``: re-derive everything from the raw topic, e.g. after an extractor release.

A worker of the group starts with ``NEWSROOM_REPLAY_FROM`` set: once its tables are
recovered it seeks the raw partitions back (to the beginning, or to the first record
that reached the broker at or after a time) and runs until it has caught up; then it
stops. Article versions already derived are re-derived only when the extractor version
differs (see :func:`streams.model.ledger.is_stale`), and with ``--since-published`` only when
the article was published at or after that time; changed items are upserted under
their ids and vanished ones retracted, so the derived topics and count tables end as
if the new extractor had run from the start.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import subprocess
from collections.abc import Callable

import structlog
from tqdm import tqdm

from streams.agents.worker import ENV_REPLAY_FROM, ENV_REPLAY_PUBLISHED_SINCE, check_web_port, spawn_worker, stop_workers
from streams.config import Settings
from streams.errors import OperatorError
from streams.kafka.broker import session_timeout
from streams.kafka.client import check_broker, end_offsets
from streams.kafka.monitor import WorkerUnavailable, get_json, wait_until_idle

log = structlog.get_logger(__name__)


class GroupBusy(OperatorError):
    """Other workers of the group hold raw partitions: the replay would cover only part of the topic."""


async def _owns_all_raw(settings: Settings, alive: Callable[[], bool], settle: float) -> None:
    """Wait until the replay worker owns every raw partition; other live workers make that impossible.

    Joining the group can take long (the embedded broker delays each join), hence ``settle``.
    Once the worker has a first assignment that lacks raw partitions, another member holds
    them: a worker that died without leaving is dropped within a session timeout, so
    waiting longer than that only delays the answer that live workers are there.
    """
    ends = await end_offsets(settings, settings.topics.raw)
    wanted = {f"{settings.topics.raw}:{p}" for p in ends}
    expiry = session_timeout(settings)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + settle
    while loop.time() < deadline:
        if not alive():
            raise WorkerUnavailable("the replay worker exited", fix="read the replay worker's log for the cause, then run the replay again")
        try:
            assigned = set((await get_json(settings, "/api/status"))["assigned"])
            if wanted <= assigned:
                return
            if assigned:
                deadline = min(deadline, loop.time() + 2 * expiry)
        except WorkerUnavailable:
            pass
        await asyncio.sleep(0.5)
    raise GroupBusy(f"other workers of group {settings.app_id!r} are running: they hold raw partitions",
                    fix=f"stop the workers of group {settings.app_id!r} first, then run the replay again")


async def _follow(settings: Settings, worker: subprocess.Popen[bytes], settle: float) -> None:
    alive = lambda: worker.poll() is None  # noqa: E731
    await _owns_all_raw(settings, alive, settle)
    ends = await end_offsets(settings, settings.topics.raw)
    total = sum(ends.values())
    with tqdm(total=total, unit="record", desc="replay", dynamic_ncols=True) as bar:
        idle = asyncio.ensure_future(wait_until_idle(settings, timeout=24 * 3600, alive=alive))
        while not idle.done():
            try:
                done = (await get_json(settings, "/api/status"))["processed"].get(settings.topics.raw, {})
                bar.n = min(total, sum(int(o) + 1 for o in done.values()))
                bar.refresh()
            except WorkerUnavailable:
                pass
            await asyncio.wait([idle], timeout=0.5)
        idle.result()
        bar.n = total
        bar.refresh()


def run_replay(settings: Settings, since: dt.datetime | None, published_since: dt.datetime | None = None,
               settle: float = 120.0) -> int:
    """Replay the raw records that reached the broker from ``since`` (None: all of them), re-deriving
    the articles published from ``published_since`` (None: all of them).

    The replay worker's own log goes to a file, so the terminal shows the progress bar and
    the outcome; the file is named in both.
    """
    check_web_port(settings)
    asyncio.run(check_broker(settings))
    env = {ENV_REPLAY_FROM: since.isoformat() if since else "beginning"}
    if published_since is not None:
        env[ENV_REPLAY_PUBLISHED_SINCE] = published_since.isoformat()
    log_path = settings.data_path(f"replay-{settings.app_id}.log")
    with log_path.open("wb") as worker_log:
        worker = spawn_worker(settings, env, output=worker_log.fileno())
        try:
            asyncio.run(_follow(settings, worker, settle))
        except WorkerUnavailable as error:
            raise WorkerUnavailable(f"{error}; the replay worker's log: {log_path}", fix=error.fix) from None
        finally:
            stop_workers([worker])
    log.info("replay complete", group=settings.app_id, since_offset_time=since.isoformat() if since else "beginning",
             since_published=published_since.isoformat() if published_since else "any", worker_log=str(log_path))
    return 0

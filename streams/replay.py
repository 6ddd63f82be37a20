"""``newsroom replay``: re-derive everything from the raw topic, e.g. after an extractor release.

The worker group's committed offsets on the raw topic are moved back (to the
beginning, or to the first record at or after a time); then a worker runs until
it has caught up. Already-derived article versions are re-derived only when the
extractor version differs (see :func:`streams.ledger.is_stale`); changed items are
upserted under their ids and vanished ones retracted, so the derived topics and
count tables end as if the new extractor had run from the start.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import signal
import subprocess

import structlog
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from tqdm import tqdm

from streams.client import end_offsets
from streams.config import Settings
from streams.monitor import get_json, wait_until_idle, WorkerUnavailable
from streams.worker import spawn_worker

log = structlog.get_logger(__name__)


class GroupBusy(RuntimeError):
    """Workers of the group are still running; offsets can only be moved in an empty group."""


async def wait_for_empty_group(settings: Settings, timeout: float) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap)
    await admin.start()
    try:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            described = await admin.describe_consumer_groups([settings.app_id])
            members = [m for group in described for m in getattr(group, "members", [])] if described else []
            if not members:
                return
            if loop.time() > deadline:
                raise GroupBusy(f"consumer group {settings.app_id!r} still has {len(members)} member(s): stop the workers first")
            await asyncio.sleep(1.0)
    finally:
        await admin.close()


async def rewind(settings: Settings, since: dt.datetime | None) -> dict[int, int]:
    """Commit the group's raw-topic offsets back to ``since`` (or the beginning); returns them."""
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap, group_id=settings.app_id,
                                enable_auto_commit=False)
    await consumer.start()
    try:
        ends = await end_offsets(settings, settings.topics.raw)
        tps = [TopicPartition(settings.topics.raw, p) for p in sorted(ends)]
        consumer.assign(tps)
        if since is None:
            targets = await consumer.beginning_offsets(tps)
        else:
            found = await consumer.offsets_for_times({tp: int(since.timestamp() * 1000) for tp in tps})
            targets = {tp: (found[tp].offset if found.get(tp) else ends[tp.partition]) for tp in tps}
        await consumer.commit(dict(targets))
        return {tp.partition: offset for tp, offset in targets.items()}
    finally:
        await consumer.stop()


async def _follow(settings: Settings, worker: subprocess.Popen[bytes], start: dict[int, int]) -> None:
    ends = await end_offsets(settings, settings.topics.raw)
    total = sum(max(0, ends[p] - start.get(p, 0)) for p in ends)
    with tqdm(total=total, unit="article", desc="replay", dynamic_ncols=True) as bar:
        idle = asyncio.ensure_future(wait_until_idle(settings, timeout=24 * 3600, alive=lambda: worker.poll() is None))
        while not idle.done():
            try:
                done = (await get_json(settings, "/api/status"))["processed"].get(settings.topics.raw, {})
                bar.n = sum(max(0, int(done.get(str(p), start.get(p, 0) - 1)) + 1 - start.get(p, 0)) for p in ends)
                bar.refresh()
            except WorkerUnavailable:
                pass
            await asyncio.wait([idle], timeout=0.5)
        idle.result()
        bar.n = total
        bar.refresh()


def run_replay(settings: Settings, since: dt.datetime | None, group_timeout: float = 60.0) -> int:
    asyncio.run(wait_for_empty_group(settings, group_timeout))
    start = asyncio.run(rewind(settings, since))
    log.info("rewound raw topic", group=settings.app_id, offsets=start, since=since.isoformat() if since else "beginning")
    worker = spawn_worker(settings)
    try:
        asyncio.run(_follow(settings, worker, start))
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
    log.info("replay complete", group=settings.app_id)
    return 0

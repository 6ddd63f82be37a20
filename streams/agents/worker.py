"""Running the stream processor: ``newsroom worker``, and a worker process for the demo and tests."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import subprocess
import sys
import threading
from typing import Any

import structlog

from streams import schemas
from streams.config import Settings
from streams.kafka.broker import check_free
from streams.kafka.client import check_broker, ensure_topics
from streams.processes import end_with_parent

log = structlog.get_logger(__name__)

ENV_REPLAY_FROM = "NEWSROOM_REPLAY_FROM"
ENV_REPLAY_PUBLISHED_SINCE = "NEWSROOM_REPLAY_PUBLISHED_SINCE"
STOP_SECONDS = 8.0  # from SIGTERM to exit at most (a service manager's grace period is often 10 s)


def check_web_port(settings: Settings) -> None:
    """Fail at once when the web port is taken (by the demo or another worker); faust would fail
    with a traceback only after its whole start-up."""
    check_free(settings.web_host, settings.web_port,
               "pass --port with a free port: every worker on one machine needs its own web port")


def run_worker(settings: Settings, loglevel: str = "info") -> None:
    schemas.check()  # without them every article would be dead-lettered: never start, never report ready
    check_web_port(settings)
    asyncio.run(check_broker(settings))
    asyncio.run(ensure_topics(settings))  # before the group assigns partitions: the agents' topics must exist
    # Imported here: faust and spaCy take seconds, which the checks above and the parents
    # that only spawn workers (demo, replay, tests) should not wait for.
    import faust

    from streams.agents.app import Newsroom
    from streams.agents.offload import ExtractionPool
    from streams.view import web, web_analysis

    from streams.store.view import for_worker

    from streams.agents.table_store import ROCKSDB, run_check
    from streams.store.db import lock

    view = for_worker(settings) if settings.view_store == "sqlite" else None  # StoreBusy: another worker holds it
    if settings.store == ROCKSDB:  # held for the life of the process, like the view store's
        tables_lock = lock(settings.table_store_path(), "the table stores")  # noqa: F841
    newsroom = Newsroom(settings, ExtractionPool(settings.extract_processes, settings.extract_budget_seconds or None),
                        view)
    if settings.store == ROCKSDB:
        run_check(settings, newsroom.app, [newsroom.declared.articles, newsroom.declared.tallies])
    replay = os.environ.get(ENV_REPLAY_FROM)
    if replay:
        published = os.environ.get(ENV_REPLAY_PUBLISHED_SINCE)
        newsroom.replay_from(None if replay == "beginning" else dt.datetime.fromisoformat(replay),
                             dt.datetime.fromisoformat(published) if published else None)
    web.register(newsroom)
    web_analysis.register(newsroom)
    worker = bounded_stop(faust.Worker)(newsroom.app, loglevel=loglevel, redirect_stdouts=False,
                                        override_logging=False, quiet=True)
    worker.spinner = None  # its cursor codes and "OK ^" would land among the log lines on stderr
    worker.execute_from_commandline()


def bounded_stop(worker_class: type[Any]) -> type[Any]:
    """The faust worker class, whose stop ends the process after :data:`STOP_SECONDS` whatever it waits for.

    A clean stop commits offsets, and faust flushes the producer first: with the broker gone
    that flush waits for the producer's request timeout (20 minutes in faust), and a service
    manager would kill the worker long before. Past the deadline nothing is lost: offsets not
    committed are re-read after the restart, and applying a record twice changes nothing.
    """

    class BoundedStop(worker_class):  # type: ignore[misc]
        async def on_stop(self) -> None:
            deadline = threading.Timer(STOP_SECONDS, _abandon_stop)
            deadline.daemon = True
            deadline.start()
            await super().on_stop()

    return BoundedStop


def _abandon_stop() -> None:
    log.warning(f"the worker did not stop within {STOP_SECONDS:.0f} s (a broker that does not answer): "
                "exiting without committing; the records since the last commit are read again at the next start")
    sys.stderr.flush()
    os._exit(0)  # the stop was asked for: it is not a failure; the extraction processes end with this one


def worker_env(settings: Settings) -> dict[str, str]:
    """The environment that gives a ``newsroom worker`` process these settings."""
    return {
        "KAFKA_BOOTSTRAP": settings.bootstrap,
        "NEWSROOM_APP_ID": settings.app_id,
        "NEWSROOM_TOPIC_PREFIX": settings.topics.prefix,
        "NEWSROOM_PARTITIONS": str(settings.partitions),
        "NEWSROOM_WEB_HOST": settings.web_host,
        "NEWSROOM_WEB_PORT": str(settings.web_port),
        "NEWSROOM_MAX_BODY_BYTES": str(settings.max_body_bytes),
        "NEWSROOM_MAX_HEADLINE_BYTES": str(settings.max_headline_bytes),
        "NEWSROOM_MAX_STANDFIRST_BYTES": str(settings.max_standfirst_bytes),
        "NEWSROOM_STORE": settings.store,
        "NEWSROOM_VIEW_STORE": settings.view_store,
        "NEWSROOM_BATCH_SIZE": str(settings.batch_size),
        "NEWSROOM_EXTRACT_BATCH_SIZE": str(settings.extract_batch_size),
        "NEWSROOM_BATCH_SECONDS": str(settings.batch_seconds),
        "NEWSROOM_FETCH_MAX_WAIT_MS": str(settings.fetch_max_wait_ms),
        "NEWSROOM_VIEW_FETCH_MIN_BYTES": str(settings.view_fetch_min_bytes),
        "NEWSROOM_EXTRACT_PROCESSES": str(settings.extract_processes),
        "NEWSROOM_MAX_EVENT_STREAMS": str(settings.max_event_streams),
        "NEWSROOM_SNAPSHOT_INTERVAL_MS": str(settings.snapshot_interval_ms),
        "NEWSROOM_WEB_HEADER_TIMEOUT": str(settings.web_header_timeout),
        "NEWSROOM_EXTRACT_BUDGET_SECONDS": str(settings.extract_budget_seconds),
        "NEWSROOM_BROKER_PROFILE": settings.broker_profile,
        "NEWSROOM_SESSION_TIMEOUT": "" if settings.session_timeout is None else str(settings.session_timeout),
        "NEWSROOM_REPLICATION_FACTOR": str(settings.replication_factor),
        "NEWSROOM_MIN_INSYNC_REPLICAS": str(settings.min_insync_replicas),
        "NEWSROOM_DATA_DIR": str(settings.data_dir),
    }


def spawn_worker(settings: Settings, extra_env: dict[str, str] | None = None,
                 output: int | None = None) -> subprocess.Popen[bytes]:
    """A ``newsroom worker`` child process for these settings; its output goes to ``output`` (a file
    descriptor), by default our stderr."""
    env = {**os.environ, **worker_env(settings), **(extra_env or {})}
    return subprocess.Popen([sys.executable, "-m", "streams.cli.main", "worker"], env=env, preexec_fn=end_with_parent,
                            stdin=subprocess.DEVNULL, stdout=output or sys.stderr.fileno(),
                            stderr=output or sys.stderr.fileno())


def stop_workers(processes: list[subprocess.Popen[bytes]], timeout: float = 30.0) -> None:
    """SIGTERM (a clean leave and commit), then SIGKILL for any that do not stop in time."""
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

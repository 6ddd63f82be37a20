"""Running the stream processor: ``newsroom worker``, and a worker process for the demo and tests."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import signal
import subprocess
import sys
import threading
from typing import Any

import structlog

from streams import schemas
from streams.broker import check_free
from streams.client import check_broker, ensure_topics
from streams.config import Settings
from streams.processes import end_with_parent

log = structlog.get_logger(__name__)

# A stop (SIGTERM, Ctrl-C) ends the process within this, whatever it waits for: a broker that is down can hold
# faust's commit, producer flush or a send being retried indefinitely. Exiting then is safe: what was not
# committed is read again, as after a crash (at-least-once, idempotent state).
STOP_DEADLINE_SECONDS = 8.0
ENV_REPLAY_FROM = "NEWSROOM_REPLAY_FROM"
ENV_REPLAY_PUBLISHED_SINCE = "NEWSROOM_REPLAY_PUBLISHED_SINCE"


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

    from streams import web, web_analysis
    from streams.app import Newsroom
    from streams.offload import Extraction

    newsroom = Newsroom(settings, Extraction(settings.extract_processes, settings.extract_budget_seconds or None))
    replay = os.environ.get(ENV_REPLAY_FROM)
    if replay:
        published = os.environ.get(ENV_REPLAY_PUBLISHED_SINCE)
        newsroom.replay_from(None if replay == "beginning" else dt.datetime.fromisoformat(replay),
                             dt.datetime.fromisoformat(published) if published else None)
    web.register(newsroom)
    web_analysis.register(newsroom)
    worker = _worker_class(faust.Worker)(newsroom.app, loglevel=loglevel, redirect_stdouts=False, override_logging=False, quiet=True)
    worker.spinner = None  # its cursor codes and "OK ^" would land among the log lines on stderr
    worker.execute_from_commandline()


def arm_stop_deadline(seconds: float) -> threading.Timer:
    """End this process ``seconds`` from now unless it has ended by then (a daemon thread: not kept alive by it)."""
    def expire() -> None:
        log.warning("the worker did not stop in time; exiting now (records not yet committed are read again)",
                    seconds=seconds)
        logging.shutdown()
        os._exit(0)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    return timer


def _worker_class(base: type[Any]) -> type[Any]:
    """faust's worker, its stop bounded by :data:`STOP_DEADLINE_SECONDS` (``on_stop`` is mode's hook, run first)."""

    class Worker(base):  # type: ignore[misc, valid-type]
        async def on_stop(self) -> None:
            arm_stop_deadline(STOP_DEADLINE_SECONDS)
            await super().on_stop()

    return Worker


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
        "NEWSROOM_BATCH_SIZE": str(settings.batch_size),
        "NEWSROOM_EXTRACT_BATCH_SIZE": str(settings.extract_batch_size),
        "NEWSROOM_BATCH_SECONDS": str(settings.batch_seconds),
        "NEWSROOM_FETCH_MAX_WAIT_MS": str(settings.fetch_max_wait_ms),
        "NEWSROOM_VIEW_FETCH_MIN_BYTES": str(settings.view_fetch_min_bytes),
        "NEWSROOM_EXTRACT_PROCESSES": str(settings.extract_processes),
        "NEWSROOM_EXTRACT_BUDGET_SECONDS": str(settings.extract_budget_seconds),
        "NEWSROOM_BROKER_PROFILE": settings.broker_profile,
        "NEWSROOM_SESSION_TIMEOUT": "" if settings.session_timeout is None else str(settings.session_timeout),
        "NEWSROOM_REPLICATION_FACTOR": str(settings.replication_factor),
        "NEWSROOM_MIN_INSYNC_REPLICAS": str(settings.min_insync_replicas),
    }


def spawn_worker(settings: Settings, extra_env: dict[str, str] | None = None,
                 output: int | None = None) -> subprocess.Popen[bytes]:
    """A ``newsroom worker`` child process for these settings; its output goes to ``output`` (a file
    descriptor), by default our stderr."""
    env = {**os.environ, **worker_env(settings), **(extra_env or {})}
    return subprocess.Popen([sys.executable, "-m", "streams.cli", "worker"], env=env, preexec_fn=end_with_parent,
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

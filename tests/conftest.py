"""Fixtures: the broker (never mocked) and workers as real processes.

The broker is, in order: ``KAFKA_BOOTSTRAP``; Apache Kafka through testcontainers
when a Docker engine answers; the embedded Tansu broker.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from streams.broker import ENV_BOOTSTRAP, EmbeddedBroker, free_port
from streams.config import Settings, Topics
from streams.worker import spawn_worker, stop_workers

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV_CORPUS = SHARED / "corpus" / "dev"


def _docker_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=3).ping()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def bootstrap() -> Iterator[str]:
    configured = os.environ.get(ENV_BOOTSTRAP)
    if configured:
        yield configured
        return
    if _docker_answers():
        from testcontainers.kafka import KafkaContainer

        with KafkaContainer().with_kraft() as kafka:
            yield kafka.get_bootstrap_server()
        return
    with EmbeddedBroker() as broker:
        yield broker.bootstrap


@pytest.fixture
def settings(bootstrap: str) -> Settings:
    """Settings of a fresh tenant: its own topic prefix and consumer group, so tests share one broker."""
    tenant = f"t{uuid.uuid4().hex[:8]}"
    return Settings(bootstrap=bootstrap, app_id=f"newsroom-{tenant}", topics=Topics(f"{tenant}."),
                    partitions=4, web_port=free_port())


class Workers:
    def __init__(self) -> None:
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(self, settings: Settings) -> subprocess.Popen[bytes]:
        process = spawn_worker(settings)
        self.processes.append(process)
        return process

    def stop_all(self) -> None:
        stop_workers(self.processes)


@pytest.fixture
def workers() -> Iterator[Workers]:
    pool = Workers()
    yield pool
    pool.stop_all()


@pytest.fixture
def run() -> Callable:
    """Run a coroutine to completion from a synchronous test."""
    return lambda coroutine: asyncio.run(coroutine)

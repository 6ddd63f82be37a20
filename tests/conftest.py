"""Fixtures: the brokers (never mocked) and workers as real processes.

Integration tests run on every broker of ``broker_kinds``: ``KAFKA_BOOTSTRAP`` alone
when it is set; otherwise the embedded Tansu broker and a single-node Apache Kafka
started from its Maven jars (:mod:`newsroom_dev.kafka_cluster`). The fault tests start
their own three-node cluster.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsroom_dev.kafka_cluster import running_cluster
from streams.agents.worker import spawn_worker, stop_workers
from streams.config import ENV_DATA_DIR, Settings, Topics
from streams.kafka.broker import ENV_BOOTSTRAP, EmbeddedBroker, free_port

ROOT = Path(__file__).resolve().parent.parent
# The shared folder beside the checkout: the gold corpora, CONTRACT.md and the scoring script. A test that reads it
# is marked ``shared`` and skipped, saying so, where the folder is absent.
SHARED = ROOT.parent / "shared"
DEV_CORPUS = SHARED / "corpus" / "dev"
TRAIN_CORPUS = SHARED / "corpus" / "train"


@pytest.fixture(scope="session", autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Local state (faust's tables, the workers' view stores) in a folder of the session, never in the user's:
    settings built in tests and the workers they spawn read NEWSROOM_DATA_DIR."""
    path = tmp_path_factory.mktemp("newsroom-data")
    previous = os.environ.get(ENV_DATA_DIR)
    os.environ[ENV_DATA_DIR] = str(path)
    yield path
    if previous is None:
        os.environ.pop(ENV_DATA_DIR, None)
    else:
        os.environ[ENV_DATA_DIR] = previous


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("shared") is not None and not SHARED.is_dir():
        pytest.skip(f"needs the shared folder {SHARED} (gold corpora, CONTRACT.md, eval/), which is absent")


def expected_counts() -> dict[str, dict[str, int]]:
    """The count table the whole dev corpus must produce (read when a test needs it, never at collection)."""
    counts: dict[str, dict[str, int]] = json.loads((DEV_CORPUS / "expected_counts.json").read_text())
    return counts


def broker_kinds() -> list[str]:
    return ["configured"] if os.environ.get(ENV_BOOTSTRAP) else ["tansu", "kafka"]


def on_one_broker() -> pytest.MarkDecorator:
    """For a test of what the worker's web server or the dashboard's page does, which no broker kind changes: one
    run, on Apache Kafka (or the configured broker), instead of one per kind. The pipeline's own tests run on each."""
    return pytest.mark.parametrize("bootstrap", [kind for kind in broker_kinds() if kind != "tansu"], indirect=True)


def _docker_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=3).ping()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session", params=broker_kinds())
def bootstrap(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One broker per kind for the whole session (pytest runs every test of one kind before starting the next)."""
    if request.param == "configured":
        yield os.environ[ENV_BOOTSTRAP]
    elif request.param == "tansu":
        with EmbeddedBroker() as broker:
            yield broker.bootstrap
    elif shutil.which("java") is None and _docker_answers():  # no JVM here, but a Docker engine: Kafka's image
        from testcontainers.kafka import KafkaContainer

        with KafkaContainer().with_kraft() as kafka:
            yield kafka.get_bootstrap_server()
    else:
        with running_cluster(tmp_path_factory.mktemp("kafka"), size=1) as cluster:
            yield cluster.bootstrap


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

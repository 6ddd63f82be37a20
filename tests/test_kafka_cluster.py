"""The Kafka command line users run (scripts/kafka-cluster wraps ``python -m newsroom_dev.kafka_cluster``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsroom_dev.kafka_cluster import answers
from streams.kafka.broker import KAFKA_APIS, api_keys

from conftest import ROOT

pytestmark = pytest.mark.integration


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsroom_dev.kafka_cluster", "--dir", str(home), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_start_leaves_a_broker_running_in_the_background_until_stop(tmp_path: Path) -> None:
    home = tmp_path / "cluster"
    started = _cli(home, "start", "--nodes", "1")
    try:
        assert started.returncode == 0, started.stderr[-2000:]
        (line,) = started.stdout.splitlines()
        name, _, bootstrap = line.partition("=")
        assert name == "export KAFKA_BOOTSTRAP"  # as `newsroom broker` prints it: pasted or eval'ed into a shell
        host, _, port = bootstrap.rpartition(":")
        assert KAFKA_APIS <= api_keys(host, int(port))  # Apache Kafka, answering after the command returned
        again = _cli(home, "start", "--nodes", "1")
        assert again.returncode != 0 and "running" in again.stderr
    finally:
        stopped = _cli(home, "stop")
    assert stopped.returncode == 0, stopped.stderr[-2000:]
    assert not answers(int(port))
    assert (home / "node-1" / "server.log").stat().st_size > 0  # Kafka's log went to its file, not the terminal
    assert "INFO" not in started.stderr


def test_a_cluster_id_never_begins_with_a_dash_that_kafka_storage_would_read_as_an_option(monkeypatch) -> None:
    import uuid

    from newsroom_dev import kafka_cluster

    draws = iter([uuid.UUID(bytes=b"\xf8" + bytes(15)), uuid.UUID(bytes=b"\x01" * 16)])
    monkeypatch.setattr(kafka_cluster.uuid, "uuid4", lambda: next(draws))
    cluster_id = kafka_cluster.new_cluster_id()
    assert not cluster_id.startswith("-")
    assert len(cluster_id) == 22

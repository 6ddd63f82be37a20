"""The deployment files parse; the compose file validates where a docker client with compose exists."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from streams.config import Settings
from streams.view import openapi

from conftest import ROOT

DEPLOY = ROOT / "deploy"


def test_compose_runs_three_kraft_brokers_and_workers_configured_by_environment(monkeypatch):
    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    brokers = [name for name in compose["services"] if name.startswith("kafka-")]
    assert len(brokers) == 3
    for name in brokers:
        env = compose["services"][name]["environment"]
        assert env["KAFKA_PROCESS_ROLES"] == "broker,controller"
    worker_env = compose["services"]["worker"]["environment"]
    assert worker_env["KAFKA_BOOTSTRAP"].count("kafka-") == 3 and worker_env["NEWSROOM_STORE"] == "rocksdb://"
    broker_env = compose["services"][brokers[0]]["environment"]
    settings = _settings(worker_env, monkeypatch)
    # The app creates its topics itself: with fewer replicas than the brokers' min ISR, acks=all writes would fail.
    assert (settings.replication_factor, settings.min_insync_replicas) == (3, 2)
    assert int(broker_env["KAFKA_MIN_INSYNC_REPLICAS"]) == settings.min_insync_replicas
    assert settings.broker_profile == "kafka"


def _settings(env: dict, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The worker's settings as it would read them from this environment."""
    for name, value in env.items():
        monkeypatch.setenv(name, str(value))
    return Settings.from_env()


def test_kubernetes_manifests_parse_and_configure_workers_by_environment(monkeypatch):
    documents = list(yaml.safe_load_all((DEPLOY / "k8s" / "workers.yaml").read_text()))
    kinds = {d["kind"] for d in documents}
    assert {"ConfigMap", "StatefulSet", "Service"} <= kinds
    config = next(d for d in documents if d["kind"] == "ConfigMap")["data"]
    assert config["NEWSROOM_STORE"] == "rocksdb://" and "KAFKA_BOOTSTRAP" in config
    settings = _settings(config, monkeypatch)
    assert (settings.replication_factor, settings.min_insync_replicas, settings.broker_profile) == (3, 2, "kafka")


def _compose_command() -> list[str] | None:
    """``docker compose`` (the plugin) or the standalone ``docker-compose``; None when neither exists."""
    if shutil.which("docker") and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0:
        return ["docker", "compose"]
    return ["docker-compose"] if shutil.which("docker-compose") else None


@pytest.mark.skipif(_compose_command() is None, reason="no docker compose client on this machine")
def test_docker_compose_config_validates_the_compose_file():
    command = _compose_command() or []
    done = subprocess.run([*command, "-f", str(DEPLOY / "docker-compose.yml"), "config", "--quiet"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_probes_use_the_cheap_liveness_path_and_the_readiness_path_the_worker_serves():
    documents = list(yaml.safe_load_all((DEPLOY / "k8s" / "workers.yaml").read_text()))
    container = next(d for d in documents if d["kind"] == "StatefulSet")["spec"]["template"]["spec"]["containers"][0]
    assert container["livenessProbe"]["httpGet"]["path"] == "/api/live"
    assert container["readinessProbe"]["httpGet"]["path"] == "/api/ready"
    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    for name in ("worker", "dashboard"):
        assert any("/api/ready" in part for part in compose["services"][name]["healthcheck"]["test"]), name
    assert {"/api/live", "/api/ready"} <= set(openapi.document()["paths"])

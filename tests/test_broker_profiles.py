"""Broker profiles, replication settings and retried sends: Tansu's workarounds only on Tansu."""

from __future__ import annotations

import asyncio

import faust
import pytest
from aiokafka.errors import KafkaConnectionError, NotEnoughReplicasError

from streams.agents import sending
from streams.agents.declarations import faust_app
from streams.agents.sending import until_acknowledged
from streams.config import KAFKA, TANSU, Settings
from streams.kafka.broker import detect_profile


def test_tansu_gets_one_record_per_request_and_a_short_session_kafka_faust_defaults() -> None:
    settings = Settings(replication_factor=3, min_insync_replicas=2)
    tansu, kafka = faust_app(settings, TANSU).conf, faust_app(settings, KAFKA).conf
    assert (tansu.producer_max_batch_size, tansu.broker_session_timeout) == (1, 10.0)
    untuned = faust.App("untuned").conf  # faust's defaults: the batching producer, its usual session timeout
    assert (kafka.producer_max_batch_size, kafka.broker_session_timeout) == (
        untuned.producer_max_batch_size, untuned.broker_session_timeout)
    assert untuned.producer_max_batch_size > 1
    assert tansu.topic_replication_factor == kafka.topic_replication_factor == 3


def test_a_configured_session_timeout_wins_over_the_profile() -> None:
    conf = faust_app(Settings(session_timeout=7.0), KAFKA).conf
    assert conf.broker_session_timeout == 7.0 and conf.broker_heartbeat_interval <= 7.0 / 3


def test_settings_refuse_an_unknown_profile_and_more_in_sync_replicas_than_replicas(monkeypatch) -> None:
    monkeypatch.setenv("NEWSROOM_BROKER_PROFILE", "redpanda")
    with pytest.raises(ValueError, match="NEWSROOM_BROKER_PROFILE"):
        Settings.from_env()
    monkeypatch.setenv("NEWSROOM_BROKER_PROFILE", "kafka")
    monkeypatch.setenv("NEWSROOM_REPLICATION_FACTOR", "2")
    monkeypatch.setenv("NEWSROOM_MIN_INSYNC_REPLICAS", "3")
    with pytest.raises(ValueError, match="NEWSROOM_MIN_INSYNC_REPLICAS"):
        Settings.from_env()
    monkeypatch.setenv("NEWSROOM_MIN_INSYNC_REPLICAS", "2")
    settings = Settings.from_env()
    assert (settings.broker_profile, settings.replication_factor, settings.topic_config()) == (
        "kafka", 2, {"min.insync.replicas": "2"})


@pytest.mark.integration
def test_the_profile_is_detected_from_the_broker(bootstrap: str, request: pytest.FixtureRequest) -> None:
    kind = request.node.callspec.params["bootstrap"]
    detected = detect_profile(bootstrap, timeout=30)
    assert detected == {"tansu": TANSU, "kafka": KAFKA}.get(kind, detected)


def test_failed_sends_are_retried_until_acknowledged_other_errors_propagate(monkeypatch) -> None:
    monkeypatch.setattr(sending, "SEND_RETRY_FIRST", 0.01)
    failures = [KafkaConnectionError("broker down"), NotEnoughReplicasError("one replica in sync")]
    attempts: list[int] = []

    async def send() -> None:
        attempts.append(1)
        if failures:
            raise failures.pop(0)

    asyncio.run(until_acknowledged("test", send))
    assert len(attempts) == 3

    async def broken() -> None:
        raise ValueError("not a broker error")

    with pytest.raises(ValueError):
        asyncio.run(until_acknowledged("test", broken))

"""A client that is not aiokafka (confluent-kafka on librdkafka) publishes and subscribes through the real broker."""

from __future__ import annotations

import json
import time

import pytest
from confluent_kafka import OFFSET_BEGINNING, Consumer, Producer, TopicPartition

from streams.kafka.client import ensure_topics
from streams.kafka.monitor import wait_until_idle

from conftest import DEV_CORPUS

pytestmark = [pytest.mark.integration, pytest.mark.shared]


def test_librdkafka_publishes_a_raw_article_and_reads_the_derived_events(settings, workers, run):
    run(ensure_topics(settings))
    worker = workers.start(settings)
    article = json.loads((DEV_CORPUS / "dev-estonia-migs-2025-09-19.json").read_text())["article"]
    producer = Producer({"bootstrap.servers": settings.bootstrap})
    producer.produce(settings.topics.raw, key=article["article_id"], value=json.dumps(article).encode())
    assert producer.flush(30) == 0
    del producer
    run(wait_until_idle(settings, timeout=120, alive=lambda: worker.poll() is None))

    consumer = Consumer({"bootstrap.servers": settings.bootstrap, "group.id": f"{settings.app_id}-librdkafka",
                         "auto.offset.reset": "earliest", "enable.auto.commit": False})
    # Assigned, not subscribed: no group join (slow on the embedded broker), every partition from the start.
    consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING)
                     for topic in (settings.topics.incidents, settings.topics.statements)
                     for p in range(settings.partitions)])
    events: list[dict] = []
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and not (
                any(e.get("kind") == "airspace_violation" for e in events) and any(e["type"] == "statement" for e in events)):
            message = consumer.poll(1.0)
            if message is not None and message.error() is None:
                events.append(json.loads(message.value()))
    finally:
        consumer.close()
    violation = next(e for e in events if e["type"] == "incident" and e["kind"] == "airspace_violation")
    assert (violation["country"], violation["violator"], violation["count"]) == ("EE", "RU", 3)
    assert any(e["type"] == "statement" for e in events)

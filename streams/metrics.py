"""Prometheus metrics of a worker, served at /metrics."""

from __future__ import annotations

from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

REGISTRY = CollectorRegistry()
ARTICLES = Counter("newsroom_articles_processed", "Raw article records processed", registry=REGISTRY)
EVENTS = Counter("newsroom_events_emitted", "Derived events emitted", ["type", "op"], registry=REGISTRY)
DEADLETTERED = Counter("newsroom_deadlettered", "Inputs sent to the dead-letter topic", ["stage"], registry=REGISTRY)
SEND_RETRIES = Counter("newsroom_send_retries", "Sends the broker did not acknowledge, retried", ["what"],
                       registry=REGISTRY)
EXTRACTION = Histogram("newsroom_extraction_seconds", "Extraction time per batch of articles", registry=REGISTRY,
                       buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0))
LAG = Gauge("newsroom_consumer_lag", "Records not yet processed (highwater - processed)", ["topic", "partition"],
            registry=REGISTRY)


def render(consumer: Any, done: dict[str, dict[int, int]]) -> bytes:
    """The exposition text, with consumer lag computed now from the consumer's highwaters."""
    LAG.clear()
    for tp in consumer.assignment():
        highwater = consumer.highwater(tp)
        if highwater is not None and highwater >= 0:
            LAG.labels(tp.topic, str(tp.partition)).set(max(0, highwater - 1 - done.get(tp.topic, {}).get(tp.partition, -1)))
    return generate_latest(REGISTRY)

"""Prometheus metrics of a worker, served at /metrics."""

from __future__ import annotations

from collections.abc import Iterable
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
INCIDENTS = Gauge("newsroom_incidents", "Distinct incidents counted per kind, country and year (cells this worker owns)",
                  ["kind", "country", "year"], registry=REGISTRY)
LAG = Gauge("newsroom_consumer_lag", "Records not yet processed (highwater - processed)", ["topic", "partition"],
            registry=REGISTRY)


def render(consumer: Any, done: dict[str, dict[int, int]], consumed: set[str],
           cells: Iterable[tuple[str, str, str, int]] = ()) -> bytes:
    """The exposition text, with consumer lag computed now from the consumer's highwaters, and the
    count cells (kind, country, year, count) as they are now.

    Lag only of the ``consumed`` topics: faust also assigns the changelog topics the worker
    only writes (and reads back on recovery), whose highwater grows with every table write
    and would make an alert on lag fire on a worker that is keeping up.
    """
    INCIDENTS.clear()
    for kind, country, year, count in cells:
        INCIDENTS.labels(kind, country, year).set(count)
    LAG.clear()
    for tp in consumer.assignment():
        if tp.topic not in consumed:
            continue
        highwater = consumer.highwater(tp)
        if highwater is not None and highwater >= 0:
            LAG.labels(tp.topic, str(tp.partition)).set(max(0, highwater - 1 - done.get(tp.topic, {}).get(tp.partition, -1)))
    return generate_latest(REGISTRY)

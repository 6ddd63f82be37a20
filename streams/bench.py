"""``newsroom bench``: throughput, latency, replay and scale-out, measured in one run on one machine.

Every figure is measured here and now on the same generated texts; the ratios
(pipeline vs bare spaCy, two workers vs one) are what carries across machines.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import statistics
import time
import uuid
from typing import Any

import orjson
import structlog
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from streams.article import TEXT_FIELDS, Article
from streams.events import derive_many
from streams.validation import parse_document
from streams.broker import bootstrap_servers, free_port
from streams.client import ensure_topics, publish
from streams.config import Settings, Topics
from streams.extraction.focus import focus
from streams.extraction.nlp import load_pipeline
from streams.generator import generate
from streams.monitor import wait_until_assigned, wait_until_idle
from streams.worker import spawn_worker, stop_workers

log = structlog.get_logger(__name__)


def bare_spacy_rate(documents: list[dict[str, Any]]) -> float:
    """The full English pipeline over every text field, ``nlp.pipe``, one process: the yardstick."""
    nlp = load_pipeline()
    texts = [d[f] for d in documents for f in TEXT_FIELDS if d.get(f)]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return len(documents) / (time.perf_counter() - started)


def parsed_share(documents: list[dict[str, Any]]) -> float:
    """The share of the texts' tokens that reach the parser after the cheap pass (:mod:`streams.extraction.focus`):
    what bounds how much faster than bare spaCy extraction can be on this load."""
    nlp = load_pipeline()
    texts = [d[f] for d in documents for f in TEXT_FIELDS if d.get(f)]
    words = sum(sum(not token.is_space for token in nlp.make_doc(t)) for t in texts)
    kept = sum(sum(not token.is_space for token in nlp.make_doc(focus(t))) for t in texts)
    return kept / words


def extraction_rate(documents: list[dict[str, Any]]) -> float:
    """Offline extraction (``newsroom extract``'s path: batched parse plus rules), no broker."""
    articles = [a for a in map(parse_document, documents) if isinstance(a, Article)]
    started = time.perf_counter()
    derive_many(articles)
    return len(articles) / (time.perf_counter() - started)


def tenant(bootstrap: str, partitions: int) -> Settings:
    name = f"bench{uuid.uuid4().hex[:6]}"
    return Settings(bootstrap=bootstrap, app_id=name, topics=Topics(f"{name}."), partitions=partitions,
                    web_port=free_port())


def peak_rss_mb(pid: int) -> float:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Cluster:
    """N worker processes of one tenant, each with its own web port."""

    def __init__(self, settings: Settings, n: int, extra_env: dict[str, str] | None = None) -> None:
        self.members = [dataclasses.replace(settings, web_port=free_port()) for _ in range(n)]
        self.processes = [spawn_worker(s, extra_env) for s in self.members]
        self.ports = [s.web_port for s in self.members]

    def alive(self) -> bool:
        return all(p.poll() is None for p in self.processes)

    def stop(self) -> list[float]:
        rss = [peak_rss_mb(p.pid) for p in self.processes if p.poll() is None]
        stop_workers(self.processes)
        return rss


async def throughput(settings: Settings, documents: list[dict[str, Any]], workers: int) -> tuple[float, list[float], Settings]:
    """Articles per second from the first publish to the last derived event, with ``workers`` workers."""
    await ensure_topics(settings)
    cluster = Cluster(settings, workers)
    try:
        await wait_until_assigned(settings, cluster.ports, cluster.alive)
        started = time.perf_counter()
        await publish(settings, documents)
        await wait_until_idle(settings, timeout=3600, alive=cluster.alive, ports=cluster.ports, poll=0.05)
        rate = len(documents) / (time.perf_counter() - started)
    finally:
        rss = cluster.stop()
    return rate, rss, cluster.members[0]


async def latency(settings: Settings, documents: list[dict[str, Any]], rate: float) -> list[float]:
    """Publish-to-first-derived-event latency (ms) of articles sent at ``rate`` per second."""
    await ensure_topics(settings)
    cluster = Cluster(settings, 1)
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap, enable_auto_commit=False,
                                auto_offset_reset="earliest", fetch_max_wait_ms=settings.fetch_max_wait_ms)
    sent: dict[str, float] = {}
    seen: dict[str, float] = {}
    try:
        await wait_until_assigned(settings, cluster.ports, cluster.alive)
        await consumer.start()
        # A fresh tenant's derived topics are empty: read them whole, no group (no join delay, no "latest").
        consumer.assign([TopicPartition(t, p) for t in (settings.topics.incidents, settings.topics.statements)
                         for p in range(settings.partitions)])

        async def listen() -> None:
            async for message in consumer:
                article_id = orjson.loads(message.value)["article_id"]
                seen.setdefault(article_id, time.perf_counter())
                if len(seen) == len(documents):
                    return

        listener = asyncio.ensure_future(listen())
        producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap, acks="all")
        await producer.start()
        try:
            for document in documents:
                sent[document["article_id"]] = time.perf_counter()
                await producer.send_and_wait(settings.topics.raw, key=document["article_id"].encode(),
                                             value=orjson.dumps(document))
                await asyncio.sleep(max(0.0, 1.0 / rate - (time.perf_counter() - sent[document["article_id"]])))
        finally:
            await producer.stop()
        # Not every article yields events: once the worker is idle, what arrives in a grace period is all.
        await wait_until_idle(settings, timeout=300, alive=cluster.alive, ports=cluster.ports, poll=0.05)
        await asyncio.wait([listener], timeout=3.0)
        listener.cancel()
    finally:
        await consumer.stop()
        cluster.stop()
    return [(seen[a] - sent[a]) * 1000 for a in sent if a in seen]


async def replay_rate(settings: Settings, count: int) -> float:
    """Re-deriving everything with a new extractor version, from the worker's start to caught up."""
    from streams.worker import ENV_REPLAY_FROM

    started = time.perf_counter()
    cluster = Cluster(settings, 1, {"NEWSROOM_EXTRACTOR_VERSION": f"bench-replay-{uuid.uuid4().hex[:6]}",
                                    ENV_REPLAY_FROM: "beginning"})
    try:
        await wait_until_idle(settings, timeout=3600, alive=cluster.alive, ports=cluster.ports, poll=0.05)
    finally:
        cluster.stop()
    return count / (time.perf_counter() - started)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def run_bench(count: int, partitions: int = 4, relevant_share: float = 0.5) -> dict[str, Any]:
    documents = generate(count, relevant_share=relevant_share)
    bare = bare_spacy_rate(documents)
    log.info("bare spaCy measured", articles_per_s=round(bare, 1))
    offline = extraction_rate(documents)
    log.info("offline extraction measured", articles_per_s=round(offline, 1))
    with bootstrap_servers() as bootstrap:
        one, rss_one, first = asyncio.run(throughput(tenant(bootstrap, partitions), documents, 1))
        log.info("one worker measured", articles_per_s=round(one, 1))
        replay = asyncio.run(replay_rate(first, count))
        log.info("replay measured", articles_per_s=round(replay, 1))
        two, rss_two, _ = asyncio.run(throughput(tenant(bootstrap, partitions), documents, 2))
        log.info("two workers measured", articles_per_s=round(two, 1))
        # The same mix as the throughput load; articles that yield no event have no latency to measure.
        probe = generate(max(100, count // 10), seed=11, relevant_share=relevant_share)
        latencies = asyncio.run(latency(tenant(bootstrap, partitions), probe, one / 2))
    return {
        "articles": count,
        "relevant_share": relevant_share,
        "bare_spacy_articles_per_s": round(bare, 1),
        "extract_articles_per_s": round(offline, 1),
        "parsed_token_share": round(parsed_share(documents), 2),
        "pipeline_articles_per_s": round(one, 1),
        "pipeline_vs_bare_spacy": round(one / bare, 2),
        "p50_latency_ms": round(statistics.median(latencies), 1),
        "p99_latency_ms": round(percentile(latencies, 0.99), 1),
        "latency_rate_per_s": round(one / 2, 1),
        "replay_articles_per_s": round(replay, 1),
        "two_workers_articles_per_s": round(two, 1),
        "two_workers_speedup": round(two / one, 2),
        "peak_rss_mb": {"one_worker": [round(r) for r in rss_one], "two_workers": [round(r) for r in rss_two]},
        "cpus": os.cpu_count(),
    }


# What each figure of :func:`run_bench` is, for the readable table (``--json`` keeps the keys).
LABELS: dict[str, str] = {
    "articles": "generated articles per run",
    "relevant_share": "share about airspace incidents",
    "bare_spacy_articles_per_s": "bare spaCy nlp.pipe, full texts (articles/s)",
    "extract_articles_per_s": "offline extraction (articles/s)",
    "parsed_token_share": "share of tokens sent to the parser",
    "pipeline_articles_per_s": "one worker, end to end (articles/s)",
    "pipeline_vs_bare_spacy": "one worker vs bare spaCy (x)",
    "p50_latency_ms": "p50 publish-to-event latency (ms)",
    "p99_latency_ms": "p99 publish-to-event latency (ms)",
    "latency_rate_per_s": "rate of the latency probe (articles/s)",
    "replay_articles_per_s": "replay, worker start included (articles/s)",
    "two_workers_articles_per_s": "two workers, end to end (articles/s)",
    "two_workers_speedup": "two workers vs one (x)",
    "peak_rss_mb": "peak RSS per worker (MB)",
    "cpus": "CPUs",
}


def _value(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{key.replace('_', ' ')}: {_value(inner)}" for key, inner in value.items())
    if isinstance(value, list):
        return ", ".join(_value(item) for item in value)
    return str(value)


def render_bench(result: dict[str, Any]) -> str:
    """The figures as a two-column table, in the order measured."""
    rows = [(LABELS.get(key, key), _value(value)) for key, value in result.items()]
    width = max(len(label) for label, _ in rows)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in rows)

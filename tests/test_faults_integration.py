"""Broker and worker failures on a three-node Apache Kafka cluster (replication factor 3, min ISR 2).

Each fault run streams the same 500 generated articles as a clean run (on the same
cluster, its own topics and group) and must end with the same result, and nothing
dead-lettered except the one article whose extraction raises.

"Byte for byte" under at-least-once delivery: after a fault the worker re-derives the
records it had not committed and sends their events again, so the record sequence of a
derived topic may hold duplicates, and the interleaving across partitions varies from run
to run; neither changes what a subscriber holds. So the comparison is of that: for every
event id (the record key) the value of its latest record, retracted ids left out, must be
byte-identical to the clean run's, for incidents and statements alike, and the worker's
count table must be equal.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import orjson
import pytest
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from newsroom_dev.generator import generate
from newsroom_dev.kafka_cluster import KafkaCluster, running_cluster
from streams.agents.worker import spawn_worker, stop_workers
from streams.config import Settings, Topics
from streams.kafka.broker import free_port
from streams.kafka.client import ensure_topics, publish, read_topic
from streams.kafka.monitor import get_json, processed, wait_until_assigned, wait_until_idle

pytestmark = pytest.mark.integration

# Mostly 'other news' (cheap to parse) with some incident reports and their statements.
ARTICLES = generate(500, seed=11, relevant_share=0.1)
WAIT_SECONDS = 300.0  # upper bounds for a loaded 2-core machine, not latency assertions
MID_STREAM = 120  # raw records processed before a fault is injected


def _unparseable() -> dict[str, Any]:
    """A valid raw article that spaCy refuses: its body embeds an image as a data URI, a single
    "word" that takes the text past the parser's 1,000,000-character limit (within the worker's
    1 MiB body limit, so validation lets it through)."""
    body = ('The agency said the photograph showed the damaged depot <img src="data:image/png;base64,'
            + "QUJD" * 250_000 + '">')
    return {"article_id": "fault-unparseable-1", "version": 1, "action": "publish",
            "published_at": "2025-10-03T08:00:00Z", "source": "test", "language": "en",
            "headline": "Depot pictured", "body": body}


@dataclass(frozen=True)
class Outcome:
    incidents: dict[bytes, bytes]
    statements: dict[bytes, bytes]
    counts: dict[str, dict[str, int]]
    dead: list[tuple[bytes | None, bytes | None, dict[str, bytes]]]


def _latest(records: list[tuple[bytes | None, bytes | None, list]]) -> dict[bytes, bytes]:
    """What a subscriber holds: the latest value per key, retracted keys removed."""
    latest: dict[bytes, bytes] = {}
    for key, value, _ in records:
        assert key is not None and value is not None
        if orjson.loads(value)["op"] == "retract":
            latest.pop(key, None)
        else:
            latest[key] = value
    return latest


async def _outcome(settings: Settings) -> Outcome:
    names = settings.topics
    dead = [(k, v, {name: bytes(h) for name, h in headers}) for k, v, headers in await read_topic(settings, names.deadletter)]
    return Outcome(incidents=_latest(await read_topic(settings, names.incidents)),
                   statements=_latest(await read_topic(settings, names.statements)),
                   counts=await get_json(settings, "/api/counts"), dead=dead)


def _tenant(cluster: KafkaCluster) -> Settings:
    """Fresh topics and group on the cluster, replicated as in production; a dead worker is noticed within 10 s."""
    tenant = f"f{uuid.uuid4().hex[:8]}"
    return Settings(bootstrap=cluster.bootstrap, app_id=f"newsroom-{tenant}", topics=Topics(f"{tenant}."),
                    partitions=4, web_port=free_port(), replication_factor=3, min_insync_replicas=2,
                    session_timeout=10.0)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KafkaCluster]:
    with running_cluster(tmp_path_factory.mktemp("kafka3"), size=3) as started:
        yield started


async def _raw_processed(settings: Settings) -> int:
    try:
        return sum(o + 1 for o in (await processed(settings)).get(settings.topics.raw, {}).values())
    except Exception:  # the worker is not answering yet
        return 0


async def _until_processed(settings: Settings, count: int, alive: Callable[[], bool]) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT_SECONDS
    while await _raw_processed(settings) < count:
        assert alive(), "the worker exited"
        assert loop.time() < deadline, f"fewer than {count} raw records processed in {WAIT_SECONDS}s"
        await asyncio.sleep(0.2)


async def _stream(settings: Settings, articles: list[dict[str, Any]], workers: list[Any],
                  fault: Callable[[Settings], Awaitable[None]] | None = None) -> Outcome:
    """A worker, the articles published, the fault injected once MID_STREAM records are processed, the outcome."""
    await ensure_topics(settings)
    workers.append(spawn_worker(settings))
    alive = lambda: workers[-1].poll() is None  # noqa: E731 - the fault may replace the worker
    await wait_until_assigned(settings, [settings.web_port], alive, timeout=WAIT_SECONDS)
    await publish(settings, articles)
    if fault is not None:
        await _until_processed(settings, MID_STREAM, alive)
        assert await _raw_processed(settings) < len(articles), "the stream ended before the fault"
        await fault(settings)
    await wait_until_idle(settings, timeout=WAIT_SECONDS, alive=alive)
    return await _outcome(settings)


def _run(settings: Settings, articles: list[dict[str, Any]],
         fault: Callable[[list[Any]], Callable[[Settings], Awaitable[None]]] | None = None) -> Outcome:
    workers: list[Any] = []
    try:
        return asyncio.run(_stream(settings, articles, workers, fault(workers) if fault else None))
    finally:
        stop_workers(workers)


@pytest.fixture(scope="module")
def clean(cluster: KafkaCluster) -> Outcome:
    outcome = _run(_tenant(cluster), ARTICLES)
    assert outcome.incidents and outcome.statements and outcome.counts["airspace_violation"], "a clean run derives something"
    assert not outcome.dead
    return outcome


def _assert_same(outcome: Outcome, clean: Outcome) -> None:
    assert outcome.incidents == clean.incidents  # id -> latest value bytes
    assert outcome.statements == clean.statements
    assert outcome.counts == clean.counts


async def _raw_leader(settings: Settings) -> int:
    """The broker leading most partitions of the raw topic."""
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap)
    await admin.start()
    try:
        (topic,) = await admin.describe_topics([settings.topics.raw])
    finally:
        await admin.close()
    leaders = [p["leader"] for p in topic["partitions"]]
    return max(set(leaders), key=leaders.count)


def test_the_raw_topics_leader_killed_mid_stream_and_restarted_later_changes_nothing(cluster, clean):
    settings = _tenant(cluster)

    def kill_leader(workers: list[Any]) -> Callable[[Settings], Awaitable[None]]:
        async def fault(settings: Settings) -> None:
            node = cluster.node_by_id(await _raw_leader(settings))
            before = await _raw_processed(settings)
            node.kill()
            # The worker goes on with the two brokers left (min ISR 2 still met) before the third is back.
            await _until_processed(settings, before + 100, lambda: workers[-1].poll() is None)
            node.start()
            await asyncio.get_running_loop().run_in_executor(None, cluster.wait_ready)
        return fault

    outcome = _run(settings, ARTICLES, kill_leader)
    _assert_same(outcome, clean)
    assert outcome.dead == []


def test_a_worker_killed_mid_stream_and_replaced_changes_nothing(cluster, clean):
    settings = _tenant(cluster)

    def replace_worker(workers: list[Any]) -> Callable[[Settings], Awaitable[None]]:
        async def fault(settings: Settings) -> None:
            workers[-1].kill()
            workers[-1].wait()
            workers.append(spawn_worker(settings))  # same web port: the killed one freed it
        return fault

    outcome = _run(settings, ARTICLES, replace_worker)
    _assert_same(outcome, clean)
    assert outcome.dead == []


def test_all_brokers_down_for_15_seconds_mid_stream_the_worker_waits_and_resumes(cluster, clean):
    settings = _tenant(cluster)

    def outage(workers: list[Any]) -> Callable[[Settings], Awaitable[None]]:
        async def fault(settings: Settings) -> None:
            worker = workers[-1]
            cluster.kill_all()
            await asyncio.sleep(15)
            assert worker.poll() is None, "the worker gave up while the brokers were down"
            for node in cluster.nodes:  # from this thread: a node ends with the thread that started it
                node.start()
            await asyncio.get_running_loop().run_in_executor(None, cluster.wait_ready)
        return fault

    outcome = _run(settings, ARTICLES, outage)
    _assert_same(outcome, clean)
    assert outcome.dead == []


def test_an_article_whose_extraction_raises_is_dead_lettered_and_the_worker_goes_on(cluster, clean):
    settings = _tenant(cluster)
    bad = _unparseable()
    articles = ARTICLES[:250] + [bad] + ARTICLES[250:]
    outcome = _run(settings, articles)
    _assert_same(outcome, clean)  # every other article derived as in the clean run, nothing of the bad one live
    [(key, value, headers)] = outcome.dead
    assert key == bad["article_id"].encode() and orjson.loads(value) == bad
    assert headers["error.stage"] == b"extract"
    reason = headers["error.reason"].decode()
    assert reason.startswith("ValueError: ") and "exceeds maximum" in reason, reason


def test_every_topic_the_app_creates_is_replicated_as_configured(cluster):
    settings = _tenant(cluster)
    _run(settings, ARTICLES[:5])

    async def described() -> tuple[dict[str, int], dict[str, str]]:
        admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap)
        await admin.start()
        try:
            names = [t for t in await admin.list_topics() if t.startswith((settings.topics.prefix, settings.app_id))]
            replicas = {t["topic"]: min(len(p["replicas"]) for p in t["partitions"]) for t in await admin.describe_topics(names)}
            responses = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, n) for n in names])
            min_isr = {resource[3]: value for response in responses for resource in response.resources
                       for name, value, *_ in resource[4] if name == "min.insync.replicas"}
            return replicas, min_isr
        finally:
            await admin.close()

    replicas, min_isr = asyncio.run(described())
    names = settings.topics
    written = {names.raw, names.incidents, names.statements, names.deadletter, f"{settings.app_id}-articles-changelog"}
    assert written <= set(replicas), replicas
    assert set(replicas.values()) == {3}, replicas  # faust's own assignor topic included
    # faust never writes to its assignor topic, so its min ISR (the broker default) cannot refuse a write.
    assert {t: min_isr[t] for t in written} == {t: "2" for t in written}

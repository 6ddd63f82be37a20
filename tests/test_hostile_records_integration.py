"""Issue 20's hostile records through a real broker: beside valid articles, every valid one is derived and
counted and every bad one dead-lettered, and the worker goes on (both brokers)."""

from __future__ import annotations

import asyncio
import dataclasses
import uuid

import aiohttp
import orjson
import pytest
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from newsroom_dev.generator import generate
from streams.config import Settings, Topics
from streams.kafka.client import ensure_topics, publish_records, read_topic
from streams.kafka.monitor import get_json, wait_until_assigned, wait_until_idle
from streams.model.article import Article
from streams.model.events import IncidentEvent, upserts_of_each
from streams.model.validation import Rejected, parse_document, parse_raw

from hostile import VALID, hostile_values, named_cases

pytestmark = pytest.mark.integration


def valid_articles(count: int, seed: int) -> list[dict]:
    return [{**d, "article_id": f"valid-{seed}-{i}"} for i, d in enumerate(generate(count, seed=seed, relevant_share=1.0))]


def expected_incidents(documents: list[dict]) -> set[str]:
    articles = [parse_document(d) for d in documents]
    return {e.incident_id for events in upserts_of_each(articles) for e in events if isinstance(e, IncidentEvent)}


def interleaved(valid: list[dict], bad: list[tuple[bytes | None, bytes]]) -> list[tuple[bytes | None, bytes]]:
    """The valid articles with a bad record after every other one: they share batches."""
    records: list[tuple[bytes | None, bytes]] = []
    bad_left = list(bad)
    for i, document in enumerate(valid):
        records.append((document["article_id"].encode(), orjson.dumps(document)))
        if i % 2 and bad_left:
            records.append(bad_left.pop(0))
    return records + bad_left


async def _run(settings: Settings, records: list[tuple[bytes | None, bytes]], alive) -> tuple[list, set[str], dict]:
    await ensure_topics(settings)
    await wait_until_assigned(settings, [settings.web_port], alive)
    await publish_records(settings, records)
    await wait_until_idle(settings, timeout=180, alive=alive)
    dead = await read_topic(settings, settings.topics.deadletter)
    incidents = {orjson.loads(v)["incident_id"] for _, v, _ in await read_topic(settings, settings.topics.incidents)}
    return dead, incidents, await get_json(settings, "/api/status")


def test_each_record_that_crashed_the_agent_is_dead_lettered_and_every_valid_one_beside_it_derived(
        settings, workers, run):
    valid = valid_articles(16, seed=20)
    bad = [(key.encode(), value) for key, value, _ in named_cases()]
    worker = workers.start(settings)
    dead, incidents, status = run(_run(settings, interleaved(valid, bad), alive=lambda: worker.poll() is None))
    assert worker.poll() is None
    assert incidents == expected_incidents(valid)  # all 16, none lost with a crashed batch
    by_key = {key: (value, dict(headers)) for key, value, headers in dead}
    assert set(by_key) == {key for key, _ in bad}
    for key, value in bad:
        kept, headers = by_key[key]
        assert kept == value and headers["error.stage"] == b"validate", key
        assert headers["error.reason"].decode() == parse_raw(value).reason  # type: ignore[union-attr]
    assert status["counters"]["articles_processed"] == len(valid) + len(bad)
    assert status["counters"]["deadlettered"] == len(bad)


@hypothesis_settings(max_examples=2, deadline=None, database=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                            HealthCheck.data_too_large])
@given(bad=st.lists(st.tuples(st.none() | st.binary(min_size=1, max_size=8), hostile_values()), min_size=12,
                    max_size=20))
def test_generated_hostile_records_beside_valid_articles_are_dead_lettered_or_applied(bootstrap, workers, run, bad):
    tenant = f"h{uuid.uuid4().hex[:8]}"
    from streams.kafka.broker import free_port

    settings = Settings(bootstrap=bootstrap, app_id=f"newsroom-{tenant}", topics=Topics(f"{tenant}."), partitions=2,
                        web_port=free_port())
    valid = valid_articles(8, seed=len(bad))
    worker = workers.start(settings)
    dead, incidents, _ = run(_run(settings, interleaved(valid, bad), alive=lambda: worker.poll() is None))
    assert worker.poll() is None
    assert expected_incidents(valid) <= incidents
    rejected = sorted(value for _, value in bad if isinstance(parse_raw(value), Rejected))
    assert sorted(value for _, value, headers in dead if dict(headers)["error.stage"] == b"validate") == rejected
    for _, value in bad:  # a valid one (perhaps re-keyed) is applied: nothing of it is dead-lettered as invalid
        if isinstance(parse_raw(value), Article):
            assert all(v != value or dict(h)["error.stage"] != b"validate" for _, v, h in dead)
    workers.stop_all()


FORGED = orjson.dumps({"member": "evil", "op": "upsert", "value": 5})
ANSWERING = ["/api/counts", "/api/snapshot", "/api/counts/airspace_violation/EE/2025", "/metrics",
             "/api/counts-over-time", "/api/status"]


async def _statuses(settings: Settings) -> dict[str, int]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
        found = {}
        for path in ANSWERING:
            async with session.get(f"http://{settings.web_host}:{settings.web_port}{path}") as response:
                found[path] = response.status
        return found


async def _forge(settings: Settings, valid: list[dict], alive) -> tuple[list, dict, dict[str, int]]:
    await ensure_topics(settings)
    await wait_until_assigned(settings, [settings.web_port], alive)
    await publish_records(settings, [(d["article_id"].encode(), orjson.dumps(d)) for d in valid])
    await wait_until_idle(settings, timeout=180, alive=alive)
    before = await get_json(settings, "/api/counts")
    await publish_records(settings, [(b"incidents/airspace_violation/EE/2025", FORGED), (None, FORGED),
                                     (None, orjson.dumps({"member": "m", "op": "upsert", "value": "v"}))],
                          topic=settings.topics.tallies)
    for _ in range(100):
        dead = await read_topic(settings, settings.topics.deadletter)
        if len(dead) >= 3:
            break
        await asyncio.sleep(0.3)
    return dead, before, await _statuses(settings)


def test_a_forged_or_keyless_tally_record_is_dead_lettered_never_folded_and_the_api_answers(settings, workers, run):
    valid = valid_articles(6, seed=5)
    worker = workers.start(settings)
    dead, before, statuses = run(_forge(settings, valid, alive=lambda: worker.poll() is None))
    assert statuses == {path: 200 for path in ANSWERING}
    assert sorted(((key, value, dict(headers)["error.stage"]) for key, value, headers in dead), key=repr) == sorted([
        (b"incidents/airspace_violation/EE/2025", FORGED, b"tally"), (None, FORGED, b"tally"),
        (None, orjson.dumps({"member": "m", "op": "upsert", "value": "v"}), b"tally")], key=repr)
    assert run(get_json(settings, "/api/counts")) == before
    workers.stop_all()  # a restart folds the topic again, forged records included
    restarted = workers.start(settings)
    run(wait_until_idle(settings, timeout=180, alive=lambda: restarted.poll() is None))
    assert run(_statuses(settings)) == {path: 200 for path in ANSWERING}
    assert run(get_json(settings, "/api/counts")) == before


def test_an_article_over_the_extraction_budget_is_dead_lettered_and_the_others_beside_it_derived(
        settings, workers, run):
    settings = dataclasses.replace(settings, extract_budget_seconds=2.0)
    valid = valid_articles(8, seed=9)
    slow = {**VALID, "article_id": "slow-1",
            "body": "Two jets of one state entered the airspace of another on Friday, its army said. " * 3000}
    worker = workers.start(settings)
    records = interleaved(valid, [(b"slow-1", orjson.dumps(slow))])
    dead, incidents, _ = run(_run(settings, records, alive=lambda: worker.poll() is None))
    assert incidents == expected_incidents(valid)
    [(key, _, headers)] = dead
    headers = dict(headers)
    assert key == b"slow-1" and headers["error.stage"] == b"extract"
    assert headers["error.reason"].decode().startswith("extraction took longer than the budget of 2 s")

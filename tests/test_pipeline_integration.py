"""End to end through a real broker: raw articles in, derived events, dead letters and counts out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import orjson
import pytest

from newsroom_dev.generator import generate
from streams import schemas
from streams.config import Settings
from streams.inputs.loader import read_documents
from streams.kafka.client import ensure_topics, live_state, publish, publish_records, read_topic
from streams.kafka.monitor import get_json, wait_until_assigned, wait_until_idle
from streams.model.events import IncidentEvent, upserts_of_each
from streams.model.validation import parse_document

from conftest import DEV_CORPUS, ROOT
from simulation import count_differences

pytestmark = pytest.mark.integration

GOOD = {
    "article_id": "good-1", "version": 1, "action": "publish", "published_at": "2025-09-12T10:00:00Z",
    "source": "test", "language": "en", "headline": "Drones over Lithuania",
    "body": "Two Russian drones entered Lithuanian airspace on Thursday, the army said.",
}

BAD: list[tuple[str, bytes, str]] = [
    ("not-json", b"{this is not json", "not JSON"),
    ("bad-utf8", b'{"article_id": "\xff\xfe"}', "UTF-8"),
    ("missing", orjson.dumps({"article_id": "m", "version": 1, "action": "publish"}), "published_at"),
    ("wrong-type", orjson.dumps({**GOOD, "article_id": "w", "body": 42}), "body"),
    ("unknown-action", orjson.dumps({**GOOD, "article_id": "u", "action": "shred"}), "action"),
    ("float-version", orjson.dumps({**GOOD, "article_id": "f", "version": 1.5}), "version"),
    ("bad-time", orjson.dumps({**GOOD, "article_id": "t", "published_at": "yesterday-ish"}), "published_at"),
    ("too-big", orjson.dumps({**GOOD, "article_id": "b", "body": "x" * 5000}), "exceeds"),
    ("array", b"[1, 2, 3]", "not a JSON object"),
]


async def _run_dead_letter(settings: Settings, alive) -> tuple[list, list]:
    await ensure_topics(settings)
    await publish_records(settings, [(key.encode(), value) for key, value, _ in BAD])
    await publish(settings, [GOOD])
    await wait_until_idle(settings, timeout=120, alive=alive)
    dead = await read_topic(settings, settings.topics.deadletter)
    statements = await read_topic(settings, settings.topics.statements)
    incidents = await read_topic(settings, settings.topics.incidents)
    return dead, incidents + statements


def test_every_bad_input_is_dead_lettered_with_its_reason_and_the_worker_goes_on(settings, workers, run):
    settings = Settings(**{**{f: getattr(settings, f) for f in settings.__dataclass_fields__}, "max_body_bytes": 4096})
    worker = workers.start(settings)
    dead, derived = run(_run_dead_letter(settings, alive=lambda: worker.poll() is None))
    by_key = {key.decode(): (value, dict(headers)) for key, value, headers in dead}
    assert set(by_key) == {key for key, _, _ in BAD}
    for key, original, fragment in BAD:
        value, headers = by_key[key]
        assert value == original, key  # the original bytes, untouched
        assert fragment in headers["error.reason"].decode(), (key, headers["error.reason"])
        assert headers["error.stage"] == b"validate"
        assert headers["error.at"]
    assert worker.poll() is None
    assert any(orjson.loads(v)["article_id"] == "good-1" for _, v, _ in derived), "the good article after the bad ones was processed"


async def _run_corpus(settings: Settings, paths, alive) -> dict:
    await ensure_topics(settings)
    await publish(settings, read_documents(paths))
    await wait_until_idle(settings, timeout=180, alive=alive)
    return {
        "incidents": live_state(await read_topic(settings, settings.topics.incidents)),
        "statements": live_state(await read_topic(settings, settings.topics.statements)),
        "counts": await get_json(settings, "/api/counts"),
    }


@pytest.mark.shared
def test_dev_counts_through_the_broker_equal_the_gold_counts(settings, workers, run):
    """Dev's table only: train is a validation set measured by `make score`, not a table pinned in a test."""
    worker = workers.start(settings)
    result = run(_run_corpus(settings, [DEV_CORPUS], alive=lambda: worker.poll() is None))
    expected = json.loads((DEV_CORPUS / "expected_counts.json").read_text())
    differences = count_differences(result["counts"], expected)
    assert not differences, "\n".join(differences)
    for event in result["incidents"]:
        assert not schemas.errors("incident", event)
    for event in result["statements"]:
        assert not schemas.errors("statement", event)


def test_demo_on_the_seeds_prints_the_estonian_violation_statements_and_counts(bootstrap):
    env = {**os.environ, "KAFKA_BOOTSTRAP": bootstrap, "NEWSROOM_TOPIC_PREFIX": "demo-seeds.",
           "NEWSROOM_APP_ID": "newsroom-demo-seeds"}
    from streams.kafka.broker import free_port

    done = subprocess.run([sys.executable, "-m", "streams.cli.main", "demo", "--once", "--json", "--port", str(free_port())],
                          cwd=ROOT, env=env, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    result = orjson.loads(done.stdout)
    violations = [e for e in result["incidents"] if e["kind"] == "airspace_violation" and e["country"] == "EE"]
    assert len(violations) == 1
    estonia = violations[0]
    assert (estonia["violator"], estonia["platform"], estonia["count"]) == ("RU", "aircraft", 3)
    assert estonia["model"] == "MiG-31" and estonia["duration_minutes"] == 12
    assert estonia["occurred_on"] == {"value": "2025-09-19", "precision": "day"}
    speakers = {e["speaker"]["name"] for e in result["statements"]}
    assert {"Mark Rutte", "North Atlantic Council"} <= speakers
    assert any(e["speaker"].get("role") == "Foreign Minister" and e["speaker"].get("organization") == "Estonia"
               for e in result["statements"])
    assert result["counts"]["airspace_violation"]["EE/2025"] == 1


async def _trickle(settings: Settings, documents: list[dict], alive, gap: float) -> list:
    """Articles one by one, each acknowledged, so most arrive while the worker is applying a batch."""
    await ensure_topics(settings)
    await wait_until_assigned(settings, [settings.web_port], alive)
    await publish(settings, documents, on_sent=lambda: time.sleep(gap))  # blocks the loop: nothing else runs here
    await wait_until_idle(settings, timeout=180, alive=alive)
    return await read_topic(settings, settings.topics.incidents)


def test_records_arriving_during_a_batch_are_each_applied_once(settings, workers, run):
    documents = generate(40, seed=21, relevant_share=1.0)
    worker = workers.start(settings)
    derived = run(_trickle(settings, documents, alive=lambda: worker.poll() is None, gap=0.02))
    expected = {e.incident_id for events in upserts_of_each([parse_document(d) for d in documents])
                for e in events if isinstance(e, IncidentEvent)}
    assert {orjson.loads(value)["incident_id"] for _, value, _ in derived} == expected
    status = run(get_json(settings, "/api/status"))
    assert status["counters"]["articles_processed"] == len(documents)
